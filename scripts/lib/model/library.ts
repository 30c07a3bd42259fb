import type { ChecklistTemplate, DrillRecord, LoadIssue, Plan, SourceFile } from './plan.ts'
import type { LibrarySettings } from './settings.ts'
import type { Taxonomy } from './taxonomy.ts'
import type { UnitRegistry } from './units.ts'

/** A file that could not be decoded as text (not UTF-8, binary, too large, unreadable). */
export interface UnreadableFile {
  path: string
  absPath: string
  issue: LoadIssue
  /** What the file would have been. */
  role: 'plan' | 'drill' | 'checklist' | 'units' | 'library'
}

/** A library entry the loader skipped on purpose (symlink, special file), reported as a warning. */
export interface SkippedEntry {
  path: string
  reason: 'symlink' | 'not-a-file' | 'unreadable-folder'
  /** The system error code, for an unreadable folder. */
  code?: string
}

export interface Library {
  /** Absolute path of the library folder. */
  root: string
  settings: LibrarySettings
  /** plans/library.yaml, when present. */
  settingsFile?: SourceFile
  units: UnitRegistry
  unitsFile?: SourceFile
  /**
   * units.yaml's `units` entries as read (plain data, file order), when the file passed the schema:
   * rules that walk the registry file read these and ask for positions (the YAML document) only for
   * what they report. Undefined when the file is missing or invalid; then read unitsFile's document.
   */
  unitEntries?: unknown[]
  taxonomy: Taxonomy
  plans: Plan[]
  drills: DrillRecord[]
  checklists: ChecklistTemplate[]
  unreadable: UnreadableFile[]
  skipped: SkippedEntry[]
  /** Plans by id; a duplicated id maps to the first plan in path order (duplicate-id reports the rest). */
  planById: Map<string, Plan>
}

export function indexPlans(plans: Plan[]): Map<string, Plan> {
  const byId = new Map<string, Plan>()
  for (const plan of plans) {
    const id = plan.data?.id
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, plan)
  }
  return byId
}
