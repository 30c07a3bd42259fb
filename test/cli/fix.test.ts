// `yuanku lint --fix`: only the value spans change, only in files with fixes, atomically; then the rest is reported.
import { cpSync, mkdtempSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
        '  9:12  dissolved-unit  “shi-linye” → “shi-ziran”',
        '  11:11  dissolved-unit  “shi-linye” → “shi-ziran”',
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
    expect(r.stderr).toBe('plans/city/forest.md: fixed 2 problems\n  9:12  dissolved-unit  “shi-linye” → “shi-ziran”\n  11:11  dissolved-unit  “shi-linye” → “shi-ziran”\n')
    expect(JSON.parse(r.stdout).findings.map((f: { line: number; ruleId: string }) => `${f.line} ${f.ruleId}`)).toEqual(['14 dissolved-unit'])
    const bytes = readFileSync(forest)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toBe(crlf.replace('lead_unit: shi-linye #', 'lead_unit: shi-ziran #').replace('  - unit: shi-linye\r\n', '  - unit: shi-ziran\r\n'))
  })

  it('--fix-dry-run lists the same changes and writes nothing', async () => {
    const dir = workspace()
    const forest = join(dir, 'plans/city/forest.md')
    const before = readFileSync(forest, 'utf8')
    const stat = statSync(forest)
    const r = await yuanku(['lint', '--fix-dry-run', '--today', TODAY, '--no-cache'], dir)
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'plans/city/forest.md：将修复 2 处（试运行，未写入）',
      '  9:12  dissolved-unit  “shi-linye” → “shi-ziran”',
      '  11:11  dissolved-unit  “shi-linye” → “shi-ziran”',
      '',
    ])
    // The findings are those of the unchanged files: both dissolved ids are still reported.
    expect(r.stdout.match(/dissolved-unit$/gm)?.length).toBe(3)
    expect(r.code).toBe(1)
    expect(readFileSync(forest, 'utf8')).toBe(before)
    expect(statSync(forest).mtimeMs).toBe(stat.mtimeMs)
    expect((await yuanku(['lint', '--fix', '--fix-dry-run'], dir)).code).toBe(2)
  })

  it('--rule limits the fixes to the named rules', async () => {
    const dir = workspace()
    const forest = join(dir, 'plans/city/forest.md')
    const before = readFileSync(forest, 'utf8')
    const other = await yuanku(['lint', '--fix', '--rule', 'placeholder-text', '--today', TODAY, '--no-cache'], dir)
    expect(other.stdout).not.toContain('已修复')
    expect(readFileSync(forest, 'utf8')).toBe(before)
    const named = await yuanku(['lint', '--fix', '--rule', 'dissolved-unit', '--today', TODAY, '--no-cache'], dir)
    expect(named.stdout.split('\n')[0]).toBe('plans/city/forest.md：已修复 2 处')
    expect(readFileSync(forest, 'utf8')).not.toBe(before)
  })

  it('keeps CR-only line ends (read as line breaks, written back as they were)', async () => {
    const dir = workspace()
    const forest = join(dir, 'plans/city/forest.md')
    const cr = readFileSync(forest, 'utf8').replace(/\n/g, '\r')
    writeFileSync(forest, cr)
    const r = await yuanku(['lint', 'plans/city/forest.md', '--fix', '--today', TODAY, '--no-cache'], dir)
    // Same places as the LF file: the loader counts a lone CR as a line break.
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['plans/city/forest.md：已修复 2 处', '  9:12  dissolved-unit  “shi-linye” → “shi-ziran”', '  11:11  dissolved-unit  “shi-linye” → “shi-ziran”'])
    expect(readFileSync(forest, 'utf8')).toBe(cr.replace('lead_unit: shi-linye #', 'lead_unit: shi-ziran #').replace('  - unit: shi-linye\r', '  - unit: shi-ziran\r'))
  })

  it('the example library: shi-senlin already lists shi-ziran, so the dissolved shi-linye is merged into it, not added twice', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'yuanku-senlin-')))
    cpSync(new URL('../../plans', import.meta.url).pathname, join(dir, 'plans'), { recursive: true })
    const senlin = join(dir, 'plans/city/special/shi-senlin.md')
    const before = readFileSync(senlin, 'utf8')
    const r = await yuanku(['lint', 'plans', '--fix', '--rule', 'dissolved-unit', '--rule', 'duplicate-unit', '--today', TODAY, '--no-cache'], dir)
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['plans/city/special/shi-senlin.md：已修复 1 处', '  16:1  dissolved-unit  “  - unit: shi-linye⏎    role: member⏎    duties:⏎” → （删除）'])
    const after = readFileSync(senlin, 'utf8')
    expect(after.match(/- unit: shi-ziran/g)?.length).toBe(1)
    expect(after).not.toContain('shi-linye')
    // The lead keeps its role and gains the dissolved unit's duty; nothing else in the file changes.
    expect(after).toBe(before.replace('参与扑火方案制定\n  - unit: shi-linye\n    role: member\n    duties:\n', '参与扑火方案制定\n'))
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
