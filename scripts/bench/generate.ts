// Generates a deterministic synthetic library (units.yaml, library.yaml, plans, drills) of N plans for
// structure, linkage from the city down to townships and enterprises, drill records and a few gaps.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { slug } from 'github-slugger'

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HAZARDS: [id: string, name: string, category: string, lead: string][] = [
  ['flood', '防汛抗旱', 'natural', 'shuili'],
  ['earthquake', '地震', 'natural', 'yingji'],
  ['geological', '地质灾害', 'natural', 'ziran'],
  ['forest-fire', '森林火灾', 'natural', 'ziran'],
  ['meteorological', '气象灾害', 'natural', 'qixiang'],
  ['hazmat', '危险化学品事故', 'accident', 'yingji'],
  ['production-safety', '生产安全事故', 'accident', 'yingji'],
  ['road-traffic', '道路交通事故', 'accident', 'gongan'],
  ['power-outage', '大面积停电事件', 'accident', 'gongxin'],
  ['gas-supply', '燃气事故', 'accident', 'zhujian'],
  ['epidemic', '突发公共卫生事件', 'public-health', 'weijian'],
  ['food-safety', '食品安全事故', 'public-health', 'shijian'],
  ['mass-incident', '群体性事件', 'social-security', 'gongan'],
  ['cyber', '网络与信息安全事件', 'social-security', 'wangxin'],
]

const DEPTS: [key: string, name: string][] = [
  ['yingji', '应急管理局'], ['shuili', '水利局'], ['ziran', '自然资源局'], ['qixiang', '气象局'], ['gongan', '公安局'],
  ['weijian', '卫生健康局'], ['zhujian', '住房和城乡建设局'], ['jiaotong', '交通运输局'], ['shijian', '市场监督管理局'],
  ['gongxin', '工业和信息化局'], ['minzheng', '民政局'], ['caizheng', '财政局'], ['jiaoyu', '教育局'], ['nongye', '农业农村局'],
  ['wangxin', '网信办'], ['shengtai', '生态环境局'],
]

const SURNAMES = '华宇金鼎恒通瑞丰广源鑫泰宏达新兴东方长江天成永安盛世中联'
const INDUSTRY = ['化工', '燃气', '制药', '冶金', '建材', '物流', '热电', '矿业', '食品', '纺织']
const PLACES = ['青龙河', '白石水库', '东环路', '工业园区', '老城片区', '北山林场', '南湖湿地', '高速收费站', '中心城区', '沿河村组']

const SENTENCES = [
  (r: R) => `${r.unit()}负责${r.pick(['组织', '协调', '指导', '督促'])}${r.pick(['本行业', '辖区内', '职责范围内'])}${r.pick(['隐患排查治理', '监测预警', '抢险救援', '物资调配', '信息报送'])}工作，${r.pick(['并及时向指挥部报告', '落实24小时值班制度', '做好相关保障工作'])}。`,
  (r: R) => `事发后${r.num(10, 60)}分钟内，${r.unit()}应向${r.pick(['指挥部办公室', '上级应急管理部门', '本级人民政府'])}电话报告，${r.num(1, 3)}小时内书面报告。`,
  (r: R) => `当${r.place()}${r.pick(['水位超过警戒水位', '出现重大险情', '发生人员被困', '出现较大面积停电', '发生危险化学品泄漏'])}${r.num(1, 5)}处以上时，启动${r.level()}级应急响应。`,
  (r: R) => `${r.pick(['指挥部', '现场指挥部', '专家组', '办公室'])}根据${r.pick(['事件性质', '危害程度', '影响范围', '发展态势'])}，${r.pick(['研究提出处置建议', '调整响应级别', '组织会商研判', '统一调度救援力量'])}。`,
  (r: R) => `${r.place()}周边设置警戒区域${r.num(100, 900)}米，疏散群众约${r.num(50, 3000)}人，安置点${r.num(2, 12)}处。`,
  (r: R) => `全市储备${r.pick(['冲锋舟', '救生衣', '发电机组', '帐篷', '排水泵', '防化服'])}${r.num(20, 800)}${r.pick(['艘', '件', '台', '顶', '套'])}，由${r.unit()}负责日常管理和调拨。`,
  (r: R) => `${r.pick(['预警信息', '响应信息', '处置进展'])}通过${r.pick(['广播电视', '短信平台', '政务新媒体', '村村响大喇叭'])}向社会发布，发布时限不超过${r.num(1, 6)}小时。`,
  (r: R) => `${r.unit()}组建${r.pick(['专业救援队', '应急抢险队', '医疗救护队', '通信保障队'])}${r.num(1, 9)}支，共${r.num(30, 600)}人，实行${r.pick(['24小时备勤', '分片包干', '轮班值守'])}。`,
  (r: R) => `应急处置结束后，${r.unit()}会同有关部门在${r.num(7, 30)}日内完成调查评估，形成总结报告报${r.pick(['本级人民政府', '指挥部', '上级主管部门'])}。`,
  (r: R) => `本预案每${r.num(2, 3)}年至少组织一次演练，演练结束后${r.num(10, 30)}个工作日内完成评估，发现问题及时修订。`,
  (r: R) => `${r.pick(['蓝色', '黄色', '橙色', '红色'])}预警由${r.unit()}发布，${r.pick(['有关部门进入戒备状态', '各成员单位加强值守', '相关人员停止户外作业', '学校停课'])}。`,
  (r: R) => `${r.place()}第${r.num(1, 30)}号${r.pick(['监测点', '雨量站', '视频监控点', '气体检测仪'])}数据异常时，值班人员应在${r.num(5, 30)}分钟内核实并上报。`,
]

