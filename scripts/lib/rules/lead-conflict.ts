import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan, titleOf } from '../model/plan.ts'
import { planJurisdiction } from '../coverage.ts'
import { effectiveDate, planStanding } from '../plan-system.ts'

type D = { other: string; otherTitle: string; hazards: string; owner: string; lead: string; otherLead: string }
const m = message<D>

/**
 * Special plans are compared per jurisdiction (as in coverage), an enterprise's special plans per
 * enterprise. Department plans are left out: a department's own plan is always led by that department
 * and sits under the special plan, so a different lead there is the normal division of work.
 */
function ownerKey(plan: Plan, library: Parameters<typeof planJurisdiction>[0]): string | undefined {
  if (plan.data.type === 'special') return planJurisdiction(library, plan)
  if (plan.data.type === 'enterprise-special') return plan.data.jurisdiction
  return undefined
}

export default defineRule({
  id: 'lead-conflict',
  name: { zh: '牵头单位冲突', en: 'Lead-unit conflict' },
  family: 'coverage',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: '同一行政区、同一事件种类的两个在用专项预案写了不同的牵头单位',
      en: 'Two special plans in force for the same jurisdiction and hazard name different lead units',
    },
    why: {
      zh: '事发时必须清楚由谁牵头；2018 年机构改革后部门职责边界不清（如森林防火划入自然资源部门而扑救由应急管理部门统筹）是各地报告的常见问题（见 docs/regulations.md#reorganisation）。同一行政区同一事件种类的两个专项预案（企业则为同一企业的两个专项预案）如果牵头单位不同，应急时会互相推诿或重复指挥。部门预案不比较：部门预案总由本部门牵头，位于专项预案之下，牵头单位不同是正常分工。已撤销的单位按其承接单位比较；一个预案替代另一个时不报告（由动态管理规则处理）。报告在较新的预案（施行日期较晚者，同日则按路径在后者）的 lead_unit 上，cause 指向较早的预案。默认为警告：可能是有意分工，需要人工确认。',
      en: 'Who leads must be clear when it happens; unclear department boundaries after the 2018 reorganisation (forest fire prevention moved to natural resources, fire fighting coordinated by emergency management) are a common finding (see docs/regulations.md#reorganisation). Two special plans of one jurisdiction for one hazard (for enterprises: two special plans of one enterprise) that name different lead units invite both buck-passing and double command. Department plans are not compared: a department\'s own plan is always led by that department and sits under the special plan, so a different lead there is the normal division of work. A dissolved unit counts as its successor; a plan that supersedes the other is left to the lifecycle rules. Reported at the later plan\'s lead_unit with the earlier one as cause. A warning by default: the split may be deliberate.',
    },
    notReported: {
      zh: '部门预案之间、部门预案与专项预案之间不比较；一个预案替代（supersedes）另一个时不报告；草案、已替代、已废止的预案不比较；已撤销的牵头单位按其承接单位比较，承接单位相同时不报告。',
      en: 'Department plans are not compared (with each other or with special plans); a plan that supersedes the other is not reported; drafts, superseded and retired plans are not compared; a dissolved lead unit counts as its successor, and the same successor is no conflict.',
    },
    fix: {
      zh: '协调确定唯一的牵头单位，修改其中一个预案的 lead_unit；确属分工不同的，把事件种类拆细（如用 library.yaml 的 taxonomy 增加细分种类）。',
      en: 'Agree on one lead unit and change lead_unit in one of the plans; if the split is intended, make the hazards distinct (e.g. add finer hazards in the taxonomy of library.yaml).',
    },
    bad: '# shili/forest-fire.md（示例市森林火灾应急预案）\ntype: special\nhazards: [forest-fire]\nlead_unit: shi-yingji\n\n# shili/forest-fire-prevention.md（示例市森林防火应急预案）\ntype: special\nhazards: [forest-fire]\nlead_unit: shi-ziran',
    good: '# shili/forest-fire.md（示例市森林火灾应急预案）\ntype: special\nhazards: [forest-fire]\nlead_unit: shi-yingji\n\n# shili/forest-fire-ziran.md（部门预案，由本部门牵头）\ntype: department\nhazards: [forest-fire]\nlead_unit: shi-ziran',
  },
  messages: {
    default: m(
      (d) => `本预案与“${d.otherTitle}”（${d.other}）都是${d.owner}“${d.hazards}”的在用预案，但牵头单位不同：本预案为“${d.lead}”，对方为“${d.otherLead}”`,
      (d) => `This plan and "${d.otherTitle}" (${d.other}) are both in force for "${d.hazards}" in ${d.owner} but name different lead units: "${d.lead}" here, "${d.otherLead}" there`,
    ),
  },
  checkLibrary(ctx) {
    const { library } = ctx
    const { units } = library
    const lead = (p: Plan) => (p.data.lead_unit ? (units.successor(p.data.lead_unit)?.id ?? p.data.lead_unit) : undefined)
    /** owner → hazard → plans seen so far, in path order. */
    const seen = new Map<string, Map<string, Plan[]>>()
    // Oldest first (by the date each took effect, then path), so that a finding lands on the newer plan:
    // the one whose arrival created the conflict.
    const byAge = [...ctx.plans].sort((x, y) => (effectiveDate(x) ?? '9999').localeCompare(effectiveDate(y) ?? '9999') || x.path.localeCompare(y.path))
    for (const plan of byAge) {
      const owner = ownerKey(plan, library)
      const mine = lead(plan)
      if (!owner || !mine || planStanding(plan, ctx.today) !== 'active') continue
      const byHazard = seen.get(owner) ?? new Map<string, Plan[]>()
      seen.set(owner, byHazard)
      // The earlier plans this one conflicts with, each with the hazards they share.
      const conflicts = new Map<Plan, string[]>()
      for (const h of new Set(plan.data.hazards ?? [])) {
        const earlier = byHazard.get(h) ?? []
        const other = earlier.find(
          (o) => lead(o) !== mine && !(o.data.supersedes ?? []).includes(plan.data.id) && !(plan.data.supersedes ?? []).includes(o.data.id),
        )
        if (other) conflicts.set(other, [...(conflicts.get(other) ?? []), h])
        byHazard.set(h, [...earlier, plan])
      }
      for (const [other, hazards] of conflicts) {
        const sep = ctx.locale === 'en' ? ', ' : '、'
        ctx.report({
          file: plan,
          place: yamlPlace(plan, ['lead_unit']),
          data: {
            other: other.data.id,
            otherTitle: titleOf(other),
            hazards: hazards.map((h) => library.taxonomy.name(h, ctx.locale)).join(sep),
            owner: units.name(owner),
            lead: units.name(plan.data.lead_unit!),
            otherLead: units.name(other.data.lead_unit!),
          },
          cause: { file: other.path, place: yamlPlace(other, ['lead_unit']) },
        })
      }
    }
  },
})
