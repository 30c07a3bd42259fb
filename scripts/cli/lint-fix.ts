// `yuanku lint --fix`: writes the certain fixes of the findings in scope, file by file, atomically,
// and only to files that have a fix. A file that changed on disk since it was linted is left alone.
// `--fix-dry-run` computes the same changes and writes nothing. Every change is listed per file
// (place, rule, old → new), so the user sees exactly what was (or would be) rewritten.
import { readFileSync } from 'node:fs'
import { decodePlanBytes, loneCrAsLf } from '../lib/load/decode.ts'
import { writeFileAtomic } from '../lib/fs/atomic.ts'
import { applyFixes } from '../lib/fix.ts'
import type { Finding, Fix } from '../lib/model/finding.ts'
import type { Library } from '../lib/model/library.ts'
import type { SourceFile } from '../lib/model/plan.ts'
import type { LintResult } from '../lib/lint.ts'

/** One lint of the library as the CLI shows it: the library read, the engine's result and the findings in scope. */
export interface LintRun {
  library: Library
  result: LintResult
  findings: Finding[]
}

/** The decoded text of a library file findings can be in. */
export function sourceOf(library: Library, file: string): SourceFile | undefined {
  return (
    library.plans.find((p) => p.path === file) ??
    library.drills.find((d) => d.path === file) ??
    library.checklists.find((c) => c.path === file) ??
    [library.unitsFile, library.settingsFile].find((f) => f?.path === file)
  )
}

/** One edit as the user sees it: where (in the text before that pass), which rule, the old and the new text. */
export interface Change {
  line: number
  column: number
  ruleId: string
  before: string
  after: string
}

export interface FixOutcome {
  /** Files written (or that would be written, on a dry run), with each change applied to them. */
  fixed: { file: string; changes: Change[] }[]
  notes: { file: string; zh: string; en: string }[]
  /** The lint after the last write (the first run when nothing was written). */
  run: LintRun
}

/** Fixes can touch each other (one per pass); ESLint stops after 10 passes, so do we. */
const MAX_PASSES = 10

export async function applyChangedFixes(first: LintRun, relint: () => Promise<LintRun>, options: { dryRun?: boolean } = {}): Promise<FixOutcome> {
  const changes = new Map<string, Change[]>()
  const notes: FixOutcome['notes'] = []
  const untouchable = new Set<string>()
  let run = first
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const byFile = new Map<string, { fix: Fix; ruleId: string }[]>()
    for (const f of run.findings) {
      if (!f.fix || untouchable.has(f.file)) continue
      byFile.set(f.file, [...(byFile.get(f.file) ?? []), { fix: f.fix, ruleId: f.ruleId }])
    }
    let wrote = false
    for (const [file, entries] of byFile) {
      const source = sourceOf(run.library, file)
      if (!source) continue
      // A drill record is evidence of an evaluation: --fix never rewrites it, whatever rule offers a fix.
      if (run.library.drills.some((d) => d.path === file)) {
        untouchable.add(file)
        notes.push({ file, zh: '演练记录是评估凭证，--fix 不修改（得分见 yuanku drill score --write，其余请手工修改）', en: 'a drill record is evidence; --fix leaves it alone (scores: yuanku drill score --write; anything else by hand)' })
        continue
      }
      const disk = decodePlanBytes(readFileSync(source.absPath))
      // The loader reads a lone CR as LF, one character for one: compare that way, then edit the file's own text.
      if (!disk.ok || loneCrAsLf(disk.text) !== source.text) {
        untouchable.add(file)
        notes.push({ file, zh: '文件在检查期间被改动，未修复', en: 'changed on disk while being linted; not fixed' })
        continue
      }
      const crOnly = disk.text.includes('\r') && !disk.text.includes('\n')
      const fixes = entries.map((e) => (crOnly ? { ...e.fix, text: e.fix.text.replace(/\n/g, '\r') } : e.fix))
      const { text, applied } = applyFixes(disk.text, fixes)
      if (!applied.length || text === disk.text) continue
      const list = changes.get(file) ?? []
      for (const fix of applied) {
        // Shown as the smallest differing part: a merge rewrites a span, most of which stays as it was.
        const before = disk.text.slice(fix.start, fix.end)
        const [p, q] = before.includes('\n') || fix.text.includes('\n') ? commonEnds(before, fix.text) : [0, 0]
        const { line, column } = source.lines.position(fix.start + p)
        list.push({ line, column, ruleId: entries[fixes.indexOf(fix)]?.ruleId ?? '', before: before.slice(p, before.length - q), after: fix.text.slice(p, fix.text.length - q) })
      }
      changes.set(file, list)
      if (options.dryRun) continue
      writeFileAtomic(source.absPath, disk.bom ? `\uFEFF${text}` : text)
      wrote = true
    }
    if (!wrote) break
    run = await relint()
  }
  return { fixed: [...changes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, list]) => ({ file, changes: list })), notes, run }
}

/** Lengths of the common prefix and (non-overlapping) common suffix of two texts, in whole lines. */
function commonEnds(a: string, b: string): [number, number] {
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  p = a.lastIndexOf('\n', p - 1) + 1
  let q = 0
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++
  // Back to just after a line break, so the shown part starts and ends with whole lines.
  while (q > 0 && a[a.length - q - 1] !== '\n') q--
  return [p, q]
}

/** A changed text on one line of the summary: line breaks shown as ⏎, long texts shortened in the middle. */
function shown(text: string): string {
  const one = text.replace(/\r\n|\r|\n/g, '⏎')
  return one.length > 60 ? `${one.slice(0, 28)}…${one.slice(-28)}` : one
}

/** The per-file summary `--fix` and `--fix-dry-run` print. */
export function fixSummary(outcome: FixOutcome, locale: 'zh-CN' | 'en', displayPath: (file: string) => string, dryRun: boolean): string[] {
  const lines: string[] = []
  for (const { file, changes } of outcome.fixed) {
    const n = changes.length
    if (locale === 'en') lines.push(`${displayPath(file)}: ${dryRun ? 'would fix' : 'fixed'} ${n} problem${n === 1 ? '' : 's'}${dryRun ? ' (dry run, nothing written)' : ''}`)
    else lines.push(`${displayPath(file)}：${dryRun ? '将修复' : '已修复'} ${n} 处${dryRun ? '（试运行，未写入）' : ''}`)
    for (const c of changes) {
      const before = c.before === '' ? (locale === 'en' ? '(nothing)' : '（无）') : `“${shown(c.before)}”`
      const after = c.after === '' ? (locale === 'en' ? '(removed)' : '（删除）') : `“${shown(c.after)}”`
      lines.push(`  ${c.line}:${c.column}  ${c.ruleId}  ${before} → ${after}`)
    }
  }
  for (const note of outcome.notes) lines.push(locale === 'en' ? `${displayPath(note.file)}: ${note.en}` : `${displayPath(note.file)}：${note.zh}`)
  return lines
}
