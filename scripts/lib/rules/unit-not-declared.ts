import { defineRule, type Message } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'
import type { UnitRegistry } from '../model/units.ts'
import { unitMatcher, type UnitMention, bodyMentions } from '../text/unit-mentions.ts'

type D = { text: string; name: string; id: string }
const m = (zh: (d: D) => string, en: (d: D) => string): Message<D> => ({ zh, en })

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

/** Whether each mention is given work: false after 向/报/经/根据…, inherited along a list 、和及与. */
export function assignedMentions(plan: Plan, mentions: UnitMention[]): boolean[] {
  const text = plan.text
  const out: boolean[] = []
  mentions.forEach((mention, i) => {
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
      zh: '预案必须明确组织指挥体系和各单位职责（突发事件应对法第二十八条，DOMAIN.md §2）。正文安排了工作而前言没有列出的单位，不会出现在职责清单、演练评估表和覆盖检查里，机构改革后部门边界不清正是年度报告反复指出的问题（DOMAIN.md §6）。',
      en: 'A plan must name its command structure and each unit\'s duties (Emergency Response Law art. 28, DOMAIN.md §2). A unit that the text gives work to but the frontmatter omits is missing from the duty list, the drill checklist and the coverage checks; unclear departmental boundaries after the 2018 reorganisation are a finding of every annual report (DOMAIN.md §6).',
    },
    fix: {
      zh: '在前言 units 中添加消息给出的单位编号，写明角色（lead/member/support）和职责；如果正文写错了单位，改正文。向某单位报告、经某单位批准、根据某单位通知等（“向/报/经/根据/在…领导下/按…要求”之后的单位）和《》中的文件名不算安排工作；行政区（本市、示例市）、已撤销的单位（见 dissolved-unit）以及本级和上级人民政府不需要列出。',
      en: 'Add the unit id the message names to units, with its role (lead/member/support) and duties; if the text names the wrong unit, fix the text. Units that are reported to, approve, notify or direct (after 向/报/经/根据/在…领导下/按…要求) and names inside a document title 《…》 are not given work; jurisdictions (本市, 示例市), dissolved units (see dissolved-unit) and the governments of the plan\'s jurisdiction and those above it need not be listed.',
    },
    bad: 'units:\n  - unit: shi-shuili\n    role: lead\n    duties: [组织防汛抢险]\n---\n市水利局负责组织防汛抢险，市气象局负责天气监测预报。',
    good: 'units:\n  - unit: shi-shuili\n    role: lead\n    duties: [组织防汛抢险]\n  - unit: shi-qixiang\n    role: member\n    duties: [天气监测预报]\n---\n市水利局负责组织防汛抢险，市气象局负责天气监测预报。',
  },
  messages: {
    default: m(
      (d) => `正文给“${d.text}”${d.text === d.name ? '' : `（${d.name}）`}安排了工作，但前言 units 没有列出该单位：请添加 ${d.id}`,
      (d) => `The text gives work to "${d.text}"${d.text === d.name ? '' : ` (${d.name})`}, which the frontmatter does not list: add ${d.id} to units`,
    ),
  },
  checkPlan(plan, ctx) {
    const { units, unitsFile } = ctx.library
    const ids = declared(plan)
    const mentions = bodyMentions(plan, unitMatcher(units))
    const assigned = assignedMentions(plan, mentions)
    const reported = new Set<string>()
    mentions.forEach((mention, i) => {
      const id = mention.unitId
      if (!assigned[i] || ids.has(id) || reported.has(id) || exempt(id, plan, units)) return
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
