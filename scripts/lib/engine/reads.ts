// Which plans' contents a cross-file rule read while it ran: the lint cache replays the rule's findings
// as long as those contents, and everything else it could have seen, are unchanged (see remembered() in
// engine/index.ts). Observed, not declared, so that a rule cannot forget to declare what it reads.
//
// Most cross-file findings point into the frontmatter (a parent id, a date): placing them reads only the
// head of the file (up to the closing fence), so such a read depends on the head alone and an edit to the
// plan's body does not re-run the rule.
import type { Place } from '../model/finding.ts'
import type { Plan } from '../model/plan.ts'
import type { LineIndex } from '../text/line-index.ts'
import { observeContentKeys } from '../text/content-key.ts'

/** What a rule read of each plan: its head only, or (also) the rest. */
export type Reads = Map<string, 'head' | 'full'>

let reads: Reads | undefined

function read(path: string, part: 'head' | 'full'): void {
  if (reads && (part === 'full' || !reads.has(path))) reads.set(path, part)
}

/** The plan's line index, telling a place in the head from one further down. */
function watchedLines(path: string, head: number, lines: () => LineIndex): LineIndex {
  const watched = {
    get length() {
      read(path, 'full')
      return lines().length
    },
    get starts() {
      read(path, 'full')
      return lines().starts
    },
    get lineCount() {
      read(path, 'full')
      return lines().lineCount
    },
    // The line and column of an offset depend only on the text before it.
    position(offset: number) {
      read(path, offset <= head ? 'head' : 'full')
      return lines().position(offset)
    },
    place(start: number, end: number = start): Place {
      read(path, Math.max(start, end) <= head ? 'head' : 'full')
      return lines().place(start, end)
    },
    offset(line: number, column: number) {
      read(path, 'full')
      return lines().offset(line, column)
    },
  }
  return watched as unknown as LineIndex
}

/**
 * Makes reads of the plan's content visible to watchReads (the plan behaves as before). `head` is the
 * offset where its body starts: the positioned frontmatter and places before it are reads of the head.
 */
export function observePlan(plan: Plan, head: number): void {
  const { path } = plan
  const own = (part: string) => Object.getOwnPropertyDescriptor(plan, part)
  const value = (d: PropertyDescriptor) => (d.get ? d.get.call(plan) : d.value)
  const lines = own('lines')
  if (lines) {
    const wrapped = watchedLines(path, head, () => value(lines))
    Object.defineProperty(plan, 'lines', { get: () => wrapped, enumerable: true, configurable: true })
  }
  for (const part of ['text', 'tree', 'sections', 'frontmatter'] as const) {
    const d = own(part)
    if (!d) continue
    Object.defineProperty(plan, part, {
      get: () => {
        // Without a closed frontmatter (no body start), where the YAML ends depends on the whole text.
        read(path, part === 'frontmatter' && head > 0 ? 'head' : 'full')
        return value(d)
      },
      set: (v: unknown) => {
        if (d.set) d.set.call(plan, v)
        else d.value = v
      },
      enumerable: true,
      configurable: true,
    })
  }
}

/** Starts recording what is read of which plans, until stopWatching. */
export function watchReads(): Reads {
  reads = new Map()
  observeContentKeys((file) => {
    // A key of something that is no library file (a list of ids, say) depends on nothing read.
    const path = (file as { path?: unknown }).path
    if (typeof path === 'string') read(path, 'full')
  })
  return reads
}

export function stopWatching(): void {
  reads = undefined
  observeContentKeys(undefined)
}
