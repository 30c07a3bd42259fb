// `yuanku drill score --write`: the recorded score, grade, unrated count and item points set to what the
// ratings compute, in a Markdown record's frontmatter. A drill record is evidence, so this is never part of
// `lint --fix`: it runs only when a person asks for it on one file, and it edits the value spans only
// (comments, quoting, layout and the narrative stay as written). A value written in a form this cannot
// replace with certainty (quoted, a flow collection spanning several values…) stops the whole write.
import { readFrontmatter, rangeAt } from '../load/frontmatter.ts'
import { applyFixes } from '../fix.ts'
import type { RecordCheck } from './check.ts'
import type { Fix } from '../model/finding.ts'

export interface ScoreEdit {
  /** The frontmatter path edited, e.g. score or checklist.3.awarded. */
  field: string
  before: string
  after: string
}

export type Rewrite = { ok: true; text: string; edits: ScoreEdit[]; fixes: Fix[] } | { ok: false; field: string }

const shown = (v: number | string | null) => (v === null ? 'null' : String(v))

/** The record text with every mismatching value replaced, or the first field that cannot be replaced with certainty. */
export function rewriteScores(text: string, check: RecordCheck): Rewrite {
  const fm = readFrontmatter(text).frontmatter
  if (!fm) return { ok: false, field: 'frontmatter' }
  const wanted: { path: (string | number)[]; recorded: number | string | null; computed: number | string | null }[] = []
  for (const item of check.items) wanted.push({ path: ['checklist', item.index, 'awarded'], recorded: item.recorded, computed: item.computed })
  if (check.score) wanted.push({ path: ['score'], ...check.score })
  if (check.grade) wanted.push({ path: ['grade'], ...check.grade })
  if (check.unrated) wanted.push({ path: ['unrated'], ...check.unrated })
  const fixes: Fix[] = []
  const edits: ScoreEdit[] = []
  for (const w of wanted) {
    const field = w.path.join('.')
    const [start, end] = rangeAt(fm, w.path, 'value')
    const written = text.slice(start, end)
    const plain = w.recorded === null ? ['null', '~'].includes(written) : written === String(w.recorded)
    if (!plain) return { ok: false, field }
    fixes.push({ start, end, text: shown(w.computed) })
    edits.push({ field, before: written, after: shown(w.computed) })
  }
  const applied = applyFixes(text, fixes)
  if (applied.skipped.length) return { ok: false, field: edits[0]?.field ?? 'score' }
  return { ok: true, text: applied.text, edits, fixes }
}
