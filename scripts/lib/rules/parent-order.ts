import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'
import type { UnitRegistry } from '../model/units.ts'
import { ENTERPRISE_TYPES, PARENT_TYPES } from '../plan-system.ts'
import { planTypeName } from '../model/vocabulary.ts'

type D = { id: string; type: string; parentType: string; allowed: string; parentOwner: string; owner: string }
const m = message<D>

type Problem = { messageId: 'type' | 'lower' | 'elsewhere' | 'owner'; causeKey: 'type' | 'jurisdiction' }

/** Whether `upper` is `unit` itself or one of the units above it in the registry. */
function isSameOrAbove(units: UnitRegistry, upper: string, unit: string): boolean {
  return upper === unit || units.ancestors(unit).some((u) => u.id === upper)
}

function problemOf(child: Plan, parent: Plan, units: UnitRegistry): Problem | undefined {
  const c = child.data
  const p = parent.data
  if (!PARENT_TYPES[c.type]?.includes(p.type)) return { messageId: 'type', causeKey: 'type' }
  const cj = units.jurisdictionOf(c.jurisdiction)
  const pj = units.jurisdictionOf(p.jurisdiction)
  // An unregistered owner is unknown-unit's finding.
  if (!cj || !pj) return undefined
  if (!isSameOrAbove(units, pj.id, cj.id)) {
    return { messageId: isSameOrAbove(units, cj.id, pj.id) ? 'lower' : 'elsewhere', causeKey: 'jurisdiction' }
  }
  // Within one enterprise's plan system: its own plans, or those of the group it belongs to.
  if (ENTERPRISE_TYPES.has(c.type) && ENTERPRISE_TYPES.has(p.type) && !isSameOrAbove(units, p.jurisdiction, c.jurisdiction)) {
    return { messageId: 'owner', causeKey: 'jurisdiction' }
  }
  return undefined
}

export default defineRule({
  id: 'parent-order',
  name: { zh: '上位预案层级不当', en: 'Parent out of order' },
  family: 'linkage',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: '上位预案不属于本级或上级行政区，或其类型不能位于本预案之上',
      en: 'A parent plan belongs to neither the same nor a higher jurisdiction, or is of a type that cannot sit above the plan',
    },
    why: {
      zh: '预案体系自上而下衔接（依据《突发事件应急预案管理办法》（国办发〔2024〕5号）第二章“分类与内容”和《生产安全事故应急预案管理办法》对各类预案的定义；下面的上下级关系是 Yuanku 对这些定义的理解，见 docs/regulations.md#plan-system）：总体预案在上，专项、部门预案在其下；基层预案衔接乡镇和县级预案；企业综合预案衔接所在地政府的总体、专项或部门预案，企业专项预案和现场处置方案衔接本单位的综合（专项）预案；政府预案不能挂在企业预案之下。上位预案必须属于本级或上级行政区（按 units.yaml 的 parent 判断），企业预案之间只能衔接本单位或其上级单位的预案。默认为警告：个别地方的衔接方式可能不同，可按需调整。',
      en: 'Plans tie in from the top down (after the definitions of plan types in chapter 2 of 国办发〔2024〕5号 and in MEM Order No. 2; the order below is Yuanku\'s reading of them, see docs/regulations.md#plan-system): the overall plan on top, special and department plans under it; grassroots plans under township and county plans; an enterprise\'s comprehensive plan under the government\'s overall, special or department plans, its special plans and on-site procedures under its own plans; a government plan never under an enterprise plan. A parent must belong to the same or a higher jurisdiction (by `parent` in units.yaml), and enterprise plans only tie in with plans of the same enterprise or its group. A warning by default, since local practice may differ.',
    },
    notReported: {
      zh: 'external（库外上级预案）和不存在的编号不检查；上位预案属于本级或上级行政区、类型能位于本预案之上时不报告。',
      en: 'external entries and unknown ids are not checked; a parent of the same or a higher jurisdiction whose type may sit above the plan is not reported.',
    },
    fix: {
      zh: '把 parents 改为本级或上级行政区中类型合适的预案，例如专项预案衔接本级总体预案和上级同类专项预案；写反了的衔接（把下级写成上级）要改过来。',
      en: 'Point parents at a plan of a suitable type in the same or a higher jurisdiction, e.g. a special plan under its own overall plan and the special plan of the level above; reverse a link written upside down.',
    },
    bad: '# xishan-overall.md（西山县总体应急预案）\ntype: overall\njurisdiction: xishan-xian\nparents:\n  - plan: xishan-flood   # 县级专项预案不能是总体预案的上位',
    good: '# xishan-overall.md\ntype: overall\njurisdiction: xishan-xian\nparents:\n  - plan: shili-overall   # 上级（示例市）的总体预案',
  },
  messages: {
    type: m(
      (d) => `${d.type}不能以${d.parentType}“${d.id}”为上位预案；可作为其上位预案的类型：${d.allowed}`,
      (d) => `This ${d.type} cannot sit under the ${d.parentType} "${d.id}"; its parent may be: ${d.allowed}`,
    ),
    lower: m(
      (d) => `上位预案“${d.id}”属于${d.parentOwner}，是本预案所属${d.owner}的下级；上位预案应属于本级或上级行政区`,
      (d) => `Parent plan "${d.id}" belongs to ${d.parentOwner}, which is below ${d.owner} that owns this plan; a parent must belong to the same or a higher jurisdiction`,
    ),
    elsewhere: m(
      (d) => `上位预案“${d.id}”属于${d.parentOwner}，不是本预案所属的${d.owner}或其上级行政区`,
      (d) => `Parent plan "${d.id}" belongs to ${d.parentOwner}, which is neither ${d.owner} that owns this plan nor above it`,
    ),
    owner: m(
      (d) => `上位预案“${d.id}”是${d.parentOwner}的预案；企业预案应衔接本单位（${d.owner}）或其上级单位的预案`,
      (d) => `Parent plan "${d.id}" is a plan of ${d.parentOwner}; an enterprise plan ties in with plans of its own unit (${d.owner}) or of the group above it`,
    ),
  },
  checkLibrary(ctx) {
    const { planById, units } = ctx.library
    for (const plan of ctx.plans) {
      plan.data.parents.forEach((entry, i) => {
        const parent = entry.plan === undefined ? undefined : planById.get(entry.plan)
        // Unknown ids are unknown-parent's, a plan under itself parent-cycle's; an invalid parent cannot be trusted.
        if (!parent || parent === plan || !parent.valid) return
        const problem = problemOf(plan, parent, units)
        if (!problem) return
        const c = plan.data
        const p = parent.data
        const jurisdictional = problem.messageId === 'lower' || problem.messageId === 'elsewhere'
        const ownerName = (id: string) => (jurisdictional ? units.jurisdictionOf(id)?.name : undefined) ?? units.name(id)
        ctx.report({
          file: plan,
          place: yamlPlace(plan, ['parents', i, 'plan']),
          messageId: problem.messageId,
          data: {
            id: p.id,
            type: planTypeName(c.type, ctx.locale),
            parentType: planTypeName(p.type, ctx.locale),
            allowed: PARENT_TYPES[c.type].map((t) => planTypeName(t, ctx.locale)).join(ctx.locale === 'en' ? ', ' : '、'),
            parentOwner: ownerName(p.jurisdiction),
            owner: ownerName(c.jurisdiction),
          },
          cause: { file: parent.path, place: yamlPlace(parent, [problem.causeKey]) },
        })
      })
    }
  },
})
