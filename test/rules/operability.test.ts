// What the operability rules' expected.txt files cannot show: where the copied passage is in both
// plans, English texts, options, the normalisation, and near-duplicate on a library of 2,000 plans
// with planted copies (found exactly, without comparing every pair).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BASE, fixtureLibrary, lintFixture, TODAY } from '../helpers/library.ts'
import { assembleLibrary, loadLibraryMeta, planFromParsed } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Library } from '../../scripts/lib/model/library.ts'
import type { Plan, PlanFrontmatter } from '../../scripts/lib/model/plan.ts'
import { UnitRegistry, type Unit } from '../../scripts/lib/model/units.ts'
import copiedFromParent from '../../scripts/lib/rules/copied-from-parent.ts'
import { MAX_PER_PLAN } from '../../scripts/lib/rules/near-duplicate.ts'
import { LineIndex } from '../../scripts/lib/text/line-index.ts'
import { banding, candidatePairs, candidateProbability } from '../../scripts/lib/text/minhash.ts'
import { planFingerprint } from '../../scripts/lib/text/fingerprint.ts'
import { bodyShingles, containment, LEVEL, NAME, NUMBER, normaliseText } from '../../scripts/lib/text/shingles.ts'
import { unitMatcher } from '../../scripts/lib/text/unit-mentions.ts'
import { rng } from '../../scripts/bench/generate.ts'

const ROOT = new URL('.', import.meta.url).pathname
const at = (f: { file: string; place: { line: number; column: number; endLine: number; endColumn: number } }) =>
  `${f.file}:${f.place.line}:${f.place.column}-${f.place.endLine}:${f.place.endColumn}`

describe('normalisation', () => {
  const units = fixtureLibrary(join(ROOT, 'copied-from-parent', 'ok')).units
  const norm = (text: string) => normaliseText(text, 0, text.length, unitMatcher(units)).text

  it('masks names and numbers, drops punctuation, spaces and link targets', () => {
    expect(norm('示例市水利局在 30 分钟内报告[市应急局](./yingji.md#职责)。')).toBe(`${NAME}在${NUMBER}分钟内报告${NAME}`)
    expect(norm('全市、本县、Ⅰ级 GB/T 29639-2020')).toBe(`全${LEVEL}本${LEVEL}Ⅰ级gbt${NUMBER}${NUMBER}`)
  })

  it('makes a copy with the jurisdiction, units and figures swapped the same text', () => {
    expect(norm('示例市防汛抗旱指挥部办公室设在市水利局，30分钟内报市政府。')).toBe(norm('西山县防汛抗旱指挥部办公室设在县水利局，20分钟内报县政府。'))
  })

  it('keeps finding names after one that starts with a number', () => {
    const registry = new UnitRegistry([
      { id: 'hotline', name: '12345政务服务热线', kind: 'other' },
      { id: 'shuili', name: '示例市水利局', kind: 'department', aliases: ['市水利局'] },
    ] as Unit[])
    expect(normaliseText('拨打12345政务服务热线', 0, 13, unitMatcher(registry)).text).toBe(`拨打${NAME}`)
    // Inside a longer number the name is not there; the names after it still are.
    const text = '拨打0912345政务服务热线，由市水利局处理'
    expect(normaliseText(text, 0, text.length, unitMatcher(registry)).text).toBe(`拨打${NUMBER}政务服务热线由${NAME}处理`)
  })

  it('maps every character back to the file', () => {
    const text = '**市水利局** 负责，12.5 小时'
    const n = normaliseText(text, 0, text.length, unitMatcher(units))
    expect([...n.text].map((c, i) => text.slice(n.starts[i], n.ends[i]))).toEqual(['市水利局', '负', '责', '12.5', '小', '时'])
  })
})

