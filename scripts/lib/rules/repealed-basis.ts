import { defineRule, message } from './define-rule.ts'
import { yamlPlace, type Plan } from '../model/plan.ts'
import { isIsoDate } from '../dates.ts'
import { textRuns } from '../text/plan-text.ts'
import { currentVersion, describeVersion, effectiveCatalogue, versionDate, type CitationSettings, type CatalogueDocument } from '../citations/catalogue.ts'
import { findCitations, indexCatalogue, versionIndex, type CatalogueIndex } from '../citations/find.ts'

type D = { text?: string; title?: string; label?: string; current?: string; date?: string; own?: string; since?: string; by?: string; cite?: string }
const m = message<D>

const OPEN = '〔[（(【［'
const CLOSE = '〕]）)】］'
const DASH = '-‐‑‒–—―－'

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/**
 * A citation as it is really typed: 国办发〔2013〕101号 also as 国办发[2013]101号 or 国办发（2013）101号,
 * GB/T 29639-2013 also as GB/T29639—2013 or GB／T 29639－2013. Used for library.yaml `repealed` entries.
 */
export function citePattern(cite: string): RegExp {
  let source = ''
  for (const ch of cite.trim()) {
    if (/\s/.test(ch)) source += '\\s*'
    else if (OPEN.includes(ch)) source += `\\s*[${escape(OPEN)}]\\s*`
    else if (CLOSE.includes(ch)) source += `\\s*[${escape(CLOSE)}]\\s*`
    else if (DASH.includes(ch)) source += `\\s*[${escape(DASH)}]\\s*`
    else if (ch === '/' || ch === '／') source += '[/／]'
    else source += escape(ch)
  }
  // GB/T 29639-2013 must not match inside GB/T 29639-20130, nor 101号 inside 1101号.
  const before = /^\d/.test(cite.trim()) ? '(?<!\\d)' : ''
  const after = /\d$/.test(cite.trim()) ? '(?!\\d)' : ''
  return new RegExp(before + source + after, 'gu')
}

const indexes = new WeakMap<object, CatalogueIndex>()

/** The catalogue index for these settings, built once per settings object. */
export function catalogueIndex(settings: { citations?: unknown }): CatalogueIndex {
  let index = indexes.get(settings)
  if (!index) indexes.set(settings, (index = indexCatalogue(effectiveCatalogue(settings.citations as CitationSettings | undefined))))
  return index
}

/** The later of a plan's issue and revision dates: what it was written against. */
export function planRevisedOn(plan: Plan): string | undefined {
  const dates = (plan.data as Partial<Plan['data']>)?.dates
  if (!dates || typeof dates !== 'object') return undefined
  let best: string | undefined
  for (const key of ['published', 'last_reviewed'] as const) {
    const date = dates[key]
    if (isIsoDate(date) && (!best || date > best)) best = date
  }
  return best
}

// Sections that tell the plan's history: an old citation there is narration, not a basis.
const HISTORY = /修订说明|修订情况|修订背景|修订过程|修订记录|沿革|历次修订|编制说明/

/** File ranges of the history sections (a heading matching HISTORY up to the next heading of its level or above). */
function historyRanges(plan: Plan): [number, number][] {
  const ranges: [number, number][] = []
  const children = plan.tree.children as { type: string; depth?: number; position?: { start: { offset?: number } } }[]
  let open: { depth: number; start: number } | undefined
  for (const node of children) {
    if (node.type !== 'heading') continue
    const at = node.position?.start.offset ?? 0
    if (open && node.depth! <= open.depth) {
      ranges.push([open.start, at])
      open = undefined
    }
    const title = plan.text.slice(at, plan.text.indexOf('\n', at) === -1 ? undefined : plan.text.indexOf('\n', at))
    if (!open && HISTORY.test(title)) open = { depth: node.depth!, start: at }
  }
  if (open) ranges.push([open.start, plan.text.length])
  return ranges
}

