import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'

type D = { id: string }
const m = message<D>

export default defineRule({
  id: 'self-reference',
  name: { zh: '预案引用自身', en: 'Plan refers to itself' },
  family: 'linkage',
  severity: 'error',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '预案在 supersedes 或 related 中列出了自己', en: 'A plan lists itself in supersedes or related' },
    why: {
      zh: '一份预案不能替代自己，也不能与自己联动。这通常是复制另一份预案的前言后忘了改编号：原本要写的被替代旧版或联动预案就此丢失，旧版不会被提示改为“已替代”，站点上的关联关系也是错的。（列为自己的上位预案由 parent-cycle 报告。）默认为错误：这必然是写错了。',
      en: 'A plan cannot replace itself or be linked with itself. This usually comes from copying another plan\'s frontmatter and not changing the id: the old version or the linked plan that was meant is lost, the old version is never flagged to become superseded, and the site shows a wrong link. (Listing itself as a parent is reported by parent-cycle.) An error by default: it is always a mistake.',
    },
    fix: {
      zh: '改为真正被替代的旧版或联动预案的编号；没有就删掉这一项。',
      en: 'Write the id of the old version or linked plan that was meant, or remove the entry.',
    },
    notReported: {
      zh: 'parents 中列出自己（由 parent-cycle 报告）；列出编号相近但不同的预案；在 supersedes 中列出被本预案替代的旧版本。',
      en: 'Listing itself under parents (parent-cycle reports that); a plan with a similar but different id; the old version a plan supersedes.',
    },
    bad: 'id: shili-flood\nsupersedes: [shili-flood]\nrelated:\n  - plan: shili-flood\n    relation: neighbour',
    good: 'id: shili-flood\nsupersedes: [shili-flood-2019]\nrelated:\n  - plan: xishan-flood\n    relation: neighbour',
  },
  messages: {
    default: m((d) => `预案把自己（${d.id}）列为被替代的预案`, (d) => `The plan lists itself (${d.id}) as a plan it supersedes`),
    related: m((d) => `预案把自己（${d.id}）列为关联预案`, (d) => `The plan lists itself (${d.id}) as a related plan`),
  },
  checkPlan(plan, ctx) {
    const id = plan.data.id
    plan.data.supersedes?.forEach((s, i) => {
      if (s === id) ctx.report({ file: plan, place: yamlPlace(plan, ['supersedes', i]), data: { id } })
    })
    plan.data.related?.forEach((r, i) => {
      if (r.plan === id) ctx.report({ file: plan, place: yamlPlace(plan, ['related', i, 'plan']), messageId: 'related', data: { id } })
    })
  },
})
