import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'

type D = { hazard: string; id: string; parents: string; parentHazards: string }
const m = message<D>

/** Plans that cover whatever happens in their place: a parent of this type covers every hazard. */
const COVERS_ALL = new Set(['overall', 'enterprise-comprehensive', 'grassroots'])
const CHECKED = new Set(['special', 'enterprise-special'])

export default defineRule({
  id: 'hazard-outside-parent',
  name: { zh: '事件种类超出上位预案', en: 'Hazard outside parent' },
  family: 'coverage',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: '专项预案的事件种类不在其上位预案的事件种类之中',
      en: 'A special plan lists a hazard that none of its parent plans covers',
    },
    why: {
      zh: '专项预案针对特定种类的突发事件，是对上位预案的细化（《突发事件应急预案管理办法》，国办发〔2024〕5号，第二章“分类与内容”；见 docs/regulations.md#plan-system）：上级防汛预案之下的县级专项预案写了“地震”，多半是复制时没改干净，或者挂错了上位预案。上位预案中有总体预案、企业综合预案或基层预案时不检查（它们覆盖全部事件种类）；上位预案在库外（external）或编号不存在时也不检查，因为无从知道其事件种类。默认为警告。',
      en: 'A special plan covers particular event types and details the plan above it (国办发〔2024〕5号, chapter 2; see docs/regulations.md#plan-system): a county special plan under the city\'s flood plan that lists "earthquake" was usually copied without being adapted, or hangs from the wrong parent. Not checked when a parent is an overall, enterprise comprehensive or grassroots plan (those cover every hazard), nor when a parent is external or unknown, whose hazards cannot be known. A warning by default.',
    },
    notReported: {
      zh: '上位预案中有总体预案、企业综合预案或基层预案时不报告（它们覆盖全部事件种类）；上位预案在库外或编号不存在时不报告；只检查专项预案。',
      en: 'Not reported when a parent is an overall, enterprise comprehensive or grassroots plan (they cover every hazard), or the parent is external or unknown; only special plans are checked.',
    },
    fix: {
      zh: '删掉不属于本预案的事件种类，或在 parents 中补上覆盖该事件种类的上位预案（如本级总体预案或上级同类专项预案）。',
      en: 'Remove the hazard that does not belong, or add a parent that covers it (the overall plan of the jurisdiction, or the special plan for that hazard one level up).',
    },
    bad: '# 上位预案 shili-flood：hazards: [flood]\nid: xishan-flood\ntype: special\nhazards: [flood, earthquake]\nparents:\n  - plan: shili-flood',
    good: 'id: xishan-flood\ntype: special\nhazards: [flood]\nparents:\n  - plan: xishan-overall\n  - plan: shili-flood',
  },
  messages: {
    default: m(
      (d) => `事件种类“${d.hazard}”（${d.id}）不在上位预案${d.parents}的事件种类（${d.parentHazards}）之中`,
      (d) => `Hazard "${d.hazard}" (${d.id}) is not among the hazards of the parent plan(s) ${d.parents} (${d.parentHazards})`,
    ),
  },
  checkLibrary(ctx) {
    const { planById, taxonomy } = ctx.library
    for (const plan of ctx.plans) {
      if (!CHECKED.has(plan.data.type) || !plan.data.hazards?.length || !plan.data.parents.length) continue
      const parents: Plan[] = []
      let unknowable = false
      for (const entry of plan.data.parents) {
        const parent = entry.plan === undefined ? undefined : planById.get(entry.plan)
        if (!parent || parent === plan || !parent.valid) unknowable = true
        else parents.push(parent)
      }
      if (unknowable || parents.some((p) => COVERS_ALL.has(p.data.type))) continue
      const covered = new Set(parents.flatMap((p) => p.data.hazards ?? []))
      const sep = ctx.locale === 'en' ? ', ' : '、'
      const quote = (s: string) => (ctx.locale === 'en' ? `"${s}"` : `“${s}”`)
      plan.data.hazards.forEach((h, i) => {
        if (covered.has(h)) return
        ctx.report({
          file: plan,
          place: yamlPlace(plan, ['hazards', i]),
          data: {
            hazard: taxonomy.name(h, ctx.locale),
            id: h,
            parents: parents.map((p) => `${quote(p.data.title)}${ctx.locale === 'en' ? ` (${p.data.id})` : `（${p.data.id}）`}`).join(sep),
            parentHazards: [...covered].map((x) => taxonomy.name(x, ctx.locale)).join(sep) || (ctx.locale === 'en' ? 'none' : '无'),
          },
          cause: { file: parents[0].path, place: yamlPlace(parents[0], ['hazards']) },
        })
      })
    }
  },
})
