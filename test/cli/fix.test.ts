// `yuanku lint --fix`: only the value spans change, only in files with fixes, atomically; then the rest is reported.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TODAY, workspace, yuanku } from './helpers.ts'

const FLOOD = '  plans/city/flood.md:56:8  警告  占位文字未填  正文中留有未填写的占位符“待定”  placeholder-text'

describe('yuanku lint --fix', { timeout: 120_000 }, () => {
  it('replaces dissolved unit ids in place, keeps comments and quoted values, reports and re-lints', async () => {
    const dir = workspace()
    const forest = join(dir, 'plans/city/forest.md')
    const flood = join(dir, 'plans/city/flood.md')
    const before = readFileSync(forest, 'utf8')
    const floodBefore = statSync(flood)
    const r = await yuanku(['lint', '--fix', '--today', TODAY, '--no-cache'], dir)
    expect(r.stdout).toBe(
      [
        'plans/city/forest.md：已修复 2 处',
        '',
        '检查结果：1 个错误，涉及 1 份预案；1 个警告，涉及 1 份预案。',
        '',
        '错误（1）',
        'plans/city/forest.md  示例市森林火灾应急预案',
        '  plans/city/forest.md:14:11  错误  单位已撤销  单位“示例市安全生产监督管理局”已于 2019-01-15 撤销，应改为“示例市应急管理局”（shi-yingji）  dissolved-unit',
        '',
        '警告（1）',
        'plans/city/flood.md  示例市防汛应急预案',
        FLOOD,
        '',
        '✖ 2 个问题（1 个错误，1 个警告）',
        '',
      ].join('\n'),
    )
    expect(r.code).toBe(1)
    const after = readFileSync(forest, 'utf8')
    // Exactly the two bare ids changed: the comment after one stays, the quoted one is not certain and stays.
    expect(after).toBe(before.replace('lead_unit: shi-linye # 2019', 'lead_unit: shi-ziran # 2019').replace('  - unit: shi-linye\n', '  - unit: shi-ziran\n'))
    expect(after).toContain('  - unit: "shi-anjian"\n')
    // A file without fixes is not rewritten.
    expect(statSync(flood).mtimeMs).toBe(floodBefore.mtimeMs)
    expect(statSync(flood).ino).toBe(floodBefore.ino)
  })

  it('keeps a BOM and CRLF line ends, and reports to stderr when stdout is machine-readable', async () => {
    const dir = workspace()
    const forest = join(dir, 'plans/city/forest.md')
    const crlf = `\uFEFF${readFileSync(forest, 'utf8').replace(/\n/g, '\r\n')}`
    writeFileSync(forest, crlf)
    const r = await yuanku(['lint', 'plans/city/forest.md', '--fix', '--format', 'json', '--locale', 'en', '--today', TODAY, '--no-cache'], dir)
    expect(r.stderr).toBe('plans/city/forest.md: fixed 2 problems\n')
    expect(JSON.parse(r.stdout).findings.map((f: { line: number; ruleId: string }) => `${f.line} ${f.ruleId}`)).toEqual(['14 dissolved-unit'])
    const bytes = readFileSync(forest)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toBe(crlf.replace('lead_unit: shi-linye #', 'lead_unit: shi-ziran #').replace('  - unit: shi-linye\r\n', '  - unit: shi-ziran\r\n'))
  })

  it('fixes only the files the arguments name', async () => {
    const dir = workspace()
    const forest = join(dir, 'plans/city/forest.md')
    const before = readFileSync(forest, 'utf8')
    const r = await yuanku(['lint', 'plans/city/flood.md', '--fix', '--today', TODAY, '--no-cache'], dir)
    expect(r.stdout).toBe(['检查结果：1 个警告，涉及 1 份预案。', '', '警告（1）', 'plans/city/flood.md  示例市防汛应急预案', FLOOD, '', '✖ 1 个问题（0 个错误，1 个警告）', ''].join('\n'))
    expect(r.code).toBe(0)
    expect(readFileSync(forest, 'utf8')).toBe(before)
  })

  it('a second --fix has nothing left to fix and writes nothing', async () => {
    const dir = workspace()
    await yuanku(['lint', '--fix', '--today', TODAY, '--no-cache'], dir)
    const forest = join(dir, 'plans/city/forest.md')
    const stat = statSync(forest)
    const again = await yuanku(['lint', '--fix', '--today', TODAY, '--no-cache'], dir)
    expect(again.stdout.startsWith('检查结果：1 个错误')).toBe(true)
    expect(statSync(forest).mtimeMs).toBe(stat.mtimeMs)
  })
})

describe('applyFixes', { timeout: 120_000 }, () => {
  it('applies fixes in order, once each, and leaves overlapping or out-of-range ones for a later pass', async () => {
    const { applyFixes } = await import('../../scripts/lib/fix.ts')
    const text = 'unit: a # note\nlead: b\n'
    const a = { start: 6, end: 7, text: 'x' }
    const b = { start: 21, end: 22, text: 'yy' }
    const overlapping = { start: 6, end: 8, text: 'z' }
    const outside = { start: 40, end: 41, text: 'w' }
    const r = applyFixes(text, [b, a, a, overlapping, outside])
    expect(r.text).toBe('unit: x # note\nlead: yy\n')
    expect(r.applied).toEqual([a, b])
    expect(r.skipped).toEqual([overlapping, outside])
  })
})
