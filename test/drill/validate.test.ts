// The browser's drill record validator is ajv's standalone code generated from the drill schema: it must be
// current (what scripts/gen-drill-validator.ts makes now), free of eval, and give ajv's own errors on fuzzed records.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { validateDrillRecord } from '../../scripts/lib/drill/validate.ts'
import generated from '../../scripts/lib/drill/drill-validator.generated.ts'
import { GENERATED, generateDrillValidator } from '../../scripts/gen-drill-validator.ts'
import { validate } from '../../scripts/lib/load/schemas.ts'
import { buildRecord } from '../../scripts/lib/drill/record.ts'

const base = buildRecord(
  { plan: 'p', date: '2026-05-12', kind: 'functional', scenario: 's', organizer: 'o', evaluators: ['甲'] },
  [
    { ref: 'a', phase: 'P', text: 'A', points: 2, critical: true, within: 30, source: 'plan' },
    { ref: 'b', phase: 'P', text: 'B', points: 1, critical: false, source: 'plan' },
  ],
  { a: { rating: 'met', elapsed: 20, note: 'n' } },
  [{ text: 't', severity: 'minor', unit: 'u', action: 'x', due: '2026-06-01', status: 'open', requires_revision: false }],
)

// Values that stress every keyword: types, enums, patterns, bounds, dates, extra keys.
const anyValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 0.5, 100, 100.5, 1e9, '', 'x', 'A', 'a b', 'met', 'P', 'points', 'open', 'major', '2026-02-29', '2024-02-29', '2026-13-01', '2026-1-1', 'tabletop', 'full-scale', 'hseep', [], {}, ['x'], [''], { a: 1 }),
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -5, max: 200 }),
)
const paths: (string | number)[][] = [
  ['id'], ['plan'], ['date'], ['kind'], ['scenario'], ['location'], ['organizer'], ['evaluators'], ['evaluators', 0], ['scale'], ['score'], ['grade'], ['unrated'], ['provisional'], ['extra'],
  ['checklist'], ['checklist', 0, 'ref'], ['checklist', 0, 'points'], ['checklist', 0, 'critical'], ['checklist', 0, 'within'], ['checklist', 0, 'rating'], ['checklist', 0, 'awarded'], ['checklist', 1, 'phase'], ['checklist', 1, 'note'], ['checklist', 1, 'other'], ['checklist', 1],
  ['findings', 0, 'severity'], ['findings', 0, 'due'], ['findings', 0, 'status'], ['findings', 0, 'requires_revision'], ['findings', 0, 'unit'], ['findings', 0, 'ref'], ['findings', 0], ['findings'],
]

function set(obj: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>
  let cur = copy
  for (const k of path.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) return copy
    cur = cur[k] as Record<string | number, unknown>
  }
  cur[path[path.length - 1]] = value
  return copy
}

describe('validateDrillRecord', () => {
  it('is the code scripts/gen-drill-validator.ts generates from the current schema (run it after changing the schema)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(generateDrillValidator())
  })
  it('accepts and rejects exactly what ajv does', () => {
    expect(validateDrillRecord(base)).toEqual([])
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), anyValue), { minLength: 1, maxLength: 3 }), fc.constantFrom<string[]>([], ['plan'], ['checklist', '0', 'rating']), (edits, remove) => {
        let data: unknown = base
        for (const [path, value] of edits) data = set(data, path, value)
        if (remove.length) {
          data = structuredClone(data)
          let cur = data as Record<string, unknown>
          for (const k of remove.slice(0, -1)) cur = (cur?.[k] ?? {}) as Record<string, unknown>
          if (cur && typeof cur === 'object') delete cur[remove[remove.length - 1]]
        }
        // The same errors as the CLI's ajv, in the same order (keyword and place).
        const fn = generated as unknown as { (d: unknown): boolean; errors?: { instancePath: string; keyword: string }[] | null }
        fn(data)
        const mine = (fn.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`)
        expect(mine).toEqual(validate('drill', data).map((e) => `${e.instancePath} ${e.keyword}`))
        expect(validateDrillRecord(data).length === 0).toBe(mine.length === 0)
      }),
      { numRuns: 2000 },
    )
  })
  it('checks dates like ajv-formats', () => {
    const dateOk = (date: string) => !validateDrillRecord({ ...base, date }).some((l) => l.startsWith('/date:'))
    expect(['2024-02-29', '2026-02-28', '2026-12-31'].map(dateOk)).toEqual([true, true, true])
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '26-01-01', '2026-01-01T00:00'].map(dateOk)).toEqual([false, false, false, false, false, false])
    expect(validateDrillRecord({ ...base, date: '2026-02-29' })).toEqual(['/date: 格式应为 date（YYYY-MM-DD） / must be a date'])
  })
  it('has no Function or eval in it (the page runs under script-src self)', async () => {
    for (const file of ['validate.ts', 'drill-validator.generated.ts']) {
      const src = readFileSync(new URL(`../../scripts/lib/drill/${file}`, import.meta.url), 'utf8')
      expect(src, file).not.toMatch(/new Function\(|\bFunction\(|\beval\(|from 'ajv|require\(/)
    }
  })
})
