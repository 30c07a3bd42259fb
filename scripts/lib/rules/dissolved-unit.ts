import { defineRule } from './define-rule.ts'
import { yamlPlace, yamlRange, type Plan } from '../model/plan.ts'
import type { YamlPath } from '../load/frontmatter.ts'
import { unitMatcher, bodyMentions } from '../text/unit-mentions.ts'

/** Frontmatter fields that hold a unit id, with their YAML paths. */
function unitRefs(plan: Plan): { id: string; path: YamlPath }[] {
  const refs: { id: string; path: YamlPath }[] = [{ id: plan.data.issuer, path: ['issuer'] }]
  if (plan.data.lead_unit) refs.push({ id: plan.data.lead_unit, path: ['lead_unit'] })
  plan.data.units.forEach((u, i) => refs.push({ id: u.unit, path: ['units', i, 'unit'] }))
  return refs
}

export default defineRule({
  id: 'dissolved-unit',
  name: { zh: '单位已撤销', en: 'Dissolved unit' },
  family: 'form',
  severity: 'error',
  scope: 'file',
  options: {},
  docs: {
    summary: { zh: '引用了已撤销或合并的单位', en: 'References a unit that was dissolved or merged' },
    why: {
      zh: '2018 年机构改革后，安监局、林业局、国土资源局等已撤销，职责划入应急管理局、自然资源和规划局等；预案仍写旧机构，应急时会找不到责任单位。单位或职责变化是修订预案的法定情形（DOMAIN.md §4）。',
      en: 'After the 2018 reorganisation units such as the work-safety bureau were merged into others; a plan that still names them assigns work to nobody. A change of units is a statutory revision trigger (DOMAIN.md §4).',
    },
    fix: {
      zh: '把前言中的单位编号改为 units.yaml 中的 replaced_by（yuanku lint --fix 可自动修改），并修改正文中的旧名称。',
      en: 'Replace the id with its replaced_by from units.yaml (yuanku lint --fix does it) and reword the text.',
    },
    bad: 'units:\n  - unit: shi-anjian   # 示例市安全生产监督管理局，2019 年撤销\n    role: member\n\n市安监局负责……',
    good: 'units:\n  - unit: shi-yingji\n    role: member\n\n市应急管理局负责……',
  },
  messages: {
    default: {
      zh: (d) => `单位“${d.name}”已于 ${d.on} 撤销，应改为“${d.by}”（${d.byId}）`,
      en: (d) => `Unit "${d.name}" was dissolved on ${d.on}; use "${d.by}" (${d.byId}) instead`,
    },
    'no-successor': {
      zh: (d) => `单位“${d.name}”已于 ${d.on} 撤销，且没有承接单位，请改为现有单位`,
      en: (d) => `Unit "${d.name}" was dissolved on ${d.on} and has no successor; name an existing unit`,
    },
    text: {
      zh: (d) => `正文提到已撤销的单位“${d.text}”，应改为“${d.by}”`,
      en: (d) => `The text names the dissolved unit "${d.text}"; it is now "${d.by}"`,
    },
  },
  checkPlan(plan, ctx) {
    const { units } = ctx.library
    const unitsFile = ctx.library.unitsFile
    const causeOf = (id: string) =>
      unitsFile && units.indexOf.has(id)
        ? { cause: { file: unitsFile.path, place: yamlPlace(unitsFile, ['units', units.indexOf.get(id)!, 'status']) } }
        : {}
    for (const ref of unitRefs(plan)) {
      const unit = units.get(ref.id)
      if (!unit || unit.status !== 'dissolved') continue
      const successor = units.successor(ref.id)
      const range = yamlRange(plan, ref.path)
      const data = { name: unit.name, on: unit.dissolved_on ?? '?', by: successor?.name ?? '', byId: successor?.id ?? '' }
      ctx.report({
        file: plan,
        place: yamlPlace(plan, ref.path),
        messageId: successor ? 'default' : 'no-successor',
        data,
        ...causeOf(ref.id),
        // Certain only when the value is the bare id (not quoted, no comment inside the range).
        ...(successor && range && plan.text.slice(range[0], range[1]) === ref.id ? { fix: { start: range[0], end: range[1], text: successor.id } } : {}),
      })
    }
    for (const mention of bodyMentions(plan, unitMatcher(units))) {
      const unit = units.get(mention.unitId)
      if (!unit || unit.status !== 'dissolved') continue
      const successor = units.successor(unit.id)
      ctx.report({
        file: plan,
        place: plan.lines.place(mention.start, mention.end),
        messageId: 'text',
        data: { text: mention.text, by: successor?.name ?? '?' },
        ...causeOf(unit.id),
      })
    }
  },
})
