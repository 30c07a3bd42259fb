import type { RootContent } from 'mdast'
import { defineRule } from './define-rule.ts'
import { nodePlace, sectionName, type Section } from '../model/plan.ts'

type D = { title: string }

/** Nodes that say nothing to a reader: a comment, a link definition, a rule. */
function isContent(node: RootContent): boolean {
  if (node.type === 'heading' || node.type === 'definition' || node.type === 'thematicBreak' || node.type === 'yaml') return false
  if (node.type === 'html') return node.value.replace(/<!--[\s\S]*?-->/g, '').trim() !== ''
  return true
}

export default defineRule({
  id: 'empty-section',
  name: { zh: '章节为空', en: 'Empty section' },
  family: 'form',
  severity: 'warn',
  scope: 'file',
  anyPlan: true,
  options: { ignore: [] as string[] },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  docs: {
    summary: { zh: '章节标题下没有内容', en: 'A heading with nothing under it' },
    why: {
      zh: '空章节是“有框架无内容”的预案：标题满足了必备章节检查，应急时却没有可执行的措施。突发事件应对法第二十八条要求预案写明处置程序和保障措施，只有标题等于没有写；各地年度检查也反复指出预案照搬框架、内容空洞（见 docs/regulations.md#inspection-findings）。',
      en: 'An empty section is a plan with the outline but no content: the heading satisfies required-section, yet there is nothing to act on. The Emergency Response Law (art. 28) asks for procedures and support measures, not headings, and annual inspections keep finding plans that copy the outline and leave it hollow (see docs/regulations.md#inspection-findings).',
    },
    notReported: {
      zh: '标题下有正文、列表、表格或下级章节有内容时不报告；options.ignore 中列出的章节（如“附件”）不报告。',
      en: 'Not reported when the section has text, a list, a table, or a sub-section with content; sections listed in options.ignore (e.g. 附件) are not reported.',
    },
    fix: {
      zh: '在标题下写出具体内容；确实不适用的章节写明“本预案不涉及……，由……负责”，或删除该标题。只有空的小节的章节也算空章节。',
      en: 'Write the content under the heading; where the section does not apply, say so and who covers it, or remove the heading. A section whose sub-sections are all empty is empty too.',
    },
    options: {
      zh: 'ignore（默认 []）：允许为空的章节标题（去掉编号后比对），例如 ["附件"]。',
      en: 'ignore (default []): section titles (compared without numbering) that may stay empty, e.g. ["附件"].',
    },
    bad: '## 6 后期处置\n## 7 应急保障\n\n市财政局负责……',
    good: '## 6 后期处置\n\n市民政局会同受灾区县做好受灾群众的生活救助……\n\n## 7 应急保障\n\n市财政局负责……',
  },
  messages: {
    default: {
      zh: (d: D) => `章节“${d.title || '（无标题）'}”没有内容`,
      en: (d: D) => `Section "${d.title || '(untitled)'}" has no content`,
    },
    'empty-subsections': {
      zh: (d: D) => `章节“${d.title || '（无标题）'}”没有内容（其下各小节也都为空）`,
      en: (d: D) => `Section "${d.title || '(untitled)'}" has no content (its sub-sections are all empty too)`,
    },
  },
  checkPlan(plan, ctx) {
    if (plan.issues.some((i) => i.messageId === 'unclosed')) return
    const ignore = new Set(ctx.options.ignore.map(sectionName))
    // A sub-section of a section already reported is part of the same gap: one finding, on the outer heading.
    let reportedUntil = -1
    for (const section of plan.sections as Section[]) {
      if (section.start < plan.bodyStart || section.start < reportedUntil) continue
      if (ignore.has(section.name) || section.nodes.some(isContent)) continue
      reportedUntil = section.end
      ctx.report({
        file: plan,
        place: nodePlace(plan, section.heading),
        messageId: section.nodes.some((n) => n.type === 'heading') ? 'empty-subsections' : 'default',
        data: { title: section.title },
      })
    }
  },
})
