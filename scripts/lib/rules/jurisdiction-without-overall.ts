import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan, titleOf } from '../model/plan.ts'
import { jurisdictionTree, planJurisdiction, settingOrigin, type SettingOrigin } from '../coverage.ts'
import { effectiveDate, levelName, planStanding } from '../plan-system.ts'
import { isInForce, statusName } from '../model/vocabulary.ts'

type D = { name: string; level: string; title?: string; status?: string; date?: string; origin?: SettingOrigin }
const m = message<D>

/** Townships and villages write 基层 plans, which Yuanku counts as their overall plan (docs/regulations.md#plan-system). */
const GRASSROOTS_LEVELS = new Set(['township', 'village'])

function actsAsOverall(plan: Plan, level: string): boolean {
  return plan.data.type === 'overall' || (plan.data.type === 'grassroots' && GRASSROOTS_LEVELS.has(level))
}

export default defineRule({
  id: 'jurisdiction-without-overall',
  name: { zh: '缺少总体预案', en: 'No overall plan' },
  family: 'linkage',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: 'units.yaml 中的行政区处在要求总体预案的层级（coverage.overall_levels），却没有在用的总体应急预案',
      en: 'A jurisdiction at a level that needs an overall plan (coverage.overall_levels) has no overall plan in force',
    },
    why: {
      zh: '总体预案是本级应急预案体系的总纲，由县级以上各级人民政府制定（原国办发〔2013〕101号第七条，《突发事件应急预案管理办法》国办发〔2024〕5号第二章沿用）；乡镇（街道）也有本级预案，并报上一级人民政府备案（国办发〔2024〕5号第二十六条）。各地报告指出“乡镇应急办有名无实”（见 docs/regulations.md#inspection-findings）。只有已审批或已发布的总体预案才算数；乡镇、村的基层应急预案视为其总体预案。报告在 units.yaml 中该行政区的条目上。默认为警告：预案可能仍在编制中。',
      en: 'The overall plan is the backbone of a level\'s plan system and every government at county level and above makes one (formerly 国办发〔2013〕101号 art. 7, kept in chapter 2 of 国办发〔2024〕5号); townships have plans too, filed with the level above (国办发〔2024〕5号 art. 26), and reports find township emergency offices that exist in name only (see docs/regulations.md#inspection-findings). Only an approved or published overall plan counts; for townships and villages a grassroots plan counts as the overall plan. Reported at the jurisdiction\'s entry in units.yaml. A warning by default: the plan may be in preparation.',
    },
    notReported: {
      zh: '不在 coverage.overall_levels 中的层级不报告；已撤销的行政区不报告；乡镇、村的基层应急预案视为其总体预案。',
      en: 'Levels not in coverage.overall_levels are not reported, nor dissolved jurisdictions; a township\'s or village\'s grassroots plan counts as its overall plan.',
    },
    fix: {
      zh: '为该行政区编制并发布总体应急预案（type: overall，jurisdiction 写该行政区编号）；不需要的层级可在 library.yaml 的 coverage.overall_levels 中去掉。',
      en: 'Draft and publish an overall plan for the jurisdiction (type: overall with its id as jurisdiction), or drop the level from coverage.overall_levels in library.yaml.',
    },
    bad: '# units.yaml\n  - { id: dongcheng-qu, name: 东城区, kind: jurisdiction, level: county, parent: shili-shi }\n# 库中没有 jurisdiction: dongcheng-qu 的总体预案',
    good: '# dongcheng/overall.md\nid: dongcheng-overall\ntype: overall\njurisdiction: dongcheng-qu\nstatus: published',
  },
  messages: {
    default: m(
      (d) =>
        `${d.name}（${d.level}）没有总体应急预案；${d.origin === 'settings' ? 'library.yaml 的覆盖要求（coverage.overall_levels）规定' : `按内置默认要求（${d.origin === 'no-file' ? '本库没有 library.yaml' : 'library.yaml 未规定需要总体预案的层级'}），`}${d.level}行政区应具备总体预案`,
      (d) =>
        `${d.name} (${d.level}) has no overall plan; ${d.origin === 'settings' ? 'coverage.overall_levels in library.yaml requires' : `the built-in default (${d.origin === 'no-file' ? 'the library has no library.yaml' : 'library.yaml sets no levels'}) requires`} one at ${d.level} level`,
    ),
    draft: m(
      (d) => `${d.name}的总体应急预案“${d.title}”尚未审批发布（状态：${d.status}），目前没有在用的总体应急预案`,
      (d) => `The overall plan "${d.title}" of ${d.name} is not approved or published yet (status: ${d.status}); no overall plan is in force`,
    ),
    pending: m(
      (d) => `${d.name}的总体应急预案“${d.title}”于 ${d.date} 起施行，目前尚未生效`,
      (d) => `The overall plan "${d.title}" of ${d.name} takes effect on ${d.date} and is not in force yet`,
    ),
  },
  checkLibrary(ctx) {
    const { library } = ctx
    const file = library.unitsFile
    if (!file) return
    const levels = new Set<string>(library.settings.coverage.overall_levels)
    const wanted = jurisdictionTree(library).filter((j) => levels.has(j.level))
    if (!wanted.length) return
    const origin = settingOrigin(library, ['coverage', 'overall_levels'])
    // Overall plans by jurisdiction, in path order.
    const byJurisdiction = new Map<string, Plan[]>()
    for (const plan of ctx.plans) {
      const j = planJurisdiction(library, plan)
      if (j) byJurisdiction.set(j, [...(byJurisdiction.get(j) ?? []), plan])
    }
    for (const j of wanted) {
      const plans = (byJurisdiction.get(j.id) ?? []).filter((p) => actsAsOverall(p, j.level))
      if (plans.some((p) => planStanding(p, ctx.today) === 'active')) continue
      const draft = plans.find((p) => planStanding(p, ctx.today) === 'draft')
      const index = library.units.indexOf.get(j.id)
      if (index === undefined) continue
      const pending = draft && isInForce(draft)
      ctx.report({
        file,
        place: yamlPlace(file, ['units', index, 'id']),
        messageId: !draft ? 'default' : pending ? 'pending' : 'draft',
        data: { name: j.name, level: levelName(j.level, ctx.locale), origin, title: draft && titleOf(draft), status: draft ? statusName(draft.data.status, ctx.locale) : undefined, date: draft ? effectiveDate(draft) : undefined },
        ...(draft ? { cause: { file: draft.path, place: yamlPlace(draft, pending ? ['dates', draft.data.dates.published ? 'published' : 'approved'] : ['status']) } } : {}),
      })
    }
  },
})
