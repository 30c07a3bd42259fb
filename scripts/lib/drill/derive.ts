// A plan's drill-evaluation checklist: the plan's own evaluation section, or the library's
// template, plus items generated from the plan: each responsible unit's duties, each response-level
// trigger, each concrete time limit in the response and 信息报告 sections.
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { findSection, sectionName, type ChecklistTemplate, type Plan, type Section } from '../model/plan.ts'
import type { LibrarySettings } from '../model/settings.ts'
import type { UnitRegistry } from '../model/units.ts'
import { parseAttributes, splitAttributes, type ItemAttributes } from './attributes.ts'
import { parseDuration } from './duration.ts'
import { itemRef, uniqueRefs } from './ref.ts'
import type { ChecklistItem, ItemSource } from './types.ts'

/** What deriveChecklist reads of a library. */
export interface ChecklistLibrary {
  settings: Pick<LibrarySettings, 'drill_section'>
  checklists: ChecklistTemplate[]
  units: Pick<UnitRegistry, 'get'>
}

/** Phases of the generated items. */
export const GENERATED_PHASES = { duty: '责任单位履职', trigger: '分级响应启动', 'time-limit': '响应时限' } as const

/** Points of generated items: a missed trigger or time limit weighs more than one duty. */
const GENERATED_POINTS = { duty: 1, trigger: 2, 'time-limit': 2 } as const

export const LEVEL_NUMERAL: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' }

export function deriveChecklist(plan: Plan, library: ChecklistLibrary): ChecklistItem[] {
  const own = planSectionItems(plan, library)
  const base = own.length ? own : templateItems(chooseTemplate(plan, library))
  return uniqueRefs([...base, ...dutyItems(plan, library), ...triggerItems(plan), ...timeLimitItems(plan, library)])
}

/** The template a plan without its own evaluation items uses: `drill.checklist`, else the default one. */
export function chooseTemplate(plan: Pick<Plan, 'data'>, library: Pick<ChecklistLibrary, 'checklists'>): ChecklistTemplate | undefined {
  const named = plan.data?.drill?.checklist
  const byId = named ? library.checklists.find((c) => c.data?.id === named) : undefined
  return byId ?? library.checklists.find((c) => c.data?.default === true)
}

function drillSection(plan: Plan, library: ChecklistLibrary): Section | undefined {
  return findSection(plan.sections, library.settings.drill_section)
}

function planSectionItems(plan: Plan, library: ChecklistLibrary): ChecklistItem[] {
  const section = drillSection(plan, library)
  if (!section) return []
  return taskItems(section.nodes, sectionName(section.title), 'plan', section.depth)
}

export function templateItems(template: ChecklistTemplate | undefined): ChecklistItem[] {
  if (!template) return []
  const nodes = template.tree.children.filter((n) => n.type !== 'yaml')
  return taskItems(nodes, template.data?.title ?? template.data?.id ?? '', 'template', 0)
}

/** GFM task items under headings; the nearest heading deeper than `depth` names the phase. */
function taskItems(nodes: RootContent[], defaultPhase: string, source: ItemSource, depth: number): ChecklistItem[] {
  const items: ChecklistItem[] = []
  let phase = defaultPhase
  const visitList = (list: List) => {
    for (const li of list.children as ListItem[]) {
      const para = li.children.find((c): c is Paragraph => c.type === 'paragraph')
      if (li.checked !== null && li.checked !== undefined && para) {
        const item = toItem(toString(para), phase, source)
        if (item) items.push(item)
      }
      for (const child of li.children) if (child.type === 'list') visitList(child)
    }
  }
  for (const node of nodes) {
    if (node.type === 'heading' && (node as Heading).depth > depth) phase = sectionName(toString(node)) || defaultPhase
    else if (node.type === 'list') visitList(node)
  }
  return items
}

function toItem(written: string, phase: string, source: ItemSource): ChecklistItem | undefined {
  const { text, raw } = splitAttributes(written.replace(/\s*\n\s*/g, ' '))
  if (!text) return undefined
  const attributes: ItemAttributes = raw === undefined ? {} : parseAttributes(raw).attributes
  const within = attributes.within === undefined ? undefined : parseDuration(attributes.within)
  return {
    ref: itemRef(source, text),
    phase,
    text,
    points: attributes.points ?? 1,
    critical: attributes.critical ?? false,
    ...(within === undefined ? {} : { within }),
    source,
  }
}

function dutyItems(plan: Plan, library: ChecklistLibrary): ChecklistItem[] {
  const items: ChecklistItem[] = []
  for (const entry of Array.isArray(plan.data?.units) ? plan.data.units : []) {
    if (typeof entry?.unit !== 'string' || !Array.isArray(entry.duties)) continue
    const name = library.units.get(entry.unit)?.name ?? entry.unit
    for (const duty of entry.duties) {
      if (typeof duty !== 'string' || !duty.trim()) continue
      const text = `${name}：${duty.trim()}`
      items.push({ ref: itemRef('duty', text, entry.unit), phase: GENERATED_PHASES.duty, text, points: GENERATED_POINTS.duty, critical: false, source: 'duty', unit: entry.unit })
    }
  }
  return items
}

