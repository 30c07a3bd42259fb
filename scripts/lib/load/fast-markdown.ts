import type { Root } from 'mdast'
import type { Point, Position } from 'unist'
import { parseSimpleMarkdown } from './simple-markdown.ts'

/**
 * The fast path for files saved with Windows line breaks too (Notepad and Word exports write CRLF; Git on
 * Windows checks files out with them). The line scan reads LF only, so a file whose every line break is
 * CRLF is scanned without its CRs and the tree moved back: each point gains one offset per line break
 * before it (columns stay), and text values get their CRs back, as remark keeps them. A file that mixes LF
 * and CRLF, or has a lone CR, is left to the callers' other paths.
 */
export function parseFastMarkdown(text: string): Root | undefined {
  const tree = parseSimpleMarkdown(text)
  if (tree !== undefined || !text.includes('\r')) return tree
  const lf = text.replaceAll('\r\n', '\n')
  if (lf.includes('\r')) return undefined
  let breaks = 0
  for (let i = lf.indexOf('\n'); i !== -1; i = lf.indexOf('\n', i + 1)) breaks++
  if (text.length - lf.length !== breaks) return undefined
  const fast = parseSimpleMarkdown(lf)
  if (fast !== undefined) withCrlf(fast)
  return fast
}

function withCrlf(node: { position?: Position; value?: unknown; children?: unknown[] }): void {
  if (node.position) node.position = { start: moved(node.position.start), end: moved(node.position.end) }
  if (typeof node.value === 'string' && node.value.includes('\n')) node.value = node.value.replaceAll('\n', '\r\n')
  if (node.children) for (const child of node.children) withCrlf(child as typeof node)
}

function moved(point: Point): Point {
  return { line: point.line, column: point.column, offset: point.offset! + point.line - 1 }
}
