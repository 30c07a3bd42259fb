import type { Root, RootContent } from 'mdast'
import type { Point, Position } from 'unist'
import { parseFastMarkdown } from './fast-markdown.ts'

/**
 * Constructs whose meaning reaches across a blank line and a heading: link reference and footnote
 * definitions (a `[label]` anywhere may use them), fenced code (a `#` line inside is code) and the HTML
 * blocks that only end at their closing marker (`<script`, `<pre`, `<style`, `<textarea`, `<!--`, `<?`,
 * `<!X`, `<![CDATA[`). Over-broad on purpose: any `]:` or `[^` refuses.
 */
const REACHES_ACROSS = /\]:|\[\^|```|~~~|<(?:script|pre|style|textarea|!|\?)/i

/**
 * The full tree of a file the fast path refuses as a whole, built block by block. A plan written in a house
 * style with nested lists or quoted notes is simple in most of its blocks. In CommonMark, a line at the
 * margin after a blank line that cannot continue a list or a quote (it is not indented and starts with no
 * list marker and no `>`) closes every open block (list, quote, table, paragraph) and starts a new one at
 * the top level; nothing before it changes how the text after it parses, unless the file holds one of the
 * constructs of REACHES_ACROSS. Without those, each piece from one such line to the next parses on its own
 * to the nodes the whole file gives there: simple pieces take the fast path, the others remark, and their
 * positions are moved to file coordinates (a piece starts at column 1, so only lines and offsets move).
 * Undefined when the file cannot be cut, or has nothing to cut. Tested against remark on every Markdown
 * file here, generated libraries and random documents.
 */
export function parseBySections(text: string, full: (text: string) => Root): Root | undefined {
  // remark drops a leading BOM and counts offsets without it; the pieces after the first would not.
  const bodyStart = text.charCodeAt(0) === 0xfeff ? undefined : frontmatterEnd(text)
  if (bodyStart === undefined) return undefined
  // CommonMark reads a lone CR as a line break; lines are counted by LF below.
  if (REACHES_ACROSS.test(text.slice(bodyStart)) || /\r(?!\n)/.test(text)) return undefined
  const cuts = blockStarts(text, bodyStart)
  if (cuts.length === 1) return undefined
  cuts.push(text.length)

  const children: RootContent[] = []
  let end: Point | undefined
  let line = 0 // line breaks before the current section
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]
    const section = text.slice(from, cuts[k + 1])
    const tree = parseFastMarkdown(section) ?? full(section)
    if (from > 0) for (const node of tree.children) shift(node, line, from)
    children.push(...tree.children)
    end = moved(tree.position!.end, line, from)
    for (let i = section.indexOf('\n'); i !== -1; i = section.indexOf('\n', i + 1)) line++
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: end! } }
}

/** Offsets where a piece starts: 0, then every line that starts a top-level block after a blank line. */
function blockStarts(text: string, bodyStart: number): number[] {
  const cuts = [0]
  let blank = false
  for (let start = bodyStart; start < text.length; ) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let i = start
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x0d)) i++
    if (i === end) blank = true
    else {
      if (blank && i === start && startsTopLevelBlock(text, start, end)) cuts.push(start)
      blank = false
    }
    start = end + 1
  }
  return cuts
}

/**
 * Whether a non-blank line at the margin cannot continue an open list or quote: it starts with no bullet
 * (`+`, `*` followed by a space, a tab or the end of the line; `-` at all), no ordered marker (1–9 digits,
 * `.` or `)`, then the same) and no `>`. `<` is left out too, for the HTML blocks that end at a blank line.
 */
function startsTopLevelBlock(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start)
  const spaceAt = (i: number) => i >= end || text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x0d
  // `-` never: besides bullets, a piece that opens with `---` would be read as frontmatter; nor U+FEFF,
  // which remark drops at the start of what it parses.
  if (c === 0x3e || c === 0x3c || c === 0x2d || c === 0xfeff) return false // > < -
  if (c === 0x2b || c === 0x2a) return !spaceAt(start + 1) // + *
  if (c >= 0x30 && c <= 0x39) {
    let i = start
    while (i < end && i - start < 10 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
    const marker = text.charCodeAt(i) === 0x2e || text.charCodeAt(i) === 0x29 // . )
    return !(marker && i - start <= 9 && spaceAt(i + 1))
  }
  return true
}

/**
 * Where the body starts: after the closing `---` line of a frontmatter block, 0 without one. A closing line
 * is looked for as exactly `---`, which remark-frontmatter always takes as the close, so the body found here
 * never starts before remark's (it may start later, which is safe: the first section is parsed whole).
 * Undefined when a file opens with `---` and has no such line.
 */
function frontmatterEnd(text: string): number | undefined {
  if (!text.startsWith('---')) return 0
  const close = /\n---\r?(?:\n|$)/.exec(text)
  return close ? close.index + close[0].length : undefined
}

function moved(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset! + offset }
}

function shift(node: { position?: Position; children?: unknown[] }, lines: number, offset: number): void {
  if (node.position) node.position = { start: moved(node.position.start, lines, offset), end: moved(node.position.end, lines, offset) }
  if (node.children) for (const child of node.children) shift(child as typeof node, lines, offset)
}
