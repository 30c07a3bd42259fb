// Which plans' contents a cross-file rule read while it ran: the lint cache replays the rule's findings
// as long as those contents, and everything else it could have seen, are unchanged (see
// rememberedFindings in engine/index.ts). Observed, not declared, so that a rule cannot forget to
// declare what it reads. Most cross-file findings point into the frontmatter (a parent id, a date):
// placing them reads only the head of the file, so an edit to the plan's body does not re-run the rule.
import { observeContentReads, type ReadPart } from '../load/content-reads.ts'
import { observeContentKeys } from '../text/content-key.ts'

/** What a rule read of each plan: its head only, or (also) the rest. */
export type Reads = Map<string, ReadPart>

/** Starts recording what is read of which plans, until stopWatching. */
export function watchReads(): Reads {
  const reads: Reads = new Map()
  const read = (path: string, part: ReadPart) => {
    if (part === 'full' || !reads.has(path)) reads.set(path, part)
  }
  observeContentReads(read)
  observeContentKeys((file) => {
    // A key of something that is no library file (a list of ids, say) depends on nothing read.
    const path = (file as { path?: unknown }).path
    if (typeof path === 'string') read(path, 'full')
  })
  return reads
}

export function stopWatching(): void {
  observeContentReads(undefined)
  observeContentKeys(undefined)
}
