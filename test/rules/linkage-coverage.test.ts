// What expected.txt cannot show for the linkage and coverage rules: causes, fixes, English messages,
// severities, and the coverage model they share with `yuanku coverage` and the site.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { coverageMatrix, jurisdictionTree } from '../../scripts/lib/coverage.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { ruleById } from '../../scripts/lib/rules/index.ts'
import { fixtureLibrary, lintFixture } from '../helpers/library.ts'

const ROOT = new URL('.', import.meta.url).pathname
const fixture = (rule: string, kind = 'not-ok') => join(ROOT, rule, kind)
const where = (f: { file: string; place: { line: number; column: number } }) => `${f.file}:${f.place.line}:${f.place.column}`

describe('severities', () => {
  it.each([
    ['missing-parent', 'warn'],
    ['unknown-parent', 'error'],
    ['parent-cycle', 'error'],
    ['parent-order', 'warn'],
    ['stale-parent', 'warn'],
    ['jurisdiction-without-overall', 'warn'],
    ['coverage-gap', 'warn'],
    ['lead-conflict', 'warn'],
    ['hazard-outside-parent', 'warn'],
  ])('%s defaults to %s', (id, severity) => {
    const rule = ruleById(id)!
    expect(rule.severity).toBe(severity)
    expect(rule.family).toBe(['coverage-gap', 'lead-conflict', 'hazard-outside-parent'].includes(id) ? 'coverage' : 'linkage')
  })
})

describe('causes and fixes', () => {
  it('parent-cycle points each entry at the next entry of the cycle', () => {
    const findings = lintFixture(fixture('parent-cycle'), { only: ['parent-cycle'] })
    expect(findings.map((f) => [where(f), f.cause ? `${f.cause.file}:${f.cause.place.line}:${f.cause.place.column}` : null, f.severity])).toEqual([
      ['a.md:10:11', 'c.md:13:11', 'error'],
      ['b.md:12:11', 'a.md:10:11', 'error'],
      ['c.md:13:11', 'b.md:12:11', 'error'],
      ['d.md:12:11', null, 'error'],
    ])
  })

  it('parent-order points at the parent\'s type or jurisdiction', () => {
    const findings = lintFixture(fixture('parent-order'), { only: ['parent-order'] })
    expect(findings.map((f) => `${where(f)} ← ${f.cause!.file}:${f.cause!.place.line}`)).toEqual([
      'dongcheng/flood.md:12:11 ← xishan/flood.md:5',
      'jinshi/onsite.md:11:11 ← huayu/comprehensive.md:5',
      'shili/quake.md:12:11 ← xishan/flood.md:5',
      'xishan/hazmat.md:12:11 ← huayu/comprehensive.md:4',
      'xishan/overall-2.md:10:11 ← xishan/flood.md:4',
    ])
  })

  it('stale-parent fixes a superseded parent to its single successor, and points at the status, supersedes entry or date', () => {
    const library = fixtureLibrary(fixture('stale-parent'))
    const findings = lintFixture(fixture('stale-parent'), { only: ['stale-parent'] })
    const at = (file: string) => findings.find((f) => f.file === file)!
    const cause = (file: string) => `${at(file).cause!.file}:${at(file).cause!.place.line}:${at(file).cause!.place.column}`
    const fixed = (file: string) => {
      const f = at(file)
      const text = library.plans.find((p) => p.path === file)!.text
      return f.fix ? `${text.slice(f.fix.start, f.fix.end)} → ${f.fix.text}` : null
    }
    // status: superseded
    expect([fixed('xishan/flood.md'), cause('xishan/flood.md')]).toEqual(['shili-flood-2019 → shili-flood', 'shili/flood-2019.md:13:9'])
    // status still published, but shili-fire lists it in supersedes: the cause is that entry.
    expect([fixed('xishan/fire.md'), cause('xishan/fire.md')]).toEqual(['shili-fire-2020 → shili-fire', 'shili/fire.md:13:14'])
    expect([fixed('xishan/hazmat.md'), cause('xishan/hazmat.md')]).toEqual([null, 'shili/hazmat.md:13:9'])
    expect([fixed('xishan/quake.md'), cause('xishan/quake.md')]).toEqual([null, 'shili/quake-2015.md:13:9'])
    // dates: { approved: 2025-05-20, published: 2025-06-01 } — the published value.
    expect(at('xishan/overall.md').cause!.place).toEqual({ line: 12, column: 43, endLine: 12, endColumn: 53 })
    expect(fixed('xishan/overall.md')).toBeNull()
  })

  it('lead-conflict lands on the newer plan, the older plan\'s lead_unit as cause', () => {
    const findings = lintFixture(fixture('lead-conflict'), { only: ['lead-conflict'] })
    expect(findings.map((f) => `${where(f)} ← ${f.cause!.file}:${f.cause!.place.line}:${f.cause!.place.column}`)).toEqual([
      'shili/forest-fire-ziran.md:9:12 ← shili/flood.md:9:12',
      'shili/forest-fire.md:9:12 ← shili/forest-fire-ziran.md:9:12',
      // Issued 2025 against 2021: the newer plan is reported although its file comes first.
      'xishan/a-shanhong.md:9:12 ← xishan/b-fangxun.md:9:12',
    ])
  })

  it('coverage-gap and jurisdiction-without-overall point a draft finding at the draft\'s status or issue date', () => {
    const gaps = lintFixture(fixture('coverage-gap'), { only: ['coverage-gap'] })
    expect(gaps.map((f) => (f.cause ? `${f.cause.file}:${f.cause.place.line}:${f.cause.place.column}` : null))).toEqual([
      'shili/quake.md:13:9',
      null,
      'dongcheng/flood.md:15:43',
    ])
    const overall = lintFixture(fixture('jurisdiction-without-overall'), { only: ['jurisdiction-without-overall'] })
    expect(overall.map((f) => (f.cause ? `${f.cause.file}:${f.cause.place.line}` : null))).toEqual(['xishan/overall.md:11', null, 'qingshi/overall.md:13'])
  })
})

