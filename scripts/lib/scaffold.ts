// The text of a new plan (`yuanku new`): valid frontmatter and every required section of its type, each
// holding a short 【待填写：…】 guidance that placeholder-text flags until someone writes the real text.
import type { Library } from './model/library.ts'
import type { Plan, PlanType } from './model/plan.ts'
import type { Unit } from './model/units.ts'
import { CATEGORIES, type Category } from './model/taxonomy.ts'

export const PLAN_TYPES: PlanType[] = ['overall', 'special', 'department', 'grassroots', 'enterprise-comprehensive', 'enterprise-special', 'onsite', 'event', 'joint']
const ENTERPRISE_TYPES: PlanType[] = ['enterprise-comprehensive', 'enterprise-special', 'onsite']

export const isEnterpriseType = (type: PlanType) => ENTERPRISE_TYPES.includes(type)

export interface ScaffoldInput {
  id: string
  title: string
  type: PlanType
  jurisdiction: string
  hazards: string[]
  issuer: string
  lead?: string
  parent?: string
  /** YYYY-MM-DD */
  today: string
}

/** What to write under each standard section (突发事件应对法 art. 28, GB/T 29639-2020); kept under 40 characters inside 【】. */
const GUIDANCE: Record<string, string> = {
  总则: '编制目的、编制依据、适用范围和工作原则',
  组织指挥体系: '指挥机构组成、办公室设置和各成员单位职责',
  监测预警: '风险分析、监测手段、预警分级、发布与解除',
  应急响应: '响应分级及启动条件、信息报告时限、处置措施和响应结束',
  后期处置: '善后处置、调查评估和恢复重建',
  应急保障: '应急队伍、物资装备、资金、通信和交通保障',
  预案管理: '预案评估修订周期、演练要求、宣传培训和施行日期',
  应急组织机构及职责: '应急组织机构组成及各部门、岗位职责',
  组织机构及职责: '应急组织机构组成及各部门、岗位职责',
  适用范围: '本专项预案适用的事故类型和场所',
  响应启动: '响应分级、启动条件和启动程序',
  处置措施: '各级响应的处置措施和先期处置要点',
  事故风险描述: '可能发生的事故类型、部位、季节和后果',
  应急工作职责: '各岗位人员的应急工作职责',
  应急处置: '报警、处置程序和现场处置措施',
  注意事项: '个人防护、器材使用和自救互救注意事项',
}

const DRILL_PHASES = ['预警与信息报告', '应急响应启动', '现场处置', '应急保障']

export const placeholder = (what: string) => `【待填写：${what}】`

/** Categories of the hazards, in the taxonomy's order; an overall plan covers all four. */
export function categoriesOf(library: Library, type: PlanType, hazards: string[]): Category[] {
  if (type === 'overall') return Object.keys(CATEGORIES) as Category[]
  const found = new Set(hazards.map((h) => library.taxonomy.get(h)?.category).filter((c): c is Category => Boolean(c)))
  return (Object.keys(CATEGORIES) as Category[]).filter((c) => found.has(c))
}

/** A YAML scalar: plain when that reads back as the same string, quoted otherwise. */
function scalar(value: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}\p{Pd}_（）()·、 ]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.+-]+$/.test(value) && !value.endsWith(' ')
  return plain ? value : JSON.stringify(value)
}

const flow = (items: string[]) => `[${items.map(scalar).join(', ')}]`

function active(plan: Plan): boolean {
  return plan.valid && plan.data.status !== 'superseded' && plan.data.status !== 'retired'
}

/** An active plan of the type owned by `owner`, published ones first. */
function planOf(library: Library, owner: string, type: PlanType): Plan | undefined {
  const candidates = library.plans.filter((p) => active(p) && p.data.type === type && p.data.jurisdiction === owner)
  return candidates.find((p) => p.data.status === 'published') ?? candidates[0]
}

/**
 * The plan a new plan most likely sits under: for enterprise special and onsite plans the company's
 * comprehensive plan, otherwise the overall plan of its jurisdiction (for an overall plan, of the
 * jurisdiction above), looking further up when one is missing.
 */
export function guessParent(library: Library, type: PlanType, jurisdiction: string): Plan | undefined {
  const { units } = library
  if (type === 'enterprise-special' || type === 'onsite') {
    const comprehensive = planOf(library, jurisdiction, 'enterprise-comprehensive')
    if (comprehensive) return comprehensive
  }
  const self = units.get(jurisdiction)
  const chain: Unit[] = [...(self && self.kind === 'jurisdiction' && type !== 'overall' ? [self] : []), ...units.ancestors(jurisdiction).filter((u) => u.kind === 'jurisdiction')]
  for (const j of chain) {
    const plan = planOf(library, j.id, 'overall')
    if (plan) return plan
  }
  return undefined
}

