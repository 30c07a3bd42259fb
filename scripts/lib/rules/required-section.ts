import { defineRule } from './define-rule.ts'
import { filePlace, findSection, nodePlace, type Plan, type Section } from '../model/plan.ts'
import type { SectionSpec } from '../model/settings.ts'
import { CONDITIONAL_MANAGEMENT, sectionKey, synonymGroups, synonymKeys } from '../text/section-names.ts'
import { textRuns } from '../text/plan-text.ts'

/** 附则 stands for 预案管理 when it says how the plan is managed: revision plus assessment, drills, training or filing. */
const REVISION = /修订|修改|更新/
const MANAGEMENT = /评估|演练|培训|宣传|备案|预案管理/

function holdsManagement(plan: Plan, section: Section): boolean {
  const text = textRuns(plan.tree, plan.text, section.bodyStart, section.end).map((r) => r.value).join('')
  return REVISION.test(text) && MANAGEMENT.test(text)
}

// The synonym keys depend only on the library's settings, not on the plan: worked out once per settings
// object and required title (they were recomputed for every plan, ~700 normalisations each).
const NO_ADDITIONS = {}
const groupsBySettings = new WeakMap<object, string[][]>()
const keysByGroups = new WeakMap<string[][], Map<string, Set<string>>>()
const MANAGEMENT_KEY = sectionKey('预案管理')
const CONDITIONAL_KEYS = new Set(CONDITIONAL_MANAGEMENT.map(sectionKey))

function groupsFor(additions: Record<string, string[]> | undefined): string[][] {
  const key = additions ?? NO_ADDITIONS
  let groups = groupsBySettings.get(key)
  if (!groups) groupsBySettings.set(key, (groups = synonymGroups(additions)))
  return groups
}

function keysFor(spec: SectionSpec, groups: string[][]): Set<string> {
  let bySpec = keysByGroups.get(groups)
  if (!bySpec) keysByGroups.set(groups, (bySpec = new Map()))
  const id = JSON.stringify([spec.title, spec.aliases ?? []])
  let keys = bySpec.get(id)
  if (!keys) bySpec.set(id, (keys = synonymKeys(spec.title, spec.aliases ?? [], groups)))
  return keys
}

function findRequired(plan: Plan, sections: Section[], titleKeys: string[], spec: SectionSpec, groups: string[][]): Section | undefined {
  const keys = keysFor(spec, groups)
  const found = findSection(sections, spec) ?? sections.find((_, i) => keys.has(titleKeys[i]))
  if (found || !keys.has(MANAGEMENT_KEY)) return found
  return sections.find((s, i) => CONDITIONAL_KEYS.has(titleKeys[i]) && holdsManagement(plan, s))
}

/** Headings that may stand for a required section: not too deep, and not a phase of the drill-evaluation section. */
function candidateSections(plan: Plan, maxDepth: number, drillSection: SectionSpec): Section[] {
  const drill = findSection(plan.sections, drillSection)
  return plan.sections.filter((s) => s.depth <= maxDepth && !(drill && s !== drill && s.start > drill.start && s.start < drill.end))
}

