// `yuanku drill score|add` run as a child process, as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildRecord, recordToJson, recordToMarkdown } from '../../scripts/lib/drill/record.ts'
import { parseImport } from '../../scripts/lib/drill/import.ts'
import type { ChecklistItem } from '../../scripts/lib/drill/types.ts'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const FIXTURE = new URL('../drill/fixtures/lib', import.meta.url).pathname

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'drill', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const items: ChecklistItem[] = [
  { ref: 'plan-e4126f20', phase: '预警与信息报告', text: '市水利局30分钟内报告水情', points: 5, critical: true, within: 30, source: 'plan' },
  { ref: 'plan-bc877d72', phase: '现场处置', text: '转移群众', points: 5, critical: false, source: 'plan' },
  { ref: 'duty-shi-gongan-846c8c2b', phase: '责任单位履职', text: '示例市公安局：维护灾区治安', points: 1, critical: false, source: 'duty', unit: 'shi-gongan' },
]
const header = { plan: 'shili-flood', date: '2026-05-12', kind: 'tabletop' as const, scenario: '强降雨', organizer: 'shi-yingji', evaluators: ['王敏'] }
const good = buildRecord(header, items, { 'plan-e4126f20': { rating: 'met', elapsed: 35 }, 'plan-bc877d72': { rating: 'partial' }, 'duty-shi-gongan-846c8c2b': { rating: 'na' } }, [])

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yuanku-drill-cli-'))
  cpSync(FIXTURE, join(dir, 'plans'), { recursive: true })
  // The fixture has no drills/ (Git keeps no empty folders); most tests want one.
  mkdirSync(join(dir, 'plans/drills'))
})

describe('yuanku drill score', () => {
  it('prints the recomputed score and says it matches (exit 0)', () => {
    writeFileSync(join(dir, 'plans/drills/a.md'), recordToMarkdown(good, '# 报告'))
    const r = run(['score', 'plans/drills/a.md'], dir)
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '演练记录：plans/drills/a.md（shili-flood，2026-05-12）',
        '得分：25',
        '等级：不合格',
        '完成：3/3 项已评定，其中不适用 1 项',
        '否决项未达标：1 项',
        '  - plan-e4126f20 市水利局30分钟内报告水情',
        '超过时限：1 项',
        '  - plan-e4126f20 市水利局30分钟内报告水情（用时 35分钟，时限 30分钟）',
        '与记录比对：一致（记录得分 25）',
        '',
      ].join('\n'),
    })
  })

  it('reports a mismatch with exit 1, in English when asked; reads JSON too', () => {
    const edited = { ...good, score: 80, grade: '良好', checklist: good.checklist.map((i, n) => (n === 0 ? { ...i, awarded: 5 } : i)) }
    writeFileSync(join(dir, 'edited.json'), recordToJson(edited))
    const r = run(['score', 'edited.json', '--locale', 'en'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(
      [
        'Drill record: edited.json (shili-flood, 2026-05-12)',
        'Score: 25',
        'Grade: Fail',
        'Completion: 3/3 items rated, 1 not applicable',
        'Critical failures: 1',
        '  - plan-e4126f20 市水利局30分钟内报告水情',
        'Over time: 1',
        '  - plan-e4126f20 市水利局30分钟内报告水情 (took 35分钟, limit 30分钟)',
        'Recorded: MISMATCH',
        '  - recorded score 80, computed 25',
        '  - recorded grade 良好, computed Fail',
        '  - item plan-e4126f20 recorded 5, should be 0',
        '',
      ].join('\n'),
    )
  })

  it('shows a provisional score', () => {
    const partial = buildRecord(header, items, { 'plan-bc877d72': { rating: 'met' } }, [])
    writeFileSync(join(dir, 'p.json'), recordToJson(partial))
    const r = run(['score', 'p.json'], dir)
    expect([r.code, r.stdout.split('\n').slice(1, 4)]).toEqual([0, ['得分：45.5（暂定：尚有 2 项未评定）', '等级：不合格', '完成：1/3 项已评定，其中不适用 0 项']])
  })

  it('refuses an invalid record (exit 2) and a missing file (exit 2), without a stack trace', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...good, kind: 'parade', __proto__x: 1 }))
    const r = run(['score', 'bad.json'], dir)
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'bad.json: 不是有效的演练记录 / not a valid drill record\n  /: 不允许的键“__proto__x” / unknown key "__proto__x"\n  /kind: 取值应为 "tabletop", "functional", "full-scale" / must be one of these\n' })
    expect(run(['score', 'nope.md'], dir)).toEqual({ code: 2, stdout: '', stderr: 'yuanku drill: 找不到文件“nope.md” / "nope.md" does not exist\n' })
    expect(run(['score'], dir).code).toBe(2)
    expect(run(['frobnicate'], dir)).toEqual({ code: 2, stdout: '', stderr: 'yuanku drill: 未知子命令“frobnicate”，可用：score、add / unknown subcommand "frobnicate" (score, add)\n' })
  })
})