interface R {
  pick<T>(xs: T[]): T
  num(a: number, b: number): number
  unit(): string
  place(): string
  level(): string
}

function prng(seed: number, unitNames: string[]): R {
  const next = rng(seed)
  return {
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    num: (a, b) => a + Math.floor(next() * (b - a + 1)),
    unit: () => unitNames[Math.floor(next() * unitNames.length)],
    place: () => PLACES[Math.floor(next() * PLACES.length)],
    level: () => ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][Math.floor(next() * 4)],
  }
}

const GOV_SECTIONS: [string, string[]][] = [
  ['总则', ['编制目的', '编制依据', '适用范围', '工作原则', '事件分级']],
  ['组织指挥体系', ['指挥机构', '办公室', '成员单位职责', '专家组']],
  ['监测预警', ['风险防控', '监测', '预警分级与发布', '信息报告']],
  ['应急响应', ['分级响应', '先期处置', '响应启动', '处置措施', '信息发布', '响应结束']],
  ['后期处置', ['善后处置', '调查评估', '恢复重建']],
  ['应急保障', ['队伍保障', '物资装备保障', '资金保障', '通信保障']],
  ['预案管理', ['宣传培训', '预案演练', '评估修订']],
]
const ENT_SECTIONS: [string, string[]][] = [
  ['总则', ['适用范围', '响应分级']],
  ['应急组织机构及职责', ['应急领导小组', '现场处置组']],
  ['应急响应', ['信息报告', '预警', '响应启动', '应急处置', '响应终止']],
  ['后期处置', ['污染物处理', '生产秩序恢复']],
  ['应急保障', ['通信与信息保障', '应急队伍保障', '物资装备保障']],
]
const ENT_SPECIAL_SECTIONS: [string, string[]][] = [
  ['适用范围', ['事故类型', '危险性分析']],
  ['组织机构及职责', ['应急指挥小组', '现场处置组']],
  ['响应启动', ['信息报告', '响应分级']],
  ['处置措施', ['先期处置', '火灾扑救', '人员疏散']],
  ['应急保障', ['物资装备保障', '通信保障']],
]
const ONSITE_SECTIONS: [string, string[]][] = [
  ['事故风险描述', ['危险性分析', '事故特征']],
  ['应急工作职责', ['现场负责人', '岗位人员']],
  ['应急处置', ['报告程序', '处置措施']],
  ['注意事项', ['个体防护', '器材使用']],
]

function sectionsOf(type: string): [string, string[]][] {
  if (type === 'enterprise-comprehensive') return ENT_SECTIONS
  if (type === 'enterprise-special') return ENT_SPECIAL_SECTIONS
  if (type === 'onsite') return ONSITE_SECTIONS
  return GOV_SECTIONS
}
const NUMS = '一二三四五六七八九十'

