import type { Root } from 'mdast'
import { defineRule, message, type Report } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'
import type { LibrarySettings } from '../model/settings.ts'
import { eachNode } from '../text/plan-text.ts'
import { isHistorical } from '../text/history.ts'
import { listingTables } from './unit-not-declared.ts'

type D = { owner: string; func: string; to: string; keeps?: string }
const m = message<D>

/** One function the 2018 reorganisation moved: the words for it, its old owner's names, the new owner. */
export interface MovedFunction {
  id: string
  function: string[]
  /** Names of the old owner; empty when the function words name the old body themselves (公安消防支队). */
  from: string[]
  to: string
  keeps?: string
}

/**
 * The State Council reorganisation plan of March 2018 (第十三届全国人民代表大会第一次会议批准的《国务院机构改革方案》),
 * carried out at provincial, city and county level in 2018–2019: what moved to emergency management.
 */
export const DEFAULT_MOVED_FUNCTIONS: MovedFunction[] = [
  {
    id: 'relief',
    function: ['救灾物资', '受灾群众生活救助', '受灾人员生活救助', '自然灾害救助', '灾情统计', '灾情核查', '救灾款物'],
    from: ['民政局', '民政部门', '民政厅', '民政部'],
    to: '应急管理部门',
    keeps: '临时救助、殡葬服务、慈善和社会捐助组织',
  },
  {
    id: 'flood-office',
    function: ['防汛抗旱指挥部', '防汛指挥部', '防指', '防汛办', '防汛抗旱办公室'],
    from: ['水利局', '水务局', '水利部门', '水利厅'],
    to: '应急管理部门',
    keeps: '水利工程防汛调度和抢险技术支撑',
  },
  {
    id: 'forest-fire',
    function: ['森林防火指挥部', '森林防灭火指挥部', '森防指', '森林防火办公室', '森林火灾扑救', '扑救森林火灾', '森林火灾应急处置'],
    from: ['林业局', '林业和草原局', '林草局', '林业部门', '林业主管部门', '林业厅'],
    to: '应急管理部门',
    keeps: '森林火灾预防和火情早期处理',
  },
  {
    id: 'quake-office',
    function: ['抗震救灾指挥部', '震灾应急救援'],
    from: ['地震局', '地震部门'],
    to: '应急管理部门',
    keeps: '地震监测预报和震情速报',
  },
  {
    id: 'geohazard-rescue',
    function: ['地质灾害应急救援', '地质灾害抢险救援', '地质灾害应急抢险', '地质灾害救援'],
    from: ['国土资源局', '国土资源部门', '国土局', '自然资源局', '自然资源和规划局', '自然资源部门', '自然资源主管部门'],
    to: '应急管理部门',
    keeps: '地质灾害防治、监测预警和应急处置技术支撑',
  },
  {
    id: 'fire-brigade',
    function: ['公安消防支队', '公安消防大队', '公安消防中队', '公安消防部队', '公安消防机构'],
    from: [],
    to: '消防救援机构（消防救援支队、大队）',
  },
]

/** The table in force: the built-in entries not switched off, then the library's (same id replaces). */
export function movedFunctions(settings: LibrarySettings): MovedFunction[] {
  const config = (settings as { moved_functions?: { add?: MovedFunction[]; off?: string[] } }).moved_functions ?? {}
  const off = new Set(config.off ?? [])
  const added = (config.add ?? []).filter((e) => e && typeof e.id === 'string' && Array.isArray(e.function))
  const addedIds = new Set(added.map((e) => e.id))
  return [...DEFAULT_MOVED_FUNCTIONS.filter((e) => !off.has(e.id) && !addedIds.has(e.id)), ...added.map((e) => ({ ...e, from: e.from ?? [] }))]
}

/** The new owner named in the clause: the function is with it, whoever else is named. */
const NEW_OWNER = /应急管理|应急局|应急委|消防救援/
/** The old owner only helps or advises there (the part it keeps), or is reported to. */
const SUPPORT = /配合|协助|协同|参与|技术支撑|技术支持|技术指导|技术保障|提供[^，；。]{0,12}(?:信息|资料|数据|支持)/
const REPORTED_TO = /(?:向|报|经|据|按|送|抄)$/
const CLAUSE = /[，,；;。！!？?\n]/

interface Clause {
  start: number
  text: string
}

/** Clauses of a block of text: split at ， ； 。 and line breaks, with file offsets. */
function clauses(text: string, start: number, end: number): Clause[] {
  const out: Clause[] = []
  let a = start
  for (let i = start; i <= end; i++) {
    if (i === end || CLAUSE.test(text[i])) {
      if (i > a) out.push({ start: a, text: text.slice(a, i) })
      a = i + 1
    }
  }
  return out
}

