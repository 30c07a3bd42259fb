import { defineRule } from './define-rule.ts'
import { yamlPlace, yamlRange, type Plan } from '../model/plan.ts'
import type { YamlPath } from '../load/frontmatter.ts'
import { unitMatcher, bodyMentions } from '../text/unit-mentions.ts'
import { mergeUnitsFix } from '../unit-merge.ts'
import type { Fix } from '../model/finding.ts'
import type { UnitRegistry } from '../model/units.ts'
import { isHistorical } from '../text/history.ts'

/** A contact's unit written as an id rather than a name. */
const ID_SHAPE = /^[a-z0-9][a-z0-9-]*$/

/** Frontmatter fields that hold a unit id, with their YAML paths. */
function unitRefs(plan: Plan): { id: string; path: YamlPath }[] {
  const refs: { id: string; path: YamlPath }[] = [{ id: plan.data.issuer, path: ['issuer'] }]
  if (plan.data.lead_unit) refs.push({ id: plan.data.lead_unit, path: ['lead_unit'] })
  plan.data.units.forEach((u, i) => refs.push({ id: u.unit, path: ['units', i, 'unit'] }))
  // Contacts are who to call today: a dissolved unit there answers no phone.
  plan.data.contacts?.forEach((c, i) => {
    if (typeof c?.unit === 'string' && ID_SHAPE.test(c.unit)) refs.push({ id: c.unit, path: ['contacts', i, 'unit'] })
  })
  return refs
}

/**
 * The fix for a dissolved id: the bare id replaced by its successor's (certain only when the value is the
 * bare id: not quoted, no comment inside the range). A `units` entry whose successor the plan already lists
 * is merged into that entry instead (roles: lead wins; duties of both), so no unit is ever listed twice.
 */
