// `yuanku rules`: the catalogue and one rule's documentation, both from the rules' own docs.
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ruleById, rules } from '../../scripts/lib/rules/index.ts'
import { workspace, yuanku } from './helpers.ts'

const width = Math.max(...rules.map((r) => r.id.length)) + 2

describe('yuanku rules', { timeout: 120_000 }, () => {
  it('lists every rule once under its family with default severity and summary', async () => {
    const dir = workspace()
    const r = await yuanku(['rules'], dir)
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    for (const rule of rules) {
      const severity = { error: '错误', warn: '警告', off: '关闭' }[rule.severity]
      expect(lines.filter((l) => l.startsWith(`  ${rule.id} `))).toEqual([`  ${rule.id.padEnd(width)}${severity}  ${rule.docs.summary.zh}`])
    }
    expect(lines[0]).toBe('形式')
    expect(lines[1]).toBe(`  ${'schema'.padEnd(width)}错误  ${ruleById('schema')!.docs.summary.zh}`)
    expect(lines.at(-2)).toBe(`共 ${rules.length} 条规则。yuanku rules <规则编号> 显示一条规则的说明。`)
    expect(lines.at(-1)).toBe('')
  })

  it('lists in English, and marks what library.yaml changes', async () => {
    const dir = workspace()
    appendFileSync(join(dir, 'plans/library.yaml'), 'rules:\n  placeholder-text: off\n  dissolved-unit: [warn, {}]\n')
    const r = await yuanku(['rules', '--locale', 'en'], dir)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('Form')
    expect(lines.find((l) => l.startsWith('  placeholder-text '))).toBe(`  ${'placeholder-text'.padEnd(width)}warn    ${ruleById('placeholder-text')!.docs.summary.en} (this library: off)`)
    expect(lines.find((l) => l.startsWith('  dissolved-unit '))).toBe(`  ${'dissolved-unit'.padEnd(width)}error   ${ruleById('dissolved-unit')!.docs.summary.en} (this library: warn)`)
    expect(lines.at(-2)).toBe(`${rules.length} rules. yuanku rules <id> shows one rule's documentation.`)
  })

  it('prints one rule: summary, why, fix, options, configuration, bad and good examples', async () => {
    const dir = workspace()
    const rule = ruleById('placeholder-text')!
    const d = rule.docs
    const indent = (t: string) => t.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')
    const r = await yuanku(['rules', 'placeholder-text'], dir)
    expect(r.stdout).toBe(
      [
        `placeholder-text — ${d.summary.zh}`,
        '',
        '类别：形式 · 默认级别：警告',
        `文档：${fileURLToPath(new URL('../../docs/rules/placeholder-text.md', import.meta.url))}`,
        '',
        '为什么',
        indent(d.why.zh),
        '',
        '怎么改',
        indent(d.fix.zh),
        '',
        '选项',
        indent(d.options!.zh),
        '    默认值：{"patterns":[],"allow":[]}',
        '',
        '配置（library.yaml）',
        '    rules:',
        '      placeholder-text: [warn, {"patterns":[],"allow":[]}]',
        '',
        '不合格示例',
        indent(d.bad),
        '',
        '合格示例',
        indent(d.good),
        '',
      ].join('\n'),
    )
    expect(r.code).toBe(0)
  })

  it('an unknown rule suggests the closest one and exits 2', async () => {
    const dir = workspace()
    const r = await yuanku(['rules', 'placeholder'], dir)
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'yuanku rules: 未知规则“placeholder”，是否要找“placeholder-text”？ / unknown rule "placeholder"; did you mean "placeholder-text"?\n'])
    const none = await yuanku(['rules', 'zzzzzzzzzzzzzzzz'], dir)
    expect([none.code, none.stderr]).toEqual([2, 'yuanku rules: 未知规则“zzzzzzzzzzzzzzzz”；yuanku rules 列出全部规则 / unknown rule "zzzzzzzzzzzzzzzz"; yuanku rules lists them all\n'])
  })
})
