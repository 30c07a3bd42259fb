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
  // A common prefix and suffix change nothing in the distance: ids of one library share long ones
  // (county3-…-overall), so the table shrinks to the parts that differ.
  let from = 0
  let endA = a.length
  let endB = b.length
  while (from < endA && from < endB && a.charCodeAt(from) === b.charCodeAt(from)) from++
  while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  const n = endB - from
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1)
    rowB = new Int32Array(n + 1)
  }
  let prev = rowA
  let cur = rowB
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= endA - from; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(from + i - 1)
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(from + j - 1) ? 0 : 1))
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    // Every later row is at least this row's minimum.
    if (rowMin >= bound) return bound
    const t = prev
    prev = cur
    cur = t
  }
  return prev[n]
}

/** From this many candidates on, closest() with a bound looks only at candidates that share enough bigrams. */
const INDEXED = 1000

interface GramIndex {
  candidates: readonly string[]
  lower: string[]
  /** Bigram → the candidates (indices) that hold it, each once. */
  postings: Map<string, number[]>
}

// unknown-parent asks for every missing parent id against the same list of the library's ids.
const gramIndexes = new WeakMap<readonly string[], GramIndex>()

function gramIndex(candidates: readonly string[]): GramIndex {
  let index = gramIndexes.get(candidates)
  if (index === undefined) {
    const lower = candidates.map((c) => c.toLowerCase())
    const postings = new Map<string, number[]>()
    lower.forEach((c, i) => {
      for (const gram of bigrams(c)) {
        const list = postings.get(gram)
        if (list) list.push(i)
        else postings.set(gram, [i])
      }
    })
    index = { candidates, lower, postings }
    gramIndexes.set(candidates, index)
  }
  return index
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2))
  return out
}

/**
 * What the plain scan of closest() finds, [candidate, distance] (`[undefined, within]` when nothing is
 * below `within`), or undefined when the bigram test cannot rule any candidate out. An edit touches at most
 * two of the bigrams that overlap it, so a candidate d edits away still holds all but 2d of the word's
 * distinct bigrams (the q-gram lemma): one that shares s of g is at least ⌈(g − s)/2⌉ away. The smallest
 * distance is found trying the candidates that share most first (the bound tightens quickly, and once the
 * rest cannot be nearer the search stops); then the first candidate in the list's order at that distance
 * is the answer, as in the plain scan, where ties keep the first.
 */
function closestIndexed(index: GramIndex, word: string, within: number): [string | undefined, number] | undefined {
  const grams = bigrams(word)
  const g = grams.size
  // (Counts fit a byte: longer words are scanned in full.)
  if (g - 2 * (within - 1) <= 0 || g > 255) return undefined
  const shared = new Uint8Array(index.lower.length)
  for (const gram of grams) for (const i of index.postings.get(gram) ?? []) shared[i]++
  const bySharing: number[][] = Array.from({ length: g + 1 }, () => [])
  for (let i = 0; i < shared.length; i++) if (g - shared[i] < 2 * within) bySharing[shared[i]].push(i)
  let bestDistance = within
  for (let s = g; s >= 0 && Math.ceil((g - s) / 2) < bestDistance; s--) {
    for (const i of bySharing[s]) {
      bestDistance = Math.min(bestDistance, boundedDistance(word, index.lower[i], bestDistance))
      if (bestDistance === 0) break
    }
  }
  if (bestDistance >= within) return [undefined, within]
  for (let i = 0; i < shared.length; i++) {
    if (Math.ceil((g - shared[i]) / 2) > bestDistance) continue
    if (boundedDistance(word, index.lower[i], bestDistance + 1) === bestDistance) return [index.candidates[i], bestDistance]
  }
  throw new Error('closestIndexed: the nearest candidate was not found again')
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo. With `within`, only
 * candidates at a distance below it are considered (the same answer whenever the closest one is). A large
 * array of candidates is indexed once; it must not change afterwards.
 */
export function closest(word: string, candidates: Iterable<string>, within = Infinity): string | undefined {
  let best: string | undefined
  // A caller that accepts only distances below `within` lets candidates further away be skipped early.
  let bestDistance = within
  const lower = word.toLowerCase()
  const index = Array.isArray(candidates) && candidates.length >= INDEXED && Number.isFinite(within) ? gramIndex(candidates) : undefined
  const found = index && closestIndexed(index, lower, within)
  if (found) [best, bestDistance] = found
  else
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
