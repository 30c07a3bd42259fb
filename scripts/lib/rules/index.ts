// Every rule, by family. Each family file is a plain list; a rule lives in its own file.
import type { Rule } from './define-rule.ts'
import { formRules } from './form.ts'

export const rules: Rule<any>[] = [...formRules]

export function ruleById(id: string): Rule<any> | undefined {
  return rules.find((r) => r.id === id)
}
