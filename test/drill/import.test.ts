import { describe, expect, it } from 'vitest'
import { buildRecord, recordToJson, recordToMarkdown } from '../../scripts/lib/drill/record.ts'
import { MAX_IMPORT_BYTES, mergeEvaluations, parseImport } from '../../scripts/lib/drill/import.ts'
import type { ChecklistItem, DrillRecordData, Ratings } from '../../scripts/lib/drill/types.ts'

const items: ChecklistItem[] = [
  { ref: 'a', phase: 'P1', text: 'A', points: 4, critical: false, source: 'plan' },
  { ref: 'b', phase: 'P1', text: 'B', points: 2, critical: true, within: 30, source: 'plan' },
  { ref: 'c', phase: 'P2', text: 'C', points: 2, critical: false, source: 'plan' },
  { ref: 'd', phase: 'P2', text: 'D', points: 2, critical: false, source: 'plan' },
]
const rec = (evaluator: string, ratings: Ratings, findings: DrillRecordData['findings'] = []) =>
  buildRecord({ plan: 'p', date: '2026-05-12', kind: 'functional', scenario: 's', organizer: 'o', evaluators: [evaluator] }, items, ratings, findings)
const base = rec('甲', { a: { rating: 'met' } })

describe('parseImport refuses', () => {
  it('files over 5 MB', () => {
    const big = recordToJson(base).replace('"s"', `"${'x'.repeat(MAX_IMPORT_BYTES)}"`)
    expect(parseImport(big)).toEqual({ ok: false, errors: ['文件超过 5 MB / file larger than 5 MB'] })
    // Multi-byte text is measured in bytes, not characters.
    const cjk = recordToJson(base).replace('"s"', `"${'汉'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 10)}"`)
    expect(parseImport(cjk).ok).toBe(false)
  })
  it('__proto__, constructor and prototype keys anywhere', () => {
    const json = recordToJson(base)
    expect(parseImport(json.replace('"id":', '"__proto__": {"polluted": 1}, "id":'))).toEqual({ ok: false, errors: ['拒绝导入：含有不允许的键 /__proto__ / refused: forbidden key at /__proto__'] })
    expect(parseImport(json.replace('"ref": "a",', '"ref": "a", "constructor": {"prototype": {}},'))).toEqual({ ok: false, errors: ['拒绝导入：含有不允许的键 /checklist/0/constructor / refused: forbidden key at /checklist/0/constructor'] })
    const md = recordToMarkdown(base).replace('id: p-2026-05-12', '__proto__:\n  polluted: 1\nid: p-2026-05-12')
    expect(parseImport(md)).toEqual({ ok: false, errors: ['拒绝导入：含有不允许的键 /__proto__ / refused: forbidden key at /__proto__'] })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('anything the drill schema does not allow', () => {
    const data = JSON.parse(recordToJson(base))
    data.checklist[0].rating = 'excellent'
    data.extra = 1
    delete data.plan
    data.date = '2026-13-45'
    expect(parseImport(JSON.stringify(data))).toEqual({
      ok: false,
      errors: [
        '/: 缺少“plan” / missing "plan"',
        '/: 不允许的键“extra” / unknown key "extra"',
        '/date: 格式应为 date（YYYY-MM-DD） / must be a date',
        '/checklist/0/rating: 取值应为 "met", "partial", "unmet", "na", "P", "S", "M", "U", "points", null / must be one of these',
      ],
    })
  })
  it('duplicate refs, non-exports, broken JSON, YAML anchors', () => {
    const data = JSON.parse(recordToJson(base))
    data.checklist[1].ref = 'a'
    expect(parseImport(JSON.stringify(data))).toEqual({ ok: false, errors: ['评估项标识“a”重复 / duplicate item ref "a"'] })
    expect(parseImport('ref,text\r\na,b')).toMatchObject({ ok: false })
    expect(parseImport('{"id": ')).toMatchObject({ ok: false })
    expect(parseImport('---\na: &x [1]\nb: *x\n---\n')).toMatchObject({ ok: false })
    expect(parseImport('---\nid: x\n')).toMatchObject({ ok: false })
  })
  it('accepts a BOM and keeps hostile text as text', () => {
    const hostile = rec('<img src=x onerror=alert(1)>', { a: { rating: 'met', note: '<script>alert(1)</script>' } })
    const r = parseImport(`\uFEFF${recordToJson(hostile)}`)
    expect(r.ok && r.record.checklist[0].note).toBe('<script>alert(1)</script>')
  })
})

describe('mergeEvaluations', () => {
  it('keeps agreements, takes the lower rating on disagreement, fills unrated items, lists disagreements', () => {
    const one = rec('甲', { a: { rating: 'met', note: '好' }, b: { rating: 'met', elapsed: 20 }, c: { rating: 'na' } }, [
      { text: '问题一', severity: 'minor', unit: 'u', action: 'x', due: '2026-06-01', status: 'open', requires_revision: false },
    ])
    const two = rec('乙', { a: { rating: 'met' }, b: { rating: 'partial', elapsed: 20, note: '慢' }, c: { rating: 'met' }, d: { rating: 'unmet' } }, [
      { text: '问题一', severity: 'minor', unit: 'u', action: 'x', due: '2026-06-01', status: 'open', requires_revision: false },
      { text: '问题二', severity: 'major', unit: 'v', action: 'y', due: '2026-07-01', status: 'open', requires_revision: true },
    ])
    const other = { ...rec('丙', {}), plan: 'q' }
    const m = mergeEvaluations([one, two, other])
    expect(m.plan).toBe('p')
    expect(m.evaluators).toEqual(['甲', '乙'])
    expect(m.items.map((i) => i.ref)).toEqual(['a', 'b', 'c', 'd'])
    expect(m.ratings).toEqual({
      a: { rating: 'met', note: '甲：好' },
      b: { rating: 'partial', elapsed: 20, note: '乙：慢' },
      c: { rating: 'met' },
      d: { rating: 'unmet' },
    })
    expect(m.disagreements.map((d) => [d.ref, d.ratings.map((r) => `${r.evaluator}:${r.rating.rating}`), d.chosen.rating])).toEqual([
      ['b', ['甲:met', '乙:partial'], 'partial'],
      ['c', ['甲:na', '乙:met'], 'met'],
    ])
    expect(m.findings.map((f) => f.text)).toEqual(['问题一', '问题二'])
    expect(m.skipped).toEqual([{ index: 2, plan: 'q' }])
  })
  it('a different elapsed time is a disagreement; the slower one is kept when it costs points', () => {
    const m = mergeEvaluations([rec('甲', { b: { rating: 'met', elapsed: 25 } }), rec('乙', { b: { rating: 'met', elapsed: 35 } })])
    expect(m.ratings.b).toEqual({ rating: 'met', elapsed: 35 })
    expect(m.disagreements.map((d) => d.ref)).toEqual(['b'])
  })
})
