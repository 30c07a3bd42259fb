// Every rule's documented examples are tests (the remark-lint habit): the bad example must give at least one
// finding of that rule, the good one none, and the good one must be a valid library (no schema finding), so that it
// cannot pass only because the rule never saw it. An example is a fragment — a piece of frontmatter, of body text,
// or several files each under a `# path` line — so each rule says below how its example becomes a small library;
// what an example only describes in words (a file saved as GBK, "the parent's text with the name changed") is built
// here as it says.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { rules } from '../../scripts/lib/rules/index.ts'
import { BASE, TODAY } from '../helpers/library.ts'

type Files = Record<string, string | Uint8Array>

const BASE_FM = `id: shili-flood
title: 示例市防汛抗旱应急预案
type: special
jurisdiction: shili-shi
category: [natural]
hazards: [flood]
issuer: shi-zhengfu
lead_unit: shi-shuili
units:
  - unit: shi-shuili
    role: lead
    duties: [组织防汛抢险]
parents:
  - plan: shili-overall
status: published
version: 2025版
dates:
  drafted: 2025-03-01
  expert_review: 2025-04-01
  approved: 2025-05-10
  published: 2025-05-20
  filed: 2025-06-01
  last_reviewed: 2025-05-20
response_levels:
  - level: I
    trigger: 主要河道超过保证水位
    commander: 市长`

const BASE_BODY = `# 示例市防汛抗旱应急预案

## 1 总则

本预案适用于本市行政区域内洪涝灾害的防范和处置。

## 2 组织指挥体系

市水利局负责组织防汛抢险。

## 3 监测预警

根据水情发布洪水预警。

## 4 应急响应

按照灾害程度分级响应。

## 5 后期处置

做好灾后恢复工作。

## 6 应急保障

落实抢险队伍和物资。

## 7 预案管理

本预案每三年评估一次。
`

const OVERALL = `id: shili-overall
title: 示例市突发事件总体应急预案
type: overall
jurisdiction: shili-shi
category: [natural]
hazards: [flood]
issuer: shi-zhengfu
lead_unit: shi-yingji
units:
  - unit: shi-yingji
    role: lead
    duties: [统筹协调应急工作]
parents: []
status: published
version: 2025版
dates:
  drafted: 2025-01-01
  expert_review: 2025-02-01
  approved: 2025-03-01
  published: 2025-03-10
  filed: 2025-03-20
  last_reviewed: 2025-03-10
response_levels:
  - level: I
    trigger: 特别重大突发事件
    commander: 市长`

/** The overall plan's text names no unit, so that it gives no rule anything to report. */
const OVERALL_BODY = BASE_BODY.replace('示例市防汛抗旱应急预案', '示例市突发事件总体应急预案').replace('市水利局负责组织防汛抢险。', '市突发事件应急委员会统一领导全市应急工作。')

const BASE_DRILL = `id: drill-2026-06-18-shili-flood
plan: shili-flood
date: 2026-06-18
kind: tabletop
scenario: 汛期强降雨引发城区内涝
organizer: shi-yingji
evaluators: [张伟]
checklist:
  - { ref: gen-report, text: 30分钟内报告险情, points: 1, critical: false, rating: met, awarded: 1 }
score: 100
grade: 优秀
findings: []`

/** Units the examples name beyond the shared fixture registry. */
const EXTRA_UNITS = `
  - { id: shi-qixiang, name: 示例市气象局, kind: department, parent: shili-shi, aliases: [市气象局] }
  - { id: shi-shangwu, name: 示例市商务局, kind: department, parent: shili-shi, aliases: [市商务局] }
  - { id: shi-minzheng, name: 示例市民政局, kind: department, parent: shili-shi, aliases: [市民政局] }
  - { id: shi-caizheng, name: 示例市财政局, kind: department, parent: shili-shi, aliases: [市财政局] }
  - { id: xishan-weijian, name: 西山县卫生健康局, kind: department, parent: xishan-xian, aliases: [县卫生健康局] }
`

const topKey = (line: string) => /^([A-Za-z_][\w-]*):/.exec(line)?.[1]

/** The base frontmatter with every top-level key the fragment sets replaced by the fragment's own text. */
function merge(fragment: string, base = BASE_FM): string {
  const keys = new Set(fragment.split('\n').map(topKey).filter(Boolean))
  const kept: string[] = []
  let dropping = false
  for (const line of base.split('\n')) {
    const key = topKey(line)
    if (key) dropping = keys.has(key)
    else if (!/^\s/.test(line)) dropping = false
    if (!dropping) kept.push(line)
  }
  return `${kept.join('\n')}\n${fragment.trim()}`
}

