// Every rule, one file each, in catalogue order: grouped by family (each rule's `family`), as the docs,
// the site and `yuanku rules` list them. A plain list.
import type { Rule } from './define-rule.ts'
import schema from './schema.ts'
import encoding from './encoding.ts'
import duplicateId from './duplicate-id.ts'
import unknownUnit from './unknown-unit.ts'
import unknownHazard from './unknown-hazard.ts'
import requiredSection from './required-section.ts'
import emptySection from './empty-section.ts'
import placeholderText from './placeholder-text.ts'
import dissolvedUnit from './dissolved-unit.ts'
import brokenLink from './broken-link.ts'
import rawHtml from './raw-html.ts'
import repealedBasis from './repealed-basis.ts'
import fullwidthSpace from './fullwidth-space.ts'
import enumAlias from './enum-alias.ts'
import missingParent from './missing-parent.ts'
import unknownParent from './unknown-parent.ts'
import parentCycle from './parent-cycle.ts'
import parentOrder from './parent-order.ts'
import staleParent from './stale-parent.ts'
import jurisdictionWithoutOverall from './jurisdiction-without-overall.ts'
import selfReference from './self-reference.ts'
import coverageGap from './coverage-gap.ts'
import leadConflict from './lead-conflict.ts'
import hazardOutsideParent from './hazard-outside-parent.ts'
import duplicatePlan from './duplicate-plan.ts'
import unitNotDeclared from './unit-not-declared.ts'
import unitWithoutDuty from './unit-without-duty.ts'
import levelWithoutCommander from './level-without-commander.ts'
import noTimeLimit from './no-time-limit.ts'
import duplicateUnit from './duplicate-unit.ts'
import movedFunction from './moved-function.ts'
import unregisteredUnitName from './unregistered-unit-name.ts'
import copiedFromParent from './copied-from-parent.ts'
import nearDuplicate from './near-duplicate.ts'
import vagueTrigger from './vague-trigger.ts'
import checklistAttribute from './checklist-attribute.ts'
import reviewOverdue from './review-overdue.ts'
import drillOverdue from './drill-overdue.ts'
import notExpertReviewed from './not-expert-reviewed.ts'
import notFiled from './not-filed.ts'
import supersededStillPublished from './superseded-still-published.ts'
import openFindings from './open-findings.ts'
import reviseAfterDrill from './revise-after-drill.ts'
import drillScoreMismatch from './drill-score-mismatch.ts'

export const rules: Rule<any>[] = [
  schema,
  encoding,
  duplicateId,
  unknownUnit,
  unknownHazard,
  requiredSection,
  emptySection,
  placeholderText,
  dissolvedUnit,
  brokenLink,
  rawHtml,
  repealedBasis,
  fullwidthSpace,
  enumAlias,
  missingParent,
  unknownParent,
  parentCycle,
  parentOrder,
  staleParent,
  jurisdictionWithoutOverall,
  selfReference,
  coverageGap,
  leadConflict,
  hazardOutsideParent,
  duplicatePlan,
  unitNotDeclared,
  unitWithoutDuty,
  levelWithoutCommander,
  noTimeLimit,
  duplicateUnit,
  movedFunction,
  unregisteredUnitName,
  copiedFromParent,
  nearDuplicate,
  vagueTrigger,
  checklistAttribute,
  reviewOverdue,
  drillOverdue,
  notExpertReviewed,
  notFiled,
  supersededStillPublished,
  openFindings,
  reviseAfterDrill,
  drillScoreMismatch,
]

export function ruleById(id: string): Rule<any> | undefined {
  return rules.find((r) => r.id === id)
}

/** The rule's short name in the locale (the id itself for an unknown rule, e.g. from an old cache). */
export function ruleName(id: string, locale: string = 'zh-CN'): string {
  const rule = ruleById(id)
  if (!rule) return id
  return locale === 'en' ? rule.name.en : rule.name.zh
}
