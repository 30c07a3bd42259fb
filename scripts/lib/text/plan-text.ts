import type { Root, Text } from 'mdast'

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
  // Several rules ask for the runs of the same tree: walk it once, then cut to [from, to).
  let all = memo.get(tree)
  if (!all || all.text !== text) memo.set(tree, (all = { text, runs: allRuns(tree, text) }))
  if (from <= 0 && to === Infinity) return [...all.runs]
  return all.runs.filter((run) => run.start >= from && run.start < to)
}

const memo = new WeakMap<Root, { text: string; runs: TextRun[] }>()

type AnyNode = { type: string; children?: AnyNode[] }

/**
 * Calls fn on every node in document order (pre-order, the root first), as unist-util-visit does
 * without a test, at a fraction of its cost: visit copies the ancestor list at every node, which made
 * tree walks a tenth of the per-plan time. fn returning false skips the node's children.
 */
export function eachNode<T extends AnyNode>(tree: T, fn: (node: T) => boolean | void): void {
  if (fn(tree) === false) return
  const children = tree.children
  if (children) for (let i = 0; i < children.length; i++) eachNode(children[i] as T, fn)
}

function allRuns(tree: Root, text: string): TextRun[] {
  const from = 0
  const to = Infinity
  const runs: TextRun[] = []
  eachNode(tree as AnyNode, (node) => {
    if (node.type === 'yaml' || node.type === 'code' || node.type === 'html' || node.type === 'inlineCode') return false
    if (node.type !== 'text') return
    const start = (node as Text).position?.start.offset
    const end = (node as Text).position?.end.offset
    if (start === undefined || end === undefined || start < from || start >= to) return
    // The source slice, not the unescaped value, so that offsets inside a run are exact.
    runs.push({ value: text.slice(start, end), start })
  })
  return runs
}
