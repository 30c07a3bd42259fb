import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode, type Pair } from 'yaml'
import { fastYaml, pathKey, type Positions } from './fast-yaml.ts'

/** Where the frontmatter sits in the file text, and the parsed YAML document. */
export interface Frontmatter {
  /** Offset of the opening fence. */
  fenceStart: number
  /** Offset where the YAML text starts (after the opening fence's line break). */
  yamlStart: number
  /** Offset where the YAML text ends (start of the closing fence line). */
  yamlEnd: number
  doc: Document.Parsed
  /**
   * Key and value ranges read by the fast path (fast-yaml.ts), when the YAML is in its plain subset: then
   * rangeAt answers from them and `doc` is parsed only if something reads it.
   */
  positions?: Positions
}

/**
 * The frontmatter of a file for placing findings: from the fast path's positions when the YAML is plain,
 * else the positioned `yaml` parse (readFrontmatter). The positioned parse of a plain document costs about
 * 20 times the fast one, and a library's first lint places findings in most of its files.
 */
export function frontmatterForPlaces(text: string): Frontmatter | undefined {
  const block = locateFrontmatter(text)
  if ('issue' in block) return undefined
  return yamlForPlaces(text.slice(block.yamlStart, block.yamlEnd), block.yamlStart) ?? readFrontmatter(text).frontmatter
}

/** A whole YAML file (units.yaml, library.yaml) for placing findings, as frontmatterForPlaces. */
export function yamlFileForPlaces(text: string): Frontmatter | undefined {
  return yamlForPlaces(text, 0) ?? parseYamlBlock(text, 0).frontmatter
}

function yamlForPlaces(yamlText: string, base: number): Frontmatter | undefined {
  const positions: Positions = new Map()
  if (!fastYaml(yamlText, positions)) return undefined
  let doc: Document.Parsed | undefined
  return {
    fenceStart: 0,
    yamlStart: base,
    yamlEnd: base + yamlText.length,
    positions,
    get doc() {
      return (doc ??= parseYamlBlock(yamlText, base).frontmatter!.doc)
    },
  }
}

export type FrontmatterIssue =
  | { kind: 'no-frontmatter' }
  | { kind: 'unclosed'; fenceEnd: number }
  | { kind: 'yaml-error'; code: string; message: string; start: number; end: number }
  | { kind: 'duplicate-key'; key: string; start: number; end: number }
  | { kind: 'alias'; start: number; end: number }
  | { kind: 'tag'; tag: string; start: number; end: number }
  | { kind: 'not-a-map'; start: number; end: number }

export interface FrontmatterResult {
  frontmatter?: Frontmatter
  data?: unknown
  issues: FrontmatterIssue[]
}

const FENCE = /^---[ \t]*\r?$/
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/

/** Where the `---` fenced block at the very top of the file is, or why there is none. */
export function locateFrontmatter(text: string): { yamlStart: number; yamlEnd: number } | { issue: FrontmatterIssue } {
  const firstBreak = text.indexOf('\n')
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak)
  if (!FENCE.test(firstLine)) return { issue: { kind: 'no-frontmatter' } }
  const yamlStart = firstBreak === -1 ? text.length : firstBreak + 1
  let lineStart = yamlStart
  let yamlEnd = -1
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart)
    const line = nl === -1 ? text.slice(lineStart) : text.slice(lineStart, nl)
    if (CLOSE.test(line)) {
      yamlEnd = lineStart
      break
    }
    if (nl === -1) break
    lineStart = nl + 1
  }
  if (yamlEnd === -1) return { issue: { kind: 'unclosed', fenceEnd: firstLine.length } }
  return { yamlStart, yamlEnd }
}

/** Finds the `---` fenced block at the very top of the file and parses it with source ranges. */
export function readFrontmatter(text: string): FrontmatterResult {
  const block = locateFrontmatter(text)
  if ('issue' in block) return { issues: [block.issue] }
  return parseYamlBlock(text.slice(block.yamlStart, block.yamlEnd), block.yamlStart, 0)
}

/** Parses a YAML text that starts at `base` in the file. Positions in issues are file offsets. */
export function parseYamlBlock(yamlText: string, base: number, fenceStart = 0): FrontmatterResult {
  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, strict: true })
  const issues: FrontmatterIssue[] = []
  for (const error of doc.errors) {
    const [start, end] = error.pos
    if (error.code === 'DUPLICATE_KEY') {
      const keyEnd = keyTextEnd(yamlText, start, end)
      issues.push({ kind: 'duplicate-key', key: yamlText.slice(start, keyEnd).trim(), start: base + start, end: base + keyEnd })
    } else {
      issues.push({ kind: 'yaml-error', code: error.code, message: firstLine(error.message), start: base + start, end: base + end })
    }
  }
  // Anchors and aliases have no use in a plan and are the door to "billion laughs": refuse them, the
  // anchor as well as its aliases. Explicit tags (`!!js/function`, `!!binary`, custom `!foo`) are refused
  // too: a plan holds plain strings, numbers, lists and maps, and a tag means the file expects a loader
  // to do something with it.
  // An anchor that aliases use is reported through its aliases (where the expansion would happen).
  const used = new Set<string>()
  visit(doc, {
    Alias(_, node) {
      used.add(node.source)
      const [start, end] = node.range ?? [0, 0]
      issues.push({ kind: 'alias', start: base + start, end: base + end })
    },
  })
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) return
      const [start, end] = node.range ?? [0, 0]
      if (node.anchor && !used.has(node.anchor)) {
        const lineStart = yamlText.lastIndexOf('\n', start - 1) + 1
        const at = yamlText.slice(lineStart, start).lastIndexOf(`&${node.anchor}`)
        const from = at === -1 ? start : lineStart + at
        issues.push({ kind: 'alias', start: base + from, end: base + (at === -1 ? end : from + node.anchor.length + 1) })
      }
      const tag = node.tag ? explicitTag(yamlText, start) : undefined
      if (tag) issues.push({ kind: 'tag', tag: tag.text, start: base + tag.at, end: base + tag.at + tag.text.length })
    },
  })
  const frontmatter: Frontmatter = { fenceStart, yamlStart: base, yamlEnd: base + yamlText.length, doc }
  if (issues.some((i) => i.kind !== 'duplicate-key')) return { frontmatter, issues }
  const contents = doc.contents
  if (contents !== null && !isMap(contents)) {
    const [start, end] = contents.range ?? [0, 0]
    return { frontmatter, issues: [...issues, { kind: 'not-a-map', start: base + start, end: base + end }] }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 0 }) ?? {}
  } catch (error) {
    issues.push({ kind: 'yaml-error', code: 'TO_JS', message: firstLine(String((error as Error).message)), start: base, end: base })
    return { frontmatter, issues }
  }
  return { frontmatter, data, issues }
}