/** How the chapters are numbered: offices write 一、 or 第一章 or 1, and the sections （一） or 1.1. */
const HOUSE_STYLES = [
  { chapter: (i: number, name: string) => `${NUMS[i]}、${name}`, section: (_i: number, j: number, name: string) => `（${NUMS[j]}）${name}` },
  { chapter: (i: number, name: string) => `第${NUMS[i]}章 ${name}`, section: (_i: number, j: number, name: string) => `第${NUMS[j]}节 ${name}` },
  { chapter: (i: number, name: string) => `${i + 1} ${name}`, section: (i: number, j: number, name: string) => `${i + 1}.${j + 1} ${name}` },
]

const TEAMS = ['专业救援队', '应急抢险队', '医疗救护队', '通信保障队', '民兵应急分队', '志愿者服务队']
const SUPPLIES = ['冲锋舟', '救生衣', '发电机组', '帐篷', '排水泵', '防化服', '照明灯塔', '应急通信车']
const RISKS = ['危险化学品储罐区', '尾矿库', '城市燃气管网', '地质灾害隐患点', '人员密集场所', '跨河桥梁']

/** One block of plan text as real plans write it: paragraphs, numbered and bulleted lists, bold labels, tables, links. */
function block(r: R, kind: number, sentences: number, title: string): string {
  const some = (n: number) => Array.from({ length: n }, () => r.pick(SENTENCES)(r))
  switch (kind) {
    case 0:
      return some(sentences).map((s, k) => `${k + 1}. ${s}`).join('\n')
    case 1:
      return some(sentences).map((s) => `- **${r.pick(['主要职责', '工作要求', '处置要点', '报告程序', '保障措施'])}**：${s}`).join('\n')
    case 2: {
      const rows = Array.from({ length: Math.max(2, sentences) }, () => {
        const what = r.pick([0, 1, 2])
        if (what === 0) return `| ${r.pick(TEAMS)} | ${r.unit()} | ${r.num(10, 300)} 人 | ${r.place()} |`
        if (what === 1) return `| ${r.pick(SUPPLIES)} | ${r.unit()} | ${r.num(5, 500)} | ${r.place()} |`
        return `| ${r.pick(RISKS)} | ${r.unit()} | ${r.pick(['一级', '二级', '三级'])} | ${r.place()} |`
      })
      return ['| 名称 | 负责单位 | 规模 | 位置 |', '| --- | --- | ---: | --- |', ...rows].join('\n')
    }
    case 3:
      return `${some(Math.max(1, sentences - 1)).join('')}按[本预案](#${slug(title)})总则执行，并参阅*${r.pick(['应急联系表', '物资储备清单', '队伍名册'])}*。`
    // The constructs below are what many offices write too, and what the fast Markdown path leaves to
    // remark: nested lists, items that run onto a second line, quoted notes, hard line breaks.
    case 5:
      return some(Math.max(1, sentences - 1)).map((s, k) => `${k + 1}. **${r.pick(['主要职责', '工作要求', '处置要点'])}**\n   - ${s}\n   - ${r.pick(SENTENCES)(r)}`).join('\n')
    case 6:
      return some(sentences).map((s, k) => `${k + 1}. ${s}\n   ${r.pick(SENTENCES)(r)}`).join('\n')
    case 7:
      return `> **注**：${some(Math.max(1, sentences - 1)).join('\n> ')}`
    case 8:
      return some(sentences).join('  \n')
    default:
      return some(sentences).join('')
  }
}

function body(title: string, sections: [string, string[]][], r: R, targetBytes: number, style: (typeof HOUSE_STYLES)[number], plain: boolean, rich: boolean): string {
  const out = [`# ${title}`, '']
  // A generated sentence is ~45 CJK characters, ~135 bytes of UTF-8.
  const perSub = Math.max(1, Math.round(targetBytes / sections.reduce((n, [, subs]) => n + subs.length, 0) / 135))
  sections.forEach(([name, subs], i) => {
    out.push(`## ${plain ? `${NUMS[i]}、${name}` : style.chapter(i, name)}`, '')
    subs.forEach((sub, j) => {
      out.push(`### ${plain ? `（${NUMS[j]}）${sub}` : style.section(i, j, sub)}`, '')
      if (plain) {
        const para: string[] = []
        for (let k = 0; k < perSub; k++) para.push(r.pick(SENTENCES)(r))
        out.push(para.join(''), '')
        return
      }
      // Half of the text in paragraphs, the rest in lists, tables and paragraphs with links: like real plans.
      let left = perSub
      while (left > 0) {
        const n = Math.min(left, r.num(2, 4))
        const kind = r.pick(rich ? [4, 4, 4, 0, 1, 2, 3, 5, 6, 7, 8] : [4, 4, 4, 0, 1, 2, 3])
        out.push(block(r, kind, n, title), '')
        left -= n
      }
    })
  })
  return out.join('\n')
}

