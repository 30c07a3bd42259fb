// Fast path for frontmatter: parsing YAML with source positions costs ≈0.7 ms a plan, 3–6× a parse without
// positions, more than everything else but the Markdown parse. Reads the plain subset of YAML that plans are written in —
// block maps and sequences, one-line flow sequences and maps, plain and simply quoted scalars — into
// the same data `yaml` gives under its YAML 1.2 core schema. Anything outside that subset (anchors,
// tags, block scalars, multi-line scalars, comments after values, escapes, duplicate keys, tabs…)
// returns undefined, and the caller parses with `yaml` and positions as before. Positions are parsed
// only for files that fail validation or are reported on.

import { PATH_SEPARATOR, type Positions } from '../model/yaml-place.ts'

export type { NodePosition, Positions } from '../model/yaml-place.ts'

type Value = null | boolean | number | string | Value[] | { [key: string]: Value }

class Bail extends Error {}

// YAML separates and trims with space and tab only (tabs are refused below). JavaScript's trim also strips
// U+3000, NBSP, U+2000–U+200A, U+1680, U+205F, U+FEFF, \v and \f, which YAML keeps as part of a scalar
// (`lead_unit: x␣` is the id "x␣", an unknown unit) or rejects as indentation: every trim here is by spaces.
function trimStart(s: string): string {
  let i = 0
  while (s.charCodeAt(i) === 32) i++
  return i === 0 ? s : s.slice(i)
}
function trimEnd(s: string): string {
  let i = s.length
  while (i > 0 && s.charCodeAt(i - 1) === 32) i--
  return i === s.length ? s : s.slice(0, i)
}
function trim(s: string): string {
  return trimStart(trimEnd(s))
}
const BAIL = new Bail()

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/
const RESERVED_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'])
const INT = /^[-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
/** Plain scalars that the core schema reads as something this reader does not handle (octal, hex, .inf, .nan). */
const SPECIAL = /^(?:[-+]?0[ox]|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/
/** Characters that may not start a plain scalar here (YAML indicators, and - ? : which need care). */
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`]/

/** A plain scalar as the core schema resolves it. */
function plain(s: string): Value {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null
  if (s === 'true' || s === 'True' || s === 'TRUE') return true
  if (s === 'false' || s === 'False' || s === 'FALSE') return false
  if (SPECIAL.test(s)) throw BAIL
  if (INT.test(s)) {
    const n = Number(s)
    if (!Number.isSafeInteger(n)) throw BAIL
    return n
  }
  if (FLOAT.test(s)) return Number(s)
  return s
}

/** A scalar written on one line: quoted (no escapes) or plain. `inFlow`: inside [ ] or { }. */
function scalar(raw: string, inFlow: boolean): Value {
  const s = trim(raw)
  if (s === '') return null
  const q = s[0]
  if (q === '"') {
    if (s.length < 2 || s[s.length - 1] !== '"' || s.includes('\\')) throw BAIL
    const inner = s.slice(1, -1)
    if (inner.includes('"')) throw BAIL
    return inner
  }
  if (q === "'") {
    if (s.length < 2 || s[s.length - 1] !== "'") throw BAIL
    const inner = s.slice(1, -1)
    if (/'(?!')/.test(inner.replace(/''/g, ''))) throw BAIL
    return inner.replace(/''/g, "'")
  }
  if (BAD_START.test(s)) {
    // A leading - is fine before a digit (-5); everything else is an indicator here.
    if (!(s[0] === '-' && /^-[0-9.]/.test(s))) throw BAIL
  }
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #')) throw BAIL
  if (inFlow && /[,[\]{}]/.test(s)) throw BAIL
  return plain(s)
}

function key(raw: string): string {
  if (!KEY.test(raw) || RESERVED_KEYS.has(raw)) throw BAIL
  return raw
}

function setKey(map: { [key: string]: Value }, k: string, v: Value): void {
  // Duplicate keys are an error the full parser reports with their place; __proto__ is never a plain key here.
  if (Object.hasOwn(map, k) || k === '__proto__') throw BAIL
  map[k] = v
}

/**
 * A flow collection written on one line ([a, b], { a: 1, b: [x] }), nesting allowed: items are flow
 * collections or scalars; a scalar ends at , ] or } and may not contain those or `: `.
 */
class Flow {
  i = 0
  private readonly s: string
  private readonly base: number
  private readonly pos: Positions | undefined
  /** `s` starts at offset `base` of the YAML text; positions go into `pos` when given. */
  constructor(s: string, base = 0, pos?: Positions) {
    this.s = s
    this.base = base
    this.pos = pos
  }

  private spaces(): void {
    while (this.s[this.i] === ' ') this.i++
  }

  value(path?: string, key?: [number, number]): Value {
    this.spaces()
    const c = this.s[this.i]
    const from = this.i
    if (c === '[' || c === '{') {
      const value = c === '[' ? this.seq(path) : this.map(path)
      if (this.pos && path !== undefined) {
        const first = c === '{' ? firstKey(this.pos, path, value as { [key: string]: Value }) : undefined
        this.pos.set(path, { kind: c === '[' ? 'seq' : 'map', start: this.base + from, end: this.base + this.i, key, first })
      }
      return value
    }
    const start = this.i
    let quote: string | undefined
    if (c === '"' || c === "'") {
      quote = c
      this.i++
      for (;;) {
        const next = this.s.indexOf(quote, this.i)
        if (next === -1) throw BAIL
        this.i = next + 1
        if (quote === "'" && this.s[this.i] === "'") {
          this.i++
          continue
        }
        break
      }
    } else {
      while (this.i < this.s.length && !',[]{}'.includes(this.s[this.i])) this.i++
    }
    const text = this.s.slice(start, this.i)
    if (quote) {
      this.spaces()
      if (this.i < this.s.length && !',]}'.includes(this.s[this.i])) throw BAIL
    }
    if (trim(text) === '') throw BAIL
    if (this.pos && path !== undefined) this.pos.set(path, { kind: 'scalar', start: this.base + start, end: this.base + start + trimEnd(text).length, key })
    return scalar(text, true)
  }

  private seq(path: string | undefined): Value[] {
    this.i++
    const items: Value[] = []
    this.spaces()
    if (this.s[this.i] === ']') {
      this.i++
      return items
    }
    for (;;) {
      items.push(this.value(path === undefined ? undefined : child(path, items.length)))
      this.spaces()
      const c = this.s[this.i++]
      if (c === ']') return items
      if (c !== ',') throw BAIL
      this.spaces()
      // A trailing comma ([a, b,]) is allowed.
      if (this.s[this.i] === ']') {
        this.i++
        return items
      }
    }
  }

  private map(path: string | undefined): { [key: string]: Value } {
    this.i++
    const map: { [key: string]: Value } = {}
    this.spaces()
    if (this.s[this.i] === '}') {
      this.i++
      return map
    }
    for (;;) {
      const colon = this.s.indexOf(':', this.i)
      if (colon === -1) throw BAIL
      const k = key(trim(this.s.slice(this.i, colon)))
      // `key:value` is one plain scalar in flow; this reader wants `key: value`.
      if (this.s[colon + 1] !== ' ') throw BAIL
      const keyStart = this.base + this.i
      this.i = colon + 1
      setKey(map, k, this.value(path === undefined ? undefined : child(path, k), [keyStart, keyStart + k.length]))
      this.spaces()
      const c = this.s[this.i++]
      if (c === '}') return map
      if (c !== ',') throw BAIL
      this.spaces()
      if (this.s[this.i] === '}') {
        this.i++
        return map
      }
    }
  }
}

/** A value written after `key:` or `- ` on the same line; `at` is the offset of `s` in the YAML text. */
function inlineValue(s: string, at: number, pos: Positions | undefined, path: string, key?: [number, number]): Value {
  const t = trimStart(s)
  const start = at + s.length - t.length
  if (t.startsWith('[') || t.startsWith('{')) {
    const flow = new Flow(t, start, pos)
    const value = flow.value(pos ? path : undefined, key)
    if (flow.i !== t.length) throw BAIL
    return value
  }
  const value = scalar(t, false)
  pos?.set(path, { kind: 'scalar', start, end: start + t.length, key })
  return value
}

interface Line {
  indent: number
  text: string
  /** Offset of `text` (the line after its indentation) in the YAML text. */
  at: number
  /** Offset of the line's end, trailing spaces included. */
  end: number
  /** Offset after the line's line break (the end of the text on the last line). */
  next: number
}

const child = (path: string, k: string | number) => (path === '' ? String(k) : `${path}${PATH_SEPARATOR}${k}`)
/** The range of a map's first key, from the positions of its entries. */
function firstKey(pos: Positions, path: string, map: { [key: string]: Value }): [number, number] | undefined {
  for (const k in map) return pos.get(child(path, k))?.key
  return undefined
}

class Reader {
  private i = 0
  private readonly lines: Line[]
  private readonly pos: Positions | undefined
  constructor(lines: Line[], pos?: Positions) {
    this.lines = lines
    this.pos = pos
  }

  /** Offset after the last line read since line `from` (`start` when none was). */
  private endSince(from: number, start: number): number {
    return this.i > from ? this.lines[this.i - 1].next : start
  }

  /** A block map whose keys sit at exactly `indent`. */
  map(indent: number, path = '', key?: [number, number]): { [key: string]: Value } {
    const map: { [key: string]: Value } = {}
    const from = this.i
    const start = this.lines[this.i]?.at ?? 0
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]
      if (line.indent < indent) break
      if (line.indent > indent) throw BAIL
      if (line.text.startsWith('- ') || line.text === '-') break
      this.i++
      this.entry(map, line.text, line.at, indent, path)
    }
    if (this.pos) this.pos.set(path, { kind: 'map', start, end: this.endSince(from, start), key, first: firstKey(this.pos, path, map) })
    return map
  }

  /** `key: value` or `key:` followed by a nested block; `text` starts at offset `at` of the YAML text. */
  private entry(map: { [key: string]: Value }, text: string, at: number, indent: number, path: string): void {
    const lineEnd = this.lines[this.i - 1].end
    const colon = text.indexOf(':')
    if (colon <= 0) throw BAIL
    const k = key(text.slice(0, colon))
    const rest = text.slice(colon + 1)
    const keyRange: [number, number] = [at, at + colon]
    const p = this.pos ? child(path, k) : ''
    if (rest !== '') {
      if (rest[0] !== ' ') throw BAIL
      setKey(map, k, inlineValue(rest, at + colon + 1, this.pos, p, keyRange))
      return
    }
    const next = this.lines[this.i]
    if (!next || next.indent < indent || (next.indent === indent && !next.text.startsWith('- '))) {
      // `yaml` places an empty value at the end of the line, after any spaces.
      this.pos?.set(p, { kind: 'scalar', start: lineEnd, end: lineEnd, key: keyRange })
      setKey(map, k, null)
      return
    }
    if (next.text.startsWith('- ') || next.text === '-') setKey(map, k, this.seq(next.indent, p, keyRange))
    else setKey(map, k, this.map(next.indent, p, keyRange))
  }

  /** A block sequence whose dashes sit at exactly `indent`. */
  seq(indent: number, path = '', key?: [number, number]): Value[] {
    const items: Value[] = []
    const from = this.i
    const start = this.lines[this.i]?.at ?? 0
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]
      if (line.indent < indent) break
      if (line.indent > indent) throw BAIL
      if (!line.text.startsWith('- ')) break
      this.i++
      const content = line.text.slice(2)
      const body = trimStart(content)
      const lead = content.length - body.length
      if (body === '' || body.startsWith('- ') || body === '-') throw BAIL
      const itemIndent = indent + 2 + lead
      const at = line.at + 2 + lead
      const p = this.pos ? child(path, items.length) : ''
      if (!body.startsWith('[') && !body.startsWith('{') && !body.startsWith('"') && !body.startsWith("'") && /^[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/.test(body)) {
        // A map that starts on the dash line: its other keys line up with the first one.
        const map: { [key: string]: Value } = {}
        this.entry(map, body, at, itemIndent, p)
        const more = this.map(itemIndent, p)
        for (const [k, v] of Object.entries(more)) setKey(map, k, v)
        if (this.pos) this.pos.set(p, { kind: 'map', start: at, end: this.lines[this.i - 1].next, first: firstKey(this.pos, p, map) })
        items.push(map)
      } else items.push(inlineValue(body, at, this.pos, p))
    }
    this.pos?.set(path, { kind: 'seq', start, end: this.endSince(from, start), key })
    return items
  }

  get done(): boolean {
    return this.i >= this.lines.length
  }
}

/**
 * The data of a YAML frontmatter text in the plain subset, or undefined when the text needs the full
 * parser (which then also reports any error with its place).
 */
export function fastYaml(text: string, positions?: Positions): Record<string, unknown> | undefined {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text) || text.includes('\t') || text.includes('\r') || text.includes('\\') || text.includes('&') || text.includes('*') || text.includes('!') || text.includes('|') || text.includes('>')) {
    // Cheap refusals: control characters (YAML forbids most of them), tabs, CR, escapes and the characters of anchors, aliases, tags and block scalars.
    // (They may be harmless inside a scalar, but then the full parser handles the file.)
    return undefined
  }
  const lines: Line[] = []
  let offset = 0
  for (const raw of text.split('\n')) {
    const at = offset
    offset += raw.length + 1
    const trimmed = trimEnd(raw)
    if (trimmed === '') continue
    const body = trimStart(trimmed)
    if (body.startsWith('#')) continue
    if (body.includes('#')) return undefined
    if (body.startsWith('---') || body.startsWith('...') || body.startsWith('%') || body.startsWith('? ')) return undefined
    const indent = trimmed.length - body.length
    lines.push({ indent, text: body, at: at + indent, end: at + raw.length, next: Math.min(offset, text.length) })
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined
  try {
    const reader = new Reader(lines, positions)
    const data = reader.map(0)
    return reader.done ? data : undefined
  } catch (error) {
    if (error === BAIL) return undefined
    throw error
  }
}
