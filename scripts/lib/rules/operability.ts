// Operability rules (PRODUCT §4). A plain list; each rule lives in its own file.
import type { Rule } from './define-rule.ts'
import copiedFromParent from './copied-from-parent.ts'
import nearDuplicate from './near-duplicate.ts'
import vagueTrigger from './vague-trigger.ts'
import checklistAttribute from './checklist-attribute.ts'

export const operabilityRules: Rule<any>[] = [copiedFromParent, nearDuplicate, vagueTrigger, checklistAttribute]
