// The coverage model (横向到边: every main risk of a jurisdiction has an in-force plan): which jurisdiction has an
// in-force plan for which hazard.
// Shared by the coverage-gap rule, `yuanku coverage` and the site's coverage page, so all three agree.
import type { Library } from './model/library.ts'
import type { Plan } from './model/plan.ts'
import { CATEGORIES } from './model/taxonomy.ts'
import type { Unit } from './model/units.ts'
import { planStanding } from './plan-system.ts'

export type CoverageState = 'active' | 'draft' | 'missing' | 'not-required'

export interface CoverageJurisdiction {
  id: string
  name: string
  name_en?: string
  level: string
  /** 0 for a top jurisdiction, +1 per level of the administrative tree. */
  depth: number
  /** The jurisdiction directly above, when it is in the registry. */
  parent?: string
}

export interface CoverageHazard {
  id: string
  name: string
  name_en?: string
  /** Category id (natural, accident, …); '' for a required hazard missing from the taxonomy. */
  category: string
}

export interface CoveragePlanRef {
  id: string
  title: string
  status: string
  /** Plan type (special, joint, department …): the kind of plan that covers the cell. */
  type: string
  /** Library-relative path of the plan file. */
  path: string
}

export interface CoverageCell {
  /**
   * active: an approved/published plan of a counting type (coverage.counts: special, joint and department by
   *   default, since the national system covers road traffic, power outages and others by department plans);
   * draft: only draft/review plans do (or approved/published ones issued after `today`); missing: required for the jurisdiction's level and no such plan;
   * not-required: neither required nor covered.
   */
  state: CoverageState
  /** Required by library.yaml coverage.hazards for the jurisdiction's level. */
  required: boolean
  /** Plans covering the cell (in force first, then drafts; library path order within each). */
  plans: CoveragePlanRef[]
  /** Type of the plan that covers the cell (the first of `plans`), when any. */
  kind?: string
}

export interface CoverageMatrix {
  /** Jurisdictions in tree order: depth-first from the top, units.yaml order among siblings. */
  jurisdictions: CoverageJurisdiction[]
  /** Every hazard required at some level present or covered by some plan, in taxonomy order. */
  hazards: CoverageHazard[]
  /** jurisdiction id → hazard id → cell. */
  cells: Record<string, Record<string, CoverageCell>>
}

/**
 * Plan types whose hazards count as a jurisdiction's coverage by default (横向到边): special, joint and
 * department plans. The national system itself covers road traffic, power outages and some public-health
 * events by department plans; `coverage.counts` in library.yaml narrows or widens the list.
 */
export const COVERING_TYPES: readonly string[] = ['special', 'joint', 'department']

/** Symbol of a covered cell by the kind of plan that covers it (terminal and site alike); ● for any other kind. */
export const KIND_SYMBOLS: Record<string, string> = { special: '●', department: '■', joint: '◆' }

export function kindSymbol(kind: string | undefined): string {
  return (kind && KIND_SYMBOLS[kind]) || '●'
}

/** The plan types that count as coverage in this library. */
export function coveringTypes(library: Library): ReadonlySet<string> {
  const counts = (library.settings.coverage as { counts?: unknown } | undefined)?.counts
  return new Set(Array.isArray(counts) ? stringList(counts) : COVERING_TYPES)
}

export interface CoverageOptions {
  /** YYYY-MM-DD: a plan issued after this date is not in force yet and counts as a draft. */
  today?: string
}

