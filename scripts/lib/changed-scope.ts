// Which files `yuanku lint --changed` reports on: the changed files of the library, and every plan
// one link away from a changed plan (only files changed in Git, plus everything that links to them),
// since a change on one end of a link can break the other end.
import type { Library } from './model/library.ts'
import type { Plan } from './model/plan.ts'
import { SETTINGS_FILE, UNITS_FILE } from './load/library.ts'

/** Plan ids a plan links to: parents, related plans, and the plans it supersedes. */
export function linkedIds(plan: Plan): string[] {
  const data = plan.data as unknown as Record<string, unknown>
  const ids: string[] = []
  const push = (v: unknown) => {
    if (typeof v === 'string' && v) ids.push(v)
  }
  for (const key of ['parents', 'related'] as const) {
    const list = data?.[key]
    if (Array.isArray(list)) for (const item of list) push((item as { plan?: unknown } | null)?.plan)
  }
  if (Array.isArray(data?.supersedes)) for (const id of data.supersedes) push(id)
  return ids
}

/**
 * Library-relative paths to report on, or undefined for the whole library: a change to library.yaml
 * or units.yaml can change the findings of any plan. `deletedIds` are the ids of deleted plans.
 */
export function changedScope(library: Library, changed: Set<string>, deletedIds: string[] = []): Set<string> | undefined {
  if (changed.has(SETTINGS_FILE) || changed.has(UNITS_FILE)) return undefined
  const scope = new Set<string>()
  const byPath = new Map(library.plans.map((p) => [p.path, p]))
  const changedPlans = new Set<Plan>()
  const known = new Set<string>([...library.drills, ...library.checklists].map((f) => f.path).concat(library.unreadable.map((u) => u.path)))
  for (const path of changed) {
    const plan = byPath.get(path)
    if (plan) changedPlans.add(plan)
    else if (known.has(path)) scope.add(path)
  }
  // A drill record counts for its plan: last drill date, open findings and revisions are checked there.
  for (const drill of library.drills) {
    if (!changed.has(drill.path)) continue
    const plan = typeof drill.data?.plan === 'string' ? library.planById.get(drill.data.plan) : undefined
    if (plan) changedPlans.add(plan)
  }
  // A deleted plan leaves its children with a dangling link: they count as linked to the change.
  const changedIds = new Set([...[...changedPlans].map((p) => p.data?.id), ...deletedIds].filter((id): id is string => typeof id === 'string'))
  for (const plan of changedPlans) {
    scope.add(plan.path)
    for (const id of linkedIds(plan)) {
      const target = library.planById.get(id)
      if (target) scope.add(target.path)
    }
  }
  for (const plan of library.plans) {
    if (linkedIds(plan).some((id) => changedIds.has(id))) scope.add(plan.path)
  }
  return scope
}
