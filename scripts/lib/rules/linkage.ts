// Linkage rules (纵向到底). A plain list; each rule lives in its own file.
import type { Rule } from './define-rule.ts'
import missingParent from './missing-parent.ts'
import unknownParent from './unknown-parent.ts'
import parentCycle from './parent-cycle.ts'
import parentOrder from './parent-order.ts'
import staleParent from './stale-parent.ts'
import jurisdictionWithoutOverall from './jurisdiction-without-overall.ts'
import selfReference from './self-reference.ts'

export const linkageRules: Rule<any>[] = [missingParent, unknownParent, parentCycle, parentOrder, staleParent, jurisdictionWithoutOverall, selfReference]
