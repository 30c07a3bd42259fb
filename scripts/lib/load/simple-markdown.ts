// Fast path for the Markdown parse of "simple" files: YAML frontmatter, ATX headings, blank lines and plain
// paragraph lines, nothing else. Such a file's mdast tree is built from one line scan, without micromark
// (whose tokenising is ~75% of the parse cost), and is exactly the tree the full remark pipeline
// (remark-parse + remark-frontmatter + remark-gfm, see parseMarkdownFull) returns, positions included.
// Anything that is not plainly simple returns undefined and the caller runs the full parse: the accepted
// characters are a whitelist, and test/load/simple-markdown.test.ts compares both parsers differentially.
import type { Heading, Paragraph, Root, RootContent, Text, Yaml } from 'mdast'

type Point = NonNullable<Root['position']>['start']

const SPACE = 0x20
const NEWLINE = 0x0a
const HASH = 0x23
const DASH = 0x2d

/**
 * ASCII characters allowed in heading and paragraph text: letters, digits, space and punctuation that no
 * CommonMark/GFM construct (with this pipeline) gives a meaning inside a paragraph. Excluded on purpose, among
 * others: \ ` * _ [ ] < > ! | & ~ # (inline syntax, HTML, tables, headings), : and @ (GFM autolink literals
 * `http://…`, `a@b.c`), tabs, CR and every other control character. `-`, `+`, `=` are allowed inside a line
 * but not as a paragraph line's first character (lists, thematic breaks, setext underlines); `www.` anywhere
 * and digits followed by `.` or `)` at a line start (ordered lists) are refused separately.
 */
const ASCII_OK = new Uint8Array(128)
for (let c = 0x30; c <= 0x39; c++) ASCII_OK[c] = 1
for (let c = 0x41; c <= 0x5a; c++) ASCII_OK[c] = 1
for (let c = 0x61; c <= 0x7a; c++) ASCII_OK[c] = 1
for (const ch of ' ,.()%/;?\'"$^{}-+=') ASCII_OK[ch.charCodeAt(0)] = 1

/** Non-ASCII: everything from U+00A0 on except the BOM/zero-width no-break space (C1 controls are refused). */
function charOk(code: number): boolean {
  return code < 128 ? ASCII_OK[code] === 1 : code >= 0xa0 && code !== 0xfeff
}

const isW = (code: number) => code === 0x77 || code === 0x57

/** True if text[from, to) holds only allowed characters and no `www.` (any case). */
function inlineOk(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (!charOk(code)) return false
    if (code === 0x2e && i - from >= 3 && isW(text.charCodeAt(i - 1)) && isW(text.charCodeAt(i - 2)) && isW(text.charCodeAt(i - 3))) return false
  }
  return true
}

const point = (line: number, lineStart: number, offset: number): Point => ({ line, column: offset - lineStart + 1, offset })

interface ParagraphLine {
  line: number
  lineStart: number
  /** First non-space character. */
  from: number
  /** After the last non-space character. */
  to: number
  /** End of the line (before its newline), trailing spaces included. */
  end: number
}

function paragraphOf(lines: ParagraphLine[], text: string): Paragraph {
  const first = lines[0]
  const last = lines[lines.length - 1]
  let value = text.slice(first.from, first.to)
  for (let k = 1; k < lines.length; k++) value += '\n' + text.slice(lines[k].from, lines[k].to)
  const start = point(first.line, first.lineStart, first.from)
  const node: Text = { type: 'text', value, position: { start, end: point(last.line, last.lineStart, last.to) } }
  return { type: 'paragraph', children: [node], position: { start: { ...start }, end: point(last.line, last.lineStart, last.end) } }
}

/**
 * The mdast tree of `text` (frontmatter included, positions in file coordinates) if the file is simple,
 * otherwise undefined. Simple: optional frontmatter opened by `---` on line 1 and closed by a line that is
 * exactly `---`; then only blank lines (spaces only), ATX headings (0–3 spaces, 1–6 `#`, space, non-empty
 * text without `#`) and paragraph lines (0–3 spaces; at most one trailing space unless it is the paragraph's last
 * line), with the text whitelist above.
 */