describe('English messages', () => {
  const en = (rule: string) => lintFixture(fixture(rule), { only: [rule], locale: 'en' }).map((f) => f.message)

  it.each([
    ['missing-parent', 0, 'This special plan has no parent: list the plan it ties in with under parents (plan for one in the library, external for one outside it)'],
    ['unknown-parent', 0, 'Parent plan "shili-overal" does not exist in the library — did you mean "shili-overall" (示例市突发事件总体应急预案)?'],
    ['parent-cycle', 0, 'Parent plans form a cycle: shili-overall → xishan-flood → shili-flood → shili-overall'],
    ['parent-order', 3, 'This special plan cannot sit under the enterprise comprehensive plan "huayu-comprehensive"; its parent may be: overall plan, special plan'],
    ['stale-parent', 3, 'Parent plan "shili-overall" was issued on 2025-06-01, after this plan was last issued or revised (2023-05-10); review this plan against it'],
    ['jurisdiction-without-overall', 0, 'The overall plan "西山县突发事件总体应急预案（送审稿）" of 西山县 is not approved or published yet (status: review); no overall plan is in force'],
    ['coverage-gap', 1, '西山县 has no plan for "Flood" (coverage.hazards in library.yaml requires one at county level)'],
    ['lead-conflict', 1, 'This plan and "示例市森林防火和地质灾害防治应急预案" (shili-forest-fire-ziran) are both in force for "Forest and grassland fire, Geological hazard" in 示例市 but name different lead units: "示例市应急管理局" here, "示例市自然资源和规划局" there'],
    ['hazard-outside-parent', 1, 'Hazard "Earthquake" (earthquake) is not among the hazards of the parent plan(s) "示例市防汛抗旱应急预案" (shili-flood) (Flood, Drought)'],
  ])('%s', (rule, index, message) => {
    expect(en(rule)[index]).toBe(message)
  })
})

