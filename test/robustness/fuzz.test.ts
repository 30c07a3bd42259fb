// Property-based fuzzing of the loader and of every rule: on generated and mutated plans nothing
// throws, and every finding has a valid 1-based place inside its file.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeSourceFile } from '../../scripts/lib/load/file.ts'
import { assembleLibrary, loadLibraryMeta, parsePlan } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Plan } from '../../scripts/lib/model/plan.ts'

const BASE = new URL('../rules/_base/', import.meta.url).pathname
const SEED = readFileSync(new URL('../rules/dissolved-unit/not-ok/forest.md', import.meta.url), 'utf8')
const meta = loadLibraryMeta(BASE)

function planOf(text: string, path: string): Plan | undefined {
  const r = decodeSourceFile(new TextEncoder().encode(text), `/fuzz/${path}`, path)
  return r.ok ? parsePlan(r.file) : undefined
}

function lintTexts(texts: string[]) {
  const plans = texts.map((t, i) => planOf(t, `p${i}.md`)).filter((p): p is Plan => Boolean(p))
  const library = assembleLibrary(meta, plans)
  const result = lint(library, { today: '2026-11-01', only: undefined })
  return { plans, result }
}

function assertPlaces(texts: string[]) {
  const { plans, result } = lintTexts(texts)
  expect(result.internalErrors).toEqual([])
  for (const f of result.findings) {
    const plan = plans.find((p) => p.path === f.file)
    const text = plan?.text ?? (f.file === 'units.yaml' ? meta.unitsFile!.text : f.file === 'library.yaml' ? meta.settingsFile!.text : undefined)
    expect(f.place.line, `${f.ruleId} ${f.file}`).toBeGreaterThanOrEqual(1)
    expect(f.place.column).toBeGreaterThanOrEqual(1)
    if (text === undefined) continue
    const lines = text.split('\n')
    expect(f.place.line, `${f.ruleId} ${f.message}`).toBeLessThanOrEqual(lines.length)
    expect(f.place.column).toBeLessThanOrEqual(lines[f.place.line - 1].length + 1)
    expect(f.place.endLine * 1e6 + f.place.endColumn).toBeGreaterThanOrEqual(f.place.line * 1e6 + f.place.column)
  }
}

const lineOf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('---', '...', 'units:', '  - unit: shi-anjian', '    role: lead', 'parents: [{plan: shili-overall}]', 'status: published', '# 标题', '## 应急响应', '### 演练评估要点', '- [ ] 30分钟内报告 {分值=5 时限=30分钟 否决}', '<script>alert(1)</script>', '[链接](./x.md#不存在)', 'XX年', '\t- x', '&a [1]', '*a', ': :', '- - -', '市安监局立即报告', 'id: p0', 'type: overall', '\r'),
)

const mutation = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.array(lineOf, { maxLength: 4 }),
})

function mutate(text: string, ms: { at: number; remove: number; insert: string[] }[]): string {
  const lines = text.split('\n')
  for (const m of ms) lines.splice(m.at % (lines.length + 1), m.remove, ...m.insert)
  return lines.join('\n')
}

describe('fuzzing the loader and every rule', () => {
  it('random line soup never throws and findings stay inside the file', () => {
    fc.assert(
      fc.property(fc.array(fc.array(lineOf, { maxLength: 30 }).map((ls) => ls.join('\n')), { minLength: 1, maxLength: 3 }), (texts) => assertPlaces(texts)),
      { numRuns: 150 },
    )
  })

  it('mutations of a real plan never throw and findings stay inside the file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 6 }), fc.array(mutation, { maxLength: 6 }), (a, b) => {
        assertPlaces([mutate(SEED, a), mutate(SEED.replace('shili-forest-fire', 'shili-overall'), b)])
      }),
      { numRuns: 150 },
    )
  })

  it('arbitrary unicode with a valid frontmatter', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (body) => assertPlaces([`${SEED}\n${body}`])), { numRuns: 100 })
  })
})
