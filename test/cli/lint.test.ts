// `yuanku lint` end to end: exact report, exit codes, path arguments, displayed paths, cache location.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TODAY, workspace, yuanku } from './helpers.ts'

const FLOOD = '  plans/city/flood.md:56:8  警告  占位文字未填  正文中留有未填写的占位符“待定”  placeholder-text'
const FLOOD_FILE = 'plans/city/flood.md  示例市防汛应急预案'
const FOREST_FILE = 'plans/city/forest.md  示例市森林火灾应急预案'
const ONE_WARNING = ['检查结果：1 个警告，涉及 1 份预案。', '', '警告（1）', FLOOD_FILE, FLOOD, '', '✖ 1 个问题（0 个错误，1 个警告）', ''].join('\n')
const FOREST = [
  '  plans/city/forest.md:9:12  错误  单位已撤销  单位“示例市林业局”已于 2019-01-15 撤销，应改为“示例市自然资源和规划局”（shi-ziran）  〔可 --fix〕  dissolved-unit',
  '  plans/city/forest.md:11:11  错误  单位已撤销  单位“示例市林业局”已于 2019-01-15 撤销，应改为“示例市自然资源和规划局”（shi-ziran）  〔可 --fix〕  dissolved-unit',
  '  plans/city/forest.md:14:11  错误  单位已撤销  单位“示例市安全生产监督管理局”已于 2019-01-15 撤销，应改为“示例市应急管理局”（shi-yingji）  dissolved-unit',
]

