// `yuanku lint --fix`: writes the certain fixes of the findings in scope, file by file, atomically,
// and only to files that have a fix. A file that changed on disk since it was linted is left alone.
import { readFileSync } from 'node:fs'
import { decodePlanBytes, loneCrAsLf } from '../lib/load/decode.ts'
import { writeFileAtomic } from '../lib/fs/atomic.ts'
import { applyFixes } from '../lib/fix.ts'
import type { Fix } from '../lib/model/finding.ts'
import type { Library } from '../lib/model/library.ts'
import type { SourceFile } from '../lib/model/plan.ts'
import type { LintRun } from './lint.ts'

/** The decoded text of a library file findings can be in. */
export function sourceOf(library: Library, file: string): SourceFile | undefined {
  return (
    library.plans.find((p) => p.path === file) ??
    library.drills.find((d) => d.path === file) ??
    library.checklists.find((c) => c.path === file) ??
    [library.unitsFile, library.settingsFile].find((f) => f?.path === file)
  )
}

export interface FixOutcome {
  /** Files written, with the number of fixes applied to each (over all passes). */
  fixed: { file: string; count: number }[]
  notes: { file: string; zh: string; en: string }[]
  /** The lint after the last write (the first run when nothing was written). */
  run: LintRun
}

/** Fixes can touch each other (one per pass); ESLint stops after 10 passes, so do we. */
const MAX_PASSES = 10

export async function applyChangedFixes(first: LintRun, relint: () => Promise<LintRun>): Promise<FixOutcome> {
  const counts = new Map<string, number>()
  const notes: FixOutcome['notes'] = []
  const untouchable = new Set<string>()
  let run = first
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const byFile = new Map<string, Fix[]>()
    for (const f of run.findings) {
      if (!f.fix || untouchable.has(f.file)) continue
      byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.fix])
    }
    let wrote = false
    for (const [file, fixes] of byFile) {
      const source = sourceOf(run.library, file)
      if (!source) continue
      const disk = decodePlanBytes(readFileSync(source.absPath))
      if (!disk.ok || disk.text !== source.text) {
        untouchable.add(file)
        notes.push({ file, zh: '文件在检查期间被改动，未修复', en: 'changed on disk while being linted; not fixed' })
        continue
      }
      const { text, applied } = applyFixes(source.text, fixes)
      if (!applied.length || text === source.text) continue
      writeFileAtomic(source.absPath, disk.bom ? `\uFEFF${text}` : text)
      counts.set(file, (counts.get(file) ?? 0) + applied.length)
      wrote = true
    }
    if (!wrote) break
    run = await relint()
  }
  return { fixed: [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, count]) => ({ file, count })), notes, run }
}
