// Property-based fuzzing of EVERY rule in scripts/lib/rules/index.ts, seeded with that rule's own
// ok/ and not-ok/ fixture libraries (so the mutations start where the rule fires): plans, drill
// records, checklist templates, units.yaml and library.yaml are mutated at the byte and line level,
// then the real loader reads the library from disk and every rule runs (rules that are off by default
// too). Properties: loading never throws, no rule throws, and every finding names a file of the
// library and has a valid 1-based place inside it (start and end), as do its cause and its fix.
import fc from 'fast-check'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodePlanBytes, loneCrAsLf } from '../../scripts/lib/load/decode.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Finding, Locale, Place } from '../../scripts/lib/model/finding.ts'
import { rules } from '../../scripts/lib/rules/index.ts'

const RULES_DIR = new URL('../rules/', import.meta.url).pathname
const BASE = join(RULES_DIR, '_base')
const ALL = rules.map((r) => r.id)
const RUNS = Number(process.env.YUANKU_FUZZ_RUNS ?? 12)

/** A fixture library as files: path → bytes (latin1 string, so any byte survives a mutation). */
type Files = Map<string, string>

function readTree(dir: string, rel = '', out: Files = new Map()): Files {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) readTree(dir, path, out)
    else if (e.isFile() && e.name !== 'expected.txt') out.set(path, readFileSync(join(dir, path)).toString('latin1'))
  }
  return out
}

function seed(dir: string): Files {
  const files = readTree(dir)
  for (const name of ['units.yaml', 'library.yaml']) if (!files.has(name)) files.set(name, readFileSync(join(BASE, name)).toString('latin1'))
  return files
}

const SEEDS = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort()

const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1')

// Lines that break YAML, Markdown and the model in the ways real files do.
const VOCABULARY = [
  '---', '...', '', ' ', '\t', '\r', '#', '## 应急响应', '### 演练评估要点', '- [ ] 30分钟内报告 {分值=5 时限=30分钟 否决}', '- [x] {分值=abc}',
  'id: shili-overall', 'id: ../../etc/passwd', 'id: 123', 'id:', 'title: [未闭合', 'type: overall', 'type: special', 'status: published',
  'status: superseded', 'jurisdiction: nowhere', 'hazards: [flood, flood]', 'parents: [{plan: shili-overall}]', 'parents: [{plan: self}]',
  'parents: [{external: 国家预案}]', 'supersedes: [shili-overall]', 'units:', '  - unit: shi-anjian', '    role: lead', '    duties: []',
  'dates: {published: 2099-13-45}', 'dates: {published: 2020-01-01, filed: 2019-01-01}', 'response_levels: [{level: I, trigger: ""}]',
  'contacts: [{unit: x, role: y, phone: "110"}]', 'classification: restricted', 'drill: {interval_months: -1}', 'score: 1e308', 'score: -0',
  'checklist: [{ref: a, text: x, points: 0, critical: true, rating: met, awarded: 5}]', 'findings: [{text: x, severity: major, status: open, due: 2000-01-01}]',
  'a: &a [x, x]', 'b: [*a, *a]', '<<: *a', '? complex key', '!!binary aGVsbG8=', '"\\ud800"', ': :', '- - -', '{', ']',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[链接](./nowhere.md#不存在)', '[自己](#)', '[x]: javascript:alert(1)',
  'XX年XX月', '某某单位', '【待填写】', '市安监局立即报告', '依据《生产安全事故应急预案管理办法》（国家安全生产监督管理总局令第88号）',
  '　', '\u00a0', '\u2028', '\ufeff', '𠀀𠀁', 'é', '\u0301', '😀',
].map(latin1)

// Bytes that are not UTF-8 (or are a BOM), including encoded surrogates, overlongs and code points above U+10FFFF.
const RAW_BYTES = ['\x00', '\xff\xfe', '\xfe\xff', '\xef\xbb\xbf', '\xd4\xa4\xb0\xb8', '\x81\x30\x81\x30', '\xc0\x80', '\xe6\x88', '\x80', '\xf5', '\xed\xa0\x80', '\xe0\x80\x80', '\xf0\x80\x80\x80', '\xf4\x90\x80\x80']

interface Mutation {
  file: number
  kind: 'insert-lines' | 'delete-lines' | 'duplicate-line' | 'insert-bytes' | 'truncate' | 'line-from-other' | 'swap-lines'
  at: number
  count: number
  lines: string[]
  other: number
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  file: fc.nat(),
  kind: fc.constantFrom('insert-lines', 'delete-lines', 'duplicate-line', 'insert-bytes', 'truncate', 'line-from-other', 'swap-lines'),
  at: fc.nat(),
  count: fc.nat({ max: 4 }),
  lines: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(latin1) }), { minLength: 1, maxLength: 3 }),
  other: fc.nat(),
})

