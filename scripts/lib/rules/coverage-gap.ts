import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { coverageMatrix, settingOrigin, type SettingOrigin } from '../coverage.ts'
import { effectiveDate, levelName } from '../plan-system.ts'
import { isInForce, statusName } from '../model/vocabulary.ts'

type D = { name: string; level: string; hazard: string; title?: string; status?: string; date?: string; origin?: SettingOrigin }
const m = message<D>

/** Where the requirement comes from: library.yaml only when it really sets it, else the built-in default. */
const sourceZh = (d: D) =>
  d.origin === 'settings'
    ? `library.yaml 的覆盖要求（coverage.hazards）规定${d.level}行政区应具备`
    : `按${d.level}行政区的内置默认覆盖要求；${d.origin === 'no-file' ? '本库没有 library.yaml' : `library.yaml 未规定${d.level}的覆盖要求`}，可按本地风险评估调整`
const sourceEn = (d: D) =>
  d.origin === 'settings'
    ? `coverage.hazards in library.yaml requires one at ${d.level} level`
    : `the built-in default coverage requirement at ${d.level} level; ${d.origin === 'no-file' ? 'the library has no library.yaml' : `library.yaml sets none for ${d.level} level`}, adjust it to the local risk assessment`

export default defineRule({
  id: 'coverage-gap',
  name: { zh: '覆盖缺口', en: 'Coverage gap' },
  family: 'coverage',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: '行政区缺少 library.yaml 要求其层级具备的事件种类的在用专项预案',
      en: 'A jurisdiction has no plan in force for a hazard that library.yaml requires at its level',
    },
    why: {
      zh: '预案体系要“横向到边”：本地主要风险都要有专项、联合或部门预案（《突发事件应急预案管理办法》，国办发〔2024〕5号，第二章“分类与内容”；见 docs/regulations.md#reach）。国家预案体系本身也以部门预案覆盖一部分事件（如交通运输部的《公路交通突发事件应急预案》），因此默认本级已审批或已发布的专项、联合和部门预案都算覆盖（部门预案计入其部门所属的行政区）；只认专项预案的库在 library.yaml 中写 coverage.counts: [special]。各层级必备的事件种类写在 coverage.hazards 中，默认值是常见要求，应按本地风险评估调整。只有草案时消息会指出。报告在 units.yaml 中该行政区的条目上，与 `yuanku coverage` 的矩阵一致。默认为警告：预案可能正在编制。',
      en: 'The plan system must reach every risk: each main local hazard needs a special, joint or department plan (Measures for the Management of Emergency Plans, 国办发〔2024〕5号, chapter 2; see docs/regulations.md#reach). The national system itself covers some events by department plans (the Ministry of Transport\'s plan for road traffic emergencies, for one), so by default an approved or published special, joint or department plan of the jurisdiction counts (a department plan for its department\'s jurisdiction); a library that counts special plans only sets coverage.counts: [special] in library.yaml. The hazards each level must cover are set in coverage.hazards; the defaults are common requirements to adjust to the local risk assessment. The message says when only a draft exists. Reported at the jurisdiction\'s entry in units.yaml, matching the `yuanku coverage` matrix. A warning by default: the plan may be in preparation.',
    },
    fix: {
      zh: '为该行政区编制并发布该事件种类的专项（或部门）预案（hazards 中写该编号），或推进草案的审批发布；本地确无此风险时在 library.yaml 的 coverage.hazards 中调整该层级的要求。',
      en: 'Draft and publish a special (or department) plan of the jurisdiction listing the hazard, or get the draft approved; if the risk does not exist locally, adjust the level\'s list in coverage.hazards of library.yaml.',
    },
    notReported: {
      zh: '本级有在用的专项、联合或部门预案（coverage.counts 中的类型）写明该事件种类时不报告；coverage.hazards 未要求该层级具备的事件种类不报告；已撤销的行政区不报告。总体预案、企业预案、现场处置方案写明该事件种类不算覆盖（除非写进 coverage.counts）；已替代、已废止的预案不算覆盖。',
      en: 'Not reported when an in-force special, joint or department plan (the types in coverage.counts) of the jurisdiction lists the hazard, for hazards coverage.hazards does not require at the level, and for dissolved jurisdictions. An overall plan, enterprise plan or on-site procedure listing the hazard does not count (unless its type is in coverage.counts); superseded and retired plans count for nothing.',
    },
    options: {
      zh: 'library.yaml 的 coverage.counts：哪些类型的预案计入覆盖，默认 [special, joint, department]。',
      en: 'coverage.counts in library.yaml: which plan types count as coverage, default [special, joint, department].',
    },
    bad: '# library.yaml\ncoverage:\n  hazards:\n    county: [flood, earthquake]\n# 西山县只有 hazards: [flood] 的专项预案',
    good: '# xishan/earthquake.md\nid: xishan-earthquake\ntype: special\njurisdiction: xishan-xian\nhazards: [earthquake]\nstatus: published',
  },
  messages: {
    default: m(
      (d) => `${d.name}缺少“${d.hazard}”专项应急预案（${sourceZh(d)}）`,
      (d) => `${d.name} has no plan for "${d.hazard}" (${sourceEn(d)})`,
    ),
    draft: m(
      (d) => `${d.name}的“${d.hazard}”专项应急预案只有“${d.title}”，尚未审批发布（状态：${d.status}）`,
      (d) => `${d.name}'s only plan for "${d.hazard}" is "${d.title}", not approved or published yet (status: ${d.status})`,
    ),
    pending: m(
      (d) => `${d.name}的“${d.hazard}”专项应急预案“${d.title}”于 ${d.date} 起施行，目前尚未生效`,
      (d) => `${d.name}'s plan for "${d.hazard}", "${d.title}", takes effect on ${d.date} and is not in force yet`,
    ),
  },
  checkLibrary(ctx) {
    const { library } = ctx
    const file = library.unitsFile
    if (!file) return
    const matrix = coverageMatrix(library, { today: ctx.today })
    const origins = new Map<string, SettingOrigin>()
    const originOf = (level: string) => origins.get(level) ?? origins.set(level, settingOrigin(library, ['coverage', 'hazards', level])).get(level)!
    for (const j of matrix.jurisdictions) {
      const index = library.units.indexOf.get(j.id)
      if (index === undefined) continue
      for (const h of matrix.hazards) {
        const cell = matrix.cells[j.id][h.id]
        if (!cell.required || cell.state === 'active') continue
        const ref = cell.plans[0]
        const draft = ref ? library.plans.find((p) => p.path === ref.path) : undefined
        const pending = ref && isInForce(ref.status)
        ctx.report({
          file,
          place: yamlPlace(file, ['units', index, 'id']),
          messageId: !draft ? 'default' : pending ? 'pending' : 'draft',
          data: {
            name: j.name,
            level: levelName(j.level, ctx.locale),
            hazard: ctx.locale === 'en' ? (h.name_en ?? h.name) : h.name,
            title: ref?.title,
            status: ref ? statusName(ref.status, ctx.locale) : undefined,
            date: draft ? effectiveDate(draft) : undefined,
            origin: originOf(j.level),
          },
          ...(draft ? { cause: { file: draft.path, place: yamlPlace(draft, pending ? ['dates', draft.data.dates?.published ? 'published' : 'approved'] : ['status']) } } : {}),
        })
      }
    }
  },
})
