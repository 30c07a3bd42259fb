// Applying the certain fixes of findings (`yuanku lint --fix`). A fix replaces a range of the file's
// decoded text and nothing else, so comments, quoting and layout around it stay as they were.
import type { Fix } from './model/finding.ts'

export interface Applied {
  text: string
  applied: Fix[]
  /** Fixes left out because they overlap an earlier one or fall outside the text (a later pass may apply them). */
  skipped: Fix[]
}

export function applyFixes(text: string, fixes: Fix[]): Applied {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)
  const applied: Fix[] = []
  const skipped: Fix[] = []
  const parts: string[] = []
  let at = 0
  for (const fix of sorted) {
    const valid = Number.isInteger(fix.start) && Number.isInteger(fix.end) && fix.start >= at && fix.end >= fix.start && fix.end <= text.length
    // Two findings can carry the same edit (e.g. one unit id reported twice): apply it once.
    const duplicate = applied.length > 0 && isSame(applied[applied.length - 1], fix)
    if (duplicate) continue
    if (!valid) {
      skipped.push(fix)
      continue
    }
    parts.push(text.slice(at, fix.start), fix.text)
    at = fix.end
    applied.push(fix)
  }
  parts.push(text.slice(at))
  return { text: parts.join(''), applied, skipped }
}

function isSame(a: Fix, b: Fix): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text
}