export function parseSimpleMarkdown(text: string): Root | undefined {
  const length = text.length
  const children: RootContent[] = []
  let pos = 0
  let line = 1

  if (text.startsWith('---')) {
    if (text.charCodeAt(3) !== NEWLINE) return undefined
    let s = 4
    line = 2
    for (;;) {
      if (s >= length) return undefined // no closing fence
      let e = text.indexOf('\n', s)
      if (e === -1) e = length
      for (let i = s; i < e; i++) {
        const code = text.charCodeAt(i)
        if (code < SPACE || code === 0x7f || code === 0xfeff || (code >= 0x80 && code < 0xa0)) return undefined
      }
      if (text.charCodeAt(s) === DASH && text.charCodeAt(s + 1) === DASH && text.charCodeAt(s + 2) === DASH) {
        if (e - s !== 3) return undefined // `----`, `--- `, `---x`: not plainly a fence
        const yaml: Yaml = {
          type: 'yaml',
          value: s === 4 ? '' : text.slice(4, s - 1),
          position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: 4, offset: e } },
        }
        children.push(yaml)
        pos = e
        break
      }
      s = e + 1
      line++
    }
    const yaml = children[0] as Yaml
    if (pos === length) return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { ...yaml.position!.end } } }
    pos++ // the closing fence's newline
    line++
  }

  let paragraph: ParagraphLine[] = []
  let lineStart = pos
  while (pos <= length) {
    let e = text.indexOf('\n', pos)
    if (e === -1) e = length
    lineStart = pos
    let i = pos
    while (i < e && text.charCodeAt(i) === SPACE) i++
    if (i === e) {
      // blank line
      if (paragraph.length > 0) children.push(paragraphOf(paragraph, text))
      paragraph = []
    } else {
      if (i - pos >= 4) return undefined
      const c = text.charCodeAt(i)
      let to = e
      while (text.charCodeAt(to - 1) === SPACE) to--
      if (c === HASH) {
        let h = i
        while (h < e && text.charCodeAt(h) === HASH) h++
        const depth = h - i
        if (depth > 6 || text.charCodeAt(h) !== SPACE || h >= to) return undefined
        let from = h
        while (text.charCodeAt(from) === SPACE) from++
        if (!inlineOk(text, from, to)) return undefined
        if (paragraph.length > 0) children.push(paragraphOf(paragraph, text))
        paragraph = []
        const heading: Heading = {
          type: 'heading',
          depth: depth as Heading['depth'],
          children: [{ type: 'text', value: text.slice(from, to), position: { start: point(line, pos, from), end: point(line, pos, to) } }],
          position: { start: point(line, pos, i), end: point(line, pos, e) },
        }
        children.push(heading)
      } else {
        // paragraph line: no block construct may start here
        if (c === DASH || c === 0x2b || c === 0x3d) return undefined // - + =
        if (c >= 0x30 && c <= 0x39) {
          let d = i
          while (d < e && text.charCodeAt(d) >= 0x30 && text.charCodeAt(d) <= 0x39) d++
          const after = text.charCodeAt(d)
          if (after === 0x2e || after === 0x29) return undefined // `1.` `1)`
        }
        // two or more trailing spaces before another paragraph line make a hard break
        const previous = paragraph.length > 0 ? paragraph[paragraph.length - 1] : undefined
        if (previous !== undefined && previous.end - previous.to >= 2) return undefined
        if (!inlineOk(text, i, to)) return undefined
        paragraph.push({ line, lineStart: pos, from: i, to, end: e })
      }
    }
    if (e === length) break
    pos = e + 1
    line++
  }
  if (paragraph.length > 0) children.push(paragraphOf(paragraph, text))
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: point(line, lineStart, length) },
  }
}
