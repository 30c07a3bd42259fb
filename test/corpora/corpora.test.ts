// Truth on plans written by someone else (issue 10). test/corpora/beiyuan/ is a second library in a house
// style unlike plans/; beiyuan.expected.ts is its ground truth, labelled by a reviewer. The corpus is linted
// with its own library.yaml, no CLI options and a fixed date, and every finding is compared with the truth:
// a real gap must be reported at its place, a trap must not be, nothing else may appear. Where today's
// linter differs, the truth line carries `awaits` and the difference is tolerated and printed as pending.
//
// It also prints, for the corpus and for plans/ (whose truth is the GAPS table of the example-library test),
// findings per plan, false findings per plan and the share of real gaps found.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'
import type { Library } from '../../scripts/lib/model/library.ts'
import { BEIYUAN, BEIYUAN_CLEAN, type Expected } from './beiyuan.expected.ts'

const CORPUS = new URL('./beiyuan/', import.meta.url).pathname
const CORPUS_TODAY = '2026-11-30'
const PLANS = new URL('../../plans/', import.meta.url).pathname
const PLANS_TODAY = '2026-11-23'
const EXAMPLE_TEST = new URL('../example/example-library.test.ts', import.meta.url).pathname

const key = (f: Finding) => `${f.file}:${f.place.line}:${f.place.column} ${f.ruleId}`
const fileOf = (at: string) => at.replace(/:\d+:\d+$/, '')

interface Comparison {
  /** Expected entries with the finding that matched them, if any. */
  matched: { entry: Expected; finding?: Finding }[]
  /** Findings no truth line accounts for. */
  unexpected: Finding[]
}

/** Pairs each truth line with one finding at its place (and with `text` in its message), each finding used once. */
function compare(findings: Finding[], truth: Expected[]): Comparison {
  const left = [...findings]
  const matched = truth.map((entry) => {
    const i = left.findIndex((f) => key(f) === `${entry.at} ${entry.rule}` && (!entry.text || f.message.includes(entry.text)))
    return { entry, finding: i < 0 ? undefined : left.splice(i, 1)[0] }
  })
  return { matched, unexpected: left }
}

interface Figures {
  plans: number
  findings: number
  falseFindings: number
  gaps: number
  gapsFound: number
  rows: { file: string; findings: number; falseFindings: number; gaps: number; gapsFound: number }[]
}

/** Per file: findings, false findings (a finding that is not a real gap), real gaps and how many were found. */
function figures(library: Library, findings: Finding[], gapKeys: string[]): Figures {
  const remaining = new Map<string, number>()
  for (const k of gapKeys) remaining.set(k, (remaining.get(k) ?? 0) + 1)
  const files = new Map<string, Figures['rows'][number]>()
  const row = (file: string) => {
    let r = files.get(file)
    if (!r) files.set(file, (r = { file, findings: 0, falseFindings: 0, gaps: 0, gapsFound: 0 }))
    return r
  }
  for (const p of library.plans) row(p.path)
  for (const k of gapKeys) row(fileOf(k.split(' ')[0])).gaps++
  for (const f of findings) {
    const r = row(f.file)
    r.findings++
    const n = remaining.get(key(f)) ?? 0
    if (n > 0) {
      remaining.set(key(f), n - 1)
      r.gapsFound++
    } else r.falseFindings++
  }
  const rows = [...files.values()].sort((a, b) => a.file.localeCompare(b.file))
  const sum = (k: 'findings' | 'falseFindings' | 'gaps' | 'gapsFound') => rows.reduce((s, r) => s + r[k], 0)
  return { plans: library.plans.length, findings: sum('findings'), falseFindings: sum('falseFindings'), gaps: sum('gaps'), gapsFound: sum('gapsFound'), rows }
}

function print(name: string, f: Figures): void {
  const lines = [`${name}: ${f.plans} plans, ${f.findings} findings`]
  lines.push('  file                                              findings  false  gaps found/expected')
  for (const r of f.rows) lines.push(`  ${r.file.padEnd(50)}${String(r.findings).padStart(8)}${String(r.falseFindings).padStart(7)}${`${r.gapsFound}/${r.gaps}`.padStart(12)}`)
  const share = f.gaps ? ((100 * f.gapsFound) / f.gaps).toFixed(0) : '–'
  lines.push(`  findings per plan ${(f.findings / f.plans).toFixed(2)} · false findings per plan ${(f.falseFindings / f.plans).toFixed(2)} (${f.falseFindings}) · real gaps found ${f.gapsFound}/${f.gaps} = ${share}%`)
  console.log(lines.join('\n'))
}