// Words that make a clause narration: the old document is named as what was repealed or replaced.
const NARRATION = /废止|代替|替代|取代|修订前|失效/
// A later amendment written after the old citation: 根据2019年7月11日应急管理部令第2号修正.
const AMENDED_IN = /(\d{4})\s*年[^。；;\n]{0,40}?(修正|修订|修改)/gu

function clauseAround(value: string, start: number, end: number): { before: string; after: string } {
  let a = start
  while (a > 0 && !'。；;\n'.includes(value[a - 1])) a--
  let b = end
  while (b < value.length && !'。；;\n'.includes(value[b]) && b - end < 160) b++
  return { before: value.slice(a, start), after: value.slice(end, b) }
}

export default defineRule({
  id: 'repealed-basis',
  name: { zh: '依据已废止', en: 'Repealed basis' },
  family: 'form',
  severity: 'warn',
  scope: 'file',
  anyPlan: true,
  options: {},
  docs: {
    summary: {
      zh: '正文引用了法律、法规、规章、标准或国家预案已被替代的版本，或已废止的文件',
      en: 'The text cites a superseded version of a law, regulation, order, standard or national plan, or a withdrawn document',
    },
    why: {
      zh: '法律、法规、标准或上位预案变化是修订预案的法定情形（《突发事件应急预案管理办法》国办发〔2024〕5号）。引用旧版本的预案把已经改变的职责、时限和限值教给应急人员，例如《安全生产法》已于 2021-09-01 施行修正版（主席令第88号），《突发事件应对法》2024 年修订（主席令第25号）自 2024-11-01 起施行，GB 18218-2018 代替了 2009 和 2000 年版。规则依据随 Yuanku 发布的引用文件目录（见 docs/regulations.md）。',
      en: 'A change of laws, standards or the plan above is a statutory revision trigger (Measures for the Management of Emergency Plans, 国办发〔2024〕5号). A plan citing an old version teaches responders duties, time limits and thresholds that have changed: the Work Safety Law was amended in force 2021-09-01 (主席令第88号), the Emergency Response Law revised in 2024 (主席令第25号, in force 2024-11-01), GB 18218-2018 replaced the 2009 and 2000 editions. The rule reads the catalogue of cited documents shipped with Yuanku (docs/regulations.md).',
    },
    fix: {
      zh: '改引消息中给出的现行版本，并按新版本核对相关条款。文号或标准年号能确定地替换时（同一发文机关的新文号、同一标准编号的新年号、法律的新修正年份），yuanku lint --fix 自动修改；规章被另一部门的令修正时写成“原……令第88号公布，根据2019年7月11日应急管理部令第2号修正”。',
      en: 'Cite the current version named in the message and check the clauses against it. yuanku lint --fix rewrites the number or year when the replacement is certain (a new number from the same issuer, a new year of the same standard code, a law\'s new amendment year); an order amended by another ministry\'s order is cited as "原……令第88号公布，根据2019年7月11日应急管理部令第2号修正".',
    },
    notReported: {
      zh: '引用之后写明了后来的修正或修订（“……第88号公布，根据……第2号修正”）、现行版本、修订说明或沿革章节中的叙述、写明“废止”“代替”的句子、“原《……》”。只写名称不写版本的引用，只在本预案最近一次发布或修订（dates.published、dates.last_reviewed 中较晚者）早于现行版本施行日期时报告，每个文件一次：说明编制时依据的是旧版本。目录可在 library.yaml 的 citations 中补充（documents）或关闭某项（disable，写编号或文号）；旧的 repealed 列表仍然有效，且追加在目录之上。',
      en: 'A citation followed by its later amendment, the current version, narration in revision-notes or history sections, clauses saying 废止/代替, "原《…》". A title cited without a version is reported only when this plan was last issued or revised (the later of dates.published and dates.last_reviewed) before the current version took effect, once per document. library.yaml `citations` adds documents (documents) or switches one off (disable, by id or number); the older `repealed` list still works and adds to the catalogue.',
    },
    options: {
      zh: '无规则选项；目录在 library.yaml 的 citations（documents 追加或按 id 覆盖，disable 关闭）和 repealed（按引用文字追加）中设置。',
      en: 'No rule options; library.yaml `citations` (documents add or override by id, disable switches off) and `repealed` (adds by citation text).',
    },
    bad: '### 1.2 编制依据\n\n《中华人民共和国安全生产法》（主席令〔2014〕第13号）、《危险化学品重大危险源辨识》（GB 18218-2009）、《生产安全事故应急预案管理办法》（安监总局令第88号）……',
    good: '### 1.2 编制依据\n\n《中华人民共和国安全生产法》（主席令第88号）、《危险化学品重大危险源辨识》（GB 18218-2018）、《生产安全事故应急预案管理办法》（原国家安全生产监督管理总局令第88号公布，根据2019年7月11日应急管理部令第2号修正）……',
  },
  messages: {
    default: m(
      (d) => `引用了已废止的“${d.text}”（${d.since} 起废止）${d.by ? `，应改为“${d.by}”` : '，请改引现行文件'}`,
      (d) => `Cites "${d.text}", repealed since ${d.since}${d.by ? `; cite "${d.by}" instead` : '; cite the current document'}`,
    ),
    superseded: m(
      (d) => `“${d.text}”是《${d.title}》已被替代的版本（${d.label}）；现行版本为${d.current}`,
      (d) => `"${d.text}" is a superseded version of 《${d.title}》 (${d.label}); the current version is ${d.current}`,
    ),
    withdrawn: m(
      (d) => `“${d.text}”已于 ${d.date} 废止，没有替代文件；请删除或改引现行规定`,
      (d) => `"${d.text}" was withdrawn on ${d.date} without a replacement; remove it or cite what is in force`,
    ),
    'older-plan': m(
      (d) => `引用《${d.title}》未写版本，而本预案最近一次发布或修订（${d.own}）早于现行版本${d.current}：编制时依据的是旧版本，请按现行版本核对并写明版本`,
      (d) => `Cites 《${d.title}》 without a version, and this plan was last issued or revised (${d.own}) before the current version ${d.current}: it was written against an old version; check it against the current one and name the version`,
    ),
  },
  checkPlan(plan, ctx) {
    if (plan.issues.some((i) => i.messageId === 'unclosed')) return
    const { settings, settingsFile } = ctx.library
    const en = ctx.locale === 'en'
    const index = catalogueIndex(settings)
    const own = planRevisedOn(plan)
    const history = historyRanges(plan)
    const inHistory = (at: number) => history.some(([a, b]) => at >= a && at < b)
    const runs = textRuns(plan.tree, plan.text, plan.bodyStart)
    const bareDone = new Set<string>()
    const current = (doc: CatalogueDocument) => {
      const v = currentVersion(doc)
      return v ? describeVersion(doc, v, en) : ''
    }

    for (const run of runs) {
      for (const hit of findCitations(run.value, index)) {
        const at = run.start + hit.start
        if (inHistory(at)) continue
        const place = plan.lines.place(at, run.start + hit.end)
        const { doc } = hit
        if (doc.withdrawn) {
          ctx.report({ file: plan, place, messageId: 'withdrawn', data: { text: hit.text, date: doc.withdrawn } })
          continue
        }
        const last = doc.versions.length - 1
        const vi = versionIndex(hit)
        if (hit.how === 'bare') {
          const cur = currentVersion(doc)
          const date = cur && versionDate(cur)
          if (last === 0 || !own || !date || own >= date || bareDone.has(doc.id)) continue
          const { before } = clauseAround(run.value, hit.start, hit.end)
          if (NARRATION.test(before) || before.endsWith('原')) continue
          bareDone.add(doc.id)
          ctx.report({ file: plan, place, messageId: 'older-plan', data: { title: doc.name, own, current: current(doc) } })
          continue
        }
        if (vi < 0 || vi >= last) continue
        const { before, after } = clauseAround(run.value, hit.start, hit.end)
        // Narration: 原《…》, or a clause saying the old document was repealed or replaced.
        if (NARRATION.test(before) || NARRATION.test(after) || (hit.how !== 'number' && /原$/.test(before.replace(/[《\s]+$/, '')))) continue
        // A citation followed by its later amendment is current.
        if (amendedAfter(after, doc, vi, index)) continue
        const fix = hit.replacement !== undefined && hit.replacement !== hit.text ? { fix: { start: at, end: run.start + hit.end, text: hit.replacement } } : {}
        ctx.report({
          file: plan,
          place,
          messageId: 'superseded',
          data: { text: hit.text, title: doc.name, label: hit.version!.label, current: current(doc) },
          ...fix,
        })
      }
    }

    // A higher-level plan outside the library named by the title of an old version.
    if (plan.valid) {
      plan.data.parents.forEach((p, i) => {
        if (!('external' in p) || typeof p.external !== 'string') return
        for (const hit of findCitations(`《${p.external.replace(/^《|》$/g, '')}》`, index)) {
          const vi = versionIndex(hit)
          if (vi < 0 || vi >= hit.doc.versions.length - 1) continue
          ctx.report({
            file: plan,
            place: yamlPlace(plan, ['parents', i, 'external']),
            messageId: 'superseded',
            data: { text: p.external, title: hit.doc.name, label: hit.version!.label, current: current(hit.doc) },
          })
        }
      })
    }

    // The library's own list of repealed citations (library.yaml `repealed`), matched as written.
    const repealed = settings.repealed.filter((r) => typeof r.cite === 'string' && r.cite.trim().length >= 2 && r.since <= ctx.today)
    if (repealed.length === 0) return
    for (const entry of repealed) {
      const i = settings.repealed.indexOf(entry)
      const cause = settingsFile ? { cause: { file: settingsFile.path, place: yamlPlace(settingsFile, ['repealed', i, 'cite']) } } : {}
      const data = { cite: entry.cite, since: entry.since, by: entry.replaced_by }
      const pattern = citePattern(entry.cite)
      for (const run of runs) {
        pattern.lastIndex = 0
        for (let mm = pattern.exec(run.value); mm; mm = pattern.exec(run.value)) {
          const text = mm[0].trim()
          const start = run.start + mm.index + (mm[0].length - mm[0].trimStart().length)
          if (inHistory(start)) continue
          ctx.report({ file: plan, place: plan.lines.place(start, start + text.length), data: { ...data, text }, ...cause })
        }
      }
      if (!plan.valid) continue
      plan.data.parents.forEach((p, k) => {
        if (!('external' in p) || typeof p.external !== 'string') return
        const mm = citePattern(entry.cite).exec(p.external)
        if (mm) ctx.report({ file: plan, place: yamlPlace(plan, ['parents', k, 'external']), data: { ...data, text: mm[0].trim() }, ...cause })
      })
    }
  },
})

/** Whether the rest of the clause names a later version of doc (its number, or a later amendment year). */
function amendedAfter(after: string, doc: CatalogueDocument, vi: number, index: CatalogueIndex): boolean {
  // Only what is tied to this citation: before another title, and said to amend or revise it.
  const own = after.split('《')[0]
  for (const hit of findCitations(own, index)) {
    if (hit.doc === doc && versionIndex(hit) > vi && /根据|修正|修订|修改|公布/.test(own.slice(0, hit.end + 4))) return true
  }
  const currentYear = Number(currentVersion(doc)?.label.match(/^\d{4}/)?.[0] ?? currentVersion(doc)?.issued?.slice(0, 4) ?? 9999)
  AMENDED_IN.lastIndex = 0
  for (let m = AMENDED_IN.exec(own); m; m = AMENDED_IN.exec(own)) if (Number(m[1]) >= currentYear) return true
  return false
}
