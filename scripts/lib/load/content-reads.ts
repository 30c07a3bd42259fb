// Lets the lint engine see which parts of which plan a rule reads (engine/reads.ts): the text and
// everything parsed from it, told apart from the head (the frontmatter up to the closing fence), which
// is all that placing a finding in the frontmatter reads. No observer, no cost but a call.
import type { Place } from '../model/finding.ts'
import type { LineIndex } from '../text/line-index.ts'

export type ReadPart = 'head' | 'full'

let observer: ((path: string, part: ReadPart) => void) | undefined

export function observeContentReads(fn: ((path: string, part: ReadPart) => void) | undefined): void {
  observer = fn
}

export function noteRead(path: string, part: ReadPart): void {
  observer?.(path, part)
}

/** A plan's line index that notes whether a place lies in the head (offsets up to `head`) or further down. */
export function watchedLines(path: string, head: number, lines: () => LineIndex): LineIndex {
  const watched = {
    get length() {
      observer?.(path, 'full')
      return lines().length
    },
    get starts() {
      observer?.(path, 'full')
      return lines().starts
    },
    get lineCount() {
      observer?.(path, 'full')
      return lines().lineCount
    },
    // The line and column of an offset depend only on the text before it.
    position(offset: number) {
      observer?.(path, offset <= head ? 'head' : 'full')
      return lines().position(offset)
    },
    place(start: number, end: number = start): Place {
      observer?.(path, Math.max(start, end) <= head ? 'head' : 'full')
      return lines().place(start, end)
    },
    offset(line: number, column: number) {
      observer?.(path, 'full')
      return lines().offset(line, column)
    },
  }
  return watched as unknown as LineIndex
}
