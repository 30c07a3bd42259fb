// Which plans' contents a cross-file rule read while it ran: the lint cache replays the rule's findings
// as long as those contents, and everything else it could have seen, are unchanged (see remembered()).
// Observed, not declared, so that a rule cannot forget to declare what it reads.
import type { Plan } from '../model/plan.ts'
import { observeContentKeys } from '../text/content-key.ts'

/** Every property of a plan that is read from its text (the rest is the frontmatter data, keyed apart). */
const CONTENT_PARTS = ['text', 'lines', 'tree', 'sections', 'frontmatter'] as const

let reads: Set<string> | undefined

/** Makes reads of the plan's content visible to watchReads (the plan object keeps behaving as before). */
export function observePlan(plan: Plan): void {
  const { path } = plan
  for (const part of CONTENT_PARTS) {
    const own = Object.getOwnPropertyDescriptor(plan, part)
    if (!own) continue
    Object.defineProperty(plan, part, {
      get: () => {
        reads?.add(path)
        return own.get ? own.get.call(plan) : own.value
      },
      set: (value: unknown) => {
        if (own.set) own.set.call(plan, value)
        else own.value = value
      },
      enumerable: true,
      configurable: true,
    })
  }
}

/** Starts recording the paths of the plans whose content is read; the set fills until stopWatching. */
export function watchReads(): Set<string> {
  reads = new Set()
  observeContentKeys((file) => {
    // A key of something that is no library file (a list of ids, say) depends on nothing read.
    const path = (file as { path?: unknown }).path
    if (typeof path === 'string') reads?.add(path)
  })
  return reads
}

export function stopWatching(): void {
  reads = undefined
  observeContentKeys(undefined)
}
