import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Plan } from '../model/plan.ts'
import { sectionName } from '../model/plan.ts'

/**
 * Titles of the parts of a plan that tell its history: revision notes, the record of changes, the
 * background of the reorganisation. What they say about old units describes the past, not who works now.
 */
const HISTORY_TITLE = /修订说明|修订情况|修订记录|修订历史|修改说明|修订的?主要内容|修订背景|编制说明|沿革|机构改革情况|历次修订/

/** A paragraph that stands as a title: short, no sentence end, optionally numbered or bold (（五）修订情况). */
const PSEUDO_HEADING_MAX = 24

function isPseudoHeading(text: string): boolean {
  const t = text.trim()
  return t.length > 0 && t.length <= PSEUDO_HEADING_MAX && !/[。；;，,：:]$/.test(t) && !/[。；;]/.test(t)
}

/** A paragraph opening with a numbered title ended by 。 or ： (（一）修订情况。…, 5.2 修订说明：…). */
const RUN_IN = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+(?:[.．]\d+)*[.．、]?)?\s*([^。：:，,]{2,12})[。：:．]/

const memo = new WeakMap<Root, { text: string; ranges: [number, number][] }>()

/**
 * File ranges of a plan's history parts: sections whose heading is a history title (to the next heading
 * of the same or a higher level), and, for plans that write titles as plain paragraphs, from such a
 * paragraph to the next heading or title-like paragraph.
 */
export function historyRanges(plan: Pick<Plan, 'tree' | 'text' | 'sections'>): [number, number][] {
  const cached = memo.get(plan.tree)
  if (cached && cached.text === plan.text) return cached.ranges
  const ranges: [number, number][] = []
  for (const s of plan.sections) if (HISTORY_TITLE.test(s.name)) ranges.push([s.start, s.end])
  const blocks = plan.tree.children
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i]
    if (node.type !== 'paragraph') continue
    const title = toString(node)
    const start = node.position?.start.offset ?? 0
    // （一）修订情况。本预案2016年版……: a run-in title makes its paragraph history.
    const runIn = RUN_IN.exec(title)
    if (runIn && HISTORY_TITLE.test(runIn[1])) {
      ranges.push([start, node.position?.end.offset ?? start])
      continue
    }
    if (!isPseudoHeading(title) || !HISTORY_TITLE.test(sectionName(title))) continue
    let end = plan.text.length
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]
      if (next.type === 'heading' || (next.type === 'paragraph' && isPseudoHeading(toString(next)))) {
        end = next.position?.start.offset ?? end
        break
      }
    }
    ranges.push([start, end])
  }
  memo.set(plan.tree, { text: plan.text, ranges })
  return ranges
}

/** Words that mark a name as the former one: 原市安监局, 原来的林业局, 前身为…. */
const FORMER_BEFORE = /(?:原|原来的|前身为?|旧|改革前的?|撤销前的?|撤销|不再保留)$/
/** Words after a name that narrate what became of it: 市安监局撤销, 职责划入, 更名为, （已撤销）. */
const FATE_AFTER = /^(?:[（(](?:已撤销|已更名|现为?|今)|的?(?:[^，,。；;]{0,10}?(?:职责|职能))?(?:已)?(?:划入|划转|并入|整合|移交|调整到|调整至))|^(?:撤销|更名|改名|改为|组建为|并入|不再保留)/
/** A clause that narrates the reorganisation or an old edition: it states history, it gives no work. */
const NARRATION = /机构改革|不再保留|(?:印发|发布|颁布)的?《/
/** An old edition: a year with 印发/编制/修订… (市安监局2016年印发), when the year is before the body was dissolved. */
const EDITION = /((?:19|20)\d\d)年[^，。；]*(?:印发|发布|颁布|编制|制定|修订|实施)/

const CLAUSE_END = /[，,；;。！!？?\n]/

/** The clause around [start, end): from the last clause mark before it to the next one after it. */
function clauseAround(text: string, start: number, end: number): string {
  let a = start
  while (a > 0 && !CLAUSE_END.test(text[a - 1])) a--
  let b = end
  while (b < text.length && !CLAUSE_END.test(text[b])) b++
  return text.slice(a, b)
}

/**
 * Whether a unit name at [start, end) of the plan text is history rather than a unit at work: inside a
 * revision-notes or history section, marked as former (原市安监局), followed by its fate (市安监局撤销,
 * 职责划入…), or in a clause narrating the reorganisation or an edition dated before `until` (the day the
 * body was dissolved, when known: 市安监局负责于2025年底前完成修订 is current work).
 */
export function isHistorical(plan: Pick<Plan, 'tree' | 'text' | 'sections'>, start: number, end: number, until?: string): boolean {
  if (historyRanges(plan).some(([a, b]) => start >= a && start < b)) return true
  const text = plan.text
  const before = text.slice(Math.max(0, start - 6), start).replace(/[\s*_]/g, '')
  if (FORMER_BEFORE.test(before)) return true
  const after = text.slice(end, end + 20).replace(/[\s*_]/g, '')
  if (FATE_AFTER.test(after)) return true
  const clause = clauseAround(text, start, end)
  if (NARRATION.test(clause)) return true
  const edition = EDITION.exec(clause)
  // Without the date the body went, any dated edition counts; with it, only one from before then.
  return !!edition && (!until || edition[1] <= until.slice(0, 4))
}
