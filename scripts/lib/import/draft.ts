// Drafts a plan's frontmatter from its converted text. Every value is a guess with a stated basis and
// confidence, so the author knows what to check; what could not be recognised becomes a TODO.
import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Library } from '../model/library.ts'
import type { PlanType } from '../model/plan.ts'
import type { Unit } from '../model/units.ts'
import { categoriesOf, defaultId, guessIssuer, guessLead, guessParent, isEnterpriseType } from '../scaffold.ts'
import { closest } from '../text/closest.ts'
import { BULLET, readLabel } from './labels.ts'
import { readDate, type Structured } from './structure.ts'

export type Confidence = 'high' | 'medium' | 'low'

export interface Guess<T> {
  value: T
  confidence: Confidence
  /** Where the value came from, in Chinese, for the YAML comment and the report. */
  basis: string
}

export interface DraftUnit {
  unit: string
  role: 'lead' | 'member' | 'support'
  duties: string[]
}

export interface DraftLevel {
  level: 'I' | 'II' | 'III' | 'IV'
  trigger: string
  commander?: string
}

export interface Draft {
  id: string
  title?: Guess<string>
  type?: Guess<PlanType>
  jurisdiction?: Guess<string>
  issuer?: Guess<string>
  hazards?: Guess<string[]>
  category: string[]
  lead_unit?: Guess<string>
  units?: Guess<DraftUnit[]>
  parents: Guess<{ plan?: string; external?: string }[]>
  response_levels?: Guess<DraftLevel[]>
  status: string
  version: string
  dates: Guess<Record<string, string>>
  docNumber?: string
  /** Names in the duties section that match no unit of the registry, with a suggestion. */
  unknownUnits: { name: string; suggestion?: string }[]
  /** What a person must still decide. */
  todo: string[]
}

interface Section {
  title: string
  depth: number
  blocks: RootContent[]
}

const squash = (s: string) => s.replace(/[\s　]+/g, '')
const stripLabel = (title: string) => {
  const label = readLabel(title)
  return squash(label ? label.rest : title)
}

function sections(body: Root): Section[] {
  const out: Section[] = []
  const open: Section[] = []
  for (const block of body.children) {
    if (block.type === 'heading') {
      while (open.length && open[open.length - 1].depth >= block.depth) open.pop()
      const section = { title: stripLabel(toString(block)), depth: block.depth, blocks: [] }
      out.push(section)
      open.push(section)
    } else for (const s of open) s.blocks.push(block)
  }
  return out
}

const sectionText = (s: Section | undefined) => (s ? s.blocks.map((b) => toString(b)).join('\n') : '')
const find = (all: Section[], re: RegExp) => all.find((s) => re.test(s.title))

function typeFromTitle(title: string, owner?: Unit): Guess<PlanType> | undefined {
  const basis = `标题“${title}”`
  if (/现场处置方案/.test(title)) return { value: 'onsite', confidence: 'high', basis }
  if (/综合应急预案/.test(title)) return { value: 'enterprise-comprehensive', confidence: 'high', basis }
  if (/总体应急预案|突发公共事件应急预案$|突发事件应急预案$/.test(title)) return { value: 'overall', confidence: 'high', basis }
  if (/联合应急预案|联防联控/.test(title)) return { value: 'joint', confidence: 'medium', basis }
  if (owner?.kind === 'enterprise') return { value: 'enterprise-special', confidence: /专项/.test(title) ? 'high' : 'medium', basis }
  if (/部门应急预案/.test(title) || owner?.kind === 'department') return { value: 'department', confidence: 'medium', basis: `${basis}以部门名称开头` }
  if (owner?.kind === 'township' || owner?.kind === 'village' || /(乡|镇|街道|村|社区)[^，。]{0,20}预案$/.test(title)) return { value: 'grassroots', confidence: 'low', basis }
  if (/预案$/.test(title)) return { value: 'special', confidence: 'medium', basis }
  return undefined
}

/** Registry names and aliases that occur in a text, longest first, without overlaps. */
function unitsIn(text: string, library: Library): Unit[] {
  const hits: Unit[] = []
  let rest = text
  for (const name of library.units.names()) {
    if (name.text.length < 2 || !rest.includes(name.text)) continue
    const unit = library.units.get(name.unitId)
    if (unit && !hits.includes(unit)) hits.push(unit)
    rest = rest.split(name.text).join('\u0000')
  }
  return hits
}

function unitByName(name: string, library: Library, within?: string): Unit | undefined {
  const clean = squash(name).replace(/^(各|由)/, '')
  const exact = library.units.units.filter((u) => u.name === clean || u.aliases?.includes(clean))
  if (exact.length) return exact.find((u) => !within || library.units.jurisdictionOf(u.id)?.id === within) ?? exact[0]
  return undefined
}

