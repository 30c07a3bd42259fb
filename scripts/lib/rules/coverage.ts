// Coverage rules (横向到边). A plain list; each rule lives in its own file.
import type { Rule } from './define-rule.ts'
import coverageGap from './coverage-gap.ts'
import leadConflict from './lead-conflict.ts'
import hazardOutsideParent from './hazard-outside-parent.ts'
import duplicatePlan from './duplicate-plan.ts'

export const coverageRules: Rule<any>[] = [coverageGap, leadConflict, hazardOutsideParent, duplicatePlan]
