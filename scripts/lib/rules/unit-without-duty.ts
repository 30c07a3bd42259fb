import { defineRule, message } from './define-rule.ts'
import { yamlPlace } from '../model/plan.ts'
import { unitMatcher, bodyMentions } from '../text/unit-mentions.ts'

type D = { name: string; id: string }
const m = message<D>

export default defineRule({
  id: 'unit-without-duty',
  name: { zh: '单位无职责', en: 'Unit without duty' },
  family: 'responsibility',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '前言列出的责任单位既没有职责，正文也没有提到', en: 'A listed unit has no duties and the text never mentions it' },
    why: {
      zh: '预案要写明各成员单位的职责（突发事件应对法第二十八条）。只挂名、没有任何职责的单位，应急时不知道该做什么，演练评估表也无从检查；“有名无实”是各地预案检查反复指出的问题。',
      en: 'A plan must state what each member unit does (Emergency Response Law art. 28). A unit that is listed but given nothing to do does not know its part in an emergency, and a drill cannot check it; units "in name only" are a finding of plan inspections everywhere.',
    },
    notReported: {
      zh: 'duties 中写有职责，或正文用单位名称、任一别名提到它的单位不报告。',
      en: 'A unit with duties listed, or mentioned in the body by its name or any alias, is not reported.',
    },
    fix: {
      zh: '在该单位的 duties 中写明具体职责，或在正文（如“成员单位职责”）中写明它做什么；确实不参与的，从 units 中删去。正文用单位的名称或任一别名提到它都算；几个单位共用的别名，对其中每个单位都算提到（宁可不报）。',
      en: 'List the unit\'s concrete duties under duties, or say what it does in the text (e.g. under 成员单位职责); if it takes no part, remove it from units. Any mention of its name or an alias in the text counts; an alias several units share counts for each of them (silence rather than a wrong finding).',
    },
    bad: 'units:\n  - unit: shi-shangwu\n    role: member\n---\n（正文没有提到市商务局）',
    good: 'units:\n  - unit: shi-shangwu\n    role: member\n    duties: [组织生活必需品应急供应]',
  },
  messages: {
    default: m(
      (d) => `责任单位“${d.name}”（${d.id}）没有写明职责，正文也没有提到它：请在职责（duties）中写明，或从责任单位（units）中删去`,
      (d) => `Unit "${d.name}" (${d.id}) has no duties and the text never mentions it: list its duties, or remove it from units`,
    ),
  },
  checkPlan(plan, ctx) {
    const { units } = ctx.library
    const idle = plan.data.units.filter((u) => units.has(u.unit) && !(u.duties ?? []).some((d) => d.trim()))
    if (!idle.length) return
    // A shared or generic alias counts for every unit it may mean: silence is better than a wrong finding.
    const mentioned = new Set(bodyMentions(plan, unitMatcher(units)).flatMap((mention) => [mention.unitId, ...(mention.candidates ?? [])]))
    plan.data.units.forEach((u, i) => {
      if (!idle.includes(u) || mentioned.has(u.unit)) return
      ctx.report({ file: plan, place: yamlPlace(plan, ['units', i, 'unit']), data: { name: units.name(u.unit), id: u.unit } })
    })
  },
})
