import type { Finding, Locale, Place } from '../model/finding.ts'
import { severityName } from '../model/vocabulary.ts'
import { ruleName } from '../rules/index.ts'
import { summaryLine, tally, triage, type PlanLookup } from './triage.ts'

export interface FormatContext {
  locale: Locale
  /** Turns a library-relative path into the path shown to the user. */
  displayPath: (file: string) => string
  color?: boolean
  /** Absolute path of the library folder (SARIF's base for artifact URIs). */
  root?: string
  /**
   * SARIF only: make artifact URIs relative to this folder (e.g. the repository root, as GitHub code
   * scanning expects) instead of the library folder, under the base id %SRCROOT%.
   */
  sarifBase?: string
  /** The published site's address (library.yaml site.url): rule links point at its rules page. */
  siteUrl?: string
  /** Lines and columns of a fix's offsets in a library file, when the formatter needs them (SARIF). */
  placeOf?: (file: string, start: number, end: number) => Place | undefined
  /** Type and title of a plan by id: stylish output orders by plan weight and names the plan. */
  plans?: PlanLookup
}

const paint = (on: boolean | undefined, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s)

/**
 * Most serious first: a summary line, then the errors, then the warnings, each grouped by file with
 * the weightier plan first (overall before special before department…). Each line keeps ESLint's
 * `file:line:col  severity  …` shape so editors' problem matchers still jump to it; findings that
 * --fix repairs are marked.
 */
export function formatStylish(findings: Finding[], ctx: FormatContext): string {
  const zh = ctx.locale !== 'en'
  if (findings.length === 0) return zh ? '✔ 未发现问题\n' : '✔ No problems found\n'
  const t = tally(findings)
  const lines: string[] = []
  lines.push(paint(ctx.color, 1, zh ? `检查结果：${summaryLine(t, ctx.locale)}。` : `Result: ${summaryLine(t, ctx.locale)}.`))
  const fixMark = paint(ctx.color, 32, zh ? '〔可 --fix〕' : '[--fix]')
  const sorted = triage(findings, ctx.plans)
  let section: string | undefined
  let current: string | undefined
  for (const f of sorted) {
    if (f.severity !== section) {
      section = f.severity
      current = undefined
      const n = f.severity === 'error' ? t.errors : t.warnings
      lines.push('')
      lines.push(
        f.severity === 'error'
          ? paint(ctx.color, 31, zh ? `错误（${n}）` : `Errors (${n})`)
          : paint(ctx.color, 33, zh ? `警告（${n}）` : `Warnings (${n})`),
      )
    }
    const path = ctx.displayPath(f.file)
    if (path !== current) {
      const title = f.planId ? ctx.plans?.(f.planId)?.title : undefined
      lines.push(`${paint(ctx.color, 4, path)}${title ? `  ${title}` : ''}`)
      current = path
    }
    const severity = f.severity === 'error' ? paint(ctx.color, 31, severityName('error', ctx.locale)) : paint(ctx.color, 33, severityName('warn', ctx.locale))
    const name = ruleName(f.ruleId, ctx.locale)
    lines.push(`  ${path}:${f.place.line}:${f.place.column}  ${severity}  ${name}  ${f.message}${f.fix ? `  ${fixMark}` : ''}  ${paint(ctx.color, 2, f.ruleId)}`)
  }
  lines.push('')
  const { errors, warnings, fixable } = t
  lines.push(
    zh
      ? paint(ctx.color, errors ? 31 : 33, `✖ ${findings.length} 个问题（${errors} 个错误，${warnings} 个警告）`)
      : paint(ctx.color, errors ? 31 : 33, `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`),
  )
  if (fixable) lines.push(zh ? `  其中 ${fixable} 个可用 --fix 自动修复（已标〔可 --fix〕）` : `  ${fixable} fixable with --fix (marked [--fix])`)
  return `${lines.join('\n')}\n`
}
