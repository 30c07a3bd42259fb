// Stable item refs, so that two evaluators' exports and later drills of the same plan line up item by item.
import type { ItemSource } from './types.ts'

const PREFIX: Record<ItemSource, string> = { plan: 'plan', template: 'tpl', duty: 'duty', trigger: 'trigger', 'time-limit': 'time' }

/** Text as compared for refs: full-width folded, lower-case, no spaces, no trailing full stop. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[。.;；]+$/, '')
}

/** 32-bit FNV-1a over the UTF-16 code units, as 8 hex digits: small, fast, the same in Node and the browser. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** `<prefix>[-<qualifier>]-<hash>`, e.g. `duty-shi-shuili-1f3a9c0b`; the qualifier only helps a reader. */
export function itemRef(source: ItemSource, text: string, qualifier?: string): string {
  const q = qualifier ? `${qualifier.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')}-` : ''
  return `${PREFIX[source]}-${q}${shortHash(`${source}\u0000${normaliseText(text)}`)}`
}

/** Makes refs unique in order of appearance: a repeated ref gets `-2`, `-3`, … */
export function uniqueRefs<T extends { ref: string }>(items: T[]): T[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const n = (seen.get(item.ref) ?? 0) + 1
    seen.set(item.ref, n)
    return n === 1 ? item : { ...item, ref: `${item.ref}-${n}` }
  })
}
