// Text similarity for the operability rules (copied-from-parent, near-duplicate): plan bodies are
// normalised, cut into character shingles and hashed; sets of shingle hashes give containment and
// Jaccard similarity, MinHash signatures give candidates without comparing every pair.
import type { UnitMatcher } from './unit-mentions.ts'

/** Characters per shingle: 5 CJK characters is two or three words. */
export const SHINGLE_SIZE = 5

/** Placeholders of the normalised text (Private Use Area: never in a plan's own words). */
export const NAME = '\uE000'
export const NUMBER = '\uE001'
export const LEVEL = '\uE002'

const NAME_CODE = NAME.charCodeAt(0)
const NUMBER_CODE = NUMBER.charCodeAt(0)
const LEVEL_CODE = LEVEL.charCodeAt(0)

/** 市县区镇乡 stand for the administrative level in 市水利局/县水利局, 全市/全县, 本区: one placeholder. */
const LEVEL_CHARS = new Set([...'市县区镇乡'].map((c) => c.charCodeAt(0)))
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u

/** A plan body as compared: only words left, names and numbers masked, each character mapped back to the file. */
export interface NormalisedText {
  text: string
  /** File offset of the first source character of text[i]. */
  starts: Int32Array
  /** File offset after the last source character of text[i]. */
  ends: Int32Array
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)
}

function isDecimalPoint(c: number): boolean {
  return c === 0x2e || c === 0xff0e
}

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
}

/** End of the Markdown syntax that starts at `i` and carries no prose (a link destination, an HTML tag), else i. */
function skipSyntax(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i)
  if (c === 0x5d /* ] */ && text.charCodeAt(i + 1) === 0x28 /* ( */) {
    const close = text.indexOf(')', i + 2)
    const line = text.indexOf('\n', i + 2)
    if (close !== -1 && close < end && (line === -1 || close < line)) return close + 1
  } else if (c === 0x3c /* < */ && /[A-Za-z!/]/.test(text[i + 1] ?? '')) {
    const close = text.indexOf('>', i + 1)
    if (close !== -1 && close < end && close - i < 500) return close + 1
  }
  return i
}

/**
 * The words of text[from, to): whitespace, punctuation, Markdown syntax, link destinations and HTML
 * tags removed; every registered unit or jurisdiction name (found by the UnitMatcher) → NAME, every
 * number → NUMBER, 市县区镇乡 → LEVEL; ASCII letters lower-cased. So a plan copied from the level above
 * with 示例市 replaced by 西山县, 市水利局 by 县水利局 and 30分钟 by 20分钟 normalises to the same text.
 */
export function normaliseText(text: string, from: number, to: number, matcher: UnitMatcher): NormalisedText {
  const mentions = matcher.find([{ value: text.slice(from, to), start: from }])
  // The output is never longer than the input: fill typed arrays, cut them at the end.
  const capacity = Math.max(0, to - from)
  const out = new Uint16Array(capacity)
  const starts = new Int32Array(capacity)
  const ends = new Int32Array(capacity)
  let n = 0
  const emit = (code: number, start: number, end: number) => {
    out[n] = code
    starts[n] = start
    ends[n++] = end
  }
  let m = 0
  let i = from
  while (i < to) {
    // Mentions that began inside text already consumed (a link target, a number) are gone.
    while (m < mentions.length && mentions[m].start < i) m++
    if (m < mentions.length && mentions[m].start === i) {
      emit(NAME_CODE, i, mentions[m].end)
      i = mentions[m++].end
      continue
    }
    const skipped = skipSyntax(text, i, to)
    if (skipped !== i) {
      i = skipped
      continue
    }
    const c = text.charCodeAt(i)
    if (isDigit(c)) {
      let j = i + 1
      while (j < to && (isDigit(text.charCodeAt(j)) || (isDecimalPoint(text.charCodeAt(j)) && isDigit(text.charCodeAt(j + 1))))) j++
      emit(NUMBER_CODE, i, j)
      i = j
      continue
    }
    if (isCjk(c)) emit(LEVEL_CHARS.has(c) ? LEVEL_CODE : c, i, i + 1)
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) emit(c | 0x20, i, i + 1)
    else if (c > 0x7f && LETTER_OR_NUMBER.test(text[i])) emit(c, i, i + 1)
    i++
  }
  // String.fromCharCode(...codes) overflows the stack on long texts: build it in chunks.
  let s = ''
  for (let k = 0; k < n; k += 4096) s += String.fromCharCode.apply(null, out.subarray(k, Math.min(n, k + 4096)) as unknown as number[])
  return { text: s, starts: starts.slice(0, n), ends: ends.slice(0, n) }
}

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Hash of every shingle in text order: element i is the shingle text[i, i + SHINGLE_SIZE). */
export function shingleHashes(text: string, size = SHINGLE_SIZE): Uint32Array {
  const n = Math.max(0, text.length - size + 1)
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5
    for (let j = 0; j < size; j++) h = Math.imul(h ^ text.charCodeAt(i + j), 0x01000193)
    out[i] = fmix32(h)
  }
  return out
}