function suggestUnit(name: string, library: Library, within?: string): string | undefined {
  const pool = library.units.units.filter((u) => u.status !== 'dissolved' && (!within || library.units.jurisdictionOf(u.id)?.id === within))
  const byName = closest(name, pool.map((u) => u.name))
  if (byName) return byName
  // 县卫生局 → 县卫生健康局: the unit of the same jurisdiction whose name holds the core of the written one.
  const core = name.replace(/^.*?(省|市|县|区|镇|乡|街道)/, '').replace(/(局|委员会|委|办公室|办|中心|站|队)$/, '')
  if (core.length >= 2) return pool.find((u) => u.name.includes(core))?.name
  return undefined
}

const DUTY_LINE = /^([^：:，。；]{2,30}?)[：:](.{4,})$/s

function draftUnits(all: Section[], library: Library, jurisdiction?: string): { units: DraftUnit[]; unknown: Draft['unknownUnits']; basis: string } | undefined {
  const section = find(all, /成员单位.*职责|成员单位|部门职责|单位职责|职责分工/) ?? find(all, /组织.*(体系|机构).*职责|组织指挥体系|组织机构/)
  if (!section) return undefined
  const units: DraftUnit[] = []
  const unknown: Draft['unknownUnits'] = []
  const lines: string[] = []
  for (const block of section.blocks) {
    if (block.type === 'list') for (const item of block.children) lines.push(toString(item))
    else if (block.type === 'paragraph') lines.push(...toString(block).split(/\n/))
    else if (block.type === 'table') {
      for (const row of block.children.slice(1)) {
        const cells = row.children.map((c) => toString(c).trim())
        if (cells.length >= 2) lines.push(`${cells[0]}：${cells.slice(1).join('；')}`)
      }
    }
  }
  for (const line of lines) {
    const m = line.replace(BULLET, '').replace(/^[（(]?\d{1,2}[)）.．、]?\s*/, '').match(DUTY_LINE)
    if (!m) continue
    const names = m[1].split(/[、和与及]/).map((n) => n.trim()).filter(Boolean)
    const duties = m[2].split(/[；;。]\s*/).map((d) => d.trim()).filter((d) => d.length >= 4)
    if (!duties.length) continue
    for (const name of names) {
      if (!/(局|委|办|厅|院|队|中心|站|公司|政府|部|会|所|处|科|室|支队|大队|集团|街道|镇|乡)$/.test(name)) continue
      const unit = unitByName(name, library, jurisdiction)
      if (!unit) {
        if (!unknown.some((u) => u.name === name)) unknown.push({ name, suggestion: suggestUnit(name, library, jurisdiction) })
        continue
      }
      const existing = units.find((u) => u.unit === unit.id)
      if (existing) existing.duties.push(...duties.filter((d) => !existing.duties.includes(d)))
      else units.push({ unit: unit.id, role: 'member', duties })
    }
  }
  return { units, unknown, basis: `“${section.title}”一节` }
}

const LEVELS: [DraftLevel['level'], RegExp][] = [
  ['I', /(Ⅰ|I|一|1)\s*级(应急)?响应|特别重大/],
  ['II', /(Ⅱ|II|二|2)\s*级(应急)?响应|(?<!特别)重大/],
  ['III', /(Ⅲ|III|三|3)\s*级(应急)?响应|较大/],
  ['IV', /(Ⅳ|IV|四|4)\s*级(应急)?响应|一般/],
]
const LEVEL_TOKEN: Record<DraftLevel['level'], RegExp> = {
  I: /(Ⅰ|(?<![IV])I(?![IV])|一)\s*级(应急)?响应/,
  II: /(Ⅱ|(?<![IV])II(?![IV])|二)\s*级(应急)?响应/,
  III: /(Ⅲ|III|三)\s*级(应急)?响应/,
  IV: /(Ⅳ|IV|四)\s*级(应急)?响应/,
}

function draftLevels(all: Section[]): { levels: DraftLevel[]; basis: string } | undefined {
  const scope = all.filter((s) => /分级响应|响应分级|响应启动|启动条件|应急响应|响应级别/.test(s.title))
  if (!scope.length) return undefined
  const levels: DraftLevel[] = []
  for (const [level] of LEVELS) {
    const token = LEVEL_TOKEN[level]
    // The subsection titled with the level, else the first sentence that names it.
    const own = scope.find((s) => token.test(s.title))
    const text = own ? sectionText(own) : scope.map(sectionText).join('\n')
    const sentences = text.split(/(?<=[。；\n])/).map((s) => s.trim()).filter(Boolean)
    const trigger = own
      ? sentences.find((s) => /(发生|出现|达到|超过|符合|条件|启动)/.test(s))
      : sentences.find((s) => token.test(s) && /(发生|出现|达到|超过|符合|条件|启动)/.test(s))
    if (!trigger) continue
    const commanderText = own ? text : trigger
    const commander = commanderText.match(/由([^，。；、]{2,16}?)(?:统一)?(?:组织指挥|指挥|担任|任总指挥|负责组织|组织)/)?.[1]
    levels.push({ level, trigger: trigger.replace(/[。；]$/, '').slice(0, 160), ...(commander ? { commander } : {}) })
  }
  return levels.length ? { levels, basis: `“${scope[0].title}”一节` } : undefined
}