/** Blocks of prose whose clauses are read: paragraphs outside headings, and table rows as a whole. */
function blocks(tree: Root): [number, number][] {
  const out: [number, number][] = []
  eachNode(tree as unknown as { type: string; children?: never[] }, (node) => {
    const n = node as unknown as { type: string; position?: { start: { offset?: number }; end: { offset?: number } } }
    if (n.type === 'heading' || n.type === 'code' || n.type === 'html' || n.type === 'yaml') return false
    if (n.type !== 'paragraph' && n.type !== 'tableRow') return
    const s = n.position?.start.offset
    const e = n.position?.end.offset
    if (s !== undefined && e !== undefined) out.push([s, e])
    return false
  })
  return out
}

/** The first function word of an entry in a clause that counts: an office term needs 办公室/日常工作 beside it. */
function functionIn(entry: MovedFunction, clause: string): { word: string; at: number } | undefined {
  for (const word of entry.function) {
    const at = clause.indexOf(word)
    if (at === -1) continue
    if (/指挥部$|防指$|森防指$/.test(word) && !/办公室|日常工作|办事机构/.test(clause)) continue
    return { word, at }
  }
  return undefined
}

/** The old owner given the work in a clause, with a level word before it (市民政局); not one reported to. */
function ownerIn(entry: MovedFunction, clause: string): { name: string; at: number } | undefined {
  for (const word of entry.from) {
    let at = clause.indexOf(word)
    while (at !== -1) {
      let s = at
      // 市民政局, 西山县民政局: take the level word and the place name before it, up to a clause word.
      while (s > 0 && s > at - 6 && /[\u4e00-\u9fff]/.test(clause[s - 1]) && !/[由向报经据按送抄和与及或、在将对会同并负责]/.test(clause[s - 1])) s--
      if (!REPORTED_TO.test(clause.slice(0, s))) return { name: clause.slice(s, at + word.length), at: s }
      at = clause.indexOf(word, at + 1)
    }
  }
  return undefined
}

