// The library as the pages see it, prepared ONCE per build. scripts/build-site.ts prepares it before
// starting Astro and hands it over on globalThis (Astro prerenders in the same process); a bare
// `astro build` prepares it here from the same environment variables.
import { prepareSite } from '../../scripts/lib/site/prepare.ts'
import type { SiteModel } from '../../scripts/lib/site/model.ts'
import { anchorsFor, renderBody, type RenderContext, type RenderedBody, type RenderedPlan } from '../../scripts/lib/site/render.ts'
import { RenderCache, renderCacheContext, type CachedRender } from '../../scripts/lib/site/render-cache.ts'
import { deriveChecklist } from '../../scripts/lib/drill/derive.ts'
import type { ChecklistItem } from '../../scripts/lib/drill/types.ts'
import { docPages, type DocPage } from '../../scripts/lib/site/docs.ts'
import { strings, type Strings } from './i18n.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'
import { planLookup, summaryLine, tally, triage, type PlanLookup } from '../../scripts/lib/report/triage.ts'
import { ruleName as ruleNameIn } from '../../scripts/lib/rules/index.ts'

export type { SiteModel, PlanView, DrillView, UnitDuty } from '../../scripts/lib/site/model.ts'
import type { DrillView, PlanView } from '../../scripts/lib/site/model.ts'

const KEY = '__yuankuSite'
type Holder = { [KEY]?: SiteModel }

export function site(): SiteModel {
  const holder = globalThis as Holder
  holder[KEY] ??= prepareSite({
    library: process.env.LIBRARY || 'plans',
    base: process.env.BASE,
    public: process.env.PUBLIC === '1' || process.env.PUBLIC === 'true' ? true : undefined,
    today: process.env.TODAY,
  })
  return holder[KEY]
}

/** UI strings in the library's locale. */
export function t(): Strings {
  return strings(site().options.locale)
}

/** A site URL under the base path: href('plans/x/') → '/yuan/plans/x/'. */
export function href(path = ''): string {
  return site().options.base + path.replace(/^\/+/, '')
}

export const planHref = (id: string) => href(`plans/${id}/`)
let unitPages: Set<string> | undefined
/** The unit's page, or undefined when it has none (an unknown or malformed unit reference). */
export const unitHref = (id: string) => ((unitPages ??= new Set(site().unitIds)).has(id) ? href(`units/${id}/`) : undefined)
export const drillHref = (id: string) => href(`drills/${id}/`)
export const ruleHref = (id: string) => href(`rules/#rule-${id}`)
/** A page of the help section (docs/ published): '' is its index, 'rules/placeholder-text' a rule's page. */
export const helpHref = (slug: string) => href(slug ? `help/${slug}/` : 'help/')

let help: DocPage[] | undefined
/** The documents of docs/ as help pages (rendered once per build). */
export function helpPages(): DocPage[] {
  return (help ??= docPages(helpHref))
}

const rendered = new Map<string, RenderedPlan>()
const bodies = new Map<string, CachedRender>()

/** The build's render cache (scripts/build-site.ts puts one on disk), or one in memory for a bare `astro build`. */
function renderCache(): RenderCache {
  const s = site()
  s.renderCache ??= new RenderCache(undefined, renderCacheContext(s.library, s.options))
  return s.renderCache
}

function linkContext(path: string): RenderContext {
  const s = site()
  return {
    path,
    planHref: (target) => (s.planById.has(target) ? planHref(target) : undefined),
    planIdAtPath: (p) => s.planByPath.get(p)?.id,
  }
}

/** A plan's rendered text and its drill checklist, from the render cache or rendered now (both at once). */
function planBody(id: string): CachedRender | undefined {
  if (bodies.has(id)) return bodies.get(id)
  const s = site()
  const plan = s.planById.has(id) ? s.library.planById.get(id) : undefined
  if (!plan) return undefined
  const body = renderCache().render('plan', plan, linkContext(plan.path), (ctx) => ({ ...renderBody(plan.tree, ctx), checklist: deriveChecklist(plan, s.library) }))
  bodies.set(id, body)
  return body
}