function draftHazards(title: string, scope: string, library: Library): Guess<string[]> | undefined {
  const found = (text: string) => {
    const ids: string[] = []
    for (const h of library.taxonomy.hazards.values()) {
      const names = [h.name, ...h.aliases].filter((n) => n.length >= 2)
      if (names.some((n) => text.includes(n)) && !ids.includes(h.id)) ids.push(h.id)
    }
    return ids
  }
  const fromTitle = found(title)
  if (fromTitle.length) return { value: fromTitle, confidence: 'high', basis: '标题中的事件种类' }
  const fromScope = found(scope).slice(0, 4)
  if (fromScope.length) return { value: fromScope, confidence: 'low', basis: '“适用范围”中的关键词' }
  return undefined
}

function draftParents(all: Section[], library: Library): { plan?: string; external?: string }[] {
  const basis = find(all, /编制依据|依据/)
  const cited = [...new Set([...sectionText(basis).matchAll(/《([^》]{4,60})》/g)].map((m) => m[1]))]
  const out: { plan?: string; external?: string }[] = []
  for (const title of cited.filter((t) => /预案/.test(t))) {
    const plan = library.plans.find((p) => p.valid && squash(p.data.title) === squash(title))
    out.push(plan ? { plan: plan.data.id } : { external: title })
  }
  return out
}

export interface DraftOptions {
  jurisdiction?: string
  status?: string
  today: string
  /** Ids already taken (library plus files imported in this run). */
  takenIds: Set<string>
}