export default defineRule({
  id: 'required-section',
  name: { zh: '缺少必备章节', en: 'Missing section' },
  family: 'form',
  severity: 'error',
  scope: 'file',
  options: { maxDepth: 3 },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxDepth: { type: 'integer', minimum: 1, maximum: 6 },
    },
  },
  docs: {
    summary: { zh: '缺少该类型预案的必备章节', en: 'A section required for the plan\'s type is missing' },
    why: {
      zh: '突发事件应对法（2024 年修订）第二十八条要求预案写明组织指挥体系与职责、预防预警、应急处置程序、应急保障和恢复重建；各级政府预案的通行框架和 GB/T 29639-2020《生产经营单位生产安全事故应急预案编制导则》的企业预案框架据此列出必备章节。缺少其中之一，评审时即不合格。',
      en: 'Art. 28 of the Emergency Response Law (2024 revision) requires command and duties, prevention and warning, response procedures, support and recovery; the usual government outline and GB/T 29639-2020 for enterprises turn this into required sections. A plan without one fails review.',
    },
    fix: {
      zh: '补写缺少的章节。章节按规范化的标题比对：去掉“一、”“（一）”“1.”“1.2”“第三章”“Ⅲ.”等编号，“与/和/及”视为相同，“机制/体系”可有可无；内置同义名表收录国家、省、市预案范本和 GB/T 29639-2020 的章节名（如“应急处置与救援”“应急处置”即“应急响应”，“组织指挥体系及职责”“组织机构与职责”即“组织指挥体系”，“预防和预警机制”“风险防控与监测预警”即“监测预警”，“善后工作”“恢复与重建”即“后期处置”），全表见 docs/required-sections.md。本库特有的章节名写进 library.yaml 的 section_synonyms（加在内置表之上）。',
      en: 'Write the missing section. Titles are compared normalised: numbering (一、, （一）, 1., 1.2, 第三章, Ⅲ.) removed, 与/和/及 alike, 机制/体系 optional; a built-in synonym table holds the chapter names of the national, provincial and municipal model outlines and GB/T 29639-2020 (应急处置与救援 or 应急处置 is 应急响应, 组织指挥体系及职责 is 组织指挥体系, 预防和预警机制 is 监测预警, 善后工作 or 恢复与重建 is 后期处置); the full table is in docs/required-sections.md. Add your own chapter names under section_synonyms in library.yaml (added to the built-in table).',
    },
    notReported: {
      zh: '章节名与必备章节同义（内置表、required_sections 的 aliases、section_synonyms）时不报告；“附则”中写有预案修订和评估、演练、培训或备案等管理内容时，算作“预案管理”；必备章节写成第二、三级标题（如“运行机制”下的“应急处置”）也算；演练评估要点章节下的阶段标题不算作必备章节。',
      en: 'Not reported when the chapter has a synonym of the required title (built-in table, required_sections aliases, section_synonyms); a 附则 chapter that covers revision plus assessment, drills, training or filing counts as 预案管理; a required chapter written as a level-2 or level-3 heading (e.g. 应急处置 under 运行机制) counts; phase headings of the drill-evaluation section never count.',
    },
    options: {
      zh: 'maxDepth（默认 3）：第几级及以上的标题可以算作必备章节。各类型的必备章节及别名在 library.yaml 的 required_sections 中设置，更多同义名在 section_synonyms 中设置。',
      en: 'maxDepth (default 3): the deepest heading level that can count as a required section. The sections and their aliases per plan type are set in library.yaml required_sections; more synonyms in section_synonyms.',
    },
    bad: '# 示例市公路水路交通运输保障应急预案\n## 1 总则\n## 2 组织指挥体系\n## 3 监测预警\n## 4 应急响应\n## 5 预案管理',
    good: '# 示例市公路水路交通运输保障应急预案\n## 1 总则\n## 2 组织指挥体系\n## 3 监测预警\n## 4 应急响应\n## 5 后期处置\n## 6 应急保障\n## 7 预案管理',
  },
  messages: {
    default: {
      zh: (d: { title: string }) => `缺少必备章节“${d.title}”`,
      en: (d: { title: string }) => `Missing required section "${d.title}"`,
    },
  },
  checkPlan(plan, ctx) {
    const { settings } = ctx.library
    const required = (settings.required_sections as Record<string, SectionSpec[] | undefined>)[plan.data.type] ?? []
    if (required.length === 0) return
    const sections = candidateSections(plan, ctx.options.maxDepth, settings.drill_section)
    // The finding sits on the title when there is one: the plan as a whole lacks the section.
    const title = plan.sections.find((s) => s.depth === 1)
    const place = title ? nodePlace(plan, title.heading) : filePlace(plan)
    const groups = groupsFor(settings.section_synonyms as Record<string, string[]> | undefined)
    const titleKeys = sections.map((s) => sectionKey(s.title))
    for (const spec of required) {
      if (!findRequired(plan, sections, titleKeys, spec, groups)) ctx.report({ file: plan, place, data: { title: spec.title } })
    }
  },
})
