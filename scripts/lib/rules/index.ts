// Every rule, by family. Each family file is a plain list; a rule lives in its own file.
import type { Rule } from './define-rule.ts'
import { formRules } from './form.ts'
import { linkageRules } from './linkage.ts'
import { coverageRules } from './coverage.ts'
import { responsibilityRules } from './responsibility.ts'
import { operabilityRules } from './operability.ts'
import { lifecycleRules } from './lifecycle.ts'

export const rules: Rule<any>[] = [...formRules, ...linkageRules, ...coverageRules, ...responsibilityRules, ...operabilityRules, ...lifecycleRules]

export function ruleById(id: string): Rule<any> | undefined {
  return rules.find((r) => r.id === id)
}

/** The rule's short name in the locale (the id itself for an unknown rule, e.g. from an old cache). */
export function ruleName(id: string, locale: string = 'zh-CN'): string {
  const rule = ruleById(id)
  if (!rule) return id
  return locale === 'en' ? rule.name.en : rule.name.zh
}
