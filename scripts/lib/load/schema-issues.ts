import type { ErrorObject } from 'ajv'
import { rangeAt, type Frontmatter, type YamlPath } from './frontmatter.ts'
import { closest } from '../text/closest.ts'

/** A wrong value as the author wrote it: scalars as they are, lists and maps as compact JSON (never "[object Object]"). */
function shown(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value)
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 80 ? `${json.slice(0, 79)}…` : json
}

/** A schema problem located in the file, before it is worded in a locale (see rules/schema.ts). */
export interface SchemaIssue {
  messageId: string
  data: Record<string, string | number>
  start: number
  end: number
}

function toPath(pointer: string): YamlPath {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

function fieldOf(path: YamlPath): string {
  const named = path.filter((p): p is string => typeof p === 'string')
  return named.length ? named.join('.') : '(root)'
}

function titleOf(schema: unknown): string {
  const title = (schema as { title?: unknown } | undefined)?.title
  return typeof title === 'string' ? title.split(' / ')[0] : ''
}

/** Turns ajv errors into issues at the YAML key or value that is wrong. */
export function schemaIssues(errors: ErrorObject[], fm: Frontmatter): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  const seen = new Set<string>()
  // A failed `if` only says which branch applied; the branch's own errors carry the substance.
  const hasOneOf = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath))
  for (const error of errors) {
    if (error.keyword === 'if') continue
    if (hasOneOf.has(error.instancePath) && error.schemaPath.includes('/oneOf/') && error.keyword !== 'oneOf') continue
    const issue = toIssue(error, fm)
    const key = `${issue.messageId}:${issue.start}:${JSON.stringify(issue.data)}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(issue)
  }
  return issues
}

function toIssue(error: ErrorObject, fm: Frontmatter): SchemaIssue {
  const path = toPath(error.instancePath)
  const field = fieldOf(path)
  const label = titleOf(error.parentSchema)
  const at = (p: YamlPath, which: 'key' | 'value') => {
    const [start, end] = rangeAt(fm, p, which)
    return { start, end }
  }
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {})
      const suggestion = closest(key, known)
      return {
        messageId: suggestion ? 'unknown-key-suggest' : 'unknown-key',
        data: { key, suggestion: suggestion ?? '', known: known.join(', ') },
        ...at([...path, key], 'key'),
      }
    }
    case 'required': {
      const key = String(params.missingProperty)
      return { messageId: 'missing-key', data: { key, field }, ...at(path, 'key') }
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== null).map(String)
      const value = shown(error.data)
      const suggestion = closest(value, allowed)
      return {
        messageId: suggestion ? 'bad-enum-suggest' : 'bad-enum',
        data: { value, field, label, allowed: allowed.join(', '), suggestion: suggestion ?? '' },
        ...at(path, 'value'),
      }
    }
    case 'const':
      return { messageId: 'bad-enum', data: { value: shown(error.data), field, label, allowed: String(params.allowedValue), suggestion: '' }, ...at(path, 'value') }
    case 'type':
      return { messageId: 'type', data: { field, label, type: String(params.type) }, ...at(path, 'value') }
    case 'format':
      return { messageId: 'format-date', data: { field, value: shown(error.data) }, ...at(path, 'value') }
    case 'pattern':
      return { messageId: 'pattern', data: { field, value: shown(error.data), pattern: String(params.pattern) }, ...at(path, 'value') }
    case 'minItems':
      return { messageId: 'min-items', data: { field, limit: Number(params.limit) }, ...at(path, 'value') }
    case 'maxItems':
      return { messageId: 'max-items', data: { field, limit: Number(params.limit) }, ...at(path, 'value') }
    case 'minLength':
      return { messageId: 'empty', data: { field }, ...at(path, 'value') }
    case 'maxLength':
      return { messageId: 'too-long', data: { field, limit: Number(params.limit) }, ...at(path, 'value') }
    case 'uniqueItems':
      return { messageId: 'unique-items', data: { field, index: Number(params.i) + 1 }, ...at([...path, Number(params.i)], 'value') }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { messageId: 'range', data: { field, value: shown(error.data), comparison: String(params.comparison), limit: Number(params.limit) }, ...at(path, 'value') }
    case 'oneOf':
      return { messageId: 'parent-one-of', data: { field }, ...at(path, 'value') }
    case 'propertyNames':
      return { messageId: 'bad-name', data: { field, name: String(params.propertyName) }, ...at([...path, String(params.propertyName)], 'key') }
    default:
      return { messageId: 'other', data: { field, detail: error.message ?? error.keyword }, ...at(path, 'value') }
  }
}
