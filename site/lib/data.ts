// The library as the pages see it, prepared ONCE per build. scripts/build-site.ts prepares it before
// starting Astro and hands it over on globalThis (Astro prerenders in the same process); a bare
// `astro build` prepares it here from the same environment variables.
import { prepareSite } from '../../scripts/lib/site/prepare.ts'
import type { SiteModel } from '../../scripts/lib/site/model.ts'
import { renderPlanBody, type RenderedPlan } from '../../scripts/lib/site/render.ts'
import { docPages, type DocPage } from '../../scripts/lib/site/docs.ts'
import { strings, type Strings } from './i18n.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'
import { planLookup, summaryLine, tally, triage, type PlanLookup } from '../../scripts/lib/report/triage.ts'
import { ruleName as ruleNameIn } from '../../scripts/lib/rules/index.ts'

export type { SiteModel, PlanView, DrillView, UnitDuty } from '../../scripts/lib/site/model.ts'

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

/** The plan's text as sanitised HTML with its table of contents (rendered once, memoised). */
export function renderedPlan(id: string): RenderedPlan | undefined {
  const s = site()
  if (rendered.has(id)) return rendered.get(id)
  const view = s.planById.get(id)
  const plan = view && s.library.planById.get(id)
  if (!view || !plan) return undefined
  const lines = (s.findingsByPlan.get(id) ?? []).map((f) => f.place.line)
  const result = renderPlanBody(plan.tree, {
    path: plan.path,
    planHref: (target) => (s.planById.has(target) ? planHref(target) : undefined),
    planIdAtPath: (path) => s.planByPath.get(path)?.id,
    lines,
  })
  rendered.set(id, result)
  return result
}

/** The line where a plan's Markdown body starts: findings above it are in the frontmatter (metadata). */
export function planBodyLine(id: string): number {
  const plan = site().library.planById.get(id)
  return plan ? plan.lines.place(plan.bodyStart, plan.bodyStart).line : 1
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
  const drill = s.drills.find((d) => d.path === f.file)
  if (drill) {
    const l = t()
    const plan = s.planById.get(drill.plan)
    return { href: drillHref(drill.id), label: `${drill.date} ${l.drillKind[drill.kind] ?? drill.kind}${plan ? ` · ${plan.title}` : ''}` }
  }
  return undefined
}

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