/** The explicit `!tag` written just before the node starting at `start`, if any (implicit types have none). */
function explicitTag(text: string, start: number): { text: string; at: number } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const match = /(![^\s]*)\s*$/.exec(text.slice(lineStart, start))
  return match ? { text: match[1], at: lineStart + match.index } : undefined
}

/** yaml reports a duplicate key at its first character; extend to the whole key (up to `:`). */
function keyTextEnd(text: string, start: number, end: number): number {
  const lineEnd = text.indexOf('\n', start)
  const line = text.slice(start, lineEnd === -1 ? text.length : lineEnd)
  const colon = line.search(/:(\s|$)/)
  return colon > 0 ? start + colon : Math.max(end, start + 1)
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}

export type YamlPath = (string | number)[]

/** The pair whose key is `key` in the map at `path`, if present. */
export function pairAt(doc: Document, path: YamlPath, key: string | number): Pair<YamlNode, YamlNode> | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true)
  if (!isMap(parent)) return undefined
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key)) return item as Pair<YamlNode, YamlNode>
  }
  return undefined
}

/** File offsets of the key or value at `path`; falls back to the closest existing ancestor. */
export function rangeAt(fm: Frontmatter, path: YamlPath, which: 'key' | 'value'): [number, number] {
  if (fm.positions) return rangeFromPositions(fm, fm.positions, path, which)
  for (let depth = path.length; depth > 0; depth--) {
    const head = path.slice(0, depth - 1)
    const last = path[depth - 1]
    const wantKey = which === 'key' || depth < path.length
    const container = head.length === 0 ? fm.doc.contents : fm.doc.getIn(head, true)
    if (isMap(container)) {
      const pair = pairAt(fm.doc, head, last)
      if (pair) {
        const node = wantKey ? pair.key : (pair.value ?? pair.key)
        const range = (node as YamlNode | null)?.range
        if (range) return [fm.yamlStart + range[0], fm.yamlStart + range[1]]
      }
    } else if (isSeq(container) && typeof last === 'number') {
      const node = container.items[last] as YamlNode | undefined
      const range = node && !isAlias(node) ? node.range : undefined
      if (range) {
        // For a map item in a sequence, point at its first key rather than the whole block.
        if (wantKey && isMap(node) && node.items[0] && isPair(node.items[0])) {
          const k = (node.items[0].key as YamlNode).range
          if (k) return [fm.yamlStart + k[0], fm.yamlStart + k[1]]
        }
        return [fm.yamlStart + range[0], fm.yamlStart + valueEnd(range)]
      }
    }
  }
  const contents = fm.doc.contents as YamlNode | null
  const first = isMap(contents) && contents.items[0] && isPair(contents.items[0]) ? (contents.items[0].key as YamlNode).range : undefined
  if (first) return [fm.yamlStart + first[0], fm.yamlStart + first[1]]
  return [fm.fenceStart, fm.fenceStart + 3]
}

function valueEnd(range: [number, number, number]): number {
  return range[1]
}

/** rangeAt from the fast path's positions: the same answers as from the document (test/load/fast-yaml-positions.test.ts). */
function rangeFromPositions(fm: Frontmatter, positions: Positions, path: YamlPath, which: 'key' | 'value'): [number, number] {
  const shift = (r: [number, number]): [number, number] => [fm.yamlStart + r[0], fm.yamlStart + r[1]]
  for (let depth = path.length; depth > 0; depth--) {
    const head = path.slice(0, depth - 1)
    const last = path[depth - 1]
    const wantKey = which === 'key' || depth < path.length
    const container = positions.get(pathKey(head))
    if (container?.kind === 'map') {
      const node = positions.get(pathKey([...head, last]))
      if (node) return shift(wantKey ? node.key! : [node.start, node.end])
    } else if (container?.kind === 'seq' && typeof last === 'number') {
      const node = positions.get(pathKey([...head, last]))
      if (node) {
        if (wantKey && node.kind === 'map' && node.first) return shift(node.first)
        return shift([node.start, node.end])
      }
    }
  }
  const first = positions.get('')?.first
  if (first) return shift(first)
  return [fm.fenceStart, fm.fenceStart + 3]
}
