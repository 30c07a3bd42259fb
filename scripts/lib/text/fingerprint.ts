// A plan body's similarity fingerprint, computed once per plan in the workers (preparePlan of
// copied-from-parent and near-duplicate) and cached with the plan's other per-file results.
import type { UnitRegistry } from '../model/units.ts'
import { minhash } from './minhash.ts'
import { bodyShingles, modSample } from './shingles.ts'
import { unitMatcher } from './unit-mentions.ts'

export interface Fingerprint {
  /** Characters of the normalised body. */
  length: number
  /** Distinct shingles of the body. */
  size: number
  /** Shingle hashes ≡ 0 mod 4, ascending: containment and Jaccard estimates (±2% at 2,500 shingles). */
  sample: Uint32Array
  /** MinHash signature of all distinct shingles: LSH candidates. */
  signature: Uint32Array
}

// Both rules prepare the same plan one after the other in a worker: compute once.
const memo = new WeakMap<object, Fingerprint>()

export function planFingerprint(plan: { text: string; bodyStart: number }, units: UnitRegistry): Fingerprint {
  let fingerprint = memo.get(plan)
  if (!fingerprint) {
    const { normalised, set } = bodyShingles(plan, unitMatcher(units))
    fingerprint = { length: normalised.text.length, size: set.length, sample: modSample(set), signature: minhash(set) }
    memo.set(plan, fingerprint)
  }
  return fingerprint
}
