// Lifecycle rules. A plain list; each rule lives in its own file.
import type { Rule } from './define-rule.ts'
import reviewOverdue from './review-overdue.ts'
import drillOverdue from './drill-overdue.ts'
import notExpertReviewed from './not-expert-reviewed.ts'
import notFiled from './not-filed.ts'
import supersededStillPublished from './superseded-still-published.ts'
import openFindings from './open-findings.ts'
import reviseAfterDrill from './revise-after-drill.ts'
import drillScoreMismatch from './drill-score-mismatch.ts'

export const lifecycleRules: Rule<any>[] = [
  reviewOverdue,
  drillOverdue,
  notExpertReviewed,
  notFiled,
  supersededStillPublished,
  openFindings,
  reviseAfterDrill,
  drillScoreMismatch,
]