export default defineRule({
  id: 'moved-function',
  name: { zh: '职责仍归原单位', en: 'Moved function, old owner' },
  family: 'responsibility',
  severity: 'warn',
  scope: 'file',
  options: {},
  docs: {
    summary: {
      zh: '2018 年机构改革已划转的职责仍写给原单位（救灾物资给民政局、防汛抗旱指挥部办公室设在水利局等）',
      en: 'A function the 2018 reorganisation moved is still given to its old owner (relief supplies to 民政局, the flood-control office at 水利局…)',
    },
    why: {
      zh: '《国务院机构改革方案》（2018 年 3 月第十三届全国人民代表大会第一次会议批准）组建应急管理部，将民政部门的救灾职责、水利部门的防汛抗旱指挥部职责、林业部门的森林防火相关职责、地震部门的震灾应急救援职责、国土部门的地质灾害防治相关职责（应急救援部分）划入应急管理部门，公安消防部队改制为消防救援队伍；省、市、县在 2018—2019 年相应调整。预案仍把这些职责写给原单位，应急时职责落空，这是机构改革后预案修订检查中最常见的问题之一。单位用编号写时由 dissolved-unit 发现；本规则检查正文里写成名称的情形。',
      en: 'The State Council reorganisation plan approved in March 2018 moved disaster relief (from civil affairs), the flood-control HQ office (from water resources), forest-fire HQ duties (from forestry), earthquake relief (from the earthquake bureau) and geological-disaster rescue (from land resources) to emergency management, and turned the public-security fire brigades into fire and rescue teams; provinces, cities and counties followed in 2018–2019. A plan that still gives these functions to the old owner leaves them with nobody. dissolved-unit finds old units written as ids; this rule reads the names in the text.',
    },
    fix: {
      zh: '把该职责改由消息给出的现承担单位承担；原单位保留的职责（消息中给出）可以继续写给原单位。正文和前言 units 中各单位的 duties 都检查（duties 按单位在 units.yaml 中的名称判断原单位）。不报告的情形：原单位只是配合、协助、提供技术支撑或信息的分句；同一分句已写到应急管理部门或消防救援机构；向原单位报告、经原单位同意；讲历史的文字（修订说明、修订情况、沿革等章节，“原市民政局”，“……职责划入……”，机构改革叙述）；标题。职责表在 library.yaml 的 moved_functions 中：add 增加条目（编号与内置条目相同则替换），off 按编号关闭内置条目（见 docs/moved-functions.md）。',
      en: 'Give the function to the new owner named in the message; what the old owner keeps (also in the message) may stay with it. Both the text and the duties of each unit in the frontmatter `units` are read (for duties, the old owner is judged by the unit\'s registered name). Not reported: clauses where the old owner only assists, cooperates, gives technical support or information; clauses that also name emergency management or the fire and rescue service; reports to or approval by the old owner; history (revision-notes, 沿革 sections, "原市民政局", "…职责划入…", narration of the reorganisation); headings. The table is library.yaml `moved_functions`: `add` adds entries (an id equal to a built-in one replaces it), `off` switches built-in entries off by id (see docs/moved-functions.md).',
    },
    options: {
      zh: '无规则选项；职责划转表在 library.yaml 的 moved_functions 中设置，内置条目始终生效，除非在 off 中列出。',
      en: 'No rule options; the table is library.yaml `moved_functions`, whose built-in entries apply unless listed under `off`.',
    },
    notReported: {
      zh: '原单位只是配合、协助、提供技术支撑或信息的分句；同一分句已写到应急管理部门或消防救援机构；向原单位报告、经原单位同意；讲历史的文字（修订说明、修订情况、沿革等章节，“原市民政局”，“……职责划入……”，机构改革叙述）；标题。',
      en: 'Clauses where the old owner only assists, cooperates, gives technical support or information; clauses that also name emergency management or the fire and rescue service; reports to or approval by the old owner; history (revision-notes, 沿革 sections, "原市民政局", "…职责划入…", narration of the reorganisation); headings.',
    },
    bad: '（三）救灾物资保障\n\n市民政局负责救灾物资的储备、调拨和发放。市防汛抗旱指挥部办公室设在市水利局。',
    good: '（三）救灾物资保障\n\n市应急管理局负责救灾物资的储备、调拨和发放，市民政局负责临时救助和遇难人员殡葬服务。市防汛抗旱指挥部办公室设在市应急管理局，市水利局提供水利工程抢险技术支撑。',
  },
  messages: {
    default: m(
      (d) => `“${d.owner}”仍承担“${d.func}”：该职责已在 2018 年机构改革中划入${d.to}，请改由${d.to}承担${d.keeps ? `（原单位保留${d.keeps}）` : ''}`,
      (d) => `"${d.owner}" is still given "${d.func}", which the 2018 reorganisation moved to ${d.to}: give it to ${d.to}${d.keeps ? ` (the old owner keeps ${d.keeps})` : ''}`,
    ),
    named: m(
      (d) => `“${d.func}”已在 2018 年机构改革中改为${d.to}，请改用现名`,
      (d) => `"${d.func}" became ${d.to} in the 2018 reorganisation: use the current name`,
    ),
  },
  checkPlan(plan, ctx) {
    const table = movedFunctions(ctx.library.settings)
    if (!table.length) return
    // Frontmatter duties: a unit whose registered name is the old owner's (示例市水利局) given the function.
    plan.data.units.forEach((u, i) => {
      const name = ctx.library.units.get(u.unit)?.name
      if (!name) return
      ;(u.duties ?? []).forEach((duty, k) => {
        if (typeof duty !== 'string') return
        for (const entry of table) {
          if (!entry.from.some((w) => name.includes(w))) continue
          const fn = functionIn(entry, duty)
          if (!fn || NEW_OWNER.test(duty) || SUPPORT.test(duty)) continue
          const func = /指挥部$|防指$/.test(fn.word) ? `${fn.word}办公室` : fn.word
          ctx.report({ file: plan, place: yamlPlace(plan, ['units', i, 'duties', k]), data: { owner: name, func, to: entry.to, keeps: entry.keeps } })
          break
        }
      })
    })
    const text = plan.text
    // Most plans name none of the function words: skip their clauses altogether.
    const body = text.slice(plan.bodyStart)
    if (!table.some((entry) => entry.function.some((w) => body.includes(w)))) return
    // A team or supply table says who keeps a thing (地质灾害应急救援队 | 县自然资源局), not who does the work.
    const tables = listingTables(plan.tree, plan.text)
    for (const [s, e] of blocks(plan.tree)) {
      if (s < plan.bodyStart || tables.some(([a, b]) => s >= a && s < b)) continue
      const list = clauses(text, s, e)
      list.forEach((clause, i) => {
        for (const entry of table) {
          const fn = functionIn(entry, clause.text)
          if (!fn) continue
          if (entry.from.length === 0) {
            const at = clause.start + fn.at
            if (isHistorical(plan, at, at + fn.word.length)) continue
            report(plan, ctx.report, at, at + fn.word.length, 'named', { owner: fn.word, func: fn.word, to: entry.to })
            continue
          }
          if (NEW_OWNER.test(clause.text) || (entry.to && clause.text.includes(entry.to))) continue
          // 救灾物资的储备和发放，由市民政局负责: the owner in the clause right after, opened by 由.
          let where = clause
          let owner = ownerIn(entry, clause.text)
          const next = list[i + 1]
          if (!owner && next && /^\s*(?:均|统一)?(?:由|交由)/.test(next.text) && !NEW_OWNER.test(next.text)) {
            owner = ownerIn(entry, next.text)
            where = next
          }
          if (!owner || SUPPORT.test(where.text)) continue
          const at = where.start + owner.at
          if (isHistorical(plan, at, at + owner.name.length)) continue
          // The office is what moved, not the headquarters: say 防汛抗旱指挥部办公室.
          const func = /指挥部$|防指$/.test(fn.word) ? `${fn.word}办公室` : fn.word
          report(plan, ctx.report, at, at + owner.name.length, 'default', { owner: owner.name, func, to: entry.to, keeps: entry.keeps })
        }
      })
    }
  },
})

function report(plan: Plan, fn: (r: Report<'default' | 'named'>) => void, start: number, end: number, messageId: 'default' | 'named', data: D): void {
  fn({ file: plan, place: plan.lines.place(start, end), messageId, data })
}