/** A throwaway library from file contents. */
function library(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-coverage-model-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return loadLibrary(dir)
}

const planText = (fields: string) => `---\n${fields}\ncategory: [natural]\nissuer: g\nunits: []\nparents: []\nversion: v1\n---\n# t\n`

describe('coverageMatrix', () => {
  it('lists jurisdictions depth-first in units.yaml order, cycle-safe, leaving out dissolved ones', () => {
    const lib = library({
      'units.yaml': `units:
  - { id: b, name: 乙县, kind: jurisdiction, level: county, parent: a }
  - { id: a, name: 甲市, kind: jurisdiction, level: city }
  - { id: c, name: 丙镇, kind: jurisdiction, level: township, parent: b }
  - { id: d, name: 丁县, kind: jurisdiction, level: county, parent: a }
  - { id: old, name: 旧县, kind: jurisdiction, level: county, parent: a, status: dissolved, dissolved_on: 2019-01-01 }
  - { id: x, name: 戊, kind: jurisdiction, level: county, parent: y }
  - { id: y, name: 己, kind: jurisdiction, level: county, parent: x }
  - { id: dept, name: 局, kind: department, parent: a }
`,
    })
    expect(jurisdictionTree(lib).map((j) => `${'  '.repeat(j.depth)}${j.id}${j.parent ? `<${j.parent}` : ''}`)).toEqual([
      'a',
      '  b<a',
      '    c<b',
      '  d<a',
      // x and y form a cycle: no root, so each is listed, the first as a top.
      'x<y',
      '  y<x',
    ])
  })

  it('orders hazard columns by category then taxonomy, with required hazards missing from the taxonomy last', () => {
    const lib = library({
      'library.yaml': `taxonomy:
  dam-break: { name: 水库垮坝, category: natural }
coverage:
  hazards:
    county: [epidemic, no-such-hazard, dam-break]
    national: [terrorism]
`,
      'units.yaml': 'units:\n  - { id: a, name: 甲县, kind: jurisdiction, level: county }\n  - { id: g, name: 甲县政府, kind: government, parent: a }\n',
      'flood.md': planText('id: p1\ntitle: 防汛\ntype: special\njurisdiction: g\nhazards: [flood, made-up]\nlead_unit: g\nstatus: approved\ndates: { approved: 2024-01-01 }'),
      'ent.md': planText('id: p2\ntitle: 企业\ntype: enterprise-special\njurisdiction: g\nhazards: [hazmat]\nlead_unit: g\nstatus: published\ndates: { approved: 2024-01-01, published: 2024-01-02 }'),
      'old.md': planText('id: p3\ntitle: 旧\ntype: special\njurisdiction: a\nhazards: [fire]\nlead_unit: g\nstatus: superseded\ndates: { approved: 2014-01-01, published: 2014-01-02 }'),
    })
    const m = coverageMatrix(lib)
    // terrorism is required only at a level no jurisdiction has; hazmat only by an enterprise plan; fire only by a superseded plan.
    expect(m.hazards.map((h) => `${h.id}:${h.category}`)).toEqual(['flood:natural', 'dam-break:natural', 'epidemic:public-health', 'no-such-hazard:'])
    expect(Object.fromEntries(m.hazards.map((h) => [h.id, m.cells.a[h.id].state]))).toEqual({
      flood: 'active',
      'dam-break': 'missing',
      epidemic: 'missing',
      'no-such-hazard': 'missing',
    })
    expect(m.cells.a.flood).toEqual({ state: 'active', required: false, plans: [{ id: 'p1', title: '防汛', status: 'approved', type: 'special', path: 'flood.md' }], kind: 'special' })
  })

  const countsLibrary = (libraryYaml: string) => library({
    'library.yaml': `coverage:\n  hazards:\n    county: [flood, earthquake, epidemic]\n${libraryYaml}`,
    'units.yaml': 'units:\n  - { id: a, name: 甲县, kind: jurisdiction, level: county }\n  - { id: g, name: 甲县政府, kind: government, parent: a }\n  - { id: w, name: 甲县卫健局, kind: department, parent: a }\n',
    'overall.md': planText('id: o\ntitle: 总体\ntype: overall\njurisdiction: a\nhazards: [earthquake]\nstatus: published\ndates: { approved: 2024-01-01, published: 2024-01-02 }'),
    'dept.md': planText('id: d\ntitle: 卫健\ntype: department\njurisdiction: w\nhazards: [epidemic]\nlead_unit: w\nstatus: published\ndates: { approved: 2024-01-01, published: 2024-01-02 }'),
    'flood.md': planText('id: f\ntitle: 防汛\ntype: special\njurisdiction: a\nhazards: [flood]\nlead_unit: w\nstatus: review\ndates: {}'),
  })

  it('counts special, joint and department plans by default; an overall plan listing a hazard does not close a gap', () => {
    const cells = coverageMatrix(countsLibrary('')).cells.a
    expect([cells.flood.state, cells.earthquake.state, cells.epidemic.state]).toEqual(['draft', 'missing', 'active'])
    expect(cells.epidemic.kind).toBe('department')
  })

  it('coverage.counts: [special] counts special plans only', () => {
    const cells = coverageMatrix(countsLibrary('  counts: [special]\n')).cells.a
    expect([cells.flood.state, cells.earthquake.state, cells.epidemic.state]).toEqual(['draft', 'missing', 'missing'])
  })
})

