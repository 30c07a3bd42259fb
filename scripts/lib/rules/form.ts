// Form rules (PRODUCT §4 "Form"): schema, encoding and the checks of single plans against the registry.
import type { Rule } from './define-rule.ts'
import schema from './schema.ts'
import encoding from './encoding.ts'
import dissolvedUnit from './dissolved-unit.ts'

export const formRules: Rule<any>[] = [schema, encoding, dissolvedUnit]
