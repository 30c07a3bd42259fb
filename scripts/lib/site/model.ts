// What the site shows, shaped once per build from the loaded library and its findings: the visible plans
// (a public build drops internal/restricted plans and every contact, which must not leave the intranet), normalised plan facts
// that pages can trust even when a frontmatter is invalid, links between plans, unit duties, drills and
// the findings that may be shown.
import type { Finding, Locale } from '../model/finding.ts'
import { indexPlans, type Library, type UnreadableFile } from '../model/library.ts'
import type { DrillRecord, Plan } from '../model/plan.ts'
import type { Revision } from './history.ts'
import type { RenderCache } from './render-cache.ts'

export interface SiteOptions {
  public: boolean
  /** Base path, always with a leading and trailing slash. */
  base: string
  today: string
  locale: Locale
}

export interface UnitRef {
  unit: string
  role: string
  duties: string[]
}

/** A plan's frontmatter with every field of the right shape (strings, arrays), whatever the file says. */
export interface PlanView {
  id: string
  path: string
  title: string
  type: string
  status: string
  category: string[]
  hazards: string[]
  jurisdiction: string
  issuer: string
  leadUnit: string
  units: UnitRef[]
  parents: { plan?: string; external?: string; issuer?: string; url?: string }[]
  related: { plan: string; relation: string }[]
  supersedes: string[]
  version: string
  dates: Record<string, string>
  responseLevels: { level: string; trigger: string; commander: string }[]
  classification: string
  contacts: { unit: string; role: string; phone: string }[]
  valid: boolean
}

export interface DrillView {
  id: string
  path: string
  plan: string
  date: string
  kind: string
  scenario: string
  organizer: string
  evaluators: string[]
  score: number | null
  grade: string
  unrated: number
  provisional: boolean
  items: { ref: string; phase: string; text: string; points: number; critical: boolean; rating: string; awarded: number | null; note: string }[]
  findings: { text: string; severity: string; unit: string; action: string; due: string; status: string; requiresRevision: boolean }[]
  record: DrillRecord
}

export interface UnitDuty {
  plan: PlanView
  role: string
  duties: string[]
}

