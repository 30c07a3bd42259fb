import { defineRule } from './define-rule.ts'
import { yamlPlace, type Plan, type PlanType } from '../model/plan.ts'
import type { Library } from '../model/library.ts'
import { addMonths, isIsoDate, overdueSince } from '../dates.ts'
import { drillsOf, overdueText } from '../model/plan-history.ts'
import { isInForce, PLAN_TYPES } from '../model/vocabulary.ts'

type Options = { productionSafetyHazards: string[] }

type Basis = 'plan' | 'high-risk' | 'production-safety' | 'type'

/** The drill interval of a plan and where it comes from. */
export interface DrillInterval {
  months: number
  basis: Basis
  /** The high-risk unit, for basis 'high-risk'. */
  unit?: string
}

// Plans of governments, their departments and townships (生产安全事故应急条例 art. 8: 县级以上人民政府及其负有
// 安全生产监督管理职责的部门，乡镇人民政府、街道办事处), told by plan type or by the issuer's kind in units.yaml.
const GOVERNMENT_TYPES = new Set<PlanType>(['overall', 'special', 'department', 'event', 'joint'])
const GOVERNMENT_KINDS = new Set(['jurisdiction', 'government', 'department', 'township'])

function isGovernmentPlan(plan: Plan, library: Library): boolean {
  if (GOVERNMENT_TYPES.has(plan.data.type)) return true
  const kind = library.units.get(plan.data.issuer)?.kind
  return kind !== undefined && GOVERNMENT_KINDS.has(kind)
}

/**
 * The plan's own drill.interval_months wins. Otherwise the shortest interval the library's policy gives it:
 * the plan type's (drill.by_type), a high-risk owner's (drill.high_risk_months, units.yaml high_risk on the
 * plan's jurisdiction or issuer), a government or township production-safety plan's
 * (drill.production_safety_months). Each of these is a maximum in the regulations, so the strictest holds;
 * with the defaults this is the same as high-risk before production-safety before type.
 */
export function drillInterval(plan: Plan, library: Library, productionSafetyHazards: readonly string[]): DrillInterval {
  const own = plan.data.drill?.interval_months
  if (typeof own === 'number') return { months: own, basis: 'plan' }
  const { drill } = library.settings
  const candidates: DrillInterval[] = []
  const highRisk = [plan.data.jurisdiction, plan.data.issuer].find((id) => library.units.get(id)?.high_risk === true)
  if (highRisk) candidates.push({ months: drill.high_risk_months, basis: 'high-risk', unit: highRisk })
  if (isGovernmentPlan(plan, library) && (plan.data.hazards ?? []).some((h) => productionSafetyHazards.includes(h)))
    candidates.push({ months: drill.production_safety_months, basis: 'production-safety' })
  const byType = (drill.by_type as Partial<Record<PlanType, number>>)[plan.data.type]
  if (typeof byType === 'number') candidates.push({ months: byType, basis: 'type' })
  // Stable on ties: the more specific basis (listed first) is named.
  return candidates.reduce((best, c) => (c.months < best.months ? c : best), candidates[0] ?? { months: 36, basis: 'type' })
}

type D = {
  last?: string
  record?: string
  since?: string
  sinceKey?: 'published' | 'approved'
  months: number
  basis: Basis
  unit?: string
  type: PlanType
  due: string
  overMonths: number
  overDays: number
}

const basisZh = (d: D) =>
  d.basis === 'plan'
    ? '本预案 drill.interval_months'
    : d.basis === 'high-risk'
      ? `高风险单位“${d.unit}”`
      : d.basis === 'production-safety'
        ? '政府及乡镇生产安全事故预案'
        : PLAN_TYPES[d.type].zh
const basisEn = (d: D) =>
  d.basis === 'plan'
    ? "the plan's drill.interval_months"
    : d.basis === 'high-risk'
      ? `high-risk unit "${d.unit}"`
      : d.basis === 'production-safety'
        ? 'government and township production-safety plans'
        : `${PLAN_TYPES[d.type].en}s`

