// Where a YAML key or value sits in a file: what findings on frontmatter, units.yaml and library.yaml point at.
// The positioned `yaml` document answers it, or the fast path's positions (load/fast-yaml.ts) for plain YAML.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml'

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
 * Where a key and its value sit in the YAML text, by path (see pathKey): what `yaml` gives as the key's
 * range and the value node's [range[0], range[1]]. A block collection runs to the end of its last line,
 * line break included; `key:` with nothing after it is an empty value at the end of its line.
 */
export interface NodePosition {
  kind: 'map' | 'seq' | 'scalar'
  start: number
  end: number
  /** The key's range when the node is a map value. */
  key?: [number, number]
  /** A map's first key's range (undefined for an empty map). */
  first?: [number, number]
}
export type Positions = Map<string, NodePosition>

/** The key of a YAML path in Positions: path items joined by NUL (a list index and its string alike, as `yaml`'s getIn). */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join(PATH_SEPARATOR)
}
export const PATH_SEPARATOR = '\u0000'
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
