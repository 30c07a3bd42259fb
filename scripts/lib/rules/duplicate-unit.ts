import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { mergeUnitsFix } from '../unit-merge.ts'

type D = { id: string; name: string; line: number }
const m = message<D>

export default defineRule({
  id: 'duplicate-unit',
  name: { zh: '单位重复列出', en: 'Unit listed twice' },
  family: 'responsibility',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '同一单位在 units 中列了两次', en: 'A unit is listed twice in units' },
    why: {
      zh: '一个单位在一份预案中只有一个角色和一组职责。列两次时（常见于合并两份预案的单位表，或把已撤销单位改为承接单位之后），两处的角色可能互相矛盾（既牵头又配合），职责分散在两处，站点的单位职责页和牵头冲突检查都会算错。',
      en: 'A unit has one role and one set of duties in a plan. Listed twice (common after merging two unit tables, or after replacing a dissolved unit by its successor), the two roles may contradict each other (both lead and member), the duties are split, and the site\'s unit pages and the lead checks count it wrongly.',
    },
    fix: {
      zh: '合并为一项：角色取较强者（lead 优先，其次 member、support），职责合并去重。yuanku lint --fix 自动合并到第一次出现的那一项（块格式的列表）。',
      en: 'Merge into one entry: the stronger role (lead first, then member, support) and the duties of both without repeats. `yuanku lint --fix` merges into the first entry (block-style lists).',
    },
    notReported: {
      zh: '同一单位同时是牵头单位（lead_unit）并在 units 中列出一次；不同单位名称相近；contacts 中同一单位的多个联系人。',
      en: 'A unit that is lead_unit and listed once in units; different units with similar names; several contacts of one unit.',
    },
    bad: 'units:\n  - unit: shi-ziran\n    role: lead\n    duties: [组织扑救]\n  - unit: shi-ziran\n    role: member\n    duties: [预防宣传]',
    good: 'units:\n  - unit: shi-ziran\n    role: lead\n    duties: [组织扑救, 预防宣传]',
  },
  messages: {
    default: m((d) => `单位“${d.name}”（${d.id}）在责任单位（units）中已列出（第 ${d.line} 行），应合并为一项`, (d) => `Unit "${d.name}" (${d.id}) is already listed in units (line ${d.line}); merge the two entries`),
  },
  checkPlan(plan, ctx) {
    const first = new Map<string, number>()
    plan.data.units.forEach((u, i) => {
      const earlier = first.get(u.unit)
      if (earlier === undefined) {
        first.set(u.unit, i)
        return
      }
      const fix = mergeUnitsFix(plan, earlier, i)
      ctx.report({
        file: plan,
        place: yamlPlace(plan, ['units', i, 'unit']),
        data: { id: u.unit, name: ctx.library.units.name(u.unit), line: yamlPlace(plan, ['units', earlier, 'unit']).line },
        cause: { file: plan.path, place: yamlPlace(plan, ['units', earlier, 'unit']) },
        ...(fix ? { fix } : {}),
      })
    })
  },
})
