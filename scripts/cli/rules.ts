import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadLibraryMeta } from '../lib/load/library.ts'
import { ruleConfig } from '../lib/lint.ts'
import type { Locale } from '../lib/model/finding.ts'
import { SEVERITIES } from '../lib/model/vocabulary.ts'
import type { RuleSetting } from '../lib/model/settings.ts'
import { helpUri, RULE_FAMILIES, type Rule, type RuleFamily } from '../lib/rules/define-rule.ts'
import { rules } from '../lib/rules/index.ts'
import { closest } from '../lib/text/closest.ts'
import { EXIT, UsageError } from './errors.ts'
import { findLibraryRoot } from './library-path.ts'

export const rulesHelp = `用法 / Usage: yuanku rules [规则编号 rule-id] [--locale zh-CN|en]

  不带参数列出全部规则（编号、类别、默认级别、说明）；带规则编号显示该规则的完整说明。
  Without an id lists every rule (id, family, default severity, summary); with one shows its documentation.`

const FAMILIES = Object.fromEntries(
  Object.entries(RULE_FAMILIES).map(([id, f]) => [id, { zh: f.motto ? `${f.zh}（${f.motto}）` : f.zh, en: f.en }]),
) as Record<RuleFamily, { zh: string; en: string }>

// In English a severity is shown as the word library.yaml takes (warn), in Chinese by its name.
const SEVERITY = { zh: { error: SEVERITIES.error.zh, warn: SEVERITIES.warn.zh, off: SEVERITIES.off.zh }, en: { error: 'error', warn: 'warn', off: 'off' } }

type Lang = 'zh' | 'en'

function librarySettings(): { locale?: Locale; rules: Record<string, RuleSetting>; site?: { url?: string } } | undefined {
  const root = findLibraryRoot(existsSync('plans') ? 'plans' : '.')
  if (!root) return undefined
  const meta = loadLibraryMeta(root, { settingsOnly: true })
  return { locale: meta.settings.locale as Locale, rules: meta.settings.rules as Record<string, RuleSetting>, site: meta.settings.site }
}

/** What library.yaml turns the rule into, when that differs from its default. */
function configuredNote(rule: Rule<any>, lang: Lang, configured: Record<string, RuleSetting> | undefined): string {
  const setting = configured?.[rule.id]
  if (setting === undefined) return ''
  const here = ruleConfig(rule, setting).severity
  if (here === rule.severity) return ''
  return lang === 'zh' ? `（本库：${SEVERITY.zh[here]}）` : ` (this library: ${SEVERITY.en[here]})`
}

export function listRules(lang: Lang, configured?: Record<string, RuleSetting>): string {
  const width = Math.max(...rules.map((r) => r.id.length)) + 2
  const sevWidth = lang === 'en' ? 6 : 0
  const lines: string[] = []
  for (const family of Object.keys(FAMILIES) as RuleFamily[]) {
    const list = rules.filter((r) => r.family === family)
    if (!list.length) continue
    if (lines.length) lines.push('')
    lines.push(FAMILIES[family][lang])
    for (const r of list) {
      const severity = SEVERITY[lang][r.severity].padEnd(sevWidth)
      lines.push(`  ${r.id.padEnd(width)}${severity}  ${r.docs.summary[lang]}${configuredNote(r, lang, configured)}`)
    }
  }
  lines.push('')
  lines.push(lang === 'zh' ? `共 ${rules.length} 条规则。yuanku rules <规则编号> 显示一条规则的说明。` : `${rules.length} rules. yuanku rules <id> shows one rule's documentation.`)
  return `${lines.join('\n')}\n`
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n')

/** In a terminal, the installed docs file reads better as a path than as a file: URI. */
function docsLink(ruleId: string, siteUrl?: string): string {
  const uri = helpUri(ruleId, siteUrl)
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri
}

export function describeRule(rule: Rule<any>, lang: Lang, configured?: Record<string, RuleSetting>, siteUrl?: string): string {
  const d = rule.docs
  const zh = lang === 'zh'
  const out = [
    `${rule.id} — ${d.summary[lang]}`,
    '',
    zh
      ? `类别：${FAMILIES[rule.family].zh} · 默认级别：${SEVERITY[lang][rule.severity]}${configuredNote(rule, lang, configured)}`
      : `Family: ${FAMILIES[rule.family].en} · Default severity: ${SEVERITY[lang][rule.severity]}${configuredNote(rule, lang, configured)}`,
    zh ? `文档：${docsLink(rule.id, siteUrl)}` : `Docs: ${docsLink(rule.id, siteUrl)}`,
    '',
    zh ? '为什么' : 'Why',
    indent(d.why[lang]),
    '',
    zh ? '怎么改' : 'How to fix',
    indent(d.fix[lang]),
  ]
  const options = Object.keys(rule.options ?? {}).length ? JSON.stringify(rule.options) : undefined
  if (options || d.options) {
    out.push('', zh ? '选项' : 'Options')
    if (d.options) out.push(indent(d.options[lang]))
    if (options) out.push(indent(zh ? `默认值：${options}` : `Defaults: ${options}`))
  }
  out.push(
    '',
    zh ? `配置（library.yaml）` : 'Configure (library.yaml)',
    indent(`rules:\n  ${rule.id}: ${options ? `[${rule.severity === 'off' ? 'warn' : rule.severity}, ${options}]` : 'off | warn | error'}`),
    '',
    zh ? '不合格示例' : 'Bad example',
    indent(d.bad),
    '',
    zh ? '合格示例' : 'Good example',
    indent(d.good),
  )
  return `${out.join('\n')}\n`
}

export async function runRules(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    console.log(rulesHelp)
    return EXIT.ok
  }
  if (values.locale && values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError('--locale 只能是 zh-CN 或 en / --locale must be zh-CN or en')
  if (positionals.length > 1) throw new UsageError(`一次只能查看一条规则 / one rule at a time (got ${positionals.join(', ')})`)
  const library = librarySettings()
  const lang: Lang = (values.locale ?? library?.locale ?? 'zh-CN') === 'en' ? 'en' : 'zh'
  const [id] = positionals
  if (id === undefined) {
    process.stdout.write(listRules(lang, library?.rules))
    return EXIT.ok
  }
  const rule = rules.find((r) => r.id === id)
  if (!rule) {
    const guess = closest(id, rules.map((r) => r.id))
    throw new UsageError(
      guess
        ? `未知规则“${id}”，是否要找“${guess}”？ / unknown rule "${id}"; did you mean "${guess}"?`
        : `未知规则“${id}”；yuanku rules 列出全部规则 / unknown rule "${id}"; yuanku rules lists them all`,
    )
  }
  process.stdout.write(describeRule(rule, lang, library?.rules, library?.site?.url))
  return EXIT.ok
}