interface PlanSpec {
  id: string
  folder: string
  title: string
  type: string
  jurisdiction: string
  issuer: string
  lead?: string
  hazards?: string[]
  categories: string[]
  parents: string[]
  units: { unit: string; name: string }[]
  /** Publication date: a plan is published after the plans above it, so no parent is newer (stale-parent). */
  published: string
}

/** YYYY-MM-DD `days` after `iso`. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function yamlList(xs: string[]): string {
  return `[${xs.join(', ')}]`
}

function frontmatter(p: PlanSpec, r: R): string {
  const lines = ['---', `id: ${p.id}`, `title: ${p.title}`, `type: ${p.type}`, `jurisdiction: ${p.jurisdiction}`, `category: ${yamlList(p.categories)}`]
  if (p.hazards) lines.push(`hazards: ${yamlList(p.hazards)}`)
  lines.push(`issuer: ${p.issuer}`)
  if (p.lead) lines.push(`lead_unit: ${p.lead}`)
  lines.push('units:')
  for (const u of p.units) {
    lines.push(`  - unit: ${u.unit}`, `    role: ${u.unit === p.lead ? 'lead' : 'member'}`, '    duties:')
    for (let i = 0; i < 2; i++) lines.push(`      - ${r.pick(['组织', '负责', '协调', '做好'])}${r.pick(['隐患排查', '监测预警', '抢险救援', '物资保障', '信息报送', '医疗救治', '治安维护', '交通管制'])}${r.pick(['工作', '相关工作', '和处置'])}`)
  }
  lines.push('parents:', ...(p.parents.length ? p.parents.map((id) => `  - plan: ${id}`) : ['  - external: 示例省突发事件总体应急预案', '    issuer: 示例省人民政府']))
  // Filed two weeks after publication (within the 20 working days), reviewed when published.
  lines.push('status: published', `version: ${p.published.slice(0, 4)}版`, 'dates:', `  drafted: ${addDays(p.published, -90)}`, `  expert_review: ${addDays(p.published, -45)}`, `  approved: ${addDays(p.published, -10)}`, `  published: ${p.published}`, `  filed: ${addDays(p.published, 14)}`, `  last_reviewed: ${p.published}`)
  lines.push('response_levels:')
  for (const level of ['I', 'II', 'III', 'IV']) lines.push(`  - level: ${level}`, `    trigger: ${r.pick(['造成', '可能造成'])}${r.num(1, 30)}人以上死亡或${r.num(10, 100)}人以上重伤`, `    commander: ${r.pick(['市长', '分管副市长', '县长', '指挥部总指挥', '应急管理局局长'])}`)
  lines.push(`classification: ${r.pick(['internal', 'internal', 'public'])}`, '---', '')
  return lines.join('\n')
}

/** A Poisson-distributed count (Knuth), so most plans have some findings and a few have many or none. */
function poisson(next: () => number, mean: number): number {
  const limit = Math.exp(-mean)
  let k = 0
  let p = next()
  while (p > limit) {
    k++
    p *= next()
  }
  return k
}

/**
 * The defects a first lint of a real library finds, each planted so that it gives one finding: unit mentions
 * not declared, placeholders, dead links, an empty section, lifecycle gaps (not filed, no expert review, an
 * old review date), linkage (an unknown parent), a level without commander, raw HTML.
 */