describe('where a coverage requirement comes from', () => {
  // A library whose library.yaml says nothing about coverage: the requirement is the built-in default,
  // and the message must not send the author to a key that library.yaml does not have.
  const library = (settings: string | undefined) => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-origin-'))
    writeFileSync(join(dir, 'units.yaml'), 'units:\n  - { id: xishan-xian, name: 西山县, kind: jurisdiction, level: county }\n')
    if (settings !== undefined) writeFileSync(join(dir, 'library.yaml'), settings)
    return dir
  }
  const messages = (dir: string, rule: string) => lintFixture(dir, { only: [rule] }).map((f) => `${where(f)} ${f.message}`)

  it('an empty library.yaml: the default, and no coverage.hazards named', () => {
    const found = messages(library(''), 'coverage-gap')
    expect(found[0]).toBe('units.yaml:2:11 西山县缺少“洪涝灾害”专项应急预案（按县级行政区的内置默认覆盖要求；library.yaml 未规定县级的覆盖要求，可按本地风险评估调整）')
    expect(found.join('\n')).not.toContain('coverage.hazards')
  })

  it('no library.yaml at all says so', () => {
    // lintFixture would add the fixtures' base library.yaml: lint the folder as it is.
    const found = lint(loadLibrary(library(undefined)), { only: ['coverage-gap', 'jurisdiction-without-overall'], locale: 'zh-CN', today: '2026-11-01' }).findings.map((f) => f.message)
    expect(found).toContain('西山县（县级）没有总体应急预案；按内置默认要求（本库没有 library.yaml），县级行政区应具备总体预案')
    expect(found.filter((m) => m.includes('library.yaml 的'))).toEqual([])
  })

  it('a library.yaml that sets another level only: this level is still the default', () => {
    const found = messages(library('coverage:\n  hazards:\n    city: [flood]\n'), 'coverage-gap')
    expect(found[0]).toContain('（按县级行政区的内置默认覆盖要求；library.yaml 未规定县级的覆盖要求')
  })

  it('a level library.yaml sets is cited with its key, in English too', () => {
    const dir = library('coverage:\n  hazards:\n    county: [flood]\n')
    expect(messages(dir, 'coverage-gap')).toEqual(['units.yaml:2:11 西山县缺少“洪涝灾害”专项应急预案（library.yaml 的覆盖要求（coverage.hazards）规定县级行政区应具备）'])
    expect(lintFixture(dir, { only: ['coverage-gap'], locale: 'en' }).map((f) => f.message)).toEqual(['西山县 has no plan for "Flood" (coverage.hazards in library.yaml requires one at county level)'])
  })
})