function mutate(files: Files, mutations: Mutation[]): Files {
  const out = new Map(files)
  const names = [...out.keys()].sort()
  const allLines = names.flatMap((n) => out.get(n)!.split('\n'))
  for (const m of mutations) {
    const name = names[m.file % names.length]
    const text = out.get(name)!
    const lines = text.split('\n')
    const at = m.at % (lines.length + 1)
    switch (m.kind) {
      case 'insert-lines':
        lines.splice(at, 0, ...m.lines)
        break
      case 'delete-lines':
        lines.splice(at, m.count + 1)
        break
      case 'duplicate-line':
        lines.splice(at, 0, lines[at % lines.length])
        break
      case 'swap-lines': {
        const b = m.other % lines.length
        const a = at % lines.length
        ;[lines[a], lines[b]] = [lines[b], lines[a]]
        break
      }
      case 'line-from-other':
        lines.splice(at, m.count % 2, allLines[m.other % allLines.length])
        break
      case 'insert-bytes': {
        const offset = m.at % (text.length + 1)
        out.set(name, text.slice(0, offset) + RAW_BYTES[m.other % RAW_BYTES.length] + text.slice(offset))
        continue
      }
      case 'truncate':
        out.set(name, text.slice(0, m.at % (text.length + 1)))
        continue
    }
    out.set(name, lines.join('\n'))
  }
  return out
}

function writeTree(dir: string, files: Files): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [path, bytes] of files) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), Buffer.from(bytes, 'latin1'))
  }
}

/**
 * Lines of a file as the loader counts them: decoded text when it decodes, raw bytes otherwise. A CR not
 * followed by LF ends a line too (loneCrAsLf, bytePlace), so a NUL after a lone CR is on the next line.
 */
function linesOf(files: Files, path: string): { lines: string[]; text?: string } | undefined {
  const bytes = files.get(path)
  if (bytes === undefined) return undefined
  const decoded = decodePlanBytes(Buffer.from(bytes, 'latin1'))
  if (decoded.ok) return { lines: loneCrAsLf(decoded.text).split('\n'), text: decoded.text }
  return { lines: loneCrAsLf(bytes).split('\n') }
}

function expectPlaceInside(files: Files, file: string, place: Place, what: string): void {
  expect(files.has(file), `${what}: names a file of the library (${file})`).toBe(true)
  for (const v of [place.line, place.column, place.endLine, place.endColumn]) expect(Number.isInteger(v) && v >= 1, `${what}: 1-based integers ${JSON.stringify(place)}`).toBe(true)
  const { lines, text } = linesOf(files, file)!
  expect(place.line, `${what}: line inside ${file}`).toBeLessThanOrEqual(lines.length)
  expect(place.endLine, `${what}: end line inside ${file}`).toBeLessThanOrEqual(lines.length)
  expect(place.endLine * 1e7 + place.endColumn, `${what}: end not before start`).toBeGreaterThanOrEqual(place.line * 1e7 + place.column)
  // (Columns in an undecodable file count the decoded characters of its valid prefix: at most its bytes.)
  expect(place.column, `${what}: column inside line ${place.line}`).toBeLessThanOrEqual(lines[place.line - 1].length + 1)
  expect(place.endColumn, `${what}: end column inside line ${place.endLine}`).toBeLessThanOrEqual(lines[place.endLine - 1].length + 1)
  void text
}

function checkFindings(files: Files, findings: Finding[]): void {
  for (const f of findings) {
    const what = `${f.ruleId} ${f.file}:${f.place.line}:${f.place.column} ${f.message}`
    expect(ALL, what).toContain(f.ruleId)
    expect(f.message.length, what).toBeGreaterThan(0)
    expect(f.message, what).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/)
    expectPlaceInside(files, f.file, f.place, what)
    if (f.cause) expectPlaceInside(files, f.cause.file, f.cause.place, `cause of ${what}`)
    if (f.fix) {
      const text = linesOf(files, f.file)?.text
      expect(text, `fix of ${what}: in a decodable file`).toBeDefined()
      expect(0 <= f.fix.start && f.fix.start <= f.fix.end && f.fix.end <= text!.length, `fix of ${what}: range inside the text`).toBe(true)
    }
  }
}

function lintFiles(dir: string, files: Files, locale: Locale): Finding[] {
  writeTree(dir, files)
  const library = loadLibrary(dir)
  const result = lint(library, { today: '2026-11-01', only: ALL, locale })
  expect(result.internalErrors).toEqual([])
  return result.findings
}

