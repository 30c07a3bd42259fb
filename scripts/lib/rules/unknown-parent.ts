import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { closestId } from '../text/closest.ts'
import { contentKey } from '../text/content-key.ts'

type D = { id: string; suggestion?: string; title?: string }
const m = message<D>

export default defineRule({
  id: 'unknown-parent',
  name: { zh: '上位预案不存在', en: 'Unknown parent' },
  family: 'linkage',
  severity: 'error',
  options: {},
  docs: {
    summary: { zh: '上位预案编号在库中不存在', en: 'A parent plan id does not exist in the library' },
    why: {
      zh: '上位预案用编号指向库内预案（Yuanku 的约定，见 docs/regulations.md#yuanku-rules）；编号写错或上级预案已改号，纵向衔接就断了，层级、事件种类和修订检查都会跳过这一环。默认为错误：这是确定的数据错误，不是判断问题。',
      en: 'Parents point at plans in the library by id (Yuanku\'s own rule, see docs/regulations.md#yuanku-rules); a mistyped or renamed id breaks the chain, and level, hazard and revision checks skip that link. An error by default: it is a certain data mistake, not a judgement.',
    },
    notReported: {
      zh: 'external（库外上级预案）不检查；编号存在于库中（不论状态）即不报告，已替代的上位预案由 stale-parent 报告。',
      en: 'external entries are not checked; an id that exists in the library (whatever its status) is not reported here; a superseded parent is stale-parent\'s finding.',
    },
    fix: {
      zh: '改为库内预案的编号（消息会给出最接近的编号）；上级预案不在本库时改用 `external: 预案名称`。',
      en: 'Use the id of a plan in the library (the message gives the closest one); for a parent outside the library write `external: <title>` instead.',
    },
    bad: 'parents:\n  - plan: shili-overal   # 库中没有这个编号',
    good: 'parents:\n  - plan: shili-overall\n  - external: 某某省突发事件总体应急预案\n    issuer: 某某省人民政府',
  },
  messages: {
    default: m((d) => `上位预案“${d.id}”在库中不存在`, (d) => `Parent plan "${d.id}" does not exist in the library`),
    suggest: m(
      (d) => `上位预案“${d.id}”在库中不存在，是否应为“${d.suggestion}”（${d.title}）？`,
      (d) => `Parent plan "${d.id}" does not exist in the library — did you mean "${d.suggestion}" (${d.title})?`,
    ),
  },
  checkLibrary(ctx) {
    const byId = ctx.library.planById
    const ids = [...byId.keys()]
    // A did-you-mean compares with every id of the library: once per missing id in a run, and kept
    // between runs (ctx.memo) for as long as the library has the same ids.
    const idsKey = ctx.memo ? contentKey({ text: ids.join('\n') }) : ''
    // '' when nothing is close enough.
    const found = new Map<string, string>()
    const closestTo = (missing: string): string | undefined => {
      let hit = found.get(missing)
      if (hit === undefined) {
        const key = `${idsKey}\u0000${missing}`
        hit = ctx.memo?.get(key) as string | undefined
        if (typeof hit !== 'string') {
          hit = closestId(missing, ids) ?? ''
          ctx.memo?.set(key, hit)
        }
        found.set(missing, hit)
      }
      return hit || undefined
    }
    for (const plan of ctx.plans) {
      plan.data.parents.forEach((p, i) => {
        if (p.plan === undefined || byId.has(p.plan)) return
        // Never suggest the plan itself: that would be a cycle. (The closest of the others is the closest
        // of all unless that is the plan itself.)
        let suggestion = closestTo(p.plan)
        if (suggestion === plan.data.id) suggestion = closestId(p.plan, ids.filter((id) => id !== plan.data.id))
        ctx.report({
          file: plan,
          place: yamlPlace(plan, ['parents', i, 'plan']),
          messageId: suggestion ? 'suggest' : 'default',
          data: { id: p.plan, suggestion, title: suggestion ? String(byId.get(suggestion)?.data.title ?? '') : undefined },
        })
      })
    }
  },
})