/** Active jurisdictions in tree order with their depth. Cycle-safe; orphans (parent unknown) start their own tree. */
export function jurisdictionTree(library: Library): CoverageJurisdiction[] {
  const all = library.units.jurisdictions()
  const ids = new Set(all.map((u) => u.id))
  const children = new Map<string, Unit[]>()
  const roots: Unit[] = []
  for (const u of all) {
    if (u.parent && ids.has(u.parent) && u.parent !== u.id) {
      const list = children.get(u.parent) ?? []
      list.push(u)
      children.set(u.parent, list)
    } else roots.push(u)
  }
  const out: CoverageJurisdiction[] = []
  const seen = new Set<string>()
  const visit = (u: Unit, depth: number): void => {
    if (seen.has(u.id)) return
    seen.add(u.id)
    const parent = u.parent && ids.has(u.parent) && u.parent !== u.id ? u.parent : undefined
    out.push({ id: u.id, name: u.name, ...(u.name_en ? { name_en: u.name_en } : {}), level: u.level ?? '', depth, ...(parent ? { parent } : {}) })
    for (const c of children.get(u.id) ?? []) visit(c, depth + 1)
  }
  for (const r of roots) visit(r, 0)
  // Jurisdictions caught in a parent cycle have no root; list them at the end, each as a top.
  for (const u of all) visit(u, 0)
  return out
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** The hazards a plan covers for its jurisdiction's coverage, or [] when its type does not count. */
export function coveredHazards(plan: Plan, types: ReadonlySet<string> = new Set(COVERING_TYPES)): string[] {
  const d = plan.data as Partial<Plan['data']> | undefined
  if (!d || typeof d.type !== 'string' || !types.has(d.type)) return []
  return [...new Set(stringList(d.hazards))]
}

/** The jurisdiction id a plan's coverage counts for (its owner's jurisdiction), if any. */
export function planJurisdiction(library: Library, plan: Plan): string | undefined {
  const owner = (plan.data as Partial<Plan['data']> | undefined)?.jurisdiction
  if (typeof owner !== 'string') return undefined
  return library.units.jurisdictionOf(owner)?.id
}

/**
 * Where a coverage setting comes from, so that a message cites library.yaml only for what it really says:
 * 'settings' when the library's own library.yaml sets the key (and is valid, so it is used); 'default' when
 * library.yaml exists but leaves the key out (or is invalid, and the tool runs on defaults); 'no-file' when
 * the library has no library.yaml.
 */
export type SettingOrigin = 'settings' | 'default' | 'no-file'

export function settingOrigin(library: Library, path: readonly string[]): SettingOrigin {
  const file = library.settingsFile
  if (!file) return 'no-file'
  if (file.issues.some((i) => i.rule === 'schema')) return 'default'
  return file.frontmatter?.doc.hasIn(path) ? 'settings' : 'default'
}

/** Hazard ids required for a level by library.yaml coverage.hazards. */
export function requiredHazards(library: Library, level: string | undefined): string[] {
  if (!level) return []
  const byLevel = (library.settings.coverage?.hazards ?? {}) as Record<string, unknown>
  return [...new Set(stringList(byLevel[level]))]
}

const CATEGORY_ORDER = Object.keys(CATEGORIES)

export function coverageMatrix(library: Library, options: CoverageOptions = {}): CoverageMatrix {
  const jurisdictions = jurisdictionTree(library)
  const jIds = new Set(jurisdictions.map((j) => j.id))
  const taxonomy = library.taxonomy

  // jurisdiction → hazard → plans covering it (in force or drafting), in library path order.
  const byCell = new Map<string, Map<string, Plan[]>>()
  const standing = new Map<Plan, 'active' | 'draft'>()
  const coveredIds = new Set<string>()
  const types = coveringTypes(library)
  for (const plan of library.plans) {
    const s = planStanding(plan, options.today)
    if (!s) continue
    standing.set(plan, s)
    const hazards = coveredHazards(plan, types).filter((h) => taxonomy.get(h))
    if (hazards.length === 0) continue
    const j = planJurisdiction(library, plan)
    if (!j || !jIds.has(j)) continue
    const row = byCell.get(j) ?? new Map<string, Plan[]>()
    byCell.set(j, row)
    for (const h of hazards) {
      const list = row.get(h) ?? []
      list.push(plan)
      row.set(h, list)
      coveredIds.add(h)
    }
  }

  const requiredIds = new Set<string>()
  const requiredByJ = new Map<string, Set<string>>()
  for (const j of jurisdictions) {
    const req = new Set(requiredHazards(library, j.level))
    requiredByJ.set(j.id, req)
    for (const h of req) requiredIds.add(h)
  }

  const known: CoverageHazard[] = []
  const knownIds = new Set<string>()
  for (const cat of CATEGORY_ORDER) {
    for (const h of taxonomy.hazards.values()) {
      if (h.category !== cat || !(requiredIds.has(h.id) || coveredIds.has(h.id))) continue
      known.push({ id: h.id, name: h.name, name_en: h.name_en, category: h.category })
      knownIds.add(h.id)
    }
  }
  // Required hazards missing from the taxonomy (unknown-hazard territory) still show, at the end.
  const unknown: CoverageHazard[] = [...requiredIds]
    .filter((id) => !knownIds.has(id))
    .map((id) => ({ id, name: id, category: '' }))
  const hazards = [...known, ...unknown]

  const cells: CoverageMatrix['cells'] = {}
  for (const j of jurisdictions) {
    const row: Record<string, CoverageCell> = {}
    const req = requiredByJ.get(j.id) ?? new Set<string>()
    for (const h of hazards) {
      const plans = byCell.get(j.id)?.get(h.id) ?? []
      const inForce = plans.filter((p) => standing.get(p) === 'active')
      const drafts = plans.filter((p) => standing.get(p) === 'draft')
      const required = req.has(h.id)
      const state: CoverageState =
        inForce.length > 0 ? 'active' : drafts.length > 0 ? 'draft' : required ? 'missing' : 'not-required'
      const refs = [...inForce, ...drafts].map((p) => ({ id: String(p.data.id ?? p.path), title: String(p.data.title ?? p.path), status: p.data.status, type: String(p.data.type), path: p.path }))
      row[h.id] = { state, required, plans: refs, ...(refs.length ? { kind: refs[0].type } : {}) }
    }
    cells[j.id] = row
  }
  return { jurisdictions, hazards, cells }
}
