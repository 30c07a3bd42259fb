import type { Root, Text } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'

export interface TextRun {
  value: string
  /** File offset of value[0]. */
  start: number
}

/**
 * The prose of a Markdown tree as runs with file offsets: text nodes only (no code, HTML or frontmatter),
 * so that offsets inside a run map straight back to the file.
 */
export function textRuns(tree: Root, text: string, from = 0, to = Infinity): TextRun[] {
  const runs: TextRun[] = []
  visit(tree, (node) => {
    if (node.type === 'yaml' || node.type === 'code' || node.type === 'html' || node.type === 'inlineCode') return SKIP
    if (node.type !== 'text') return
    const start = (node as Text).position?.start.offset
    const end = (node as Text).position?.end.offset
    if (start === undefined || end === undefined || start < from || start >= to) return
    // The source slice, not the unescaped value, so that offsets inside a run are exact.
    runs.push({ value: text.slice(start, end), start })
  })
  return runs
}
