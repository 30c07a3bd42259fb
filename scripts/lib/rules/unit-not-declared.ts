import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'
import type { UnitRegistry } from '../model/units.ts'
import { unitMatcher, nameKind, type UnitMention, bodyMentions } from '../text/unit-mentions.ts'
import { eachNode } from '../text/plan-text.ts'
import { toString } from 'mdast-util-to-string'
import type { Root, Table } from 'mdast'

type D = { text: string; name: string; id: string; others?: string }
const m = message<D>

/**
 * What a word right before a unit name makes of it: the one reported to, asked, cited or led by
 * (向市政府报告, 报市应急局, 经市政府批准, 根据市气象局预警, 在市防指领导下, 按市应急局要求, 接市气象局通知,
 * 从市水利局调用, 对市政府负责), not a unit this plan gives work to.
 */
const NOT_ASSIGNED_AFTER = /(?:向|报|告|送|请|经|受|据|给|抄|致|对|在|按|照|接|从)$/
/** Words that join names into one list (市水利局、市气象局), which share the role of the first. */
const LIST_JOINER = /^(?:[、和及与或]|以及|[\s*_]+)+$/
/** Markdown emphasis and spaces between a word and the name after it. */
const SYNTAX = /[\s*_~`[\]]/g

/** Units the plan's own frontmatter names: issuer, lead unit, responsible units and the owner itself. */
function declared(plan: Plan): Set<string> {
  const ids = new Set([plan.data.issuer, plan.data.jurisdiction, ...plan.data.units.map((u) => u.unit)])
  if (plan.data.lead_unit) ids.add(plan.data.lead_unit)
  return ids
}

/**
 * Units never listed in a plan's `units` even when named: jurisdictions (本市, 示例市), dissolved units
 * (dissolved-unit reports them), and the governments of the plan's jurisdiction and of those above it,
 * which direct the plan rather than take duties in it.
 */
function exempt(unitId: string, plan: Plan, units: UnitRegistry): boolean {
  const unit = units.get(unitId)
  if (!unit || unit.kind === 'jurisdiction' || unit.status === 'dissolved') return true
  if (unit.kind !== 'government' && unit.kind !== 'township') return false
  const own = units.jurisdictionOf(plan.data.jurisdiction)
  const governed = units.jurisdictionOf(unitId)
  if (!own || !governed) return false
  return governed.id === own.id || units.ancestors(own.id).some((a) => a.id === governed.id)
}

/** True when the name sits in a document title 《…》: a citation, not a unit at work. */
function inBookTitle(text: string, at: number): boolean {
  // Back from the name to the nearest 《, 》 or line break (searching the whole text for 《 made this
  // rule cost as much as the unit matcher): inside a title only when 《 comes first.
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i)
    if (c === 0x300a /* 《 */) return true
    if (c === 0x300b /* 》 */ || c === 0x0a) return false
  }
  return false
}

/**
 * Column headings of tables that list things rather than give work: risk sources, rescue teams, supplies
 * and equipment, shelters, contacts. A unit there owns, keeps or answers for the thing listed.
 */
const LISTING_HEADER = /风险|危险源|隐患|队伍|物资|装备|器材|储备|仓库|避难|安置点|场所|通讯录|联系|电话|手机|值班|数量|规模|人数|地址|位置|坐标/
/** Column headings of tables that give work: 职责, 任务, 牵头/责任单位. */
const DUTY_HEADER = /职责|任务|分工|负责|牵头|承担|责任单位|主办|协办|配合|工作内容|处置措施|响应措施/

/**
 * File ranges of the tables whose units are not given work: tables of risk sources, teams and supplies
 * (LISTING_HEADER in the heading row), and tables whose heading row names no duty at all.
 */
export function listingTables(tree: Root, text?: string): [number, number][] {
  const ranges: [number, number][] = []
  // No pipe, no GFM table: most plans are prose only.
  if (text !== undefined && !text.includes('|')) return ranges
  eachNode(tree as unknown as { type: string; children?: never[] }, (node) => {
    const n = node as unknown as { type: string }
    if (n.type !== 'table') return
    const table = n as unknown as Table
    const start = table.position?.start.offset
    const end = table.position?.end.offset
    if (start === undefined || end === undefined) return false
    const header = table.children[0] ? toString(table.children[0]) : ''
    if (LISTING_HEADER.test(header) || !DUTY_HEADER.test(header)) ranges.push([start, end])
    return false
  })
  return ranges
}

/**
 * Whether each mention is given work: false after 向/报/经/根据…, in a document title, in a table of
 * risk sources, teams or supplies; inherited along a list 、和及与 (市交通运输局与市气象局、市自然资源局建立
 * 信息共享机制 gives work to all three).
 */
export function assignedMentions(plan: Plan, mentions: UnitMention[]): boolean[] {
  const text = plan.text
  const out: boolean[] = []
  const tables = mentions.length ? listingTables(plan.tree, plan.text) : []
  mentions.forEach((mention, i) => {
    if (tables.some(([s, e]) => mention.start >= s && mention.start < e)) {
      out.push(false)
      return
    }
    const prev = mentions[i - 1]
    if (prev && LIST_JOINER.test(text.slice(prev.end, mention.start))) {
      out.push(out[i - 1])
      return
    }
    const before = text.slice(Math.max(0, mention.start - 8), mention.start).replace(SYNTAX, '')
    out.push(!NOT_ASSIGNED_AFTER.test(before) && !inBookTitle(text, mention.start))
  })
  return out
}

/**
 * Names and aliases units.yaml gives to more than one unit where the plan's jurisdiction cannot tell
 * them apart: every one except level-relative aliases of units in different jurisdictions (县政府 of
 * each county is the normal way to write a registry). Each occurrence, with its YAML path.
 */
export function ambiguousNames(units: UnitRegistry): { text: string; index: number; path: (string | number)[]; others: string[] }[] {
  const byText = new Map<string, { index: number; path: (string | number)[]; id: string }[]>()
  units.units.forEach((u, index) => {
    const add = (text: unknown, path: (string | number)[]) => {
      if (typeof text !== 'string' || text.length < 2) return
      let list = byText.get(text)
      if (!list) byText.set(text, (list = []))
      if (!list.some((e) => e.id === u.id)) list.push({ index, path, id: u.id })
    }
    add(u.name, ['units', index, 'name'])
    ;(u.aliases ?? []).forEach((a, j) => add(a, ['units', index, 'aliases', j]))
  })
  const out: { text: string; index: number; path: (string | number)[]; others: string[] }[] = []
  for (const [text, list] of byText) {
    if (list.length < 2) continue
    const relative = list.every((e) => nameKind(text, units.get(e.id)!) === 'relative')
    const places = list.map((e) => units.jurisdictionOf(e.id)?.id ?? e.id)
    if (relative && new Set(places).size === places.length) continue
    for (const e of list) out.push({ text, index: e.index, path: e.path, others: list.filter((o) => o.id !== e.id).map((o) => o.id) })
  }
  return out.sort((a, b) => a.index - b.index)
}

export default defineRule({
  id: 'unit-not-declared',
  name: { zh: '单位未列入', en: 'Unit not declared' },
  family: 'responsibility',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '正文给某单位安排了工作，但前言的 units 没有列出它', en: 'The text gives work to a registered unit that the frontmatter does not list' },
    why: {
      zh: '预案必须明确组织指挥体系和各单位职责（突发事件应对法第二十八条）。正文安排了工作而前言没有列出的单位，不会出现在职责清单、演练评估表和覆盖检查里；机构改革后部门边界不清，是各地预案检查反复指出的问题。',
      en: 'A plan must name its command structure and each unit\'s duties (Emergency Response Law art. 28). A unit that the text gives work to but the frontmatter omits is missing from the duty list, the drill checklist and the coverage checks; unclear departmental boundaries after the 2018 reorganisation are a finding of plan inspections everywhere.',
    },
    fix: {
      zh: '在前言 units 中添加消息给出的单位编号，写明角色（lead/member/support）和职责；如果正文写错了单位，改正文。并列的主语都算被安排了工作（“市交通运输局与市气象局、市自然资源局建立信息共享机制”三个单位都要列出）。',
      en: 'Add the unit id the message names to units, with its role (lead/member/support) and duties; if the text names the wrong unit, fix the text. Coordinated subjects all get the work (市交通运输局与市气象局、市自然资源局建立信息共享机制: list all three).',
    },
    notReported: {
      zh: '向某单位报告、经某单位批准、根据某单位通知等（“向/报/经/根据/在…领导下/按…要求”之后的单位）；《》中的文件名；风险源、救援队伍、物资装备、避难场所、通讯录等清单表格中的单位（表头没有“职责/任务/牵头/责任单位”等字样的表格也一样）；接在更长名称后面的名称（“区县人民政府”中的“县人民政府”，“化工园区专职消防队”中的“专职消防队”，“东山县应急局”中的“县应急局”）；以“市/县/区/镇/乡”开头的相对简称指向本预案所属行政区以下的单位时（市级预案中的“县水利局”泛指各县）；不带单位字号的通用简称（如企业的“专职消防队”）在没有列出该单位的预案中；几个单位共用、按预案所属行政区无法确定的名称；行政区（本市、示例市）、已撤销的单位（见 dissolved-unit）以及本级和上级人民政府。units.yaml 中几个单位共用的名称或别名（各县都叫“县政府”这类分属不同行政区的相对简称除外）在 units.yaml 的该别名处报告，请改用能区分的别名。',
      en: 'Units reported to, approving, notifying or directing (after 向/报/经/根据/在…领导下/按…要求); names inside a document title 《…》; units in tables that list risk sources, rescue teams, supplies, shelters or contacts (and any table whose heading row names no duty such as 职责/任务/牵头/责任单位); a name that continues a longer one (县人民政府 inside 区县人民政府, 专职消防队 inside 化工园区专职消防队, 县应急局 inside 东山县应急局); a level-relative alias (starting with 市/县/区/镇/乡) of a unit below the plan\'s jurisdiction (县水利局 in a city plan means every county\'s); a generic alias without the owner\'s name (an enterprise\'s 专职消防队) in a plan that does not list that unit; a name several units share that the plan\'s jurisdiction does not decide; jurisdictions (本市, 示例市), dissolved units (see dissolved-unit) and the governments of the plan\'s jurisdiction and those above it. A name or alias units.yaml gives to several units (except level-relative aliases of units in different jurisdictions, such as every county\'s 县政府) is reported at the alias in units.yaml: give them aliases that tell them apart.',
    },
    bad: 'units:\n  - unit: shi-shuili\n    role: lead\n    duties: [组织防汛抢险]\n---\n市水利局负责组织防汛抢险，市气象局负责天气监测预报。',
    good: 'units:\n  - unit: shi-shuili\n    role: lead\n    duties: [组织防汛抢险]\n  - unit: shi-qixiang\n    role: member\n    duties: [天气监测预报]\n---\n市水利局负责组织防汛抢险，市气象局负责天气监测预报。',
  },
  messages: {
    default: m(
      (d) => `正文给“${d.text}”${d.text === d.name ? '' : `（${d.name}）`}安排了工作，但前言的责任单位（units）没有列出该单位：请添加 ${d.id}`,
      (d) => `The text gives work to "${d.text}"${d.text === d.name ? '' : ` (${d.name})`}, which the frontmatter does not list: add ${d.id} to units`,
    ),
    'ambiguous-name': m(
      (d) => `“${d.text}”也登记给了${d.others}：正文中的“${d.text}”无法确定指哪个单位，各预案检查时将其略过；请改用能区分的别名`,
      (d) => `"${d.text}" is also registered for ${d.others}: in plan text it cannot tell which unit it means, so plan checks skip it; use an alias that tells them apart`,
    ),
  },
  checkLibrary(ctx) {
    const { units, unitsFile } = ctx.library
    if (!unitsFile) return
    for (const a of ambiguousNames(units)) {
      ctx.report({ file: unitsFile, place: yamlPlace(unitsFile, a.path), messageId: 'ambiguous-name', data: { text: a.text, name: units.name(a.others[0]), id: a.others[0], others: a.others.map((id) => (ctx.locale === 'en' ? `"${units.name(id)}" (${id})` : `“${units.name(id)}”（${id}）`)).join(ctx.locale === 'en' ? ', ' : '、') } })
    }
  },
  checkPlan(plan, ctx) {
    const { units, unitsFile } = ctx.library
    const ids = declared(plan)
    const mentions = bodyMentions(plan, unitMatcher(units))
    const assigned = assignedMentions(plan, mentions)
    const reported = new Set<string>()
    mentions.forEach((mention, i) => {
      const id = mention.unitId
      if (!assigned[i] || mention.ambiguous || ids.has(id) || reported.has(id) || exempt(id, plan, units)) return
      reported.add(id)
      ctx.report({
        file: plan,
        place: plan.lines.place(mention.start, mention.end),
        data: { text: mention.text, name: units.name(id), id },
        ...(unitsFile && units.indexOf.has(id)
          ? { cause: { file: unitsFile.path, place: yamlPlace(unitsFile, ['units', units.indexOf.get(id)!, 'id']) } }
          : {}),
      })
    })
  },
})