const DEFECTS: ((text: string, p: PlanSpec, r: R) => string)[] = [
  (t, p) => t.replace(/\n\n(?=[^#|\-\d\n])/, `\n\n${/^county\d+/.test(p.jurisdiction) ? `第${p.jurisdiction.match(/^county(\d+)/)![1]}县` : '样本市'}民政局负责受灾群众基本生活救助工作。`),
  (t, _p, r) => t.replace(/\n\n(?=[^#|\-\d\n][^\n]{20})/, `\n\n本预案由XX部门负责解释，共储备物资${r.num(10, 90)}件。`),
  (t, _p, r) => t.replace(/(\n## [^\n]+\n\n)/, `$1应急联系人见[附件${r.num(6, 9)}](./attachments/联系表${r.num(1, 99)}.md)。\n\n`),
  (t) => t.replace(/(\n### [^\n]+\n\n)([^#]*?)(?=\n### )/, '$1'),
  (t) => t.replace(/\n  filed: [0-9-]+/, ''),
  (t) => t.replace(/\n  expert_review: [0-9-]+/, ''),
  (t) => t.replace(/\n  last_reviewed: [0-9-]+/, '').replace(/\n  published: 20\d\d/, '\n  published: 2021'),
  (t) => t.replace(/\n  - plan: ([a-z0-9-]+)/, '\n  - plan: $1-old'),
  (t) => t.replace(/\n    commander: [^\n]+/, ''),
  (t) => t.replace(/\n\n(?=[^#|\-\d\n][^\n]{20})/, '\n\n<br>\n\n'),
]

/**
 * Defects that a plan can have several of (a real plan with one placeholder often has five): each further
 * one is planted at another paragraph or chapter, so each gives one more finding.
 */
const REPEATABLE: ((text: string, p: PlanSpec, r: R) => string)[] = [
  (t, p, r) => atNth(t, /\n\n(?=[^#|\-\d>\n][^\n]{20})/g, r, `\n\n${/^county\d+/.test(p.jurisdiction) ? `第${p.jurisdiction.match(/^county(\d+)/)![1]}县` : '样本市'}${r.pick(['民政局', '财政局', '教育局', '农业农村局', '生态环境局'])}负责${r.pick(['受灾群众基本生活救助', '应急资金保障', '学校停课和师生疏散', '农业生产恢复', '环境监测'])}工作。`),
  (t, _p, r) => atNth(t, /\n\n(?=[^#|\-\d>\n][^\n]{20})/g, r, `\n\n${r.pick(['本预案由XX部门负责解释。', '联系电话：XXXX-XXXXXXX。', '具体数量待定（TODO）。', '××单位负责现场警戒。'])}`),
  (t, _p, r) => atNth(t, /(?<=\n## [^\n]+\n)\n/g, r, `\n应急联系人见[附件${r.num(6, 9)}](./attachments/联系表${r.num(1, 99)}.md)。\n\n`),
]

/** `text` with the n-th match of `pattern` (n random) replaced by `insert`; unchanged when nothing matches. */
function atNth(text: string, pattern: RegExp, r: R, insert: string): string {
  const matches = [...text.matchAll(pattern)]
  if (matches.length === 0) return text
  const m = matches[r.num(0, matches.length - 1)]
  return text.slice(0, m.index) + insert + text.slice(m.index + m[0].length)
}

function plantDefects(text: string, p: PlanSpec, r: R, count: number): string {
  let out = text
  const order = [...DEFECTS.keys()].sort(() => r.num(0, 2) - 1)
  for (const k of order.slice(0, count)) out = DEFECTS[k](out, p, r)
  for (let k = DEFECTS.length; k < count; k++) out = REPEATABLE[k % REPEATABLE.length](out, p, r)
  return out
}

export interface GeneratedLibrary {
  root: string
  plans: number
  bytes: number
  drills: number
}

export interface GenerateOptions {
  /**
   * 'realistic' (default): bodies with lists, tables, bold labels and links in three numbering styles, and
   * defects planted so that a first lint finds about `findingsPerPlan` findings per plan. 'plain': the
   * earlier corpus of plain paragraphs with a few gaps per hundred plans (kept as a labelled extra row).
   */
  corpus?: 'realistic' | 'plain'
  findingsPerPlan?: number
}

export function generateLibrary(root: string, count: number, seed = 20261122, options: GenerateOptions = {}): GeneratedLibrary {
  const plain = options.corpus === 'plain'
  const findingsPerPlan = options.findingsPerPlan ?? 4
  const r0 = rng(seed)
  const units: string[] = []
  const unitNames: string[] = []
  const plans: PlanSpec[] = []
  const unit = (id: string, name: string, kind: string, parent: string | undefined, extra = '') => {
    units.push(`  - { id: ${id}, name: ${name}, kind: ${kind}${parent ? `, parent: ${parent}` : ''}${extra} }`)
    unitNames.push(name)
  }
  const counties = Math.max(2, Math.round(count / 500))
  const townshipsPer = Math.max(2, Math.round(count / counties / 20))
  unit('city', '样本市', 'jurisdiction', undefined, ', level: city')
  unit('city-gov', '样本市人民政府', 'government', 'city')
  for (const [key, name] of DEPTS) unit(`city-${key}`, `样本市${name}`, 'department', 'city', `, aliases: [市${name}]`)
  // Published level by level (city 2024 H1, counties 2024 H2, townships and enterprises 2025), so that a
  // parent is never newer than its children and no plan is due for review on the bench's "today".
  const day = (from: string, spread: number) => addDays(from, plans.length % spread)
  const push = (p: Omit<PlanSpec, 'published'>, published: string) => plans.length < count && plans.push({ ...p, published })
  const deptUnits = (prefix: string, prefixName: string) => DEPTS.slice(0, 8).map(([key, name]) => ({ unit: `${prefix}-${key}`, name: `${prefixName}${name}` }))

  const government = (prefix: string, name: string, parentOverall: string | undefined, parentPrefix: string | undefined) => {
    const start = parentOverall ? '2024-07-01' : '2024-01-10'
    push({ id: `${prefix}-overall`, folder: prefix, title: `${name}突发事件总体应急预案`, type: 'overall', jurisdiction: prefix, issuer: `${prefix}-gov`, categories: ['natural', 'accident', 'public-health', 'social-security'], parents: parentOverall ? [parentOverall] : [], units: deptUnits(prefix, name) }, start)
    for (const [hazard, hname, category, lead] of HAZARDS) {
      push({ id: `${prefix}-${hazard}`, folder: `${prefix}/special`, title: `${name}${hname}应急预案`, type: 'special', jurisdiction: prefix, issuer: `${prefix}-gov`, lead: `${prefix}-${lead}`, hazards: [hazard], categories: [category], parents: [`${prefix}-overall`, ...(parentPrefix ? [`${parentPrefix}-${hazard}`] : [])], units: deptUnits(prefix, name) }, day(addDays(start, 30), 120))
    }
  }

  government('city', '样本市', undefined, undefined)
  for (let c = 1; c <= counties; c++) {
    const id = `county${c}`
    const name = `第${c}县`
    unit(id, name, 'jurisdiction', 'city', ', level: county')
    unit(`${id}-gov`, `${name}人民政府`, 'government', id)
    for (const [key, dname] of DEPTS) unit(`${id}-${key}`, `${name}${dname}`, 'department', id)
    government(id, name, 'city-overall', 'city')
    for (let t = 1; t <= townshipsPer; t++) {
      const tid = `${id}-t${t}`
      const tname = `${name}第${t}镇`
      unit(tid, tname, 'jurisdiction', id, ', level: township')
      unit(`${tid}-gov`, `${tname}人民政府`, 'township', tid)
      push({ id: `${tid}-overall`, folder: `${id}/townships`, title: `${tname}突发事件总体应急预案`, type: 'overall', jurisdiction: tid, issuer: `${tid}-gov`, categories: ['natural', 'accident', 'public-health', 'social-security'], parents: [`${id}-overall`], units: [{ unit: `${tid}-gov`, name: `${tname}人民政府` }] }, day('2025-01-05', 90))
    }
  }
  let e = 0
  while (plans.length < count) {
    e++
    const county = `county${1 + (e % counties)}`
    const eid = `ent${e}`
    const ename = `样本${SURNAMES[e % SURNAMES.length]}${SURNAMES[(e * 7) % SURNAMES.length]}${INDUSTRY[e % INDUSTRY.length]}有限公司${e}`
    unit(eid, ename, 'enterprise', county, e % 5 === 0 ? ', high_risk: true' : '')
    const me = [{ unit: eid, name: ename }]
    push({ id: `${eid}-comprehensive`, folder: `enterprises/${county}`, title: `${ename}生产安全事故综合应急预案`, type: 'enterprise-comprehensive', jurisdiction: eid, issuer: eid, lead: eid, hazards: ['production-safety'], categories: ['accident'], parents: [`${county}-production-safety`], units: me }, day('2025-03-01', 100))
    push({ id: `${eid}-special`, folder: `enterprises/${county}`, title: `${ename}火灾事故专项应急预案`, type: 'enterprise-special', jurisdiction: eid, issuer: eid, lead: eid, hazards: ['fire'], categories: ['accident'], parents: [`${eid}-comprehensive`], units: me }, day('2025-07-01', 100))
    push({ id: `${eid}-onsite`, folder: `enterprises/${county}`, title: `${ename}配电室火灾现场处置方案`, type: 'onsite', jurisdiction: eid, issuer: eid, hazards: ['fire'], categories: ['accident'], parents: [`${eid}-comprehensive`], units: me }, day('2025-07-01', 100))
  }

  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'units.yaml'), `units:\n${units.join('\n')}\n`)
  writeFileSync(join(root, 'library.yaml'), 'name: 样本市应急预案库（基准测试）\nlocale: zh-CN\n')
  let bytes = 0
  mkdirSync(join(root, 'drills'), { recursive: true })
  let drills = 0
  plans.forEach((p, i) => {
    // The text gives work to the units the frontmatter lists, as a plan should.
    const r = prng(seed + i, p.units.map((u) => u.name))
    const target = 6000 + Math.floor(r0() * 4000)
    // About one office in seven writes nested lists, run-on items and quoted notes (see block()).
    const rich = !plain && r0() < 0.15
    let text = frontmatter(p, r) + body(p.title, sectionsOf(p.type), r, target, HOUSE_STYLES[i % HOUSE_STYLES.length], plain, rich)
    if (plain) {
      // A few realistic gaps per hundred plans: a placeholder, a unit given work but not listed in units,
      // an urgent report without a time limit, a link to an annex that is not there, a plan not filed.
      if (i % 97 === 5) text = text.replace('编制目的', '编制目的（XX年修订）')
      if (i % 41 === 9) text = text.replace('\n## ', `\n样本市民政局负责受灾群众基本生活救助工作。\n\n## `)
      if (i % 31 === 6) text = text.replace(/信息报告\n\n/, (h) => `${h}发现险情后，值班人员应立即向单位负责人报告。`)
      if (i % 43 === 2) text = text.replace('\n## ', `\n应急联系人见[附件1](./attachments/应急联系表.md)。\n\n## `)
      if (i % 37 === 4) text = text.replace(/\n  filed: [0-9-]+/, '')
    } else text = plantDefects(text, p, r, poisson(r0, findingsPerPlan))
    mkdirSync(join(root, p.folder), { recursive: true })
    writeFileSync(join(root, p.folder, `${p.id}.md`), text)
    bytes += Buffer.byteLength(text)
    // One drill in the last half-year for every plan that has a drill interval shorter than its age
    // (all but the overall plans); every 53rd is missing.
    if (p.type === 'overall' || i % 53 === 17 || (!plain && r0() < findingsPerPlan / 40)) return
    const date = addDays('2026-06-01', (i * 7) % 150)
    drills++
    writeFileSync(
      join(root, 'drills', `${date}-${p.id}.md`),
      `---\nid: drill-${date}-${p.id}\nplan: ${p.id}\ndate: ${date}\nkind: tabletop\nscenario: 模拟${p.title}情景\norganizer: ${p.issuer}\nevaluators: [张三, 李四]\nchecklist:\n  - { ref: c-001, text: 接报后按时限报告, points: 5, critical: true, rating: met, awarded: 5 }\n  - { ref: c-002, text: 指挥部及时启动响应, points: 5, critical: false, rating: partial, awarded: 2.5 }\nscore: 75\ngrade: 合格\nfindings: []\n---\n# 演练评估报告\n\n## 演练概况\n\n桌面推演。\n`,
    )
  })
  return { root, plans: plans.length, bytes, drills }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n, corpus, findings] = process.argv.slice(2)
  if (!dir || !n) {
    console.error('usage: node scripts/bench/generate.ts DIR COUNT [realistic|plain] [FINDINGS_PER_PLAN]')
    process.exit(2)
  }
  const g = generateLibrary(dir, Number(n), undefined, { corpus: corpus === 'plain' ? 'plain' : 'realistic', findingsPerPlan: findings ? Number(findings) : undefined })
  console.log(`${g.plans} plans, ${g.drills} drill records, ${(g.bytes / 1e6).toFixed(1)} MB → ${g.root}`)
}