export function draftFrontmatter(doc: Structured, library: Library, options: DraftOptions): Draft {
  const todo: string[] = []
  const all = sections(doc.body)
  const title = doc.title ? { value: doc.title, confidence: 'high' as Confidence, basis: doc.wrapper ? '印发通知的标题' : '文档开头' } : undefined
  if (!title) todo.push('填写预案名称（title）')

  const titleUnits = title ? unitsIn(title.value, library) : []
  const owner = titleUnits[0]
  let jurisdiction: Guess<string> | undefined
  if (options.jurisdiction) jurisdiction = { value: options.jurisdiction, confidence: 'high', basis: '命令行 --jurisdiction' }
  else if (owner) {
    const j = owner.kind === 'jurisdiction' || owner.kind === 'enterprise' ? owner : library.units.jurisdictionOf(owner.id)
    if (j) jurisdiction = { value: j.id, confidence: owner.kind === 'jurisdiction' || owner.kind === 'enterprise' ? 'high' : 'medium', basis: `标题中的“${owner.name}”` }
  }
  if (!jurisdiction) todo.push('填写所属行政区或单位（jurisdiction）：标题中没有认出登记的名称')

  const type = title ? typeFromTitle(title.value, owner) : undefined
  if (!type) todo.push('填写预案类型（type）')

  const scope = sectionText(find(all, /适用范围/))
  const hazards = title ? draftHazards(title.value, scope, library) : undefined
  const planType = type?.value
  if (!hazards && planType !== 'overall') todo.push('填写事件种类（hazards）')

  let issuer: Guess<string> | undefined
  const signed = doc.wrapper?.issuer ? unitByName(doc.wrapper.issuer, library) ?? unitsIn(doc.wrapper.issuer, library)[0] : undefined
  if (signed) issuer = { value: signed.id, confidence: 'high', basis: `印发通知落款“${doc.wrapper!.issuer}”` }
  else if (planType === 'department' && owner && owner.kind === 'department') issuer = { value: owner.id, confidence: 'medium', basis: '标题中的部门' }
  else if (jurisdiction && planType) issuer = { value: guessIssuer(library, planType, jurisdiction.value), confidence: 'low', basis: '本级人民政府（默认）' }
  if (!issuer) todo.push('填写编制/印发单位（issuer）')

  const drafted = draftUnits(all, library, jurisdiction?.value)
  const fullText = doc.body.children.map((b) => toString(b)).join('\n')
  let lead_unit: Guess<string> | undefined
  const leadText = fullText.match(/牵头单位[为是：:]\s*([^，。；、\s]{2,20}?(?:局|委|办|中心|支队|大队|公司|部))/) ?? fullText.match(/(?:由)?([^，。；、\s由]{2,20}?(?:局|委|办|中心|支队|大队|公司|部))(?:负责)?牵头/)
  const leadUnit = leadText ? unitByName(leadText[1], library, jurisdiction?.value) : undefined
  if (leadUnit) lead_unit = { value: leadUnit.id, confidence: 'medium', basis: `正文“${leadText![0]}”` }
  else if (planType === 'department' && owner?.kind === 'department') lead_unit = { value: owner.id, confidence: 'medium', basis: '标题中的部门' }
  else if (planType && isEnterpriseType(planType) && jurisdiction) lead_unit = { value: jurisdiction.value, confidence: 'low', basis: '企业本身' }
  else {
    const office = fullText.match(/办公室设在([^，。；\s]{2,16}?(?:局|委|办|中心))/)
    const officeUnit = office ? unitByName(office[1], library, jurisdiction?.value) : undefined
    if (officeUnit) lead_unit = { value: officeUnit.id, confidence: 'low', basis: `指挥部办公室设在“${office![1]}”` }
  }
  const leadingDuty = drafted?.units.find((u) => u.duties.some((d) => /牵头/.test(d)))
  if (!lead_unit && leadingDuty) lead_unit = { value: leadingDuty.unit, confidence: 'low', basis: '职责中写有“牵头”的单位' }
  if (!lead_unit && planType && planType !== 'overall' && planType !== 'onsite' && jurisdiction && issuer) {
    const fallback = guessLead(library, planType, jurisdiction.value, issuer.value)
    if (fallback) lead_unit = { value: fallback, confidence: 'low', basis: '未在正文中找到牵头单位，暂填本级应急管理局' }
  }
  if (!lead_unit && planType && planType !== 'overall' && planType !== 'onsite') todo.push('填写牵头单位（lead_unit）')
  else if (lead_unit?.confidence === 'low') todo.push(`核对牵头单位（lead_unit）：${lead_unit.basis}`)

  const units = drafted ? [...drafted.units] : []
  if (lead_unit) {
    const entry = units.find((u) => u.unit === lead_unit.value)
    if (entry) entry.role = 'lead'
    else units.unshift({ unit: lead_unit.value, role: 'lead', duties: ['【待填写：牵头单位职责】'] })
  }
  if (!units.length) todo.push('填写责任单位及职责（units）：没有找到“成员单位职责”一节')
  for (const u of drafted?.unknown ?? []) todo.push(`“${u.name}”不在 units.yaml 中${u.suggestion ? `，是否为“${u.suggestion}”？` : '，请登记或改名'}`)

  const levels = draftLevels(all)
  if (!levels && planType !== 'onsite') todo.push('填写分级响应（response_levels）：没有认出各级响应的启动条件')

  const parents = draftParents(all, library)
  if (!parents.length && jurisdiction && planType) {
    const guessed = guessParent(library, planType, jurisdiction.value)
    if (guessed) parents.push({ plan: guessed.data.id })
  }
  if (!parents.length) todo.push('填写上位预案（parents）')

  const published = doc.wrapper?.date ?? doc.coverDate ?? readDate(fullText.match(/自\s*[^，。]{6,14}日\s*起施行/)?.[0] ?? '')
  const dates: Record<string, string> = { drafted: options.today }
  if (published) dates.published = published
  const status = options.status ?? 'draft'
  const version = `${(published ?? options.today).slice(0, 4)}版`

  const hazardIds = hazards?.value ?? []
  const base = defaultId({ type: planType ?? 'special', jurisdiction: jurisdiction?.value ?? 'import', hazards: hazardIds.slice(0, 1), lead: lead_unit?.value })
  let id = base
  for (let n = 2; options.takenIds.has(id); n++) id = `${base}-${n}`
  options.takenIds.add(id)

  return {
    id,
    title,
    type,
    jurisdiction,
    issuer,
    hazards,
    category: planType ? categoriesOf(library, planType, hazardIds) : [],
    lead_unit,
    units: units.length ? { value: units, confidence: 'medium', basis: drafted?.basis ?? '牵头单位' } : undefined,
    parents: { value: parents, confidence: parents.some((p) => p.plan) ? 'medium' : 'low', basis: '“编制依据”中引用的预案，或本行政区的总体预案' },
    response_levels: levels ? { value: levels.levels, confidence: 'low', basis: levels.basis } : undefined,
    status,
    version,
    dates: { value: dates, confidence: published ? 'medium' : 'low', basis: doc.wrapper?.date ? '印发通知的日期' : published ? '封面或施行日期' : '导入日期' },
    docNumber: doc.wrapper?.docNumber,
    unknownUnits: drafted?.unknown ?? [],
    todo,
  }
}
