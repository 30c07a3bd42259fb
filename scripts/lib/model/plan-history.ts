// What a plan's dates and the library's drill records say about its history: when it was last revised,
// when it was drilled, which drill findings it has. Shared by the lifecycle rules.
import { isIsoDate } from '../dates.ts'
import type { Library } from './library.ts'
import type { DrillRecord, Plan } from './plan.ts'
import type { DrillRecordFrontmatter } from './schema-types.ts'

export type RevisionKey = 'last_reviewed' | 'published' | 'approved'

/**
 * The latest date at which the plan was reviewed or revised: dates.last_reviewed, or the approval or
 * publication of this version when that is later (a new version is a revision).
 */
export function lastRevision(plan: Plan): { date: string; key: RevisionKey } | undefined {
  let best: { date: string; key: RevisionKey } | undefined
  for (const key of ['last_reviewed', 'published', 'approved'] as const) {
    const date = plan.data.dates?.[key]
    if (isIsoDate(date) && (!best || date > best.date)) best = { date, key }
  }
  return best
}

/** A drill record that says which plan it drilled and when: enough to count, whatever else is wrong with it. */
export interface DatedDrill {
  record: DrillRecord
  plan: string
  date: string
}

const byPlan = new WeakMap<Library, Map<string, DatedDrill[]>>()

/** Drill records of a plan, oldest first (ties by path). The schema rule reports records with other errors. */
export function drillsOf(library: Library, planId: string): DatedDrill[] {
  let map = byPlan.get(library)
  if (!map) {
    map = new Map()
    for (const record of library.drills) {
      const { plan, date } = (record.data ?? {}) as Partial<DrillRecordFrontmatter>
      if (typeof plan !== 'string' || !isIsoDate(date)) continue
      const list = map.get(plan) ?? []
      list.push({ record, plan, date })
      map.set(plan, list)
    }
    for (const list of map.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.record.path < b.record.path ? -1 : 1))
    byPlan.set(library, map)
  }
  return map.get(planId) ?? []
}

export type DrillFinding = DrillRecordFrontmatter['findings'][number]

/** The well-formed findings of a drill record, with their index in `findings` (for YAML places). */
export function drillFindings(record: DrillRecord): { finding: DrillFinding; index: number }[] {
  const list = (record.data as Partial<DrillRecordFrontmatter> | undefined)?.findings
  if (!Array.isArray(list)) return []
  const out: { finding: DrillFinding; index: number }[] = []
  list.forEach((f, index) => {
    if (typeof f === 'object' && f !== null && typeof (f as DrillFinding).text === 'string') out.push({ finding: f as DrillFinding, index })
  })
  return out
}

/** "3 个月" / "3 months" when a month or more, else days: how far past a due date. */
export const overdueText = {
  zh: (months: number, days: number) => (months >= 1 ? `${months} 个月` : `${days} 天`),
  en: (months: number, days: number) => (months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : `${days} day${days === 1 ? '' : 's'}`),
}