/** The plan's text as sanitised HTML with its table of contents and the anchors of its findings' lines. */
export function renderedPlan(id: string): RenderedPlan | undefined {
  if (rendered.has(id)) return rendered.get(id)
  const body = planBody(id)
  if (!body) return undefined
  const lines = [...new Set((site().findingsByPlan.get(id) ?? []).map((f) => f.place.line))]
  const result = { html: body.html, toc: body.toc, lineAnchors: anchorsFor(body.blocks, lines) }
  rendered.set(id, result)
  return result
}

/** The line where a plan's Markdown body starts: findings above it are in the frontmatter (metadata). */
export function planBodyLine(id: string): number {
  const plan = site().library.planById.get(id)
  return plan ? plan.lines.place(plan.bodyStart, plan.bodyStart).line : 1
}

/** The plan's drill-evaluation checklist (derived by the same core as `yuanku drill`). */
export function checklistOf(id: string): ChecklistItem[] {
  return planBody(id)?.checklist ?? []
}

/** A drill record's after-action narrative as sanitised HTML. */
export function renderedDrill(drill: DrillView): RenderedBody {
  const record = drill.record
  return renderCache().render('drill', record, linkContext(record.path), (ctx) => renderBody(record.tree, ctx))
}

/**
 * Whether the page at this route is rendered in this build: false when the build takes over the previous
 * build's page, whose inputs are all unchanged (scripts/lib/site/page-reuse.ts). A route's getStaticPaths
 * leaves such pages out.
 */
export function renderNow(route: string): boolean {
  return !site().reusedPages?.has(route)
}

/** Name of a unit id (or the text itself when it is not in the registry). */
export function unitName(id: string): string {
  const unit = site().library.units.get(id)
  return (site().options.locale === 'en' ? unit?.name_en || unit?.name : unit?.name) ?? id
}

export function hazardName(id: string): string {
  return site().library.taxonomy.name(id, site().options.locale)
}

/**
 * Above this many findings the findings page lists them by rule, one page per rule: a single page of
 * tens of thousands of rows is too heavy for a tablet on a poor connection.
 */
export const FINDINGS_PAGE_LIMIT = 3000

export function findingsSplit(): boolean {
  return site().findings.length > FINDINGS_PAGE_LIMIT
}

/** The findings of one rule (or of one severity) on the site. */
export function findingsHref(filter: { rule?: string; severity?: string } = {}): string {
  if (filter.rule && findingsSplit()) return href(`findings/rule/${filter.rule}/`)
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString()
  return href(`findings/${q ? `?${q}` : ''}`)
}

/** Where a finding is shown: its plan page at the line (the overview for frontmatter lines), or its drill record. */
export function findingTarget(f: Finding): { href: string; label: string } | undefined {
  const s = site()
  const plan = s.planByPath.get(f.file)
  if (plan) {
    const src = s.library.planById.get(plan.id)
    const bodyLine = src ? src.lines.place(src.bodyStart, src.bodyStart).line : 1
    const anchor = f.place.line < bodyLine ? 'meta' : (renderedPlan(plan.id)?.lineAnchors.get(f.place.line) ?? 'text')
    return { href: `${planHref(plan.id)}#${anchor}`, label: plan.title }
  }
  const drill = index().drillByPath.get(f.file)
  if (drill) {
    const l = t()
    const plan = s.planById.get(drill.plan)
    return { href: drillHref(drill.id), label: `${drill.date} ${l.drillKind[drill.kind] ?? drill.kind}${plan ? ` · ${plan.title}` : ''}` }
  }
  return undefined
}

// Indexes for the per-page lookups: a page of each of 10,000 plans (or units, or drills) that scanned every
// plan, drill or finding would make the build quadratic in the size of the library.
let indexes:
  | {
      drillById: Map<string, DrillView>
      drillByPath: Map<string, DrillView>
      findingsByFile: Map<string, Finding[]>
      supersededBy: Map<string, PlanView[]>
      owned: Map<string, PlanView[]>
      unitDrills: Map<string, DrillView[]>
      unitActions: Map<string, { drill: DrillView; f: DrillView['findings'][number] }[]>
    }
  | undefined

