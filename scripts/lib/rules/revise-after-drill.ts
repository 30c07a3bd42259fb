import { defineRule } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { drillFindings, drillsOf, lastRevision } from '../model/plan-history.ts'
import { isInForce } from '../model/vocabulary.ts'

type D = { text: string; drill: string; date: string; revised?: string }

export default defineRule({
  id: 'revise-after-drill',
  name: { zh: '演练后未修订', en: 'Not revised after drill' },
  family: 'lifecycle',
  severity: 'warn',
  options: {},
  docs: {
    summary: {
      zh: '演练发现需要修订预案的问题，但预案在演练后没有修订',
      en: 'A drill found a problem that requires revising the plan, and the plan has not been revised since the drill',
    },
    why: {
      zh: '“在突发事件实际应对和应急演练中发现问题需要作出重大调整的”是修订预案的法定情形（国办发〔2013〕101号第二十五条，2024 年《办法》保留）。各地年度报告反复指出“演练后预案不修订”（见 docs/regulations.md#revision-triggers）。',
      en: 'Problems found in a real response or a drill are a statutory revision trigger (国办发〔2013〕101号 art. 25, kept in 2024). "Plans not revised after drills" recurs in every annual report (see docs/regulations.md#revision-triggers).',
    },
    notReported: {
      zh: 'requires_revision 不为 true 的问题不报告；演练之后修订、评估（dates.last_reviewed）或重新发布过的预案不报告；草案、已替代、已废止的预案不报告；日期在“今天”之后的演练不计。',
      en: 'Findings without requires_revision: true are not reported, nor plans revised, reviewed or republished on or after the drill, nor drafts, superseded or retired plans; drills dated after today do not count.',
    },
    fix: {
      zh: '按演练发现的问题修订预案，并更新 dates.last_reviewed（或重新审批、发布后更新 dates.approved、dates.published），日期应不早于演练日期。如果问题其实不需要修订预案，把演练记录中该问题的 requires_revision 改为 false。',
      en: 'Revise the plan for the finding and update dates.last_reviewed (or dates.approved / dates.published after re-issue) to a date on or after the drill. If the finding does not in fact need a revision, set its requires_revision to false in the drill record.',
    },
    bad: '# 预案\ndates:\n  approved: 2024-05-10\n  published: 2024-05-20\n  last_reviewed: 2025-03-01\n\n# plans/drills/2026-06-18-….md\ndate: 2026-06-18\nfindings:\n  - text: 预案未明确转移安置点\n    severity: major\n    unit: xishan-yingji\n    action: 在预案中明确各乡镇转移安置点\n    due: 2026-09-30\n    status: done\n    requires_revision: true',
    good: '# 预案\ndates:\n  approved: 2024-05-10\n  published: 2024-05-20\n  last_reviewed: 2026-09-10\n\n# plans/drills/2026-06-18-….md\ndate: 2026-06-18\nfindings:\n  - text: 预案未明确转移安置点\n    severity: major\n    unit: xishan-yingji\n    action: 在预案中明确各乡镇转移安置点\n    due: 2026-09-30\n    status: done\n    requires_revision: true',
  },
  messages: {
    default: {
      zh: (d: D) => `${d.date} 演练（${d.drill}）发现“${d.text}”需要修订预案，但预案此后未修订（最近评估或修订日期 ${d.revised}）`,
      en: (d: D) => `The drill of ${d.date} (${d.drill}) found "${d.text}", which requires revising the plan, but the plan has not been revised since (last review or revision ${d.revised})`,
    },
  },
  checkPlan(plan, ctx) {
    if (!isInForce(plan)) return
    const revised = lastRevision(plan)
    for (const drill of drillsOf(ctx.library, plan.data.id)) {
      if (drill.date > ctx.today) continue
      // Revised on the drill's day or later counts as revised for it.
      if (revised && revised.date >= drill.date) continue
      for (const { finding, index } of drillFindings(drill.record)) {
        if (finding.requires_revision !== true) continue
        ctx.report({
          file: plan,
          place: revised ? yamlPlace(plan, ['dates', revised.key]) : yamlPlace(plan, ['dates'], 'key'),
          data: { text: finding.text, drill: drill.record.path, date: drill.date, revised: revised?.date ?? '—' },
          cause: { file: drill.record.path, place: yamlPlace(drill.record, ['findings', index, 'requires_revision']) },
        })
      }
    }
  },
})
