import { parseDocument, isAlias, isMap, visit, type Document } from 'yaml'
import { fastYaml } from './fast-yaml.ts'
import type { Frontmatter, Positions } from '../model/yaml-place.ts'

// Where findings in YAML are placed is part of the model (rules place them); re-exported for the loader's users.
export { pairAt, rangeAt, type Frontmatter, type YamlPath } from '../model/yaml-place.ts'

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
