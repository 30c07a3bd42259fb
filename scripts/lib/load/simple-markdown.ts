// Fast path for the Markdown parse of "simple" files: YAML frontmatter, ATX headings, blank lines, paragraphs,
// flat lists of one-line items (task items included) and GFM pipe tables, with a few inline forms (strong,
// emphasis, inline code, inline links, `<br>`) in one-line blocks. Such a file's mdast tree is built from one line scan, without micromark
// (whose tokenising is ~75% of the parse cost), and is exactly the tree the full remark pipeline
// (remark-parse + remark-frontmatter + remark-gfm, see parseMarkdownFull) returns, positions included.
// Anything that is not plainly simple returns undefined and the caller runs the full parse: the accepted
// characters are a whitelist, and test/load/simple-markdown.test.ts compares both parsers differentially.
// A difference would silently move finding positions, so every doubtful form is refused, not modelled.
import type { Heading, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text, Yaml } from 'mdast'

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

/**
 * True if text[from, to) holds only allowed characters and no `www.` (any case); with `inert`, also `*`/`_` runs
 * that can neither open nor close emphasis (micromark leaves them as text).
 */
function inlineOk(text: string, from: number, to: number, inert = false): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (inert && (code === 0x2a || code === 0x5f)) {
      let j = i + 1
      while (j < to && text.charCodeAt(j) === code) j++
      if (text.charCodeAt(i - 1) === code || text.charCodeAt(j) === code || !inertRun(text, i, j - i)) return false
      i = j - 1
      continue
    }
    if (!charOk(code)) return false
    if (code === 0x2e && i - from >= 3 && isW(text.charCodeAt(i - 1)) && isW(text.charCodeAt(i - 2)) && isW(text.charCodeAt(i - 3))) return false
  }
  return true
}

const point = (line: number, lineStart: number, offset: number): Point => ({ line, column: offset - lineStart + 1, offset })

const STAR = 0x2a
const UNDERSCORE = 0x5f
const BACKTICK = 0x60
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_PAREN = 0x28
const CLOSE_PAREN = 0x29
const QUOTE = 0x22
const PIPE = 0x7c
const COLON = 0x3a

const isDigit = (code: number) => code >= 0x30 && code <= 0x39

// micromark-util-character's definitions, applied like micromark to single UTF-16 code units
const PUNCTUATION = /\p{P}|\p{S}/u
const WHITESPACE = /\s/

/** micromark's classifyCharacter: 1 whitespace, line ending or no character, 2 punctuation, 0 anything else. */
function kind(text: string, index: number): 0 | 1 | 2 {
  if (index < 0 || index >= text.length) return 1
  const ch = text[index]
  if (WHITESPACE.test(ch)) return 1
  return PUNCTUATION.test(ch) ? 2 : 0
}

/**
 * Whether a `*`/`_` run can open and close, as micromark's attention tokenizer decides (CommonMark's
 * left-/right-flanking rules with Unicode punctuation: `**（一）**说明` is not strong, `**牵头单位**：` is).
 */
function flanking(text: string, start: number, size: number): { open: boolean; close: boolean } {
  const before = kind(text, start - 1)
  const after = kind(text, start + size)
  const open = after === 0 || (after === 2 && before !== 0)
  const close = before === 0 || (before === 2 && after !== 0)
  if (text.charCodeAt(start) === STAR) return { open, close }
  return { open: open && (before !== 0 || !close), close: close && (after !== 0 || !open) }
}

/** A `*`/`_` run that can neither open nor close: plain text to micromark, whatever surrounds it. */
function inertRun(text: string, start: number, size: number): boolean {
  const { open, close } = flanking(text, start, size)
  return !open && !close
}

/** Characters allowed in a link destination: no space, parentheses, `<>`, `\\`, `&` or anything that would need decoding. */
function urlCharOk(code: number): boolean {
  if (code < 128) return ASCII_OK[code] === 1 ? code !== SPACE && code !== OPEN_PAREN && code !== CLOSE_PAREN && code !== QUOTE && code !== 0x27 : code === HASH || code === COLON || code === UNDERSCORE
  return code >= 0xa0 && code !== 0xfeff && !WHITESPACE.test(String.fromCharCode(code))
}