export interface SiteModel {
  options: SiteOptions
  /** The library as the site may show it: in a public build, only public plans and their drills. */
  library: Library
  plans: PlanView[]
  planById: Map<string, PlanView>
  planByPath: Map<string, PlanView>
  children: Map<string, PlanView[]>
  findings: Finding[]
  findingsByPlan: Map<string, Finding[]>
  unreadable: UnreadableFile[]
  history: Map<string, Revision[]>
  drills: DrillView[]
  drillsByPlan: Map<string, DrillView[]>
  unitDuties: Map<string, UnitDuty[]>
  unitLeads: Map<string, PlanView[]>
  /** Unit ids that get a page. */
  unitIds: string[]
  builtAt: string
  /** Formats offered for download on every plan page (files built after the pages: plans/<id>/<id>.<format>). */
  downloads?: ('docx' | 'pdf')[]
  /** Rendered bodies kept between builds (the pages make one in memory when the build gave none). */
  renderCache?: RenderCache
  /** Routes ('plans/<id>/') whose page the previous build wrote and this one takes over unrendered (page-reuse.ts). */
  reusedPages?: ReadonlySet<string>
  /** How many search indexes the plan and unit pages are split into (page-reuse.ts); 1 when not given. */
  searchShards?: number
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
const strs = (v: unknown): string[] => arr(v).map(str).filter(Boolean)

export function planView(plan: Plan): PlanView {
  const d = obj(plan.data)
  const dates: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj(d.dates))) if (str(v)) dates[k] = str(v instanceof Date ? v.toISOString().slice(0, 10) : v)
  return {
    id: str(d.id),
    path: plan.path,
    title: str(d.title) || str(d.id) || plan.path,
    type: str(d.type),
    status: str(d.status),
    category: strs(d.category),
    hazards: strs(d.hazards),
    jurisdiction: str(d.jurisdiction),
    issuer: str(d.issuer),
    leadUnit: str(d.lead_unit),
    units: arr(d.units).map(obj).map((u) => ({ unit: str(u.unit), role: str(u.role), duties: strs(u.duties) })).filter((u) => u.unit),
    parents: arr(d.parents).map(obj).map((p) => ({ plan: str(p.plan) || undefined, external: str(p.external) || undefined, issuer: str(p.issuer) || undefined, url: str(p.url) || undefined })),
    related: arr(d.related).map(obj).map((r) => ({ plan: str(r.plan), relation: str(r.relation) })).filter((r) => r.plan),
    supersedes: strs(d.supersedes),
    version: str(d.version),
    dates,
    responseLevels: arr(d.response_levels).map(obj).map((r) => ({ level: str(r.level), trigger: str(r.trigger), commander: str(r.commander) })),
    classification: str(d.classification) || 'internal',
    contacts: arr(d.contacts).map(obj).map((c) => ({ unit: str(c.unit), role: str(c.role), phone: str(c.phone) })),
    valid: plan.valid,
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * A grade is provisional while any item is unrated: the record's own flag and count are taken, and an
 * item without a rating counts even when the record does not say so (a hand-edited or old record).
 * A record the evaluator finalised is final.
 */
function provisionalOf(d: Record<string, unknown>, items: DrillView['items']): { unrated: number; provisional: boolean } {
  const blank = items.filter((i) => !i.rating).length
  const unrated = Math.max(num(d.unrated) ?? 0, blank)
  // A record the evaluator finalised (定稿) is final even with unrated items.
  return { unrated, provisional: d.finalized !== true && (d.provisional === true || unrated > 0) }
}

function drillView(record: DrillRecord): DrillView {
  const d = obj(record.data)
  const items = arr(d.checklist).map(obj).map((i) => ({ ref: str(i.ref), phase: str(i.phase), text: str(i.text), points: num(i.points) ?? 0, critical: i.critical === true, rating: str(i.rating), awarded: num(i.awarded), note: str(i.note) }))
  return {
    id: str(d.id),
    path: record.path,
    plan: str(d.plan),
    date: str(d.date),
    kind: str(d.kind),
    scenario: str(d.scenario),
    organizer: str(d.organizer),
    evaluators: strs(d.evaluators),
    score: num(d.score),
    grade: str(d.grade),
    ...provisionalOf(d, items),
    items,
    findings: arr(d.findings).map(obj).map((f) => ({ text: str(f.text), severity: str(f.severity), unit: str(f.unit), action: str(f.action), due: str(f.due), status: str(f.status), requiresRevision: f.requires_revision === true })),
    record,
  }
}

const ID = /^[a-z0-9][a-z0-9-]*$/

/** Strings a public build must never contain: ids, titles and paths of left-out plans, and every contact. */
export function secretsOf(all: PlanView[], visible: Set<string>): string[] {
  const out = new Set<string>()
  for (const p of all) {
    for (const c of p.contacts) for (const s of [c.phone, c.role]) if (s.length >= 3) out.add(s)
    if (visible.has(p.path)) continue
    for (const s of [p.id, p.title, p.path]) if (s.length >= 3) out.add(s)
  }
  return [...out]
}

/**
 * The plan with its contacts removed. Its other properties are copied as they are defined: a spread would
 * call the lazy getters and parse every plan's Markdown, which the render cache exists to avoid.
 */
function withoutContacts(plan: Plan): Plan {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(plan)) as Plan
  Object.defineProperty(copy, 'data', { value: { ...plan.data, contacts: undefined }, enumerable: true, writable: true, configurable: true })
  return copy
}

/** The plans that get a page: a well-formed id seen for the first time, and in a public build only public plans. */
export function shownPlans<T extends { view: Pick<PlanView, 'id' | 'classification'> }>(all: T[], isPublic: boolean): T[] {
  const seen = new Set<string>()
  return all.filter(({ view }) => {
    if (!ID.test(view.id) || seen.has(view.id)) return false
    if (isPublic && view.classification !== 'public') return false
    seen.add(view.id)
    return true
  })
}

