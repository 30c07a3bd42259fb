import { defineRule, message } from './define-rule.ts'
import { filePlace, yamlPlace, type Plan } from '../model/plan.ts'
import type { UnitRegistry } from '../model/units.ts'
import { planTypeName } from '../model/vocabulary.ts'

type D = { type: string; type_en: string; name?: string }
const m = message<D>

/** A jurisdiction at the top of the registry's tree: no jurisdiction above it. */
function isTopJurisdiction(units: UnitRegistry, owner: string): boolean | undefined {
  const j = units.jurisdictionOf(owner)
  if (!j) return undefined
  return !units.ancestors(j.id).some((u) => u.kind === 'jurisdiction')
}

export default defineRule({
  id: 'missing-parent',
  name: { zh: '缺少上级预案', en: 'Missing parent' },
  family: 'linkage',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: {
      zh: '预案没有写明上位预案（parents），只有最高一级行政区的总体预案可以没有',
      en: 'A plan names no parent plan; only the overall plan of the top jurisdiction may have none',
    },
    why: {
      zh: '预案体系要“纵向到底”：专项、部门、基层和企业预案都衔接上级预案，总体预案衔接上级政府的总体预案（县级以上人民政府应急管理部门负责综合协调应急预案之间的衔接，《突发事件应急预案管理办法》国办发〔2024〕5号第五条；见 docs/regulations.md#reach）。没有上位预案，就无法检查层级、事件种类和修订是否与上级一致。库外的上级预案（如省级总体预案）用 external 写明即可。已替代、已废止的预案不检查。默认为警告：缺少衔接说明是管理缺陷，不影响预案本身可用。',
      en: 'The plan system must reach from top to bottom: special, department, grassroots and enterprise plans tie in with a plan above, and an overall plan with the overall plan of the government above; emergency management departments coordinate how plans tie in (国办发〔2024〕5号 art. 5; see docs/regulations.md#reach). Without a parent nobody can check levels, hazards or revisions against it. A parent outside the library is written as `external`. Superseded and retired plans are not checked. A warning by default: a missing link is a management gap, the plan itself still works.',
    },
    notReported: {
      zh: '最高一级行政区的总体预案不报告；已替代、已废止的预案不报告；parents 中写了 external（库外上级预案）即算有上位预案。',
      en: 'The overall plan of a top jurisdiction is not reported, nor superseded or retired plans; an external entry in parents counts as a parent.',
    },
    fix: {
      zh: '在前言的 parents 中写上衔接的上级预案：库内预案写 `- plan: 编号`，库外预案写 `- external: 名称`（可加 issuer、url）。',
      en: 'List the plan it ties in with under `parents`: `- plan: <id>` for a plan in the library, `- external: <title>` (with issuer and url) for one outside it.',
    },
    bad: 'id: xishan-flood\ntype: special\njurisdiction: xishan-xian\nparents: []',
    good: 'id: xishan-flood\ntype: special\njurisdiction: xishan-xian\nparents:\n  - plan: xishan-overall\n  - plan: shili-flood',
  },
  messages: {
    default: m(
      (d) => `${d.type}没有上位预案：请在 parents 中写明衔接的上级预案（库内用 plan，库外用 external）`,
      (d) => `This ${d.type_en} has no parent: list the plan it ties in with under parents (plan for one in the library, external for one outside it)`,
    ),
    overall: m(
      (d) => `${d.name}不是最高一级行政区，其总体应急预案应衔接上级政府的总体应急预案（parents 中写 plan 或 external）`,
      (d) => `${d.name} is not the top jurisdiction: its overall plan must tie in with the overall plan of the government above (plan or external under parents)`,
    ),
  },
  checkPlan(plan: Plan, ctx) {
    const d = plan.data
    if (d.status === 'superseded' || d.status === 'retired') return
    if (d.parents.length > 0) return
    const { units } = ctx.library
    if (d.type === 'overall') {
      const top = isTopJurisdiction(units, d.jurisdiction)
      // An unregistered owner is unknown-unit's finding; whether it is the top cannot be told.
      if (top !== false) return
    }
    const hasKey = plan.frontmatter?.doc.has('parents')
    ctx.report({
      file: plan,
      place: hasKey ? yamlPlace(plan, ['parents'], 'key') : filePlace(plan),
      messageId: d.type === 'overall' ? 'overall' : 'default',
      data: { type: planTypeName(d.type), type_en: planTypeName(d.type, 'en'), name: units.jurisdictionOf(d.jurisdiction)?.name },
    })
  },
})