interface Run {
  start: number
  size: number
  /** Index of its placeholder in the node list. */
  index: number
}

/**
 * The phrasing content of text[from, to) on one line, or undefined unless it is plain text (see inlineOk) with
 * `` `code` ``, `<br>`, `[text](url)` / `[text](url "title")` and `*`/`_`/`**`/`__` pairs around plain text, each pair
 * formed exactly as micromark forms it. Any other use of those characters refuses.
 */
function phrasing(text: string, from: number, to: number, line: number, lineStart: number): PhrasingContent[] | undefined {
  const at = (offset: number) => point(line, lineStart, offset)
  const nodes: (PhrasingContent | undefined)[] = []
  const runs: Run[] = []
  let textStart = from
  const flush = (end: number): boolean => {
    if (end === textStart) return true
    if (!inlineOk(text, textStart, end, true)) return false
    nodes.push({ type: 'text', value: text.slice(textStart, end), position: { start: at(textStart), end: at(end) } })
    return true
  }
  let i = from
  while (i < to) {
    const code = text.charCodeAt(i)
    if (code === STAR || code === UNDERSCORE) {
      let j = i + 1
      while (j < to && text.charCodeAt(j) === code) j++
      if (inertRun(text, i, j - i)) {
        i = j // stays in the text (`response_levels`, `3 * 4`)
        continue
      }
      if (!flush(i)) return undefined
      if (j - i > 2) return undefined
      runs.push({ start: i, size: j - i, index: nodes.length })
      nodes.push(undefined)
      i = textStart = j
    } else if (code === BACKTICK) {
      if (!flush(i)) return undefined
      const close = text.indexOf('`', i + 1)
      if (close === -1 || close >= to || close === i + 1 || text.charCodeAt(close + 1) === BACKTICK) return undefined
      // no padding to strip, no other syntax inside
      if (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(close - 1) === SPACE || !inlineOk(text, i + 1, close)) return undefined
      const code: InlineCode = { type: 'inlineCode', value: text.slice(i + 1, close), position: { start: at(i), end: at(close + 1) } }
      nodes.push(code)
      i = textStart = close + 1
    } else if (code === 0x3c) {
      // `<br>`, the one piece of inline HTML hand-written plans use
      if (i + 4 > to || !text.startsWith('<br>', i) || !flush(i)) return undefined
      nodes.push({ type: 'html', value: '<br>', position: { start: at(i), end: at(i + 4) } })
      i = textStart = i + 4
    } else if (code === OPEN_BRACKET) {
      if (!flush(i)) return undefined
      const link = inlineLink(text, i, to, at)
      if (link === undefined) return undefined
      nodes.push(link)
      i = textStart = link.position!.end.offset!
    } else i++
  }
  if (!flush(to)) return undefined
  // Pair the runs in order: each opener with the next run, same marker and size, plain text between.
  if (runs.length % 2 !== 0) return undefined
  for (let r = 0; r < runs.length; r += 2) {
    const opener = runs[r]
    const closer = runs[r + 1]
    if (closer.size !== opener.size || text.charCodeAt(closer.start) !== text.charCodeAt(opener.start)) return undefined
    if (closer.index !== opener.index + 2 || nodes[opener.index + 1]?.type !== 'text') return undefined
    if (!flanking(text, opener.start, opener.size).open || !flanking(text, closer.start, closer.size).close) return undefined
    const inner = nodes[opener.index + 1] as Text
    const position = { start: at(opener.start), end: at(closer.start + closer.size) }
    nodes[opener.index] = opener.size === 2 ? { type: 'strong', children: [inner], position } : { type: 'emphasis', children: [inner], position }
    nodes[opener.index + 1] = undefined
  }
  return nodes.filter((node) => node !== undefined)
}