describe('yuanku drill add', () => {
  it('stores a JSON export as Markdown under plans/drills/<date>-<plan>.md, creating the folder', () => {
    rmSync(join(dir, 'plans/drills'), { recursive: true })
    writeFileSync(join(dir, 'export.json'), recordToJson(good))
    const r = run(['add', 'export.json'], dir)
    expect(r).toEqual({ code: 0, stderr: '', stdout: '已收录 / added: plans/drills/2026-05-12-shili-flood.md\n' })
    const text = readFileSync(join(dir, 'plans/drills/2026-05-12-shili-flood.md'), 'utf8')
    expect(text).toBe(recordToMarkdown(good, undefined, { planTitle: '示例市防汛抗旱应急预案' }))
    expect(parseImport(text)).toMatchObject({ ok: true, record: good })
  })

  it('keeps a Markdown export byte for byte, takes a free name, and never overwrites', () => {
    const md = recordToMarkdown(good, '# 评估报告\n\n自己写的正文。')
    writeFileSync(join(dir, 'plans/drills/2026-05-12-shili-flood.md'), 'occupied by hand\n')
    writeFileSync(join(dir, 'export.md'), md)
    // The occupied file is not a drill record with this id, so the record is added under the next name.
    const r = run(['add', 'export.md', '--library', 'plans'], dir)
    expect(r).toEqual({ code: 0, stderr: '', stdout: '已收录 / added: plans/drills/2026-05-12-shili-flood-2.md\n' })
    expect(readFileSync(join(dir, 'plans/drills/2026-05-12-shili-flood-2.md'), 'utf8')).toBe(md)
    expect(readFileSync(join(dir, 'plans/drills/2026-05-12-shili-flood.md'), 'utf8')).toBe('occupied by hand\n')
  })

  it('refuses a record with unrated items unless --allow-incomplete, then warns and stores it', () => {
    const partial = buildRecord(header, items, { 'plan-bc877d72': { rating: 'met' } }, [])
    writeFileSync(join(dir, 'p.json'), recordToJson(partial))
    const refused = run(['add', 'p.json'], dir)
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'p.json: 未收录 / not added\n' +
        '  尚有 2 项未评定（已评 1/3），得分和等级为暂定；请在评估页面评完后重新导出，或加 --allow-incomplete 收录暂定记录 / 2 of 3 items are unrated and the grade is provisional; finish rating and export again, or add --allow-incomplete to store it as provisional\n',
    })
    expect(readdirSync(join(dir, 'plans/drills'))).toEqual([])
    const allowed = run(['add', 'p.json', '--allow-incomplete'], dir)
    expect(allowed).toEqual({
      code: 0,
      stdout: '已收录 / added: plans/drills/2026-05-12-shili-flood.md\n',
      stderr: '警告 / warning: 尚有 2 项未评定，收录为暂定记录 / 2 items unrated; stored as a provisional record\n',
    })
  })

  it('stores a record the evaluator finalised (定稿) with unrated items as final, without --allow-incomplete', () => {
    const finalised = buildRecord({ ...header, finalized: true }, items, { 'plan-bc877d72': { rating: 'met' } }, [])
    expect([finalised.finalized, finalised.provisional, finalised.unrated]).toEqual([true, false, 2])
    writeFileSync(join(dir, 'f.json'), recordToJson(finalised))
    expect(run(['add', 'f.json'], dir)).toEqual({ code: 0, stdout: '已收录 / added: plans/drills/2026-05-12-shili-flood.md\n', stderr: '' })
    const stored = readFileSync(join(dir, 'plans/drills/2026-05-12-shili-flood.md'), 'utf8')
    expect(stored).toContain('finalized: true')
    expect(stored).toContain('评估人员已定稿：2 项未评定，按未得分计。')
    expect(parseImport(stored)).toMatchObject({ ok: true, record: { finalized: true, provisional: false } })
  })

  it('refuses a record whose id is already in the library, leaving the folder as it was', () => {
    writeFileSync(join(dir, 'export.json'), recordToJson(good))
    expect(run(['add', 'export.json'], dir).code).toBe(0)
    const before = readdirSync(join(dir, 'plans/drills')).sort()
    const r = run(['add', 'export.json'], dir)
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'export.json: 未收录 / not added\n' +
        '  演练记录编号“shili-flood-2026-05-12”已被 drills/2026-05-12-shili-flood.md 使用；多名评估人员的记录请先在评估页面合并 / record id "shili-flood-2026-05-12" is already used by drills/2026-05-12-shili-flood.md; merge several evaluators\' records in the checklist page first\n',
    })
    expect(readdirSync(join(dir, 'plans/drills')).sort()).toEqual(before)
  })

  it('refuses an unknown plan, a mismatched score and an invalid file', () => {
    writeFileSync(join(dir, 'x.json'), recordToJson({ ...good, plan: 'no-such-plan', score: 99 }))
    const r = run(['add', 'x.json'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      'x.json: 未收录 / not added\n' +
        '  预案“no-such-plan”不在预案库中 / plan "no-such-plan" is not in the library\n' +
        '  记录的得分与评估项不符，请用 yuanku drill score 查看 / the recorded score does not match its items; see yuanku drill score\n',
    )
    writeFileSync(join(dir, 'y.md'), '---\nid: x\n---\n')
    expect(run(['add', 'y.md'], dir).code).toBe(1)
    expect(readdirSync(join(dir, 'plans/drills'))).toEqual([])
  })

  it('needs a library', () => {
    const empty = mkdtempSync(join(tmpdir(), 'yuanku-drill-empty-'))
    writeFileSync(join(empty, 'r.json'), recordToJson(good))
    expect(run(['add', 'r.json'], empty)).toEqual({ code: 2, stdout: '', stderr: 'yuanku drill: “.”不是预案库（没有 library.yaml 或 units.yaml）/ not a plan library (no library.yaml or units.yaml)\n' })
    expect(existsSync(join(empty, 'drills'))).toBe(false)
  })
})

it('help lists both subcommands', () => {
  expect(execFileSync(process.execPath, [CLI, 'drill', '--help'], { encoding: 'utf8' })).toContain('yuanku drill add 文件 FILE [--library plans]')
})