describe('yuanku lint', { timeout: 120_000 }, () => {
  it('reports errors first, then warnings, each grouped by file, with a summary; exit 1 on errors', async () => {
    const dir = workspace()
    const r = await yuanku(['lint', '--today', TODAY, '--no-cache'], dir)
    expect(r.stdout).toBe(
      [
        '检查结果：3 个错误，涉及 1 份预案；1 个警告，涉及 1 份预案。',
        '',
        '错误（3）',
        FOREST_FILE,
        ...FOREST,
        '',
        '警告（1）',
        FLOOD_FILE,
        FLOOD,
        '',
        '✖ 4 个问题（3 个错误，1 个警告）',
        '  其中 2 个可用 --fix 自动修复（已标〔可 --fix〕）',
        '',
      ].join('\n'),
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
  })

  it('filters findings to the named files and globs; warnings alone exit 0', async () => {
    const dir = workspace()
    const one = await yuanku(['lint', 'plans/city/flood.md', '--today', TODAY, '--no-cache'], dir)
    expect(one.stdout).toBe(ONE_WARNING)
    expect(one.code).toBe(0)
    const glob = await yuanku(['lint', 'plans/city/f*.md', '--today', TODAY, '--no-cache', '--format', 'json'], dir)
    const json = JSON.parse(glob.stdout)
    expect(json.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
      'plans/city/flood.md:56',
      'plans/city/forest.md:9',
      'plans/city/forest.md:11',
      'plans/city/forest.md:14',
    ])
    expect([json.errorCount, json.warningCount]).toEqual([3, 1])
    // One finding per line: grep and diff see findings, not keys.
    const lines = glob.stdout.split('\n')
    expect(lines.filter((l) => l.startsWith('    {"file":')).map((l) => JSON.parse(l.replace(/,$/, '')))).toEqual(json.findings)
    expect(lines.slice(-4)).toEqual(['  "errorCount": 3,', '  "warningCount": 1', '}', ''])
  })

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const dir = workspace()
    const r = await yuanku(['lint', 'plans/city/flood.md', '--today', TODAY, '--no-cache', '--max-warnings', '0'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('警告数 1 超过 --max-warnings 0 / too many warnings (1 > 0)\n')
    const ok = await yuanku(['lint', 'plans/city/flood.md', '--today', TODAY, '--no-cache', '--max-warnings', '1'], dir)
    expect(ok.code).toBe(0)
  })

  it('shows paths outside the working folder as absolute, in English with --locale en', async () => {
    const dir = workspace()
    const inside = join(dir, 'plans', 'city')
    const r = await yuanku(['lint', join(dir, 'plans/city/flood.md'), '--today', TODAY, '--no-cache', '--locale', 'en'], join(inside))
    expect(r.stdout).toBe(
      ['Result: 1 warning in 1 plan.', '', 'Warnings (1)', 'flood.md  示例市防汛应急预案', '  flood.md:56:8  warning  Placeholder text  Unfilled placeholder "待定" left in the text  placeholder-text', '', '✖ 1 problem (0 errors, 1 warning)', ''].join('\n'),
    )
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    const abs = await yuanku(['lint', join(dir, 'plans/city/flood.md'), '--today', TODAY, '--no-cache'], elsewhere)
    expect(abs.stdout.split('\n')[3]).toBe(`${join(dir, 'plans/city/flood.md')}  示例市防汛应急预案`)
  })

  it('--rule runs one rule; an unknown rule is a usage error with a suggestion', async () => {
    const dir = workspace()
    const r = await yuanku(['lint', '--rule', 'placeholder-text', '--today', TODAY, '--no-cache'], dir)
    expect(r.stdout).toBe(ONE_WARNING)
    const bad = await yuanku(['lint', '--rule', 'dissolved-units'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toBe('yuanku lint: 未知规则“dissolved-units”，是否要找“dissolved-unit”？ / unknown rule "dissolved-units"; did you mean "dissolved-unit"? (yuanku rules)\n')
  })

  it('usage errors exit 2 without a stack trace', async () => {
    const dir = workspace()
    const cases: [string[], string][] = [
      [['lint', '--format', 'xml'], 'yuanku lint: 未知格式“xml”，可用：stylish, json, sarif, gitlab / unknown format "xml"; use stylish, json, sarif, gitlab\n'],
      [['lint', 'plans/nope.md'], 'yuanku lint: 找不到“plans/nope.md” / "plans/nope.md" does not exist\n'],
      [['lint', '--today', '1.11.2026'], 'yuanku lint: --today 应为 YYYY-MM-DD 格式的有效日期 / --today must be a valid date YYYY-MM-DD\n'],
      [['lint', '--today', '2026-02-30'], 'yuanku lint: --today 应为 YYYY-MM-DD 格式的有效日期 / --today must be a valid date YYYY-MM-DD\n'],
      [['lint', '--fromat', 'json'], `yuanku lint: 未知选项（yuanku lint --help 查看用法）/ Unknown option '--fromat'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--fromat"\n`],
    ]
    for (const [args, stderr] of cases) {
      const r = await yuanku(args, dir)
      expect([r.code, r.stderr]).toEqual([2, stderr])
    }
  })

  it('-o writes the report to a file and nothing to stdout', async () => {
    const dir = workspace()
    const r = await yuanku(['lint', '--today', TODAY, '--no-cache', '--format', 'sarif', '-o', 'out/report.sarif'], dir)
    expect(r.stdout).toBe('')
    expect(r.code).toBe(1)
    const log = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'))
    expect(log.runs[0].results).toHaveLength(4)
  })

  it('keeps its cache where --cache-location says, and writes none with --no-cache', async () => {
    const dir = workspace()
    const cache = join(dir, 'my-cache')
    const first = await yuanku(['lint', '--today', TODAY, '--cache-location', 'my-cache'], dir)
    expect(readdirSync(cache)).toEqual(['lint-cache-v1.bin', 'lint-cache-v1.result.bin', 'lint-cache-v1.stamps.bin'])
    const warm = await yuanku(['lint', '--today', TODAY, '--cache-location', 'my-cache'], dir)
    expect(warm.stdout).toBe(first.stdout)
    expect(warm.code).toBe(1)
    expect(readdirSync(dir).sort()).toEqual(['my-cache', 'plans'])
  })

  it('without node_modules above, caches in the temp folder; --no-cache writes nothing', async () => {
    const dir = workspace()
    const key = createHash('sha1').update(join(dir, 'plans')).digest('hex').slice(0, 16)
    const cache = join(tmpdir(), 'yuanku-cache', key)
    await yuanku(['lint', '--today', TODAY, '--no-cache'], dir)
    expect(existsSync(cache)).toBe(false)
    await yuanku(['lint', '--today', TODAY], dir)
    expect(readdirSync(cache)).toEqual(['lint-cache-v1.bin', 'lint-cache-v1.result.bin', 'lint-cache-v1.stamps.bin'])
    rmSync(cache, { recursive: true })
  })

  it('puts the default cache under the nearest node_modules/.cache/yuanku', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'node_modules'))
    const sub = join(dir, 'plans', 'city')
    await yuanku(['lint', '..', '--today', TODAY], sub)
    const made = readdirSync(join(dir, 'node_modules/.cache/yuanku'))
    expect(made).toHaveLength(1)
    expect(made[0]).toMatch(/^[0-9a-f]{16}$/)
    expect(readdirSync(join(dir, 'node_modules/.cache/yuanku', made[0]))).toEqual(['lint-cache-v1.bin', 'lint-cache-v1.result.bin', 'lint-cache-v1.stamps.bin'])
  })
})
