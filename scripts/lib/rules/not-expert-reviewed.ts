import { defineRule } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { isIsoDate } from '../dates.ts'
import { isInForce, statusLabel } from '../model/vocabulary.ts'

type D = { status: string; review?: string; approved?: string }


export default defineRule({
  id: 'not-expert-reviewed',
  name: { zh: '未经专家评审', en: 'Not expert-reviewed' },
  family: 'lifecycle',
  severity: 'error',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '已审批或发布的预案没有专家评审（论证）日期', en: 'An approved or published plan has no expert-review date' },
    why: {
      zh: '《突发事件应对法》（2024 年修订）第二十八条要求制定预案时听取有关部门、单位和专家的意见；高危行业和中型以上企业的预案须经评审并形成书面纪要，其他单位可以论证（《生产安全事故应急预案管理办法》，应急管理部令第2号修正）。评审应在审批之前。年度检查中“预案未经专家评审即印发”是常见问题（见 docs/regulations.md#drafting）。',
      en: 'The Emergency Response Law (2024) art. 28 requires experts to be heard when a plan is made; high-risk and medium-sized enterprises need a formal review with written minutes, others a 论证 (MEM Order No. 2). The review comes before approval. "Issued without expert review" is a finding of every annual inspection (see docs/regulations.md#drafting).',
    },
    notReported: {
      zh: '草案和征求意见稿不报告（评审在审批之前）；已替代、已废止的预案不报告；dates.expert_review 不晚于 dates.approved 的不报告。',
      en: 'Drafts and plans in review are not reported (the review comes before approval), nor superseded or retired plans, nor plans whose expert_review is on or before approved.',
    },
    fix: {
      zh: '在前言 dates.expert_review 写明专家评审或论证的日期（应不晚于 dates.approved）；没有评审过的，组织评审后再审批发布。',
      en: 'Record the date of the expert review in dates.expert_review (no later than dates.approved); a plan never reviewed is reviewed first and then approved again.',
    },
    bad: 'status: published\ndates:\n  drafted: 2025-03-01\n  approved: 2025-05-10\n  published: 2025-05-20',
    good: 'status: published\ndates:\n  drafted: 2025-03-01\n  expert_review: 2025-04-18\n  approved: 2025-05-10\n  published: 2025-05-20',
  },
  messages: {
    default: {
      zh: (d: D) => `预案${statusLabel(d.status)}，但日期（dates）中没有专家评审（论证）日期（expert_review）`,
      en: (d: D) => `The plan is ${d.status} but dates has no expert_review (date of the expert review)`,
    },
    'after-approval': {
      zh: (d: D) => `专家评审日期 ${d.review} 晚于审批日期 ${d.approved}：应先评审再审批`,
      en: (d: D) => `The expert review (${d.review}) is dated after the approval (${d.approved}); the review comes first`,
    },
  },
  checkPlan(plan, ctx) {
    if (!isInForce(plan)) return
    const { expert_review: review, approved } = plan.data.dates
    if (!isIsoDate(review)) {
      ctx.report({ file: plan, place: yamlPlace(plan, ['dates'], 'key'), data: { status: plan.data.status } })
    } else if (isIsoDate(approved) && review > approved) {
      ctx.report({ file: plan, place: yamlPlace(plan, ['dates', 'expert_review']), messageId: 'after-approval', data: { status: plan.data.status, review, approved } })
    }
  },
})