function triggerItems(plan: Plan): ChecklistItem[] {
  const items: ChecklistItem[] = []
  for (const level of Array.isArray(plan.data?.response_levels) ? plan.data.response_levels : []) {
    if (typeof level?.trigger !== 'string' || !level.trigger.trim()) continue
    const numeral = LEVEL_NUMERAL[level.level] ?? level.level
    const trigger = level.trigger.trim().replace(/[。.；;]+$/, '')
    const by = typeof level.commander === 'string' && level.commander.trim() ? `，由${level.commander.trim()}指挥` : ''
    const text = `达到“${trigger}”时按程序启动${numeral}级响应${by}`
    items.push({ ref: itemRef('trigger', text, String(level.level)), phase: GENERATED_PHASES.trigger, text, points: GENERATED_POINTS.trigger, critical: false, source: 'trigger' })
  }
  return items
}

/** Sections whose time limits become items: the response and its 信息报告/先期处置 parts (not 后期处置). */
const RESPONSE_SECTION = /应急响应|^响应|响应启动|响应程序|分级响应|信息报告|报告程序|先期处置|应急处置|处置措施|处置程序|现场处置|Response|Report/i

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 一 … 九十九, 两, 半 as a number. */
function chineseNumber(s: string): number | undefined {
  if (s === '半') return 0.5
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s)
  const ten = s.indexOf('十')
  if (ten === -1) return s.length === 1 ? CN_DIGIT[s] : undefined
  const tens = ten === 0 ? 1 : CN_DIGIT[s.slice(0, ten)]
  const ones = ten === s.length - 1 ? 0 : CN_DIGIT[s.slice(ten + 1)]
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones
}

/** A concrete limit: "30分钟内", "1小时以内", "两个小时内", "半小时内". Days are left out: a drill is not timed in days. */
const LIMIT = /(\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3}|半)\s*个?\s*(分钟|小时)\s*(?:内|以内|之内)/g

export interface FoundLimit {
  sentence: string
  limit: string
  minutes: number
}

/** "24小时内降雨量超过100毫米" is a measuring window of a trigger, not a time limit to meet. */
const MEASURE_AFTER = /^.{0,12}?(降雨|雨量|降水|降雪|气温|风力|风速|水位|流量|涨幅|震级|病例|死亡|发病)/
const MEASURE_BEFORE = /(连续|累计|过去|最近)$/
/** A response-level definition ("Ⅲ级：…") holds triggers, not limits. */
const LEVEL_DEFINITION = /^[ⅠⅡⅢⅣIV一二三四]+级(响应)?[:：]/

/** Every concrete time limit in a text, with the sentence it sits in. */
export function findTimeLimits(text: string): FoundLimit[] {
  const out: FoundLimit[] = []
  for (const sentence of text.split(/[。；;！!？?\n]+/)) {
    const s = sentence.trim()
    if (!s || LEVEL_DEFINITION.test(s)) continue
    for (const m of s.matchAll(LIMIT)) {
      const after = s.slice(m.index + m[0].length)
      if (MEASURE_AFTER.test(after) || MEASURE_BEFORE.test(s.slice(0, m.index))) continue
      const n = chineseNumber(m[1])
      if (n === undefined || n <= 0) continue
      out.push({ sentence: s, limit: `${m[1]}${m[2]}`, minutes: m[2] === '小时' ? n * 60 : n })
    }
  }
  return out
}

function timeLimitItems(plan: Plan, library: ChecklistLibrary): ChecklistItem[] {
  const drill = drillSection(plan, library)
  // The title heading of an onsite plan ("# 储罐区泄漏现场处置方案") names a response word but is the whole plan.
  const title = typeof plan.data?.title === 'string' ? sectionName(plan.data.title) : undefined
  const ranges = plan.sections
    .filter((s) => s !== drill && s.name !== title && RESPONSE_SECTION.test(s.name) && !/后期/.test(s.name))
    .map((s) => [s.bodyStart, s.end] as const)
  if (!ranges.length) return []
  const inDrill = (offset: number) => drill !== undefined && offset >= drill.start && offset < drill.end
  const inRange = (offset: number) => !inDrill(offset) && ranges.some(([a, b]) => offset >= a && offset < b)
  const items: ChecklistItem[] = []
  for (const para of paragraphs(plan.tree)) {
    const offset = para.position?.start.offset
    if (offset === undefined || !inRange(offset)) continue
    const limits = findTimeLimits(toString(para))
    const perSentence = new Map<string, number>()
    for (const l of limits) perSentence.set(l.sentence, (perSentence.get(l.sentence) ?? 0) + 1)
    for (const l of limits) {
      const text = (perSentence.get(l.sentence) ?? 0) > 1 ? `${l.sentence}（时限：${l.limit}）` : l.sentence
      items.push({ ref: itemRef('time-limit', text), phase: GENERATED_PHASES['time-limit'], text, points: GENERATED_POINTS['time-limit'], critical: false, within: l.minutes, source: 'time-limit' })
    }
  }
  return items
}

function paragraphs(tree: Root): Paragraph[] {
  const out: Paragraph[] = []
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'paragraph') {
      out.push(node as Paragraph)
      return
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) walk(child)
  }
  walk(tree)
  return out
}