const plan = (fm: string, body = BASE_BODY) => `---\n${fm}\n---\n${body}`
const drill = (fm: string) => `---\n${merge(fm, BASE_DRILL)}\n---\n# 演练评估报告\n\n演练按方案完成。\n`

/** A `frontmatter\n---\nbody` example: the body may be a narrative in parentheses, which means the usual text. */
function planOf(example: string, base = BASE_FM): string {
  const [fm, body] = example.split(/^---$/m)
  const narrative = body !== undefined && /^（[^）]*）$/.test(body.trim())
  return plan(merge(fm, base), body === undefined || narrative ? BASE_BODY : `# 预案\n\n${body.trim()}\n`)
}

interface Section {
  head?: string
  text: string
}

/** Splits an example at its `# …` lines (file names, or words about the context). */
function sections(example: string): Section[] {
  const out: Section[] = [{ text: '' }]
  for (const line of example.split('\n')) {
    if (/^# /.test(line)) out.push({ head: line.slice(2), text: '' })
    else out[out.length - 1].text += `${line}\n`
  }
  return out.filter((s) => s.head !== undefined || s.text.trim())
}

/** Files of a multi-file example: plans, drill records, units.yaml and library.yaml additions, the plan itself. */
function multi(example: string, base = BASE_FM): { files: Files; units: string; library: string } {
  const files: Files = {}
  let units = ''
  let library = ''
  for (const s of sections(example)) {
    const path = s.head && /(\S+?\.md)/.exec(s.head)?.[1].replace(/^plans\//, '')
    if (path && path.startsWith('drills/')) files[path] = drill(s.text)
    else if (path) files[path] = planOf(s.text, base)
    else if (s.head?.includes('units.yaml')) units += s.text
    else if (s.head?.includes('library.yaml')) library += s.text
    else if (s.text.trim()) files['target.md'] = planOf(s.text, base)
  }
  return { files, units, library }
}

interface Built {
  files: Files
  units?: string
  library?: string
}

const fm = (example: string): Built => ({ files: { 'target.md': planOf(example) } })
const body = (example: string): Built => ({ files: { 'target.md': plan(BASE_FM, example) } })
const files = (example: string): Built => multi(example)
const drillRecord = (example: string): Built => ({ files: { 'target.md': plan(BASE_FM), 'drills/2026-06-18-shili-flood.md': drill(example) } })

const LONG = (place: string) =>
  `## 一、总则\n\n为了做好${place}防汛抗旱工作，最大程度地减少人员伤亡和财产损失，保障经济社会全面协调可持续发展，依据有关法律法规，结合${place}实际，制定本预案。本预案适用于${place}行政区域内洪涝、干旱灾害及其次生衍生灾害的预防和应急处置。防汛抗旱工作坚持人民至上、生命至上，坚持统一指挥、分级负责，坚持以防为主、防抗救相结合。\n\n## 二、组织指挥体系\n\n${place}防汛抗旱指挥部负责领导、组织${place}防汛抗旱工作，指挥部办公室设在应急管理局，承担指挥部日常工作。各成员单位按照职责分工做好防汛抗旱工作，汛期实行二十四小时值班制度，及时掌握雨情、水情、工情和灾情。\n\n## 三、应急响应\n\n按洪涝灾害的严重程度和范围，应急响应分为四级。发生险情后，事发地立即组织群众转移避险，抢险队伍按照调度指令赶赴现场，物资部门做好抢险物资的调拨和供应，确保群众生命安全。\n`

const YEAR_LATER = { 'shili/flood.md': plan(merge('dates: { approved: 2025-05-20, published: 2025-06-01 }')) }

/** How each rule's examples become a library. */
const BUILD: Record<string, (example: string, kind: 'bad' | 'good') => Built> = {
  schema: (e) => fm(e.replace(/^---$/gm, '')),
  // The example says in words that the file was saved as GBK: 预案 in GBK is D4 A4 B0 B8.
  encoding: (_e, kind) => ({
    files: { 'target.md': kind === 'bad' ? Buffer.concat([Buffer.from(plan(BASE_FM)), Buffer.from([0xd4, 0xa4, 0xb0, 0xb8, 0x0a])]) : plan(BASE_FM) },
  }),
  'duplicate-id': files,
  'unknown-unit': files,
  'unknown-hazard': files,
  'required-section': body,
  'empty-section': body,
  'placeholder-text': body,
  'dissolved-unit': fm,
  // The good example links to an annex that exists and to a heading of the plan.
  'broken-link': (e) => ({
    files: { 'shili/flood.md': plan(BASE_FM, `# 预案\n\n${e}\n\n## 4 应急响应\n\n### 4.1 分级响应\n\n按四级响应。\n`), 'shili/attachments/应急联系表.md': '# 应急联系表\n' },
  }),
  'raw-html': body,
  'repealed-basis': body,
  'fullwidth-space': fm,
  'enum-alias': fm,
  'missing-parent': fm,
  'unknown-parent': fm,
  'parent-cycle': files,
  // The county's flood plan the bad example puts above its overall plan.
  'parent-order': (e) => {
    const built = multi(e)
    built.files['xishan/flood.md'] = plan(merge('id: xishan-flood\njurisdiction: xishan-xian\nparents:\n  - plan: xishan-overall'))
    return built
  },
  // The parent the example's first line describes, published after the child.
  'stale-parent': (e) => {
    const built = multi(e)
    Object.assign(built.files, YEAR_LATER)
    return built
  },
  // Every other county and township has its overall plan, so only dongcheng-qu is in question.
  'jurisdiction-without-overall': (e) => {
    const built = multi(e.replace(/^(\s+- \{ id: dongcheng-qu.*)$/m, ''))
    built.files['xishan/overall.md'] = plan(merge('id: xishan-overall\ntype: overall\njurisdiction: xishan-xian'))
    built.files['qingshi/overall.md'] = plan(merge('id: qingshi-overall\ntype: overall\njurisdiction: qingshi-zhen\nparents:\n  - plan: xishan-overall'))
    return built
  },
  'self-reference': fm,
  // The library of the bad example, where 西山县 has a flood plan and 东城区 has both.
  'coverage-gap': (e, kind) => {
    const special = (id: string, place: string, hazard: string) => plan(merge(`id: ${id}\njurisdiction: ${place}\nhazards: [${hazard}]\ncategory: [natural]`))
    const built = multi(e)
    // The bad example's setting, with the city level's own default requirements switched off.
    expect(kind === 'good' || built.library?.includes('county: [flood, earthquake]')).toBe(true)
    built.library = 'coverage:\n  hazards:\n    city: []\n    county: [flood, earthquake]\n'
    Object.assign(built.files, {
      'xishan/flood.md': special('xishan-flood', 'xishan-xian', 'flood'),
      'dongcheng/flood.md': special('dongcheng-flood', 'dongcheng-qu', 'flood'),
      'dongcheng/earthquake.md': special('dongcheng-earthquake', 'dongcheng-qu', 'earthquake'),
    })
    if (kind === 'good') expect(built.files['xishan/earthquake.md']).toBeDefined()
    return built
  },
  'lead-conflict': files,
  // The parent the first line describes (hazards: [flood]), and the county's overall plan the good example names.
  'hazard-outside-parent': (e) => {
    const built = multi(e)
    Object.assign(built.files, { 'shili/flood.md': plan(BASE_FM), 'xishan/overall.md': plan(merge('id: xishan-overall\ntype: overall\njurisdiction: xishan-xian')) })
    return built
  },
  'duplicate-plan': files,
  'unit-not-declared': fm,
  'unit-without-duty': fm,
  'level-without-commander': fm,
  'no-time-limit': body,
  'duplicate-unit': fm,
  'moved-function': body,
  // A county plan under the city's plan, whose paragraph (the bad example's second part) it copies.
  'unregistered-unit-name': (e, kind) => {
    const [child, parent] = sections(e).map((s) => s.text.trim())
    const parentText = kind === 'bad' ? parent : '市卫生健康委负责组织医疗救治和疾病预防控制工作。'
    const health = 'hazards: [infectious-disease]\ncategory: [public-health]\nlead_unit: shi-weijian\nunits:\n  - unit: shi-weijian\n    role: lead\n    duties: [组织医疗救治]'
    return {
      files: {
        'shili/health.md': plan(merge(`id: shili-health\n${health}`), `# 示例市突发公共卫生事件应急预案\n\n${parentText}\n`),
        'xishan/health.md': plan(merge(`id: xishan-health\njurisdiction: xishan-xian\nissuer: xishan-zhengfu\n${health.replace(/shi-weijian/g, 'xishan-weijian')}\nparents:\n  - plan: shili-health`), `# 西山县突发公共卫生事件应急预案\n\n${child}\n`),
      },
    }
  },
  // The parent's text is the bad example's with 西山县 written back as 示例市 (what the example's first line says);
  // minLength is lowered because the example is a few lines long.
  'copied-from-parent': (e, kind) => {
    const text = (ex: string) => sections(ex).map((s) => s.text).join('').trim()
    const bad = rules.find((r) => r.id === 'copied-from-parent')!.docs.bad
    const parentBody = text(bad).replace(/西山县/g, '示例市').replace(/县/g, '市').replace(/全县/g, '全市')
    return {
      library: 'rules:\n  copied-from-parent: [warn, { minLength: 20 }]\n',
      files: {
        'shili/flood.md': plan(BASE_FM, `# 示例市防汛抗旱应急预案\n\n${parentBody}\n`),
        'xishan/flood.md': plan(merge('id: xishan-flood\njurisdiction: xishan-xian\nparents:\n  - plan: shili-flood'), `# 西山县防汛抗旱应急预案\n\n${text(e)}\n`),
      },
    }
  },
  // The bad example says 东城区's plan differs from 西山县's only in the names: that is built here; the good one is
  // 东城区's own text.
  'near-duplicate': (e, kind) => {
    const xishan = plan(merge('id: xishan-flood\njurisdiction: xishan-xian'), `# 西山县防汛抗旱应急预案\n\n${LONG('西山县')}`)
    const own = sections(e)[0].text.trim()
    const dongcheng = kind === 'bad' ? LONG('东城区') : `${own}\n\n东城区防汛指挥部设在区应急管理局，街道设防汛工作站，重点防范地下车库、下穿隧道和低洼小区积水，汛前完成排水管网清掏。`
    return { files: { 'xishan/flood.md': xishan, 'dongcheng/flood.md': plan(merge('id: dongcheng-flood\njurisdiction: dongcheng-qu'), `# 东城区防汛抗旱应急预案\n\n${dongcheng}\n`) } }
  },
  'vague-trigger': fm,
  'checklist-attribute': body,
  'review-overdue': fm,
  // The enterprise's on-site procedure the example names (high-risk unit, half-yearly drills), last drilled on
  // 2025-09-12 as the bad example says.
  'drill-overdue': (e) => {
    const onsite = merge(
      'id: huayu-onsite-guanqu\ntitle: 储罐区泄漏现场处置方案\ntype: onsite\njurisdiction: huayu-huagong\ncategory: [accident]\nhazards: [hazmat]\nissuer: huayu-huagong\nlead_unit: huayu-huagong\nunits:\n  - unit: huayu-huagong\n    role: lead\n    duties: [组织现场处置]\nparents: []\ndates: { approved: 2025-01-05, published: 2025-01-10, filed: 2025-01-20, expert_review: 2024-12-20 }',
    )
    const built = multi(e, onsite)
    built.files['enterprise/huayu/huayu-onsite-guanqu.md'] ??= plan(onsite)
    built.files['drills/2025-09-12-huayu-onsite-guanqu.md'] = drill('id: drill-2025-09-12-huayu-guanqu\nplan: huayu-onsite-guanqu\ndate: 2025-09-12')
    return built
  },
  'not-expert-reviewed': fm,
  'not-filed': fm,
  'superseded-still-published': files,
  'open-findings': drillRecord,
  'revise-after-drill': files,
  'drill-score-mismatch': drillRecord,
}

function write(built: Built): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-example-'))
  const put = (path: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  let units = `${readFileSync(join(BASE, 'units.yaml'), 'utf8').trimEnd()}\n${EXTRA_UNITS}`
  for (const line of (built.units ?? '').split('\n').filter((l) => l.trim())) {
    const id = /id: ([\w-]+)/.exec(line)?.[1]
    if (id) units = units.replace(new RegExp(`^.*\\{ id: ${id},.*$\\n`, 'm'), '')
    units += `${line}\n`
  }
  put('units.yaml', units)
  put('library.yaml', `${readFileSync(join(BASE, 'library.yaml'), 'utf8').trimEnd()}\n${built.library ?? ''}`)
  put('shili/overall.md', plan(OVERALL, OVERALL_BODY))
  for (const [path, content] of Object.entries(built.files)) put(path, content)
  return dir
}

function run(ruleId: string, kind: 'bad' | 'good') {
  const rule = rules.find((r) => r.id === ruleId)!
  const dir = write(BUILD[ruleId](rule.docs[kind], kind))
  const result = lint(loadLibrary(dir), { locale: 'zh-CN', today: TODAY, only: [...new Set([ruleId, 'schema', 'encoding'])] })
  expect(result.internalErrors).toEqual([])
  return result.findings.map((f) => `${f.ruleId} ${f.file}:${f.place.line}:${f.place.column} ${f.message}`)
}

describe('rule documentation examples are tests', () => {
  it('every rule says how its examples become a library', () => {
    expect(rules.map((r) => r.id).filter((id) => !BUILD[id])).toEqual([])
  })

  for (const rule of rules) {
    describe(rule.id, () => {
      it('the bad example is reported by the rule', () => {
        expect(run(rule.id, 'bad').filter((f) => f.startsWith(`${rule.id} `))).not.toEqual([])
      })
      it('the good example is valid and not reported', () => {
        expect(run(rule.id, 'good').join('\n')).toBe('')
      })
    })
  }
})
