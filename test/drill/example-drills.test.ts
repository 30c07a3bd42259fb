// The example library's drill records (plans/drills/): valid, scored by the same module, one deliberate mismatch.
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { checkRecord } from '../../scripts/lib/drill/check.ts'

const lib = loadLibrary(new URL('../../plans', import.meta.url).pathname)

describe('example drill records', () => {
  it('are valid records of plans in the library', () => {
    expect(lib.drills.length).toBeGreaterThanOrEqual(6)
    for (const d of lib.drills) {
      expect(d.issues, d.path).toEqual([])
      expect(lib.planById.has(d.data.plan), d.path).toBe(true)
      expect(d.path).toBe(`drills/${d.data.date}-${d.data.plan}.md`)
    }
  })
  it('recompute to their recorded score, except the deliberate dongfang-huozai mismatch', () => {
    const mismatched = lib.drills
      .map((d) => ({ path: d.path, check: checkRecord(d.data, lib.settings.grading) }))
      .filter((c) => c.check.mismatch)
      .map((c) => [c.path, c.check.score, c.check.grade ?? null, c.check.items.length])
    expect(mismatched).toEqual([['drills/2026-08-22-dongfang-huozai.md', { recorded: 94.6, computed: 91.2 }, null, 0]])
  })
})