/** The distinct values, ascending. */
export function shingleSet(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]
  return sorted.slice(0, n)
}

/** |a ∩ b| of two ascending sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++
    else if (a[i] > b[j]) j++
    else {
      n++
      i++
      j++
    }
  }
  return n
}

/** Share of a's shingles that are also b's: how much of a is in b. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length ? intersectionSize(a, b) / a.length : 0
}

/** |a ∩ b| / |a ∪ b|. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = intersectionSize(a, b)
  const union = a.length + b.length - shared
  return union ? shared / union : 0
}

/** One in SAMPLE_MODULUS shingle hashes is kept in a plan's sample (Broder's MOD-m sketch). */
export const SAMPLE_MODULUS = 4

/**
 * The hashes ≡ 0 mod SAMPLE_MODULUS of an ascending set. Sampling by value is consistent across plans
 * (sample(A) ∩ sample(B) = sample(A ∩ B)), so containment and Jaccard measured on samples estimate
 * the full ones, at a quarter of the size.
 */
export function modSample(set: Uint32Array): Uint32Array {
  // x % 4 on values above 2³¹ takes V8's floating-point path; for a power of two, the low bits say the same.
  const mask = SAMPLE_MODULUS - 1
  const pow2 = (SAMPLE_MODULUS & mask) === 0
  const keep = (x: number) => (pow2 ? (x & mask) === 0 : x % SAMPLE_MODULUS === 0)
  let n = 0
  for (let i = 0; i < set.length; i++) if (keep(set[i])) n++
  const out = new Uint32Array(n)
  n = 0
  for (let i = 0; i < set.length; i++) if (keep(set[i])) out[n++] = set[i]
  return out
}

/** A plan body's words, its shingle hashes in text order and their distinct set. */
export interface BodyShingles {
  normalised: NormalisedText
  hashes: Uint32Array
  set: Uint32Array
}

/** Shingles of the plan body (after the frontmatter): raw text, so the Markdown tree is never needed. */
export function bodyShingles(plan: { text: string; bodyStart: number }, matcher: UnitMatcher): BodyShingles {
  const normalised = normaliseText(plan.text, plan.bodyStart, plan.text.length, matcher)
  const hashes = shingleHashes(normalised.text)
  return { normalised, hashes, set: shingleSet(hashes) }
}

/** A shared passage: file offsets [start, end) in one text and [otherStart, otherEnd) in the other. */
export interface Passage {
  start: number
  end: number
  otherStart: number
  otherEnd: number
  /** Length in normalised characters. */
  length: number
}

/**
 * The longest passage of `a` that is also in `b` (after normalisation), found from shared shingles:
 * every maximal match is extended once from where it starts (a start whose previous characters also
 * match is inside a match already counted), so the work is linear in the shared text.
 */
export function longestSharedPassage(a: BodyShingles, b: BodyShingles, maxOccurrences = 16): Passage | undefined {
  const at = new Map<number, number[]>()
  b.hashes.forEach((h, j) => {
    const list = at.get(h)
    if (!list) at.set(h, [j])
    else if (list.length < maxOccurrences) list.push(j)
  })
  const x = a.normalised.text
  const y = b.normalised.text
  let best: { i: number; j: number; length: number } | undefined
  for (let i = 0; i < a.hashes.length; i++) {
    const js = at.get(a.hashes[i])
    if (!js) continue
    for (const j of js) {
      if (i > 0 && j > 0 && x[i - 1] === y[j - 1]) continue
      let n = 0
      while (i + n < x.length && j + n < y.length && x[i + n] === y[j + n]) n++
      if (n >= SHINGLE_SIZE && (!best || n > best.length)) best = { i, j, length: n }
    }
  }
  if (!best) return undefined
  const na = a.normalised
  const nb = b.normalised
  return {
    start: na.starts[best.i],
    end: na.ends[best.i + best.length - 1],
    otherStart: nb.starts[best.j],
    otherEnd: nb.ends[best.j + best.length - 1],
    length: best.length,
  }
}

/**
 * The options of the two text-similarity rules (copied-from-parent, near-duplicate): the share of shingles
 * at or above which a pair is reported, and the body length below which it is not compared.
 */
export const SIMILARITY_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  properties: {
    threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    minLength: { type: 'integer', minimum: 0 },
  },
}
