// Writes docs/rules/: one page per rule (<id>.md, as markdownlint's doc/md001.md) and an index by family
// (README.md), from the rules' own docs, so that the documentation and the code cannot drift apart.
// `node scripts/gen-rule-docs.ts` rewrites them; `--check` exits 1 when any is stale or left over from a
// removed rule (a test runs that).
import { SEVERITIES } from './lib/model/vocabulary.ts'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { slug } from 'github-slugger'
import { rules } from './lib/rules/index.ts'
import { RULE_FAMILIES, type Bilingual, type Rule, type RuleFamily } from './lib/rules/define-rule.ts'

export const RULE_DOCS_DIR = fileURLToPath(new URL('../docs/rules/', import.meta.url))
const GENERATED = '<!-- 由 scripts/gen-rule-docs.ts 从规则源码生成，请修改规则而不是本文件 · generated from the rule by scripts/gen-rule-docs.ts: edit the rule, not this -->'

const SEVERITY = (s: 'error' | 'warn' | 'off') => (s === 'off' ? `默认关闭 off` : `${SEVERITIES[s].zh} ${s}`)

const familyTitle = (id: RuleFamily) => {
  const f = RULE_FAMILIES[id]
  return `${f.zh} ${f.en}${f.motto ? `（${f.motto}）` : ''}`
}

/** A code fence longer than any backtick run inside the example, so that no example can close it early. */
export function fence(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() && !/^#\s/.test(l))
  const yaml = !text.trimStart().startsWith('---') && !/^#{2,}\s/m.test(text) && /^\s*(- |[\w-]+:(\s|$))/.test(lines[0] ?? '')
  const lang = yaml ? 'yaml' : 'markdown'
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}${lang}\n${text.trim()}\n${ticks}`
}

const both = (b: Bilingual) => `${b.zh}\n\n*${b.en}*`

function configure(rule: Rule<any>): string {
  const options = Object.keys(rule.options ?? {}).length ? JSON.stringify(rule.options) : undefined
  const value = options ? `[${rule.severity === 'off' ? 'warn' : rule.severity}, ${options}]` : `${rule.severity === 'off' ? 'warn' : 'off'}   # off | warn | error`
  return ['```yaml', '# plans/library.yaml', 'rules:', `  ${rule.id}: ${value}`, '```'].join('\n')
}

/** docs/rules/<id>.md */
export function rulePage(rule: Rule<any>): string {
  const d = rule.docs
  const options = Object.keys(rule.options ?? {}).length ? JSON.stringify(rule.options) : undefined
  return [
    `# ${rule.name.zh} ${rule.name.en} · \`${rule.id}\``,
    '',
    GENERATED,
    '',
    `${d.summary.zh}。`,
    '',
    `*${d.summary.en}.*`,
    '',
    `- 类别 Family: [${familyTitle(rule.family)}](README.md#${slug(familyTitle(rule.family))})`,
    `- 默认级别 Default severity: ${SEVERITY(rule.severity)}`,
    ...(options ? [`- 选项默认值 Option defaults: \`${options}\``] : []),
    '',
    '## 为什么 Why',
    '',
    both(d.why),
    '',
    '## 怎么改 How to fix',
    '',
    both(d.fix),
    '',
    ...(d.notReported ? ['## 不报告 Not reported', '', both(d.notReported), ''] : []),
    ...(d.options ? ['## 选项 Options', '', both(d.options), ''] : []),
    '## 配置 Configure',
    '',
    configure(rule),
    '',
    '## 不合格 Bad',
    '',
    fence(d.bad),
    '',
    '## 合格 Good',
    '',
    fence(d.good),
    '',
    '[全部规则 All rules](README.md)',
    '',
  ].join('\n')
}

/** docs/rules/README.md: every rule by family. */
export function rulesIndex(): string {
  const parts = [
    '# 检查规则 Lint rules',
    '',
    GENERATED,
    '',
    `\`yuanku lint\` 的全部 ${rules.length} 条规则，按类别列出。每条规则的页面写明它为什么检查（附法规依据）、怎么改、不报告什么，以及不合格和合格的示例；这些示例也是测试。`,
    '规则的级别和选项在 `plans/library.yaml` 的 `rules` 中配置，写法与 ESLint 相同。`yuanku rules <规则编号>` 在终端中显示同样的说明。',
    '',
    `*All ${rules.length} rules of \`yuanku lint\`, by family. Each rule's page says why it checks (with its regulatory source), how to fix a finding, what it does not report, and gives a bad and a good example; the examples are tests too. Severities and options are set under \`rules\` in \`plans/library.yaml\`, as in ESLint. \`yuanku rules <id>\` prints the same documentation in a terminal.*`,
    '',
    '```yaml',
    '# plans/library.yaml',
    'rules:',
    '  no-time-limit: warn                     # 默认关闭的规则可以打开 · turn on a rule that is off by default',
    '  placeholder-text: off',
    '  copied-from-parent: [warn, { threshold: 0.7 }]',
    '```',
    '',
  ]
  for (const family of Object.keys(RULE_FAMILIES) as RuleFamily[]) {
    const list = rules.filter((r) => r.family === family)
    if (!list.length) continue
    parts.push(`## ${familyTitle(family)}`, '', '| 规则 rule | 名称 name | 默认 default | 检查什么 what |', '| --- | --- | --- | --- |')
    for (const r of list) parts.push(`| [\`${r.id}\`](${r.id}.md) | ${r.name.zh} · ${r.name.en} | ${r.severity} | ${r.docs.summary.zh} · ${r.docs.summary.en} |`)
    parts.push('')
  }
  return parts.join('\n')
}

/** Every file docs/rules/ must hold: name → content. */
export function ruleDocFiles(): Map<string, string> {
  const files = new Map<string, string>([['README.md', rulesIndex()]])
  for (const rule of rules) files.set(`${rule.id}.md`, rulePage(rule))
  return files
}

/** Files that differ from what the rules generate, are missing, or belong to no rule. */
export function staleRuleDocs(dir = RULE_DOCS_DIR): string[] {
  const files = ruleDocFiles()
  let present: string[] = []
  try {
    present = readdirSync(dir).filter((n) => n.endsWith('.md'))
  } catch {}
  const stale = present.filter((n) => !files.has(n))
  for (const [name, text] of files) {
    let current: string | undefined
    try {
      current = readFileSync(join(dir, name), 'utf8')
    } catch {}
    if (current !== text) stale.push(name)
  }
  return stale.sort()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const stale = staleRuleDocs()
    if (stale.length) {
      console.error(`docs/rules/ is stale (${stale.join(', ')}): run node scripts/gen-rule-docs.ts`)
      process.exit(1)
    }
  } else {
    const files = ruleDocFiles()
    mkdirSync(RULE_DOCS_DIR, { recursive: true })
    for (const name of readdirSync(RULE_DOCS_DIR)) if (name.endsWith('.md') && !files.has(name)) rmSync(join(RULE_DOCS_DIR, name))
    for (const [name, text] of files) writeFileSync(join(RULE_DOCS_DIR, name), text)
    console.log(`docs/rules/ updated (${files.size} files)`)
  }
}
