import type { Finding, Locale, Place } from '../model/finding.ts'

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
}

const paint = (on: boolean | undefined, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s)

/** Grouped by file; each line `file:line:col  severity  message  rule-id`, then a summary (ESLint-like). */
export function formatStylish(findings: Finding[], ctx: FormatContext): string {
  const zh = ctx.locale !== 'en'
  const lines: string[] = []
  let current: string | undefined
  for (const f of findings) {
    const path = ctx.displayPath(f.file)
    if (path !== current) {
      if (current !== undefined) lines.push('')
      lines.push(paint(ctx.color, 4, path))
      current = path
    }
    const severity = f.severity === 'error' ? paint(ctx.color, 31, zh ? '错误' : 'error') : paint(ctx.color, 33, zh ? '警告' : 'warning')
    lines.push(`  ${path}:${f.place.line}:${f.place.column}  ${severity}  ${f.message}  ${paint(ctx.color, 2, f.ruleId)}`)
  }
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.length - errors
  const fixable = findings.filter((f) => f.fix).length
  if (findings.length === 0) return zh ? '✔ 未发现问题\n' : '✔ No problems found\n'
  lines.push('')
  lines.push(
    zh
      ? paint(ctx.color, errors ? 31 : 33, `✖ ${findings.length} 个问题（${errors} 个错误，${warnings} 个警告）`)
      : paint(ctx.color, errors ? 31 : 33, `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`),
  )
  if (fixable) lines.push(zh ? `  其中 ${fixable} 个可用 --fix 自动修复` : `  ${fixable} fixable with --fix`)
  return `${lines.join('\n')}\n`
}
