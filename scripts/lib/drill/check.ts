// Where a drill record disagrees with its own items: shared by `yuanku drill score` and the
// drill-score-mismatch rule.
import { scoreRecord, type GradingInput } from './score.ts'
import type { DrillRecordData, ScoreResult } from './types.ts'

export interface ItemMismatch {
  index: number
  ref: string
  recorded: number | null
  computed: number | null
  /** The item was timed and over its limit. */
  over: boolean
}

export interface RecordCheck {
  result: ScoreResult
  score?: { recorded: number | null; computed: number | null }
  grade?: { recorded: string | null; computed: string | null }
  unrated?: { recorded: number; computed: number }
  items: ItemMismatch[]
  /** True when anything above disagrees. */
  mismatch: boolean
}

/** A recorded score is the computed one when both round to the same tenth (records keep one decimal). */
export function sameScore(recorded: number | null, computed: number | null): boolean {
  if (recorded === null || computed === null) return recorded === computed
  return Math.abs(recorded - computed) < 0.05 + 1e-9
}

export function checkRecord(record: DrillRecordData, grading?: GradingInput): RecordCheck {
  const result = scoreRecord(record, grading)
  const items: ItemMismatch[] = []
  record.checklist.forEach((item, index) => {
    const computed = item.rating === null ? null : (result.itemAwards[item.ref] ?? null)
    const recorded = item.awarded
    const same = computed === recorded || (computed !== null && recorded !== null && Math.abs(computed - recorded) < 1e-6)
    if (!same) items.push({ index, ref: item.ref, recorded, computed, over: result.timedOver.includes(item.ref) })
  })
  const check: RecordCheck = { result, items, mismatch: items.length > 0 }
  if (!sameScore(record.score, result.score)) check.score = { recorded: record.score, computed: result.score }
  if (record.grade !== result.grade) check.grade = { recorded: record.grade, computed: result.grade }
  if (record.unrated !== undefined && record.unrated !== result.unrated) check.unrated = { recorded: record.unrated, computed: result.unrated }
  check.mismatch ||= Boolean(check.score || check.grade || check.unrated)
  return check
}