export default defineRule({
  id: 'drill-overdue',
  name: { zh: '演练逾期', en: 'Drill overdue' },
  family: 'lifecycle',
  severity: 'warn',
  options: { productionSafetyHazards: ['production-safety'] } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      productionSafetyHazards: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  docs: {
    summary: { zh: '预案超过演练周期没有演练记录', en: 'A plan has no drill record within its drill interval' },
    why: {
      zh: '演练是检验预案可操作性的唯一办法。专项和部门预案至少每 3 年演练一次（原国办发〔2013〕101号第二十二条，《突发事件应急预案管理办法》国办发〔2024〕5号保留）；县级以上政府及其部门、乡镇和街道的生产安全事故预案至少每 2 年一次（《生产安全事故应急条例》第八条）；企业综合、专项预案每年至少一次，现场处置方案每半年至少一次（应急管理部令第2号第三十三条）；易燃易爆、危化品、矿山、建筑施工等高危单位每半年至少一次（条例第八条）。上述规定只写了专项和部门预案，其他政府预案 Yuanku 默认同为 3 年。详见 docs/regulations.md#drill-intervals。',
      en: 'Drills are the only test of whether a plan works. Special and department plans must be drilled at least every 3 years (formerly 国办发〔2013〕101号 art. 22, kept by 国办发〔2024〕5号); production-safety plans of governments, their departments and townships every 2 years (生产安全事故应急条例 art. 8); enterprise comprehensive and special plans every year, on-site procedures every half-year (MEM Order No. 2 art. 33); every plan of a high-risk unit every half-year (条例 art. 8). Those provisions name special and department plans only; Yuanku gives the other government plans the same 3 years by default. See docs/regulations.md#drill-intervals.',
    },
    notReported: {
      zh: '草案、征求意见稿、已替代和已废止的预案不报告；周期内有演练记录（plans/drills/ 中 plan 写本预案编号）的不报告；从未演练的预案从发布日期起算，未满周期不报告。',
      en: 'Drafts, plans in review, superseded and retired plans are not reported, nor plans with a drill record within the interval; a plan never drilled is counted from its publication date.',
    },
    fix: {
      zh: '组织演练，并把演练记录（评估表页面导出的 Markdown）提交到 plans/drills/，其中 plan 写本预案编号。周期：预案前言 drill.interval_months 优先；否则取 library.yaml 中适用的最短周期——drill.by_type（按类型）、drill.high_risk_months（units.yaml 中 high_risk: true 的行政区或编制单位）、drill.production_safety_months（政府、部门和乡镇的生产安全事故预案）。从未演练的预案从发布日期起算。',
      en: "Hold a drill and commit its record (the Markdown the checklist page exports) to plans/drills/ with plan set to this plan's id. Interval: the plan's drill.interval_months first; otherwise the shortest that applies in library.yaml — drill.by_type, drill.high_risk_months (jurisdiction or issuer marked high_risk: true in units.yaml), drill.production_safety_months (production-safety plans of governments, departments and townships). A plan never drilled counts from its publication date.",
    },
    options: {
      zh: 'productionSafetyHazards：算作生产安全事故预案的事件种类（默认只有 production-safety；可加入 hazmat、mine、construction 等）。',
      en: 'productionSafetyHazards: hazards that make a plan a production-safety plan (default only production-safety; add hazmat, mine, construction… as the library sees fit).',
    },
    bad: '# plans/enterprise/huayu/huayu-onsite-guanqu.md（高风险单位，每半年演练）\nid: huayu-onsite-guanqu\nstatus: published\n\n# plans/drills/ 中最近一次：2025-09-12',
    good: '# plans/drills/2026-06-18-huayu-onsite-guanqu.md\nid: drill-2026-06-18-huayu-guanqu\nplan: huayu-onsite-guanqu\ndate: 2026-06-18\nkind: functional',
  },
  messages: {
    default: {
      zh: (d: D) =>
        `最近一次演练为 ${d.last}（${d.record}），演练周期 ${d.months} 个月（${basisZh(d)}），应在 ${d.due} 前再次演练，已超期 ${overdueText.zh(d.overMonths, d.overDays)}`,
      en: (d: D) =>
        `Last drilled on ${d.last} (${d.record}); the drill interval is ${d.months} months (${basisEn(d)}), so a drill was due by ${d.due}; ${overdueText.en(d.overMonths, d.overDays)} overdue`,
    },
    never: {
      zh: (d: D) =>
        `自 ${d.since} ${d.sinceKey === 'approved' ? '审批' : '发布'}以来没有演练记录，演练周期 ${d.months} 个月（${basisZh(d)}），应在 ${d.due} 前演练，已超期 ${overdueText.zh(d.overMonths, d.overDays)}`,
      en: (d: D) =>
        `No drill record since ${d.sinceKey === 'approved' ? 'approval' : 'publication'} on ${d.since}; the drill interval is ${d.months} months (${basisEn(d)}), so a drill was due by ${d.due}; ${overdueText.en(d.overMonths, d.overDays)} overdue`,
    },
  },
  checkPlan(plan, ctx) {
    if (!isInForce(plan)) return
    // Records dated after today describe drills that have not happened yet.
    const drills = drillsOf(ctx.library, plan.data.id).filter((d) => d.date <= ctx.today)
    const last = drills.at(-1)
    // An approved plan not yet published counts from its approval.
    const sinceKey = (['published', 'approved'] as const).find((k) => isIsoDate(plan.data.dates[k]))
    const since = last?.date ?? (sinceKey && plan.data.dates[sinceKey])
    if (!since) return
    const hazards = ctx.options.productionSafetyHazards
    const interval = drillInterval(plan, ctx.library, Array.isArray(hazards) ? hazards : [])
    const due = addMonths(since, interval.months)
    if (ctx.today <= due) return
    const over = overdueSince(due, ctx.today)
    const ownInterval = interval.basis === 'plan'
    ctx.report({
      file: plan,
      place: ownInterval ? yamlPlace(plan, ['drill'], 'key') : yamlPlace(plan, ['id'], 'key'),
      messageId: last ? 'default' : 'never',
      data: {
        ...(last ? { last: last.date, record: last.record.path } : { since, sinceKey }),
        months: interval.months,
        basis: interval.basis,
        unit: interval.unit ? ctx.library.units.name(interval.unit) : undefined,
        type: plan.data.type,
        due,
        overMonths: over.months,
        overDays: over.days,
      },
      ...(last ? { cause: { file: last.record.path, place: yamlPlace(last.record, ['date']) } } : {}),
    })
  },
})