describe('fuzzing every rule from its own fixtures', () => {
  it('every rule of the index is fuzzed (a fixture folder per rule), and the unmutated seeds make every rule fire', () => {
    expect(SEEDS).toEqual([...ALL].sort())
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-fuzz-'))
    const fired = new Set<string>()
    for (const ruleId of SEEDS) {
      for (const variant of ['ok', 'not-ok']) {
        const files = seed(join(RULES_DIR, ruleId, variant))
        const findings = lintFiles(join(dir, 'lib'), files, 'zh-CN')
        checkFindings(files, findings)
        for (const f of findings) fired.add(f.ruleId)
      }
    }
    expect([...ALL].filter((id) => !fired.has(id))).toEqual([])
  })

  for (const ruleId of SEEDS) {
    it(`${ruleId}: mutated fixtures never make loading or any rule throw; every place is inside its file`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'yuanku-fuzz-'))
      const seeds = ['ok', 'not-ok'].filter((v) => existsSync(join(RULES_DIR, ruleId, v))).map((v) => seed(join(RULES_DIR, ruleId, v)))
      fc.assert(
        fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), fc.constantFrom<Locale>('zh-CN', 'en'), (which, mutations, locale) => {
          const files = mutate(seeds[which], mutations)
          checkFindings(files, lintFiles(join(dir, 'lib'), files, locale))
        }),
        { numRuns: RUNS },
      )
      rmSync(dir, { recursive: true, force: true })
    })
  }
})

describe('fuzzing units.yaml and library.yaml', () => {
  it('random YAML-ish text in the registry and the settings never throws; findings stay inside the files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-fuzz-'))
    const base = seed(join(RULES_DIR, 'coverage-gap', 'not-ok'))
    const yamlLine = fc.oneof(
      fc.constantFrom(
        'units:', '  - id: x', '    name: 某单位', '    kind: jurisdiction', '    level: city', '    parent: x', '    status: dissolved', '    replaced_by: x',
        '    dissolved_on: 2019-13-01', 'rules:', '  schema: off', '  near-duplicate: [warn, {threshold: 2}]', '  copied-from-parent: [error, {threshold: -1}]',
        'coverage:', '  hazards: {city: [flood, nothing]}', '  overall_levels: [city, moon]', 'grading: {thresholds: [{min: 200, label: x}]}', 'intervals:',
        '  review_months: {special: 0}', 'sections: {special: [[]]}', 'taxonomy: {flood: {category: nowhere}}', 'locale: en', 'locale: fr', 'a: &a 1', 'b: *a', '\t- x', '{', '- - -',
      ),
      fc.string({ maxLength: 20 }),
    )
    fc.assert(
      fc.property(fc.array(yamlLine, { maxLength: 12 }), fc.array(yamlLine, { maxLength: 12 }), fc.boolean(), fc.boolean(), (units, settings, keepUnits, keepSettings) => {
        const files = new Map(base)
        files.set('units.yaml', keepUnits ? base.get('units.yaml')! + latin1(`\n${units.join('\n')}`) : latin1(units.join('\n')))
        files.set('library.yaml', keepSettings ? base.get('library.yaml')! + latin1(`\n${settings.join('\n')}`) : latin1(settings.join('\n')))
        checkFindings(files, lintFiles(join(dir, 'lib'), files, 'zh-CN'))
      }),
      { numRuns: RUNS * 4 },
    )
    rmSync(dir, { recursive: true, force: true })
  })
})

// Keep the helpers honest: a place outside the file must fail the check.
describe('the place check itself', () => {
  it('rejects places beyond the last line or column, 0-based places and reversed ranges', () => {
    const files: Files = new Map([['a.md', 'ab\ncd']])
    const bad: Place[] = [
      { line: 3, column: 1, endLine: 3, endColumn: 1 },
      { line: 1, column: 4, endLine: 1, endColumn: 4 },
      { line: 0, column: 1, endLine: 1, endColumn: 1 },
      { line: 2, column: 2, endLine: 1, endColumn: 1 },
      { line: 1, column: 1, endLine: 2, endColumn: 9 },
    ]
    for (const place of bad) expect(() => expectPlaceInside(files, 'a.md', place, 'x')).toThrow()
    expect(() => expectPlaceInside(files, 'b.md', { line: 1, column: 1, endLine: 1, endColumn: 1 }, 'x')).toThrow()
    expectPlaceInside(files, 'a.md', { line: 1, column: 1, endLine: 2, endColumn: 3 }, 'x')
  })

  // Found by fast-check (seed 1746630390): the loader reads a lone CR as a line break, so the NUL of
  // `name: x\r\0\n` is on line 2, column 1. The check split on LF only and put line 2 at length 0.
  it('counts a lone CR as a line break, as the loader does', () => {
    const files: Files = new Map([['library.yaml', 'name: x\r\0\n']])
    expectPlaceInside(files, 'library.yaml', { line: 2, column: 1, endLine: 2, endColumn: 2 }, 'x')
    expect(() => expectPlaceInside(files, 'library.yaml', { line: 2, column: 1, endLine: 2, endColumn: 3 }, 'x')).toThrow()
  })
})
