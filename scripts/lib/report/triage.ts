// Most serious first: every human-facing list of findings (stylish output, the site's findings page,
// the home page card) orders them the same way, so an office sees the error that blocks a commit
// before the placeholder warnings.
import type { Finding, Locale } from '../model/finding.ts'
import type { Library } from '../model/library.ts'

/** How much a plan type weighs: the overall plan first, an on-site procedure last. */
export const PLAN_TYPE_RANK: Record<string, number> = {
  overall: 0,
  special: 1,
  department: 2,
  event: 3,
  joint: 4,
  grassroots: 5,
  'enterprise-comprehensive': 6,
  'enterprise-special': 7,
  onsite: 8,
}

/** What the orderer needs to know about a plan. */
export interface PlanInfo {
  type: string
  title: string
  /** Rank of the owner's administrative level (0 national … 5 village), when known. */
  level?: number
}

/** Type, title and level of the library's plans, by id. */
export function planLookup(library: Library): PlanLookup {
  return (id) => {
    const plan = library.planById.get(id)
    if (!plan) return undefined
    const d = plan.data as { type?: unknown; title?: unknown; jurisdiction?: unknown; owner?: unknown }
    const owner = typeof d.owner === 'string' ? d.owner : typeof d.jurisdiction === 'string' ? d.jurisdiction : undefined
    return { type: String(d.type), title: typeof d.title === 'string' ? d.title : id, level: owner ? library.units.rankOf(owner) : undefined }
  }
}

export type PlanLookup = (planId: string) => PlanInfo | undefined

/**
 * Where a finding's file stands: the library's own settings and registries (library.yaml, units.yaml,
 * the taxonomy) first, since an error there misleads every other check; then plans by type; then the
 * rest (drill records, checklists).
 */
export function fileRank(f: Finding, plans?: PlanLookup): number {
  if (f.planId) {
    const info = plans?.(f.planId)
    const type = info && info.type in PLAN_TYPE_RANK ? PLAN_TYPE_RANK[info.type] : 9
    // Within a type, the higher government first: a city's special plan before a township's.
    return type * 10 + (info?.level ?? 6)
  }
  if (!f.file.includes('/') && /\.ya?ml$/.test(f.file)) return -1
  return 100
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Errors before warnings; within each, the weightier plan first, then by file and position. */
export function triage(findings: readonly Finding[], plans?: PlanLookup): Finding[] {
  const rank = new Map<string, number>()
  const rankOf = (f: Finding) => {
    let r = rank.get(f.file)
    if (r === undefined) rank.set(f.file, (r = fileRank(f, plans)))
    return r
  }
  return [...findings].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      rankOf(a) - rankOf(b) ||
      cmp(a.file, b.file) ||
      a.place.line - b.place.line ||
      a.place.column - b.place.column ||
      cmp(a.ruleId, b.ruleId),
  )
}

export interface Tally {
  errors: number
  warnings: number
  /** Plans (or other files) the errors are in. */
  errorFiles: { plans: number; others: number }
  warningFiles: { plans: number; others: number }
  fixable: number
}

function filesOf(findings: Finding[]): { plans: number; others: number } {
  const plans = new Set<string>()
  const others = new Set<string>()
  for (const f of findings) (f.planId ? plans.add(f.planId) : others.add(f.file))
  return { plans: plans.size, others: others.size }
}

export function tally(findings: readonly Finding[]): Tally {
  const errors = findings.filter((f) => f.severity === 'error')
  const warnings = findings.filter((f) => f.severity !== 'error')
  return {
    errors: errors.length,
    warnings: warnings.length,
    errorFiles: filesOf(errors),
    warningFiles: filesOf(warnings),
    fixable: findings.filter((f) => f.fix).length,
  }
}

function where(files: { plans: number; others: number }, locale: Locale): string {
  if (locale === 'en') {
    const parts = [files.plans && `${files.plans} plan${files.plans === 1 ? '' : 's'}`, files.others && `${files.others} other file${files.others === 1 ? '' : 's'}`].filter(Boolean)
    return parts.length ? ` in ${parts.join(' and ')}` : ''
  }
  const parts = [files.plans && `${files.plans} 份预案`, files.others && `${files.others} 个其他文件`].filter(Boolean)
  return parts.length ? `，涉及 ${parts.join('和 ')}` : ''
}

/** "7 个错误，涉及 5 份预案；29 个警告，涉及 12 份预案" / "7 errors in 5 plans; 29 warnings in 12 plans" (a zero count left out). */
export function summaryLine(t: Tally, locale: Locale): string {
  const parts: string[] = []
  if (locale === 'en') {
    if (t.errors || !t.warnings) parts.push(`${t.errors} error${t.errors === 1 ? '' : 's'}${t.errors ? where(t.errorFiles, locale) : ''}`)
    if (t.warnings) parts.push(`${t.warnings} warning${t.warnings === 1 ? '' : 's'}${where(t.warningFiles, locale)}`)
    return parts.join('; ')
  }
  if (t.errors || !t.warnings) parts.push(`${t.errors} 个错误${t.errors ? where(t.errorFiles, locale) : ''}`)
  if (t.warnings) parts.push(`${t.warnings} 个警告${where(t.warningFiles, locale)}`)
  return parts.join('；')
}
