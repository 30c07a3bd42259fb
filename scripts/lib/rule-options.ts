// Rule options in library.yaml, checked against the schema each rule declares for them (as ESLint checks
// a rule's options against its meta.schema): a bad option is a finding at that key of library.yaml, and
// the rule runs with its defaults instead, so that rules never have to defend themselves against
// `threshold: "high"`.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { rangeAt, type Frontmatter } from './load/frontmatter.ts'
import { schemaIssues, type SchemaIssue } from './load/schema-issues.ts'
import { compileSchema } from './load/schemas.ts'
import type { RuleSetting } from './model/settings.ts'
import { closest } from './text/closest.ts'

/** What checking a rule's settings needs of a rule. */
export interface OptionsOwner {
  id: string
  /** The JSON Schema of the rule's options object; a rule without one takes no options. */
  optionsSchema?: Record<string, unknown>
}

const VALID_ID = /^[a-z0-9][a-z0-9-]*$/
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const NO_OPTIONS = { type: 'object', additionalProperties: false, properties: {} }

const validators = new WeakMap<OptionsOwner, ValidateFunction>()

function validator(rule: OptionsOwner): ValidateFunction {
  let fn = validators.get(rule)
  if (!fn) validators.set(rule, (fn = compileSchema(rule.optionsSchema ?? NO_OPTIONS)))
  return fn
}

/** The schema errors of options given to a rule; empty when they are fine. */
export function optionErrors(rule: OptionsOwner, options: unknown): ErrorObject[] {
  const fn = validator(rule)
  return fn(options) ? [] : [...(fn.errors ?? [])]
}

const checked = new WeakMap<object, boolean>()

/** The options a setting gives, when they are valid for the rule (undefined when it gives none or bad ones). */
export function givenOptions(rule: OptionsOwner, setting: RuleSetting | undefined): Record<string, unknown> | undefined {
  const options = Array.isArray(setting) ? setting[1] : undefined
  if (!isPlainObject(options)) return undefined
  let ok = checked.get(options)
  if (ok === undefined) checked.set(options, (ok = optionErrors(rule, options).length === 0))
  return ok ? options : undefined
}

/**
 * Problems of library.yaml's `rules`, at the key or value that is wrong: a rule id Yuanku does not know
 * (with the closest known id), and options the rule's schema rejects.
 */
export function ruleSettingIssues(rules: readonly OptionsOwner[], settings: Record<string, unknown> | undefined, fm: Frontmatter): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  const byId = new Map(rules.map((r) => [r.id, r]))
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const rule = byId.get(id)
    // A malformed id or setting is the library schema's to report (bad-name, type…), not reported twice.
    if (!VALID_ID.test(id)) continue
    if (!rule) {
      const suggestion = closest(id, byId.keys())
      const [start, end] = rangeAt(fm, ['rules', id], 'key')
      issues.push({ messageId: suggestion ? 'unknown-key-suggest' : 'unknown-key', data: { key: id, suggestion: suggestion ?? '', known: [...byId.keys()].join(', ') }, start, end })
      continue
    }
    if (!Array.isArray(setting) || !isPlainObject(setting[1])) continue
    const prefix = `/rules/${id}/1`
    const errors = optionErrors(rule, setting[1]).map((e) => ({ ...e, instancePath: prefix + e.instancePath }))
    const found = schemaIssues(errors, fm)
    // A rule without options: say so, rather than list no known keys.
    if (!rule.optionsSchema) issues.push(...found.map((i) => ({ ...i, messageId: 'no-options' as const, data: { rule: id, key: String(i.data.key) } })))
    else issues.push(...found)
  }
  return issues
}