function replaceFix(plan: Plan, units: UnitRegistry, path: (string | number)[], id: string, successorId: string, range: [number, number] | undefined): { fix?: Fix } {
  if (!range || plan.text.slice(range[0], range[1]) !== id) return {}
  const at = path[1]
  if (path[0] === 'units' && typeof at === 'number') {
    // The successor itself, or an earlier dissolved entry that becomes the same successor.
    const listed = plan.data.units.findIndex((u, i) => u.unit === successorId || (i < at && units.successor(u.unit)?.id === successorId && units.get(u.unit)?.status === 'dissolved'))
    if (listed !== -1 && listed !== at) {
      const fix = mergeUnitsFix(plan, listed, at, successorId)
      return fix ? { fix } : {}
    }
  }
  return { fix: { start: range[0], end: range[1], text: successorId } }
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
      zh: '2018 年机构改革后，安监局、林业局、国土资源局等已撤销，职责划入应急管理局、自然资源和规划局等；预案仍写旧机构，应急时会找不到责任单位，联系方式也打不通。单位或职责变化是修订预案的法定情形（《突发事件应急预案管理办法》国办发〔2013〕101号第二十五条，国办发〔2024〕5号保留）。',
      en: 'After the 2018 reorganisation units such as the work-safety bureau were merged into others; a plan that still names them assigns work to nobody, and its contacts answer no phone. A change of units or duties is a statutory revision trigger (Measures for the Management of Emergency Plans, 国办发〔2013〕101号 art. 25, kept by 国办发〔2024〕5号).',
    },
    fix: {
      zh: '把前言中的单位编号（issuer、lead_unit、units、contacts）改为 units.yaml 中的 replaced_by（yuanku lint --fix 可自动修改），并修改正文和联系方式中的旧名称。',
      en: 'Replace the id (issuer, lead_unit, units, contacts) with its replaced_by from units.yaml (yuanku lint --fix does it) and reword the text and contacts.',
    },
    notReported: {
      zh: '讲历史的文字——标题为修订说明、修订情况、修订记录、编制说明、沿革等的章节（也包括写成独立一段的“（五）修订情况”式标题，以及以“（一）修订说明：”“（一）修订情况。”开头的段落）；标明为旧机构的名称（原市安监局、原来的林业局）；叙述其去向的文字（市安监局撤销、市林业局的森林防火职责划入……、机构改革后……、2016年由市安监局印发……）；几个单位共用、按预案所属行政区无法确定的别名（见 unit-not-declared）。同一单位在其他地方被安排当前工作，仍然报告。',
      en: 'Text that tells history, i.e. sections titled 修订说明, 修订情况, 修订记录, 编制说明, 沿革 and the like (also a title written as its own paragraph, e.g. "（五）修订情况", and a paragraph opening with "（一）修订说明：" or "（一）修订情况。"); names marked as former (原市安监局, 原来的林业局); text narrating their fate (市安监局撤销, 市林业局的森林防火职责划入…, 机构改革后…, 2016年由市安监局印发…); aliases several units share that the plan\'s jurisdiction cannot resolve (see unit-not-declared). The same unit given current work elsewhere is still reported.',
    },
    bad: 'units:\n  - unit: shi-anjian   # 示例市安全生产监督管理局，2019 年撤销\n    role: member\n---\n（二）市安监局负责督促企业落实重大危险源管控措施。',
    good: 'units:\n  - unit: shi-yingji\n    role: member\n---\n（二）市应急管理局负责督促企业落实重大危险源管控措施。\n\n（一）修订情况\n\n本预案2016年版由原市安监局牵头编制。',
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
    contact: {
      zh: (d) => `联系方式中的“${d.text}”已于 ${d.on} 撤销，应改为“${d.by}”的联系方式`,
      en: (d) => `The contact "${d.text}" was dissolved on ${d.on}; give the contact of "${d.by}" instead`,
    },
    // No successor registered: say so instead of naming "?".
    'contact-no-successor': {
      zh: (d) => `联系方式中的“${d.text}”已于 ${d.on} 撤销，且没有登记承接单位，请改为现有单位的联系方式`,
      en: (d) => `The contact "${d.text}" was dissolved on ${d.on} and has no registered successor; give the contact of an existing unit`,
    },
    'text-no-successor': {
      zh: (d) => `正文提到已撤销的单位“${d.text}”，且没有登记承接单位，请改为现有单位`,
      en: (d) => `The text names the dissolved unit "${d.text}", which has no registered successor; name an existing unit`,
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
        ...(successor ? replaceFix(plan, units, ref.path, ref.id, successor.id, range) : {}),
      })
    }
    const matcher = unitMatcher(units)
    // A contact written as a name (市安监局值班室) names the unit as plain text does.
    plan.data.contacts?.forEach((c, i) => {
      if (typeof c?.unit !== 'string' || ID_SHAPE.test(c.unit)) return
      const mention = matcher.find([{ value: c.unit, start: 0 }], true).find((m) => !m.candidates && units.isDissolved(m.unitId))
      if (!mention) return
      const unit = units.get(mention.unitId)!
      const by = units.successor(unit.id)?.name
      ctx.report({
        file: plan,
        place: yamlPlace(plan, ['contacts', i, 'unit']),
        messageId: by ? 'contact' : 'contact-no-successor',
        data: { text: c.unit, on: unit.dissolved_on ?? '?', by },
        ...causeOf(unit.id),
      })
    })
    for (const mention of bodyMentions(plan, matcher)) {
      const unit = units.get(mention.unitId)
      if (!unit || unit.status !== 'dissolved' || mention.ambiguous) continue
      if (isHistorical(plan, mention.start, mention.end, unit.dissolved_on)) continue
      const successor = units.successor(unit.id)
      ctx.report({
        file: plan,
        place: plan.lines.place(mention.start, mention.end),
        messageId: successor ? 'text' : 'text-no-successor',
        data: { text: mention.text, by: successor?.name },
        ...causeOf(unit.id),
      })
    }
  },
})
