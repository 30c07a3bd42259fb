// MinHash signatures and LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets" ch. 3): near-duplicate candidates among thousands of plans without comparing every pair.

/** Hash functions per signature. The estimate's standard error is √(J(1−J)/128) ≈ 0.035 at J = 0.8. */
export const SIGNATURE_SIZE = 128

/** mulberry32 with a fixed seed: the hash family must be the same in every worker and every run. */
function family(size: number): { a: Uint32Array; b: Uint32Array } {
  let s = 0x9e3779b9
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  const a = new Uint32Array(size)
  const b = new Uint32Array(size)
  for (let i = 0; i < size; i++) {
    a[i] = next() | 1
    b[i] = next()
  }
  return { a, b }
}

const FAMILY = family(SIGNATURE_SIZE)

/**
 * The MinHash signature of a set of (already well-mixed) 32-bit hashes: for each of the functions
 * x ↦ a·x + b mod 2³² (a odd: a permutation of 32-bit values), the smallest image. Two sets agree
 * on a position with probability equal to their Jaccard similarity.
 */
export function minhash(set: Uint32Array): Uint32Array {
  const { a, b } = FAMILY
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  // Four functions per pass over the set (SIGNATURE_SIZE is a multiple of 4): the same minima, about
  // twice as fast as one pass per function.
  const n = set.length
  for (let k = 0; k < SIGNATURE_SIZE; k += 4) {
    const a0 = a[k]
    const a1 = a[k + 1]
    const a2 = a[k + 2]
    const a3 = a[k + 3]
    const b0 = b[k]
    const b1 = b[k + 1]
    const b2 = b[k + 2]
    const b3 = b[k + 3]
    let m0 = 0xffffffff
    let m1 = 0xffffffff
    let m2 = 0xffffffff
    let m3 = 0xffffffff
    for (let i = 0; i < n; i++) {
      const x = set[i]
      const v0 = (Math.imul(a0, x) + b0) >>> 0
      const v1 = (Math.imul(a1, x) + b1) >>> 0
      const v2 = (Math.imul(a2, x) + b2) >>> 0
      const v3 = (Math.imul(a3, x) + b3) >>> 0
      if (v0 < m0) m0 = v0
      if (v1 < m1) m1 = v1
      if (v2 < m2) m2 = v2
      if (v3 < m3) m3 = v3
    }
    sig[k] = m0
    sig[k + 1] = m1
    sig[k + 2] = m2
    sig[k + 3] = m3
  }
  return sig
}

/** Share of positions where two signatures agree: the Jaccard estimate. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  const n = Math.min(x.length, y.length)
  if (!n) return 0
  let same = 0
  for (let i = 0; i < n; i++) if (x[i] === y[i]) same++
  return same / n
}

export interface Banding {
  bands: number
  rows: number
}

/** Probability that a pair of Jaccard similarity j shares at least one band: 1 − (1 − jʳ)ᵇ. */
export function candidateProbability(j: number, { bands, rows }: Banding): number {
  return 1 - (1 - j ** rows) ** bands
}

/**
 * The banding for a threshold: the most rows per band (fewest chance candidates) that still makes a
 * pair at the threshold a candidate with probability ≥ `recall`. For 0.8 and 128 hashes: 18 bands of
 * 7 rows, 98.5% at J = 0.8, 99.99% at 0.9, 0.9% at 0.35.
 */
export function banding(threshold: number, recall = 0.98, size = SIGNATURE_SIZE): Banding {
  let best: Banding = { bands: size, rows: 1 }
  for (let rows = 1; rows <= size; rows++) {
    const bands = Math.floor(size / rows)
    if (candidateProbability(threshold, { bands, rows }) >= recall) best = { bands, rows }
  }
  return best
}

/**
 * Pairs [earlier, later] (indices into signatures) that share at least one band. A bucket is
 * enumerated against at most `window` earlier members, so a family of a thousand copies costs
 * n·window, not n²; copies share many bands, so they still meet.
 */
export function candidatePairs(signatures: (Uint32Array | undefined)[], { bands, rows }: Banding, window = 64): Map<number, number[]> {
  const partners = new Map<number, number[]>()
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>()
    for (let i = 0; i < signatures.length; i++) {
      const sig = signatures[i]
      if (!sig) continue
      let h = band
      for (let r = band * rows; r < (band + 1) * rows; r++) h = Math.imul(h ^ sig[r], 0x01000193) ^ (h >>> 15)
      const bucket = buckets.get(h)
      if (bucket) {
        const list = partners.get(i) ?? []
        for (let k = Math.max(0, bucket.length - window); k < bucket.length; k++) list.push(bucket[k])
        partners.set(i, list)
        bucket.push(i)
      } else buckets.set(h, [i])
    }
  }
  for (const [i, list] of partners) partners.set(i, [...new Set(list)].sort((x, y) => x - y))
  return partners
}