export function buildSiteModel(full: Library, findings: Finding[], history: Map<string, Revision[]>, options: SiteOptions): SiteModel {
  const allViews = full.plans.map((plan) => ({ plan, view: planView(plan) }))
  const shown = shownPlans(allViews, options.public)
  if (options.public) for (const { view } of shown) view.contacts = []
  const visiblePaths = new Set(shown.map((s) => s.view.path))
  const plans = shown.map((s) => s.view)
  const planById = new Map(plans.map((p) => [p.id, p]))
  const planByPath = new Map(plans.map((p) => [p.path, p]))

  const drills = full.drills.map(drillView).filter((d) => d.id && (!options.public || planById.has(d.plan)))
  // A public build's plans carry no contacts at all, so no page (nor the checklist page) can print one.
  const visiblePlans = options.public ? shown.map((s) => withoutContacts(s.plan)) : shown.map((s) => s.plan)
  const library: Library = options.public
    ? { ...full, plans: visiblePlans, planById: indexPlans(visiblePlans), drills: drills.map((d) => d.record), unreadable: [], skipped: [] }
    : full

  const secrets = options.public ? secretsOf(allViews.map((a) => a.view), visiblePaths) : []
  const drillPaths = new Set(drills.map((d) => d.path))
  const mayShow = (f: Finding) => {
    if (!options.public) return true
    const ownFile = visiblePaths.has(f.file) || drillPaths.has(f.file) || f.file === 'units.yaml' || f.file === 'library.yaml'
    if (!ownFile) return false
    if (f.cause && !(visiblePaths.has(f.cause.file) || drillPaths.has(f.cause.file) || f.cause.file === 'units.yaml' || f.cause.file === 'library.yaml')) return false
    const said = `${f.message} ${f.cause?.message ?? ''}`
    return !secrets.some((s) => said.includes(s))
  }
  const shownFindings = findings.filter(mayShow).map((f) => (options.public ? { ...f, fix: undefined } : f))
  const findingsByPlan = new Map<string, Finding[]>()
  for (const f of shownFindings) {
    const plan = planByPath.get(f.file)
    if (!plan) continue
    const list = findingsByPlan.get(plan.id) ?? []
    list.push(f)
    findingsByPlan.set(plan.id, list)
  }

  const children = new Map<string, PlanView[]>()
  for (const p of plans) {
    for (const parent of p.parents) {
      if (!parent.plan || !planById.has(parent.plan)) continue
      const list = children.get(parent.plan) ?? []
      if (!list.includes(p)) list.push(p)
      children.set(parent.plan, list)
    }
  }

  const drillsByPlan = new Map<string, DrillView[]>()
  for (const d of [...drills].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const list = drillsByPlan.get(d.plan) ?? []
    list.push(d)
    drillsByPlan.set(d.plan, list)
  }

  const units = full.units
  const resolveUnit = unitResolver(full)
  const unitDuties = new Map<string, UnitDuty[]>()
  const unitLeads = new Map<string, PlanView[]>()
  const referenced = new Set<string>()
  for (const p of plans) {
    for (const u of p.units) {
      const id = resolveUnit(u.unit)
      referenced.add(id)
      const list = unitDuties.get(id) ?? []
      list.push({ plan: p, role: u.role, duties: u.duties })
      unitDuties.set(id, list)
    }
    const lead = p.leadUnit || p.units.find((u) => u.role === 'lead')?.unit
    if (lead) {
      const id = resolveUnit(lead)
      referenced.add(id)
      const list = unitLeads.get(id) ?? []
      list.push(p)
      unitLeads.set(id, list)
    }
    for (const id of [p.issuer, p.jurisdiction]) if (id) referenced.add(resolveUnit(id))
  }
  const unitIds = options.public ? [...referenced].filter((id) => ID.test(id)) : [...new Set([...units.units.map((u) => u.id), ...referenced])].filter((id) => ID.test(id))

  // Commit messages may name left-out plans: a public build keeps only those that name none.
  const safeHistory = options.public
    ? new Map([...history].filter(([path]) => visiblePaths.has(path)).map(([path, revs]) => [path, revs.map((r) => (secrets.some((x) => r.subject.includes(x)) ? { ...r, subject: '' } : r))]))
    : history
  return {
    options,
    library,
    plans,
    planById,
    planByPath,
    children,
    findings: shownFindings,
    findingsByPlan,
    unreadable: options.public ? [] : full.unreadable,
    history: safeHistory,
    drills,
    drillsByPlan,
    unitDuties,
    unitLeads,
    unitIds: unitIds.sort(),
    builtAt: new Date().toISOString(),
  }
}

/** A unit as written in a plan (id, name or alias) → its registry id, or the text itself when unknown. */
export function unitResolver(library: Library): (text: string) => string {
  const byName = new Map<string, string>()
  for (const n of library.units.names()) if (!byName.has(n.text)) byName.set(n.text, n.unitId)
  return (text) => (library.units.has(text) ? text : (byName.get(text) ?? text))
}