/** `[text](url)` or `[text](url "title")` starting at `start`, plain text and a plain destination only. */
function inlineLink(text: string, start: number, to: number, at: (offset: number) => Point): Link | undefined {
  const close = text.indexOf(']', start + 1)
  if (close === -1 || close >= to || text.charCodeAt(close + 1) !== OPEN_PAREN) return undefined
  // `[^…]` may be a GFM footnote call; padded text is not worth modelling
  const first = text.charCodeAt(start + 1)
  if (close === start + 1 || first === 0x5e || first === SPACE || text.charCodeAt(close - 1) === SPACE || !inlineOk(text, start + 1, close)) return undefined
  const urlStart = close + 2
  let u = urlStart
  while (u < to && urlCharOk(text.charCodeAt(u))) u++
  if (u === urlStart) return undefined
  const url = text.slice(urlStart, u)
  let title: string | null = null
  if (text.charCodeAt(u) === SPACE && text.charCodeAt(u + 1) === QUOTE) {
    const q = text.indexOf('"', u + 2)
    if (q === -1 || q >= to || q === u + 2) return undefined
    for (let k = u + 2; k < q; k++) if (!charOk(text.charCodeAt(k))) return undefined
    title = text.slice(u + 2, q)
    u = q + 1
  }
  if (text.charCodeAt(u) !== CLOSE_PAREN || u >= to) return undefined
  const label: Text = { type: 'text', value: text.slice(start + 1, close), position: { start: at(start + 1), end: at(close) } }
  return { type: 'link', title, url, children: [label], position: { start: at(start), end: at(u + 1) } }
}

/**
 * False if a paragraph (or list item content) starting at `i` could open another block construct: list markers,
 * thematic breaks, setext underlines, HTML blocks. `#`, `>`, `|` and the rest are outside the text whitelist anyway.
 */
function startsPlainly(text: string, i: number, e: number): boolean {
  const c = text.charCodeAt(i)
  if (c === DASH || c === 0x2b || c === 0x3d) return false // - + =
  if (c === 0x3c) return false // `<br>` alone is an HTML block
  if (c === STAR || c === UNDERSCORE) {
    const next = text.charCodeAt(i + 1)
    if (i + 1 >= e || next === SPACE) return false
    // `***`, `** **`, `__ _`: a thematic break, though its runs alone would be inert text
    let k = i
    while (k < e && (text.charCodeAt(k) === c || text.charCodeAt(k) === SPACE)) k++
    if (k === e) return false
  }
  if (isDigit(c)) {
    let d = i
    while (d < e && isDigit(text.charCodeAt(d))) d++
    const after = text.charCodeAt(d)
    if (after === 0x2e || after === CLOSE_PAREN) return false // `1.` `1)`
  }
  return true
}

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

/**
 * A paragraph's node. Inline syntax only in a one-line paragraph (a line ending inside emphasis or a link
 * changes positions in ways not modelled); lines of a longer one must be plain text.
 */
function paragraphOf(lines: ParagraphLine[], text: string): Paragraph | undefined {
  const first = lines[0]
  const last = lines[lines.length - 1]
  const start = point(first.line, first.lineStart, first.from)
  const position = { start, end: point(last.line, last.lineStart, last.end) }
  if (lines.length === 1) {
    const children = phrasing(text, first.from, first.to, first.line, first.lineStart)
    return children === undefined ? undefined : { type: 'paragraph', children, position }
  }
  let value = ''
  for (let k = 0; k < lines.length; k++) {
    const { from, to } = lines[k]
    if (!inlineOk(text, from, to)) return undefined
    value += k === 0 ? text.slice(from, to) : '\n' + text.slice(from, to)
  }
  const node: Text = { type: 'text', value, position: { start: { ...start }, end: point(last.line, last.lineStart, last.to) } }
  return { type: 'paragraph', children: [node], position }
}

/** A list item line at column 1: `- `, `* `, `1. `, `1) ` and one space before non-empty content. */
interface ItemLine {
  ordered: boolean
  /** The bullet, or the delimiter after the number. */
  marker: number
  start: number | null
  /** Where the content starts. */
  content: number
  /** Digits of an ordered marker. */
  digits: string
}

