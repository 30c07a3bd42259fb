// closest() runs once per unknown id against every id of the library: the bounded distance must give
// exactly what the plain Levenshtein search gave, only faster.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closest, closestId, editDistance } from '../../scripts/lib/text/closest.ts'

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}

function plainClosest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  if (best === undefined) return undefined
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3))
  const prefix = best.toLowerCase().startsWith(word.toLowerCase()) || word.toLowerCase().startsWith(best.toLowerCase())
  return bestDistance <= limit || prefix ? best : undefined
}

const word = fc.string({ unit: fc.constantFrom(...'abcde-AB0应急'), maxLength: 14 })

describe('closest', () => {
  it('editDistance is the Levenshtein distance', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === levenshtein(a, b)), { numRuns: 5000 })
  })
  it('suggests exactly what an exhaustive search suggests', () => {
    fc.assert(fc.property(word, fc.array(word, { maxLength: 40 }), (w, cs) => closest(w, cs) === plainClosest(w, cs)), { numRuns: 5000 })
  })
  it('finds the typo among many similar ids', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `county${i % 30}-t${i}-overall`)
    expect(closest('county7-t1207-overal', ids)).toBe('county7-t1207-overall')
    expect(closest('county7-t1207-overall-old', ids)).toBe('county7-t1207-overall')
  })
})

describe('closestId on a large library', () => {
  // From 1,000 candidates on, closest() looks only at ids sharing enough bigrams: the answer must not change.
  // The same ids as an iterable (not an array) take the plain scan.
  const plainClosestId = (value: string, ids: string[]) => closestId(value, new Set(ids))
  const ids = Array.from({ length: 2500 }, (_, i) => [`county${i % 20}-t${i}-overall`, `ent${i}-special`, `city-${['flood', 'hazmat', 'Gas-Supply'][i % 3]}${i}`][i % 3])
  const typo = fc.tuple(fc.constantFrom(...ids), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x', '-old', 'o', '1', 'A')), { maxLength: 4 })).map(([id, edits]) => {
    let s = id
    for (const [p, t] of edits) {
      const k = p % (s.length + 1)
      s = t === '' ? s.slice(0, k) + s.slice(k + 1) : s.slice(0, k) + t + s.slice(k)
    }
    return s
  })
  it('suggests exactly what an exhaustive search suggests', () => {
    fc.assert(fc.property(fc.oneof(typo, word), (w) => closestId(w, ids) === plainClosestId(w, ids)), { numRuns: 1500 })
  })
  it('finds the parent id a plan misspelt', () => {
    expect(closestId('county6-t1206-overal', ids)).toBe('county6-t1206-overall')
    expect(closestId('ent1207-specal', ids)).toBe('ent1207-special')
    expect(closestId('county6-t1206-overall-old', ids)).toBe('county6-t1206-overall')
  })
})
