// Drill scoring. One module for the checklist page, `yuanku drill score` and the
// drill-score-mismatch rule, so that the three can never disagree.
import { toMinutes } from './duration.ts'
import type { ChecklistItem, DrillRecordData, Grading, Rating, RatingValue, Ratings, ScoreResult } from './types.ts'

/** schema/library.schema.json `grading` defaults (a test keeps the two equal). */
export const DEFAULT_GRADING: Grading = {
  scale: 'met-partial',
  partial_share: 0.5,
  hseep_shares: { P: 1, S: 0.75, M: 0.5, U: 0 },
  grades: [
    { name: '优秀', name_en: 'Excellent', min: 90 },
    { name: '良好', name_en: 'Good', min: 80 },
    { name: '合格', name_en: 'Pass', min: 60 },
  ],
  fail_grade: '不合格',
  fail_grade_en: 'Fail',
}

export type GradingInput = Partial<Omit<Grading, 'hseep_shares'>> & { hseep_shares?: Partial<Grading['hseep_shares']> }

export function resolveGrading(g: GradingInput | undefined): Grading {
  return {
    ...DEFAULT_GRADING,
    ...g,
    hseep_shares: { ...DEFAULT_GRADING.hseep_shares, ...g?.hseep_shares },
    grades: g?.grades?.length ? [...g.grades].sort((a, b) => b.min - a.min) : DEFAULT_GRADING.grades,
  }
}

export const RATINGS: Record<Grading['scale'], RatingValue[]> = {
  'met-partial': ['met', 'partial', 'unmet', 'na'],
  hseep: ['P', 'S', 'M', 'U', 'na'],
}

const round = (n: number, digits: number) => {
  const f = 10 ** digits
  return Math.round((n + Number.EPSILON) * f) / f
}

/** Share of an item's points a rating earns; undefined for na, unrated and direct points. */
export function ratingShare(rating: RatingValue, grading: Grading): number | undefined {
  switch (rating) {
    case 'met':
      return 1
    case 'partial':
      return grading.partial_share
    case 'unmet':
      return 0
    case 'P':
    case 'S':
    case 'M':
    case 'U':
      return grading.hseep_shares[rating]
    default:
      return undefined
  }
}

interface ItemOutcome {
  /** null = unrated; 'na' = not applicable. */
  awarded: number | null | 'na'
  failed: boolean
  over: boolean
}

function itemOutcome(item: ChecklistItem, r: Rating | undefined, grading: Grading): ItemOutcome {
  const rating = r?.rating ?? null
  if (rating === null) return { awarded: null, failed: false, over: false }
  if (rating === 'na') return { awarded: 'na', failed: false, over: false }
  let awarded: number | null
  if (rating === 'points') {
    const given = typeof r?.awarded === 'number' && Number.isFinite(r.awarded) ? r.awarded : null
    if (given === null) return { awarded: null, failed: false, over: false }
    awarded = Math.min(Math.max(given, 0), item.points)
  } else awarded = item.points * (ratingShare(rating, grading) ?? 0)
  const elapsed = toMinutes(r?.elapsed ?? undefined)
  // A timed item done after its limit is not met, whatever the evaluator clicked: the limit is what the
  // plan promises, so being late is the failure the drill exists to find.
  const over = item.within !== undefined && elapsed !== undefined && elapsed > item.within
  if (over) awarded = 0
  const failed = rating === 'unmet' || rating === 'U' || over || (rating === 'points' && awarded === 0)
  return { awarded: round(awarded, 4), failed, over }
}

/** The grade of a score: the first band whose minimum it reaches, else the fail grade. */
export function gradeOf(score: number, grading: Grading): string {
  for (const band of grading.grades) if (score >= band.min) return band.name
  return grading.fail_grade
}

/** The grade in the page's locale. */
export function gradeLabel(grade: string | null, grading: Grading, locale: 'zh-CN' | 'en'): string {
  if (grade === null) return '—'
  if (locale === 'zh-CN') return grade
  if (grade === grading.fail_grade) return grading.fail_grade_en
  return grading.grades.find((g) => g.name === grade)?.name_en ?? grade
}

/**
 * Scores a drill. The result is provisional while items are unrated, unless the evaluator finalised the
 * scoring (`finalized`): then unrated items simply scored nothing, and the grade is final.
 */
export function scoreDrill(items: ChecklistItem[], ratings: Ratings, gradingInput?: GradingInput, options: { finalized?: boolean } = {}): ScoreResult {
  const grading = resolveGrading(gradingInput)
  let awarded = 0
  let applicable = 0
  let rated = 0
  const criticalFailures: string[] = []
  const timedOver: string[] = []
  const itemAwards: Record<string, number | null> = {}
  for (const item of items) {
    const outcome = itemOutcome(item, Object.hasOwn(ratings, item.ref) ? ratings[item.ref] : undefined, grading)
    if (outcome.awarded !== null) rated++
    if (outcome.awarded === 'na') {
      itemAwards[item.ref] = 0
      continue
    }
    applicable += item.points
    itemAwards[item.ref] = outcome.awarded
    if (outcome.awarded !== null) awarded += outcome.awarded
    if (outcome.over) timedOver.push(item.ref)
    if (outcome.failed && item.critical) criticalFailures.push(item.ref)
  }
  awarded = round(awarded, 4)
  applicable = round(applicable, 4)
  const score = applicable > 0 ? round((awarded / applicable) * 100, 1) : null
  const grade = score === null ? null : criticalFailures.length ? grading.fail_grade : gradeOf(score, grading)
  const unrated = items.length - rated
  return { score, grade, provisional: unrated > 0 && options.finalized !== true, awarded, applicable, total: items.length, rated, unrated, criticalFailures, timedOver, itemAwards }
}

/** The items and ratings of a drill record, as scoreDrill takes them. */
export function recordRatings(record: Pick<DrillRecordData, 'checklist'>): { items: ChecklistItem[]; ratings: Ratings } {
  const items: ChecklistItem[] = []
  const ratings: Ratings = {}
  for (const it of Array.isArray(record.checklist) ? record.checklist : []) {
    const within = toMinutes(it.within)
    items.push({ ref: it.ref, phase: it.phase ?? '', text: it.text, points: it.points, critical: it.critical === true, ...(within === undefined ? {} : { within }), source: sourceOfRef(it.ref) })
    ratings[it.ref] = { rating: it.rating, awarded: it.awarded, elapsed: toMinutes(it.elapsed) ?? null, ...(it.note ? { note: it.note } : {}) }
  }
  return { items, ratings }
}

/** Recomputes a drill record's score from its items. */
export function scoreRecord(record: Pick<DrillRecordData, 'checklist'> & { finalized?: boolean }, grading?: GradingInput): ScoreResult {
  const { items, ratings } = recordRatings(record)
  return scoreDrill(items, ratings, grading, { finalized: record.finalized === true })
}

function sourceOfRef(ref: string): ChecklistItem['source'] {
  if (ref.startsWith('duty-')) return 'duty'
  if (ref.startsWith('trigger-')) return 'trigger'
  if (ref.startsWith('time-')) return 'time-limit'
  if (ref.startsWith('tpl-')) return 'template'
  return 'plan'
}
