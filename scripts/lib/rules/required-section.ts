import { defineRule } from './define-rule.ts'
import { filePlace, findSection, nodePlace, type Plan, type Section } from '../model/plan.ts'
import type { SectionSpec } from '../model/settings.ts'

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
  docs: {
    summary: { zh: '缺少该类型预案的必备章节', en: 'A section required for the plan\'s type is missing' },
    why: {
      zh: '突发事件应对法第二十八条要求预案写明组织指挥体系与职责、预防预警、应急处置程序、应急保障和恢复重建；政府预案的通行框架和 GB/T 29639-2020 的企业预案框架据此列出必备章节（DOMAIN.md §2）。缺少其中之一，评审时即不合格。',
      en: 'Art. 28 of the Emergency Response Law requires command and duties, prevention and warning, response procedures, support and recovery; the usual government outline and GB/T 29639-2020 for enterprises turn this into required sections (DOMAIN.md §2). A plan without one fails review.',
    },
    fix: {
      zh: '补写缺少的章节。章节按标题比对：去掉“一、”“1.2”“第三章”等编号，并接受 library.yaml 中 required_sections 列出的别名（如“保障措施”也算“应急保障”）。',
      en: 'Write the missing section. Titles are compared with their numbering (一、, 1.2, 第三章) removed, and the aliases in library.yaml required_sections count (保障措施 is 应急保障).',
    },
    options: {
      zh: 'maxDepth（默认 3）：第几级及以上的标题可以算作必备章节。各类型的必备章节及别名在 library.yaml 的 required_sections 中设置；演练评估要点章节下的阶段标题不计。',
      en: 'maxDepth (default 3): the deepest heading level that can count as a required section. The sections and their aliases per plan type are set in library.yaml required_sections; phase headings of the drill-evaluation section never count.',
    },
    bad: '# 示例市公路水路交通运输保障应急预案\n## 1 总则\n## 2 组织指挥体系\n## 3 监测预警\n## 4 应急响应\n## 5 预案管理',
    good: '# 示例市公路水路交通运输保障应急预案\n## 1 总则\n## 2 组织指挥体系\n## 3 监测预警\n## 4 应急响应\n## 5 应急保障\n## 6 预案管理',
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
    const sections = candidateSections(plan, Number(ctx.options.maxDepth) || 3, settings.drill_section)
    // The finding sits on the title when there is one: the plan as a whole lacks the section.
    const title = plan.sections.find((s) => s.depth === 1)
    const place = title ? nodePlace(plan, title.heading) : filePlace(plan)
    for (const spec of required) {
      if (!findSection(sections, spec)) ctx.report({ file: plan, place, data: { title: spec.title } })
    }
  },
})