function itemLine(text: string, pos: number, e: number): ItemLine | undefined {
  const c = text.charCodeAt(pos)
  let m = pos
  if (c === DASH || c === STAR) m = pos + 1
  else if (isDigit(c)) {
    while (m < e && isDigit(text.charCodeAt(m))) m++
    const d = text.charCodeAt(m)
    if (m - pos > 9 || (d !== 0x2e && d !== CLOSE_PAREN)) return undefined
    m++
  } else return undefined
  if (text.charCodeAt(m) !== SPACE) return undefined
  const ordered = m - pos > 1 || isDigit(c)
  const digits = ordered ? text.slice(pos, m - 1) : ''
  return { ordered, marker: text.charCodeAt(m - 1), start: ordered ? Number.parseInt(digits, 10) : null, content: m + 1, digits }
}

/** Splits a table row `| a | b |` at its pipes; undefined unless it starts and ends (before trailing spaces) with `|`. */
function rowPipes(text: string, pos: number, to: number): number[] | undefined {
  if (text.charCodeAt(pos) !== PIPE || to - pos < 2 || text.charCodeAt(to - 1) !== PIPE) return undefined
  const pipes: number[] = []
  for (let k = pos; k < to; k++) if (text.charCodeAt(k) === PIPE) pipes.push(k)
  return pipes
}

/** Alignment of each delimiter cell (`---`, `:--`, `--:`, `:-:`), or undefined if it is not a delimiter row. */
function delimiterRow(text: string, pipes: number[]): Table['align'] | undefined {
  const align: Table['align'] = []
  for (let k = 0; k + 1 < pipes.length; k++) {
    let a = pipes[k] + 1
    let b = pipes[k + 1]
    while (a < b && text.charCodeAt(a) === SPACE) a++
    while (b > a && text.charCodeAt(b - 1) === SPACE) b--
    const left = text.charCodeAt(a) === COLON
    const right = b - 1 > a && text.charCodeAt(b - 1) === COLON
    let dashes = 0
    for (let d = left ? a + 1 : a; d < (right ? b - 1 : b); d++) {
      if (text.charCodeAt(d) !== DASH) return undefined
      dashes++
    }
    if (dashes === 0) return undefined
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null)
  }
  return align
}

function tableRow(text: string, pipes: number[], line: number, lineStart: number, e: number): TableRow | undefined {
  const cells: TableCell[] = []
  for (let k = 0; k + 1 < pipes.length; k++) {
    let a = pipes[k] + 1
    let b = pipes[k + 1]
    while (a < b && text.charCodeAt(a) === SPACE) a++
    while (b > a && text.charCodeAt(b - 1) === SPACE) b--
    const children = a === b ? [] : phrasing(text, a, b, line, lineStart)
    if (children === undefined) return undefined
    const end = k + 2 === pipes.length ? e : pipes[k + 1]
    cells.push({ type: 'tableCell', children, position: { start: point(line, lineStart, pipes[k]), end: point(line, lineStart, end) } })
  }
  return { type: 'tableRow', children: cells, position: { start: point(line, lineStart, lineStart), end: point(line, lineStart, e) } }
}

interface OpenList {
  node: List
  item: ItemLine
  /** A blank line since the last item. */
  blank: boolean
}

