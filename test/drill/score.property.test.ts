// Properties of the drill score that must hold for any checklist and any ratings.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreDrill } from '../../scripts/lib/drill/score.ts'
import type { ChecklistItem, Rating, RatingValue, Ratings } from '../../scripts/lib/drill/types.ts'

const itemArb = fc.record({
  points: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.1, max: 50, noNaN: true })),
  critical: fc.boolean(),
  within: fc.option(fc.integer({ min: 1, max: 240 }), { nil: undefined }),
})

const ratingArb: fc.Arbitrary<Rating | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    rating: fc.constantFrom<RatingValue | null>('met', 'partial', 'unmet', 'na', 'P', 'S', 'M', 'U', null),
    elapsed: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  }),
  fc.record({ rating: fc.constant<RatingValue>('points'), awarded: fc.double({ min: -5, max: 60, noNaN: true }) }),
)

const gradingArb = fc.record({
  partial_share: fc.double({ min: 0, max: 1, noNaN: true }),
  // Shares in order P ≥ S ≥ M ≥ U, as HSEEP means them.
  hseep: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }).map((a) => a.sort((x, y) => y - x)),
})

const checklistArb = fc.array(fc.tuple(itemArb, ratingArb), { minLength: 1, maxLength: 25 }).map((pairs) => {
  const items: ChecklistItem[] = pairs.map(([it], i) => ({ ref: `r${i}`, phase: 'p', text: `t${i}`, source: 'plan', ...it }))
  const ratings: Ratings = Object.fromEntries(pairs.map(([, r], i) => [`r${i}`, r]))
  return { items, ratings }
})

const toGrading = (g: { partial_share: number; hseep: number[] }) => ({ partial_share: g.partial_share, hseep_shares: { P: g.hseep[0], S: g.hseep[1], M: g.hseep[2], U: g.hseep[3] } })

/** Ratings of the met-partial scale from worst to best (unrated lowest). */
const LADDER: (RatingValue | null)[] = [null, 'unmet', 'partial', 'met']
const HSEEP_LADDER: (RatingValue | null)[] = [null, 'U', 'M', 'S', 'P']

describe('scoreDrill properties', () => {
  it('score is null or within 0–100 with one decimal; counts add up', () => {
    fc.assert(
      fc.property(checklistArb, gradingArb, ({ items, ratings }, g) => {
        const r = scoreDrill(items, ratings, toGrading(g))
        if (r.score !== null) {
          expect(r.score).toBeGreaterThanOrEqual(0)
          expect(r.score).toBeLessThanOrEqual(100)
          expect(Math.round(r.score * 10) / 10).toBe(r.score)
        } else expect(r.applicable).toBe(0)
        expect(r.rated + r.unrated).toBe(r.total)
        expect(r.provisional).toBe(r.unrated > 0)
        expect(r.awarded).toBeLessThanOrEqual(r.applicable + 1e-9)
      }),
    )
  })

  it('marking an item na never lowers the score (from unrated, unmet or any failed rating)', () => {
    fc.assert(
      fc.property(checklistArb, gradingArb, fc.nat(), ({ items, ratings }, g, pick) => {
        const ref = items[pick % items.length].ref
        const before = scoreDrill(items, ratings, toGrading(g))
        if (before.itemAwards[ref] !== null && before.itemAwards[ref]! > 0) return // na of a scoring item may lower a ratio; not claimed
        const after = scoreDrill(items, { ...ratings, [ref]: { rating: 'na' } }, toGrading(g))
        if (before.score !== null && after.score !== null) expect(after.score).toBeGreaterThanOrEqual(before.score)
        expect(after.criticalFailures.length).toBeLessThanOrEqual(before.criticalFailures.length)
      }),
    )
  })

  it('adding an item rated na changes nothing', () => {
    fc.assert(
      fc.property(checklistArb, itemArb, ({ items, ratings }, extra) => {
        const before = scoreDrill(items, ratings)
        const after = scoreDrill([...items, { ref: 'extra', phase: 'p', text: 'x', source: 'plan', ...extra }], { ...ratings, extra: { rating: 'na' } })
        expect([after.score, after.grade, after.awarded, after.applicable]).toEqual([before.score, before.grade, before.awarded, before.applicable])
      }),
    )
  })

  it('raising one rating never lowers the score', () => {
    fc.assert(
      fc.property(checklistArb, gradingArb, fc.nat(), fc.boolean(), ({ items, ratings }, g, pick, hseep) => {
        const ladder = hseep ? HSEEP_LADDER : LADDER
        const ref = items[pick % items.length].ref
        const elapsed = ratings[ref]?.elapsed
        let previous: number | null = null
        for (const step of ladder) {
          const r = scoreDrill(items, { ...ratings, [ref]: { rating: step, elapsed } }, toGrading(g))
          if (previous !== null && r.score !== null) expect(r.score).toBeGreaterThanOrEqual(previous)
          previous = r.score
        }
      }),
    )
  })

  it('raising direct points never lowers the score', () => {
    fc.assert(
      fc.property(checklistArb, fc.nat(), fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), ({ items, ratings }, pick, a, b) => {
        const ref = items[pick % items.length].ref
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const low = scoreDrill(items, { ...ratings, [ref]: { rating: 'points', awarded: lo } })
        const high = scoreDrill(items, { ...ratings, [ref]: { rating: 'points', awarded: hi } })
        expect(high.score!).toBeGreaterThanOrEqual(low.score!)
      }),
    )
  })

  it('an unmet critical item always gives the fail grade', () => {
    fc.assert(
      fc.property(checklistArb, fc.nat(), fc.constantFrom<RatingValue>('unmet', 'U'), ({ items, ratings }, pick, failed) => {
        const i = pick % items.length
        const changed = items.map((it, j) => (j === i ? { ...it, critical: true } : it))
        const r = scoreDrill(changed, { ...ratings, [items[i].ref]: { rating: failed } })
        expect(r.grade).toBe('不合格')
        expect(r.criticalFailures).toContain(items[i].ref)
      }),
    )
  })
})
