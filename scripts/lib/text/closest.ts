/** Levenshtein distance over UTF-16 code units (keys and enum values are short). */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Infinity)
}

let rowA = new Int32Array(64)
let rowB = new Int32Array(64)

/**
 * Levenshtein distance, or a value ≥ `bound` as soon as the distance is known to reach it. Suggesting a
 * did-you-mean compares one word with every id of a library (10,000 plans): the bound and the length test
 * skip almost all of them after a few characters.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) >= bound) return bound
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1)
    rowB = new Int32Array(b.length + 1)
  }
  let prev = rowA
  let cur = rowB
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1))
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    // Every later row is at least this row's minimum.
    if (rowMin >= bound) return bound
    const t = prev
    prev = cur
    cur = t
  }
  return prev[b.length]
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo. With `within`, only
 * candidates at a distance below it are considered (the same answer whenever the closest one is).
 */
export function closest(word: string, candidates: Iterable<string>, within = Infinity): string | undefined {
  let best: string | undefined
  // A caller that accepts only distances below `within` lets candidates further away be skipped early.
  let bestDistance = within
  const lower = word.toLowerCase()
  for (const candidate of candidates) {
    // Ties keep the first candidate, as before: only a strictly smaller distance replaces it.
    const d = boundedDistance(lower, candidate.toLowerCase(), bestDistance)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
      if (d === 0) break
    }
  }
  if (best === undefined) return undefined
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3))
  const prefix = best.toLowerCase().startsWith(lower) || lower.startsWith(best.toLowerCase())
  return bestDistance <= limit || prefix ? best : undefined
}

/**
 * The closest id, held to a quarter of the length: ids of one library share long prefixes
 * (shi-, shili-), so closest() alone would offer shili-shi for shi-liangshi.
 */
export function closestId(value: string, ids: Iterable<string>): string | undefined {
  // Accepted below needs d ≤ max(2, ⌊max(|value|, |best|)/4⌋) with |best| ≤ |value| + d, so d ≤ max(2, ⌊|value|/3⌋):
  // no candidate further than that can be the answer, and the search skips them early.
  const best = closest(value, ids, Math.max(2, Math.floor(value.length / 3)) + 1)
  if (!best) return undefined
  return editDistance(value.toLowerCase(), best) <= Math.max(2, Math.floor(Math.max(value.length, best.length) / 4)) ? best : undefined
}