/**
 * The mdast tree of `text` (frontmatter included, positions in file coordinates) if the file is simple,
 * otherwise undefined. Simple: optional frontmatter opened by `---` on line 1 and closed by a line that is
 * exactly `---`; then only
 * - blank lines (spaces only);
 * - ATX headings (0–3 spaces, 1–6 `#`, space, non-empty plain text without `#`);
 * - paragraph lines (0–3 spaces; at most one trailing space unless it is the paragraph's last line; inline
 *   syntax only in a one-line paragraph);
 * - lists of one-line items at column 1 (`- `, `* `, `1. `, `1) ` and exactly one space), one marker kind per
 *   list (another kind starts a new list after a blank line), no nesting, no continuation or lazy lines;
 *   GFM task items `[ ] `, `[x] ` followed by exactly one space;
 * - a line that is just `<br>` between blank lines;
 * - GFM tables at column 1 whose rows start and end with `|`, after a blank line or heading, ended by a blank
 *   line, a heading or the end of the file;
 * with the text whitelist above.
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
  let list: OpenList | undefined
  let table: Table | undefined
  let lineStart = pos
  /** Ends the open paragraph, if any; false if it is not simple. */
  const endParagraph = (): boolean => {
    if (paragraph.length === 0) return true
    const node = paragraphOf(paragraph, text)
    paragraph = []
    if (node === undefined) return false
    children.push(node)
    return true
  }
  while (pos <= length) {
    let e = text.indexOf('\n', pos)
    if (e === -1) e = length
    lineStart = pos
    let i = pos
    while (i < e && text.charCodeAt(i) === SPACE) i++
    let to = e
    while (to > i && text.charCodeAt(to - 1) === SPACE) to--
    const c = text.charCodeAt(i)
    if (i === e) {
      // blank line
      if (!endParagraph()) return undefined
      if (list !== undefined) list.blank = true
      table = undefined
    } else if (i - pos >= 4) {
      return undefined
    } else if (c === HASH) {
      // an indented heading after a list may belong to its last item; any heading inside a table is not modelled
      if (i > pos && (list !== undefined || table !== undefined)) return undefined
      let h = i
      while (h < e && text.charCodeAt(h) === HASH) h++
      const depth = h - i
      if (depth > 6 || text.charCodeAt(h) !== SPACE || h >= to) return undefined
      let from = h
      while (text.charCodeAt(from) === SPACE) from++
      if (!inlineOk(text, from, to)) return undefined
      if (!endParagraph()) return undefined
      list = undefined
      table = undefined
      const heading: Heading = {
        type: 'heading',
        depth: depth as Heading['depth'],
        children: [{ type: 'text', value: text.slice(from, to), position: { start: point(line, pos, from), end: point(line, pos, to) } }],
        position: { start: point(line, pos, i), end: point(line, pos, e) },
      }
      children.push(heading)
    } else if (c === 0x3c) {
      // `<br>` alone (an HTML block of CommonMark's 7th kind): it cannot interrupt a paragraph and runs to the
      // next blank line, so only a line between blank lines (or a heading before, the end of file after) is modelled
      if (i > pos || to - i !== 4 || !text.startsWith('<br>', i) || paragraph.length > 0 || table !== undefined) return undefined
      if (list !== undefined && !list.blank) return undefined
      if (e < length) {
        let k = e + 1
        while (k < length && text.charCodeAt(k) === SPACE) k++
        if (k < length && text.charCodeAt(k) !== NEWLINE) return undefined
      }
      list = undefined
      children.push({ type: 'html', value: text.slice(pos, e), position: { start: point(line, pos, pos), end: point(line, pos, e) } })
    } else if (table !== undefined) {
      // a body row, or (not modelled) a line the table would swallow as one
      const pipes = i === pos ? rowPipes(text, pos, to) : undefined
      const row = pipes === undefined ? undefined : tableRow(text, pipes, line, pos, e)
      if (row === undefined) return undefined
      table.children.push(row)
      table.position!.end = point(line, pos, e)
    } else if (c === PIPE) {
      // a table's header row; its delimiter row must follow
      if (i > pos || paragraph.length > 0 || (list !== undefined && !list.blank) || e === length) return undefined
      const pipes = rowPipes(text, pos, to)
      const next = e + 1
      let nextEnd = text.indexOf('\n', next)
      if (nextEnd === -1) nextEnd = length
      let nextTo = nextEnd
      while (nextTo > next && text.charCodeAt(nextTo - 1) === SPACE) nextTo--
      const delimiterPipes = rowPipes(text, next, nextTo)
      if (pipes === undefined || delimiterPipes === undefined || delimiterPipes.length !== pipes.length) return undefined
      const align = delimiterRow(text, delimiterPipes)
      if (align === undefined) return undefined
      const header = tableRow(text, pipes, line, pos, e)
      if (header === undefined) return undefined
      list = undefined
      const node: Table = { type: 'table', align, children: [header], position: { start: point(line, pos, pos), end: point(line + 1, next, nextEnd) } }
      children.push(node)
      table = node
      e = nextEnd
      lineStart = next
      line++
    } else {
      const item = i === pos ? itemLine(text, pos, e) : undefined
      if (item !== undefined) {
        if (!startItem(item, e, to)) return undefined
      } else {
        // paragraph line: after a list only from column 1 and after a blank line (else it continues the item)
        if (list !== undefined) {
          if (!list.blank || i > pos) return undefined
          list = undefined
        }
        if (!startsPlainly(text, i, e)) return undefined
        // two or more trailing spaces before another paragraph line make a hard break
        const previous = paragraph.length > 0 ? paragraph[paragraph.length - 1] : undefined
        if (previous !== undefined && previous.end - previous.to >= 2) return undefined
        paragraph.push({ line, lineStart: pos, from: i, to, end: e })
      }
    }
    if (e === length) break
    pos = e + 1
    line++
  }
  if (!endParagraph()) return undefined
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: point(line, lineStart, length) },
  }

  /**
   * An item's GFM task check: true for `[x] `/`[X] `, false for `[ ] `, each followed by exactly one space and
   * content; null if there is none; undefined for a bracketed character this does not model (`[ ]` alone,
   * `[x]  a`, `[\t] a`…).
   */
  function taskCheck(from: number, to: number): boolean | null | undefined {
    if (text.charCodeAt(from) !== OPEN_BRACKET || text.charCodeAt(from + 2) !== CLOSE_BRACKET) return null
    const mark = text.charCodeAt(from + 1)
    if (text.charCodeAt(from + 3) !== SPACE || from + 4 >= to || text.charCodeAt(from + 4) === SPACE) return undefined
    if (mark === SPACE) return false
    return mark === 0x78 || mark === 0x58 ? true : undefined
  }

  function startItem(item: ItemLine, e: number, to: number): boolean {
    const from = item.content
    const first = text.charCodeAt(from)
    if (from >= to || first === SPACE) return false
    const checked = taskCheck(from, to)
    if (checked === undefined) return false
    const contentFrom = checked === null ? from : from + 4
    if (!startsPlainly(text, contentFrom, e)) return false
    if (paragraph.length > 0) {
      // only a bullet or an ordered item numbered 1 interrupts a paragraph
      if (item.ordered && item.digits !== '1') return false
      if (!endParagraph()) return false
    }
    const content = phrasing(text, contentFrom, to, line, pos)
    if (content === undefined) return false
    const at = (offset: number) => point(line, pos, offset)
    // After a task check, mdast-util-gfm-task-list-item moves the paragraph's start past the check only when
    // the content begins with text (it trims the space off that text node); otherwise the start stays on `[`.
    const paragraphStart = checked !== null && content[0].type === 'text' ? { ...content[0].position!.start } : at(from)
    const node: ListItem = {
      type: 'listItem',
      spread: false,
      checked,
      children: [{ type: 'paragraph', children: content, position: { start: paragraphStart, end: at(e) } }],
      position: { start: at(pos), end: at(e) },
    }
    // another kind of marker after a blank line starts a new list; without one it is not modelled
    if (list !== undefined && (list.item.ordered !== item.ordered || list.item.marker !== item.marker)) {
      if (!list.blank) return false
      list = undefined
    }
    if (list !== undefined) {
      if (list.blank) list.node.spread = true
      list.node.children.push(node)
      list.node.position!.end = at(e)
      list.blank = false
      return true
    }
    const listNode: List = { type: 'list', ordered: item.ordered, start: item.start, spread: false, children: [node], position: { start: at(pos), end: at(e) } }
    children.push(listNode)
    list = { node: listNode, item, blank: false }
    return true
  }
}