describe('copied-from-parent', () => {
  const dir = join(ROOT, 'copied-from-parent', 'not-ok')

  it('points at the longest copied passage in the child and in the parent', () => {
    const library = fixtureLibrary(dir)
    const [finding] = lint(library, { today: TODAY, only: ['copied-from-parent'] }).findings
    expect(at(finding)).toBe('xishan/flood.md:34:104-42:58')
    expect(at({ file: finding.cause!.file, place: finding.cause!.place })).toBe('shili/flood.md:34:104-42:58')
    expect(finding.cause!.message).toBe('上级预案中的相同段落')
    const slice = (path: string, p: { line: number; column: number; endLine: number; endColumn: number }) => {
      const plan = library.plans.find((x) => x.path === path)!
      return plan.text.slice(plan.lines.offset(p.line, p.column), plan.lines.offset(p.endLine, p.endColumn))
    }
    // The copy begins after the one unit the registry does not know (县公安局 vs 市公安局) and runs to the end.
    expect(slice('xishan/flood.md', finding.place)).toMatch(/^负责维护灾区治安秩序和交通疏导。\n\n## 三、信息报告\n\n发生险情后，事发地应在20分钟内向县防汛抗旱指挥部办公室.*作出防汛抗旱应急工作部署$/s)
    expect(slice('shili/flood.md', finding.cause!.place)).toMatch(/^负责维护灾区治安秩序和交通疏导。.*在30分钟内向市防汛抗旱指挥部办公室.*作出防汛抗旱应急工作部署$/s)
  })

  it('gives the exact share, not the sampled estimate', () => {
    const library = fixtureLibrary(dir)
    const plan = (path: string) => library.plans.find((p) => p.path === path)!
    const matcher = unitMatcher(library.units)
    const exact = containment(bodyShingles(plan('xishan/flood.md'), matcher).set, bodyShingles(plan('shili/flood.md'), matcher).set)
    const sampled = containment(planFingerprint(plan('xishan/flood.md'), library.units).sample, planFingerprint(plan('shili/flood.md'), library.units).sample)
    const [finding] = lint(library, { today: TODAY, only: ['copied-from-parent'] }).findings
    expect(finding.message.startsWith(`${Math.round(exact * 100)}% `)).toBe(true)
    expect(Math.round(exact * 100)).toBe(71)
    expect(Math.round(sampled * 100)).not.toBe(71)
  })

  it('speaks English', () => {
    const [finding] = lintFixture(dir, { only: ['copied-from-parent'], locale: 'en' })
    expect(finding.message).toBe('71% of the body is the same as the parent plan "示例市防汛抗旱应急预案" (shili-flood), the longest copied passage 137 characters: adapt it to local conditions')
    expect(finding.cause!.message).toBe('the same passage in the parent plan')
  })

  it('takes its threshold and minimum length from library.yaml', () => {
    const library = fixtureLibrary(dir)
    const run = (options: Record<string, unknown>) => {
      library.settings.rules = { 'copied-from-parent': ['warn', options] }
      return lint(library, { today: TODAY, rules: [copiedFromParent] }).findings.length
    }
    expect(run({ threshold: 0.7 })).toBe(1)
    expect(run({ threshold: 0.72 })).toBe(0)
    expect(run({ minLength: 5000 })).toBe(0)
  })
})

describe('near-duplicate', () => {
  const dir = join(ROOT, 'near-duplicate', 'not-ok')

  it('reports the later plan of a pair, with the other as cause', () => {
    const findings = lintFixture(dir, { only: ['near-duplicate'] })
    expect(findings.map((f) => `${at(f)} <- ${at({ file: f.cause!.file, place: f.cause!.place })}`)).toEqual([
      'xishan/flood-2019.md:30:8-46:9 <- dongcheng/flood.md:30:16-46:9',
      'xishan/flood.md:20:3-46:9 <- dongcheng/flood.md:20:3-46:9',
    ])
  })

  it('speaks English', () => {
    const findings = lintFixture(dir, { only: ['near-duplicate'], locale: 'en' })
    expect(findings[1].message).toBe('90% of the text is the same as "东城区防汛抗旱应急预案" (dongcheng-flood) of 东城区, the longest shared passage 361 characters: each owner\'s plan should be written for its own situation')
  })

  it('bands 128 hashes so that a pair at the threshold is almost surely a candidate', () => {
    expect(banding(0.8)).toEqual({ bands: 18, rows: 7 })
    expect(candidateProbability(0.8, banding(0.8))).toBeGreaterThan(0.98)
    expect(candidateProbability(0.9, banding(0.8))).toBeGreaterThan(0.9999)
    expect(candidateProbability(0.3, banding(0.8))).toBeLessThan(0.005)
    expect(banding(0.5)).toEqual({ bands: 42, rows: 3 })
  })
})

// ── A library of 2,000 synthetic plans with planted copies ──────────────────────────────────────


const COUNTIES = 60
const countyName = (i: number) => `${'东南西北中上下前后左'[i % 10]}${'山河湖林石田'[Math.floor(i / 10)]}县`
const path = (i: number) => `plans/p${String(i).padStart(4, '0')}.md`

function registry(): UnitRegistry {
  const units: Unit[] = [{ id: 'city', name: '样本市', kind: 'jurisdiction', level: 'city' } as Unit]
  for (let c = 0; c < COUNTIES; c++) {
    units.push({ id: `c${c}`, name: countyName(c), kind: 'jurisdiction', level: 'county', parent: 'city' } as Unit)
    units.push({ id: `c${c}-shuili`, name: `${countyName(c)}水利局`, kind: 'department', parent: `c${c}`, aliases: ['县水利局'] } as Unit)
  }
  return new UnitRegistry(units)
}

/** Random prose: words of 1–3 characters from a pool of 400 CJK characters, a figure now and then. */
function sentence(next: () => number, county: string): string {
  const words: string[] = []
  const n = 6 + Math.floor(next() * 8)
  for (let w = 0; w < n; w++) {
    const len = 1 + Math.floor(next() * 3)
    let word = ''
    for (let k = 0; k < len; k++) word += String.fromCharCode(0x4e00 + 200 + Math.floor(next() * 400))
    words.push(word)
  }
  if (next() < 0.3) words.splice(2, 0, county)
  if (next() < 0.3) words.push(`${Math.floor(next() * 120)}分钟`)
  return `${words.join('')}。`
}

const BOILERPLATE = '为了做好突发事件防范和处置工作，最大程度地减少人员伤亡和财产损失，维护人民群众生命财产安全和社会稳定，根据有关法律法规和上级预案，结合实际，制定本预案。'

function body(sentences: string[], county: string): string {
  const paragraphs: string[] = [`# ${county}应急预案`, '', '## 一、总则', '', BOILERPLATE, '']
  for (let i = 0; i < sentences.length; i += 8) paragraphs.push(`## ${i / 8 + 2}、工作要求`, '', sentences.slice(i, i + 8).join(''), '')
  return paragraphs.join('\n')
}

/** A copy for another owner: the county's name swapped, figures changed, one sentence in `every` rewritten. */
function copy(sentences: string[], from: string, to: string, next: () => number, every: number): string[] {
  return sentences.map((s, i) => (every && i % every === every - 1 ? sentence(next, to) : s.replaceAll(from, to).replace(/\d+/g, (d) => String(Number(d) + 7))))
}

interface Synthetic {
  library: Library
  plannedNearDuplicates: string[]
  plannedCopiesOfParent: string[]
}

function synthetic(count: number): Synthetic {
  const next = rng(20261123)
  const owner = (i: number) => i % COUNTIES
  const texts: string[][] = []
  for (let i = 0; i < count; i++) texts.push(Array.from({ length: 40 }, () => sentence(next, countyName(owner(i)))))
  const parents = new Map<number, number>()
  const plannedNearDuplicates: string[] = []
  const plannedCopiesOfParent: string[] = []
  const plant = (source: number, target: number, every: number) => {
    texts[target] = copy(texts[source], countyName(owner(source)), countyName(owner(target)), next, every)
  }
  // 25 copies across owners, each with one sentence in 15 rewritten (Jaccard ≈ 0.85–0.9).
  for (let k = 0; k < 25; k++) {
    plant(40 * k + 3, 40 * k + 20, 15)
    plannedNearDuplicates.push(`${path(40 * k + 20)} <- ${path(40 * k + 3)}`)
  }
  // 5 copies by the same owner (an old version kept beside the new one): not near-duplicate's business.
  for (let k = 0; k < 5; k++) plant(1003 + 60 * k, 1003 + 60 * k + 3 * COUNTIES, 15)
  // 5 plans copied from their parent: copied-from-parent's business.
  for (let k = 0; k < 5; k++) {
    plant(1500 + 20 * k, 1507 + 20 * k, 15)
    parents.set(1507 + 20 * k, 1500 + 20 * k)
    plannedCopiesOfParent.push(`${path(1507 + 20 * k)} <- ${path(1500 + 20 * k)}`)
  }
  // A family of 8 verbatim copies of one plan by 8 owners: each reports its (at most 5) earliest twins.
  for (let k = 1; k < 8; k++) {
    plant(1900, 1900 + k, 0)
    for (let e = 0; e < Math.min(k, MAX_PER_PLAN); e++) plannedNearDuplicates.push(`${path(1900 + k)} <- ${path(1900 + e)}`)
  }

  const plans: Plan[] = texts.map((sentences, i) => {
    const county = countyName(owner(i))
    const head = `---\nid: p${i}\n---\n`
    const text = head + body(sentences, county)
    const data = {
      id: `p${i}`,
      title: `${county}应急预案${i}`,
      type: 'special',
      jurisdiction: `c${owner(i)}`,
      category: ['natural'],
      hazards: ['flood'],
      issuer: `c${owner(i)}-shuili`,
      lead_unit: `c${owner(i)}-shuili`,
      units: [],
      parents: parents.has(i) ? [{ plan: `p${parents.get(i)}` }] : [{ external: '样本市应急预案' }],
      status: 'published',
      version: '2025版',
      dates: {},
    } as unknown as PlanFrontmatter
    const file = { path: path(i), absPath: `/synthetic/${path(i)}`, text, bom: false, lines: new LineIndex(text), issues: [] }
    return planFromParsed(file, { data, valid: true, issues: [], bodyStart: head.length })
  })
  const library = { ...assembleLibrary(loadLibraryMeta(BASE), plans), units: registry() }
  return { library, plannedNearDuplicates: plannedNearDuplicates.sort(), plannedCopiesOfParent }
}

describe('2,000 synthetic plans', () => {
  const { library, plannedNearDuplicates, plannedCopiesOfParent } = synthetic(2000)
  const pairs = (ruleId: string) =>
    lint(library, { today: TODAY, only: [ruleId] })
      .findings.map((f) => `${f.file} <- ${f.cause!.file}`)
      .sort()

  it('near-duplicate finds exactly the planted copies across owners', () => {
    expect(plannedNearDuplicates).toHaveLength(25 + 25)
    expect(pairs('near-duplicate')).toEqual(plannedNearDuplicates)
  })

  it('copied-from-parent finds exactly the plans copied from their parent', () => {
    expect(pairs('copied-from-parent')).toEqual(plannedCopiesOfParent)
  })

  it('never compares every pair: LSH leaves a small share of the 2 million pairs as candidates', () => {
    const signatures = library.plans.map((p) => planFingerprint(p, library.units).signature)
    let candidates = 0
    for (const list of candidatePairs(signatures, banding(0.8)).values()) candidates += list.length
    expect(candidates).toBeGreaterThanOrEqual(plannedNearDuplicates.length)
    expect(candidates).toBeLessThan(2000)
  })
})