/** The example library's truth: the `['A1', 'file:line:col rule']` rows of the example-library test. */
function exampleGaps(): string[] {
  return [...readFileSync(EXAMPLE_TEST, 'utf8').matchAll(/^\s*\['[A-Z]\d+′?', '([^']+)'\],?$/gm)].map((m) => m[1])
}

describe('the 北原市 corpus (a library written in another house style)', () => {
  const library = loadLibrary(CORPUS)
  const result = lint(library, { today: CORPUS_TODAY, locale: 'zh-CN' })
  const { matched, unexpected } = compare(result.findings, BEIYUAN)

  it('loads as a valid library of 20–25 plans, with every kind of plan the issue asks for', () => {
    expect(library.unreadable).toEqual([])
    expect(library.plans.every((p) => p.valid), library.plans.filter((p) => !p.valid).map((p) => p.path).join(', ')).toBe(true)
    expect(library.plans.length).toBeGreaterThanOrEqual(20)
    expect(library.plans.length).toBeLessThanOrEqual(25)
    const types = new Set(library.plans.map((p) => p.data.type))
    for (const t of ['overall', 'special', 'department', 'enterprise-comprehensive', 'enterprise-special', 'onsite']) expect(types, t).toContain(t)
    expect(result.internalErrors).toEqual([])
  })

  it('has a well-formed truth file: real places, tags that say which way they wait', () => {
    const texts = new Map<string, string[]>()
    for (const e of BEIYUAN) {
      const [file, line, column] = [fileOf(e.at), ...e.at.split(':').slice(-2).map(Number)]
      if (!texts.has(file)) texts.set(file, readFileSync(CORPUS + file, 'utf8').split('\n'))
      const lines = texts.get(file)!
      expect(line, e.at).toBeLessThanOrEqual(lines.length)
      expect(column, e.at).toBeLessThanOrEqual(lines[line - 1].length)
      if (e.awaits) expect(e.awaits, e.at).toMatch(e.kind === 'gap' ? /^missed: / : /^false-positive: /)
    }
    for (const file of BEIYUAN_CLEAN) expect(BEIYUAN.filter((e) => e.kind === 'gap' && fileOf(e.at) === file), file).toEqual([])
  })

  it('reports every real gap and nothing else, except the differences tagged `awaits`', () => {
    const problems: string[] = []
    const pending: string[] = []
    for (const { entry: e, finding } of matched) {
      const where = `${e.id} ${e.at} ${e.rule}${e.text ? ` “${e.text}”` : ''}`
      if (e.kind === 'gap' && !finding) (e.awaits ? pending : problems).push(e.awaits ? `${where} — ${e.awaits}` : `missed real gap ${where}`)
      if (e.kind === 'gap' && finding && e.awaits) problems.push(`now found: remove awaits from ${where}`)
      if (e.kind === 'trap' && finding) (e.awaits ? pending : problems).push(e.awaits ? `${where} — ${e.awaits}` : `false finding on trap ${where}: ${finding.message}`)
      if (e.kind === 'trap' && !finding && e.awaits) problems.push(`no longer reported: remove awaits from ${where}`)
    }
    for (const f of unexpected) problems.push(`unexpected finding ${key(f)}: ${f.message}`)
    if (pending.length) console.log(`北原市 corpus: ${pending.length} pending differences (awaits)\n  ${pending.join('\n  ')}`)
    expect(problems).toEqual([])
  })

  it('says nothing about the clean plans beyond the tagged false positives', () => {
    for (const file of BEIYUAN_CLEAN) {
      const tolerated = new Set(BEIYUAN.filter((e) => e.kind === 'trap' && e.awaits && fileOf(e.at) === file).map((e) => `${e.at} ${e.rule}`))
      expect(result.findings.filter((f) => f.file === file && !tolerated.has(key(f))).map(key), file).toEqual([])
    }
  })

  it('prints findings, false findings and the share of real gaps found, for the corpus and for plans/', () => {
    const corpus = figures(library, result.findings, BEIYUAN.filter((e) => e.kind === 'gap').map((e) => `${e.at} ${e.rule}`))
    print('北原市 corpus (test/corpora/beiyuan)', corpus)
    // The truth counts: every gap line is one real gap; today's false findings are exactly the pending traps.
    expect(corpus.gaps).toBe(BEIYUAN.filter((e) => e.kind === 'gap').length)
    expect(corpus.falseFindings).toBe(BEIYUAN.filter((e) => e.kind === 'trap' && e.awaits).length)

    const gaps = exampleGaps()
    expect(gaps.length, 'GAPS rows read from the example-library test').toBeGreaterThanOrEqual(30)
    const plans = loadLibrary(PLANS)
    const example = figures(plans, lint(plans, { today: PLANS_TODAY, locale: 'zh-CN' }).findings, gaps)
    print('example library (plans/)', example)
    expect(example.gapsFound).toBe(example.gaps)
  })
})
