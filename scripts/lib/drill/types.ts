// Checklist items, ratings and scores. Pure types: bundled into the checklist page.
import type { DrillRecordFrontmatter } from '../model/schema-types.ts'

export type ItemSource = 'plan' | 'template' | 'duty' | 'trigger' | 'time-limit'

/** One thing the evaluator checks during a drill. */
export interface ChecklistItem {
  /** Stable id: readable prefix + short hash of (source, normalised text); unique within the checklist. */
  ref: string
  phase: string
  text: string
  points: number
  critical: boolean
  /** Time limit in minutes, when the item is timed. */
  within?: number
  source: ItemSource
  /** Unit id the item is about (duty items). */
  unit?: string
}

export type RatingValue = 'met' | 'partial' | 'unmet' | 'na' | 'P' | 'S' | 'M' | 'U' | 'points'

/** What an evaluator recorded for one item. `rating` null or absent = unrated. */
export interface Rating {
  rating?: RatingValue | null
  /** Points given directly (rating 'points'). */
  awarded?: number | null
  /** Time taken in minutes (timed items). */
  elapsed?: number | null
  note?: string
}

export type Ratings = Record<string, Rating | undefined>

export interface GradeBand {
  name: string
  name_en?: string
  min: number
}

/** The grading part of library.yaml, every key resolved. */
export interface Grading {
  scale: 'met-partial' | 'hseep'
  partial_share: number
  hseep_shares: { P: number; S: number; M: number; U: number }
  grades: GradeBand[]
  fail_grade: string
  fail_grade_en: string
}

export interface ScoreResult {
  /** awarded / applicable × 100, one decimal; null when no item is applicable. */
  score: number | null
  /** Grade name from the grading bands (the fail grade when a critical item failed); null with no score. */
  grade: string | null
  /** True while some item is unrated: the score is a lower bound. */
  provisional: boolean
  /** Points awarded (unrated items count 0). */
  awarded: number
  /** Points of every item not marked na (unrated items included). */
  applicable: number
  /** Number of items. */
  total: number
  /** Items rated, na included. */
  rated: number
  unrated: number
  /** Refs of critical items that were not met. */
  criticalFailures: string[]
  /** Refs of timed items whose elapsed time exceeded the limit (scored as unmet). */
  timedOver: string[]
  /** Points awarded per ref (null = unrated, undefined never: every item has an entry). */
  itemAwards: Record<string, number | null>
}

export type DrillRecordData = DrillRecordFrontmatter
export type RecordItem = DrillRecordFrontmatter['checklist'][number]
export type RecordFinding = DrillRecordFrontmatter['findings'][number]