/** The unit that issues a jurisdiction's plans: its people's government (or township government). */
export function guessIssuer(library: Library, type: PlanType, jurisdiction: string): string {
  const self = library.units.get(jurisdiction)
  if (!self || self.kind !== 'jurisdiction' || isEnterpriseType(type)) return jurisdiction
  const children = library.units.children(jurisdiction).filter((u) => u.status !== 'dissolved')
  return (children.find((u) => u.kind === 'government') ?? children.find((u) => u.kind === 'township' || u.kind === 'village') ?? self).id
}

/** The usual lead of a special plan when none is named: the jurisdiction's emergency management bureau. */
export function guessLead(library: Library, type: PlanType, jurisdiction: string, issuer: string): string | undefined {
  if (type === 'overall' || type === 'onsite') return undefined
  if (isEnterpriseType(type)) return jurisdiction
  const bureau = library.units.children(jurisdiction).find((u) => u.status !== 'dissolved' && u.name.endsWith('应急管理局'))
  return bureau?.id ?? issuer
}

export function defaultTitle(library: Library, input: { type: PlanType; jurisdiction: string; hazards: string[]; lead?: string }): string {
  const owner = library.units.name(input.jurisdiction)
  const hazards = input.hazards.map((h) => library.taxonomy.get(h)?.name ?? h).join('、')
  switch (input.type) {
    case 'overall':
      return `${owner}突发事件总体应急预案`
    case 'department':
      return `${library.units.name(input.lead ?? input.jurisdiction)}${hazards}应急预案`
    case 'enterprise-comprehensive':
      return `${owner}生产安全事故综合应急预案`
    case 'enterprise-special':
      return `${owner}${hazards}专项应急预案`
    case 'onsite':
      return `${owner}${hazards}现场处置方案`
    default:
      return `${owner}${hazards}应急预案`
  }
}

export function defaultId(input: { type: PlanType; jurisdiction: string; hazards: string[]; lead?: string }): string {
  const owner = input.type === 'department' && input.lead ? input.lead : input.jurisdiction
  const tail = input.type === 'overall' ? ['overall'] : input.type === 'enterprise-comprehensive' ? ['comprehensive'] : input.type === 'onsite' ? [...input.hazards, 'onsite'] : input.hazards
  return [owner, ...tail].join('-')
}

export function scaffoldPlan(library: Library, input: ScaffoldInput): string {
  const categories = categoriesOf(library, input.type, input.hazards)
  const fm = [
    '---',
    `id: ${input.id}`,
    `title: ${scalar(input.title)}`,
    `type: ${input.type}`,
    `jurisdiction: ${input.jurisdiction}`,
    `category: ${flow(categories)}`,
    ...(input.hazards.length ? [`hazards: ${flow(input.hazards)}`] : []),
    `issuer: ${input.issuer}`,
    ...(input.lead ? [`lead_unit: ${input.lead}`] : []),
    'units:',
    ...(input.lead
      ? [`  - unit: ${input.lead}`, '    role: lead', `    duties: [${input.type === 'onsite' ? '组织现场处置' : '牵头组织本预案的应急处置工作'}]`]
      : [`  - unit: ${input.issuer}`, '    role: lead', '    duties: [统一领导、组织和协调本预案的应急处置工作]']),
    ...(input.parent ? ['parents:', `  - plan: ${input.parent}`] : ['parents: []']),
    'status: draft',
    `version: ${input.today.slice(0, 4)}版`,
    'dates:',
    `  drafted: ${input.today}`,
    '---',
  ]
  const body = [`# ${input.title}`, '']
  const sections = (library.settings.required_sections as Record<string, { title: string }[]>)[input.type] ?? []
  sections.forEach((s, i) => body.push(`## ${i + 1} ${s.title}`, '', placeholder(GUIDANCE[s.title] ?? `${s.title}的内容`), ''))
  const drill = library.settings.drill_section.title
  body.push(`## ${sections.length + 1} ${drill}`, '')
  for (const phase of DRILL_PHASES) body.push(`### ${phase}`, '', `- [ ] ${placeholder(`${phase}的评估项，写明单位、动作和时限`)} {分值=5}`, '')
  return `${fm.join('\n')}\n\n${body.join('\n').trimEnd()}\n`
}
