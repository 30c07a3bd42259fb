// Responsibility rules (PRODUCT §4). A plain list; each rule lives in its own file.
import type { Rule } from './define-rule.ts'

export const responsibilityRules: Rule<any>[] = []
