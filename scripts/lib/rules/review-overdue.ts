import { defineRule } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { addMonths, overdueSince } from '../dates.ts'
import { lastRevision, overdueText, type RevisionKey } from '../model/plan-history.ts'
import { isInForce } from '../model/vocabulary.ts'

type D = { since: string; basis: RevisionKey; months: number; due: string; overMonths: number; overDays: number }

const BASIS_ZH: Record<RevisionKey, string> = { last_reviewed: '最近评估', published: '发布', approved: '审批' }
const BASIS_EN: Record<RevisionKey, string> = { last_reviewed: 'last review', published: 'publication', approved: 'approval' }

export default defineRule({
  id: 'review-overdue',
  name: { zh: '评估逾期', en: 'Review overdue' },
  family: 'lifecycle',
  severity: 'warn',
  // Reads only the plan, the settings and today, all of which key the cache.
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '预案超过评估周期未评估或修订', en: 'A plan has not been reviewed or revised within the review interval' },
    why: {
      zh: '2024 年《突发事件应急预案管理办法》（国办发〔2024〕5号）要求预案编制单位建立定期评估制度，县级以上人民政府及其部门的预案原则上每 3 年评估一次；中型以上和高危行业企业预案也须每 3 年评估（应急管理部令第2号第三十五条）。长期不评估的预案往往与机构、风险和资源的现状脱节。详见 docs/regulations.md#evaluation-cycle。',
      en: 'The 2024 measures (国办发〔2024〕5号) require plans to be evaluated periodically, government plans every 3 years; medium-sized and high-risk enterprises likewise every 3 years (MEM Order No. 2 art. 35). A plan left unevaluated drifts away from the units, risks and resources it describes. See docs/regulations.md#evaluation-cycle.',
    },
    notReported: {
      zh: '草案、征求意见稿、已替代和已废止的预案不报告；在周期内评估（dates.last_reviewed）或重新发布过的预案不报告。',
      en: 'Drafts, plans in review, superseded and retired plans are not reported, nor plans reviewed (dates.last_reviewed) or republished within the interval.',
    },
    fix: {
      zh: '组织评估（必要时修订），并在前言 dates.last_reviewed 写明评估日期；修订后重新发布的，更新 dates.published。周期在 library.yaml 的 review.months（默认 36 个月）和 review.by_type 中设置。',
      en: 'Evaluate the plan (revise it if needed) and record the date in dates.last_reviewed; a revised version that is re-published updates dates.published. The interval is review.months in library.yaml (default 36) with per-type overrides in review.by_type.',
    },
    bad: 'status: published\ndates:\n  approved: 2021-05-10\n  published: 2021-05-20\n  last_reviewed: 2021-06-30   # 超过 36 个月',
    good: 'status: published\ndates:\n  approved: 2021-05-10\n  published: 2021-05-20\n  last_reviewed: 2025-04-15',
  },
  messages: {
    default: {
      zh: (d: D) =>
        `预案自 ${d.since}（${BASIS_ZH[d.basis]}）起已超过 ${d.months} 个月未评估或修订，应在 ${d.due} 前评估，已超期 ${overdueText.zh(d.overMonths, d.overDays)}`,
      en: (d: D) =>
        `Not reviewed or revised since ${d.since} (${BASIS_EN[d.basis]}): the review interval is ${d.months} months, so a review was due by ${d.due}; ${overdueText.en(d.overMonths, d.overDays)} overdue`,
    },
  },
  checkPlan(plan, ctx) {
    if (!isInForce(plan)) return
    const last = lastRevision(plan)
    // A plan in force always has an approval date (the schema requires it); without one there is no clock to run.
    if (!last) return
    const { review } = ctx.library.settings
    const months = (review.by_type as Partial<Record<string, number>>)[plan.data.type] ?? review.months
    const due = addMonths(last.date, months)
    if (ctx.today <= due) return
    const over = overdueSince(due, ctx.today)
    ctx.report({
      file: plan,
      place: yamlPlace(plan, ['dates', last.key]),
      data: { since: last.date, basis: last.key, months, due, overMonths: over.months, overDays: over.days },
    })
  },
})