function index() {
  if (indexes) return indexes
  const s = site()
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key)
    if (!list) map.set(key, [value])
    else if (list[list.length - 1] !== value) list.push(value)
  }
  const drillById = new Map<string, DrillView>()
  const drillByPath = new Map<string, DrillView>()
  const unitDrills = new Map<string, DrillView[]>()
  const unitActions = new Map<string, { drill: DrillView; f: DrillView['findings'][number] }[]>()
  for (const d of s.drills) {
    if (!drillById.has(d.id)) drillById.set(d.id, d)
    if (!drillByPath.has(d.path)) drillByPath.set(d.path, d)
    // A unit took part when it organised the drill, had items of its own (refs duty-<unit id>-<hash>, and
    // unit ids may hold dashes: every prefix up to a dash is a candidate) or was assigned a finding.
    const units = new Set<string>([d.organizer])
    for (const i of d.items) {
      if (!i.ref.startsWith('duty-')) continue
      for (let at = i.ref.indexOf('-', 5); at > 0; at = i.ref.indexOf('-', at + 1)) units.add(i.ref.slice(5, at))
    }
    for (const f of d.findings) {
      units.add(f.unit)
      if (f.status !== 'done') push(unitActions, f.unit, { drill: d, f })
    }
    for (const u of units) push(unitDrills, u, d)
  }
  const findingsByFile = new Map<string, Finding[]>()
  for (const f of s.findings) push(findingsByFile, f.file, f)
  const supersededBy = new Map<string, PlanView[]>()
  const owned = new Map<string, PlanView[]>()
  for (const p of s.plans) {
    for (const id of new Set(p.supersedes)) push(supersededBy, id, p)
    for (const id of new Set([p.jurisdiction, p.issuer])) push(owned, id, p)
  }
  return (indexes = { drillById, drillByPath, findingsByFile, supersededBy, owned, unitDrills, unitActions })
}

/** The first drill record with this id (the one that has the page). */
export const drillWithId = (id: string): DrillView | undefined => index().drillById.get(id)
/** The findings reported on one file. */
export const findingsOfFile = (file: string): Finding[] => index().findingsByFile.get(file) ?? []
/** Plans that list this plan under `supersedes`. */
export const supersededBy = (id: string): PlanView[] => index().supersededBy.get(id) ?? []
/** Plans of a jurisdiction or issuer. */
export const ownedBy = (unit: string): PlanView[] => index().owned.get(unit) ?? []
/** Drills a unit took part in (organiser, items of its own, findings assigned to it), in the site's drill order. */
export const drillsOfUnit = (unit: string): DrillView[] => index().unitDrills.get(unit) ?? []
/** Corrective actions assigned to a unit and not done yet, in the site's drill order. */
export const openActionsOfUnit = (unit: string) => index().unitActions.get(unit) ?? []

let lookup: PlanLookup | undefined
/** The findings most serious first (errors, then warnings; the weightier plan first), as `yuanku lint` lists them. */
export function triaged(findings: readonly Finding[]): Finding[] {
  return triage(findings, (lookup ??= planLookup(site().library)))
}

/** "7 个错误，涉及 5 份预案；29 个警告，涉及 12 份预案". */
export function findingsSummary(findings: readonly Finding[]): string {
  return summaryLine(tally(findings), site().options.locale)
}

/** The rule's short name in the site's language (缺少上级预案). */
export function ruleName(id: string): string {
  return ruleNameIn(id, site().options.locale)
}

/** "第 86 行" / "line 86". */
export function lineLabel(line: number): string {
  return t().ui.lineN.replace('{n}', String(line))
}

/**
 * Where an author edits the file on the Git host (library.yaml `site.edit_url`, a base URL the file's
 * library-relative path is appended to, as Starlight's editLink does), or undefined when not set.
 */
export function editHref(file: string): string | undefined {
  const base = site().library.settings.site.edit_url
  if (!base) return undefined
  return `${base.replace(/\/*$/, '/')}${file.split('/').map(encodeURIComponent).join('/')}`
}
