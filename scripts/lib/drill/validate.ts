// Validation of imported drill records against schema/drill.schema.json without ajv: ajv compiles
// validators with `new Function`, which the site's CSP (script-src 'self') forbids in the checklist page.
// This is a small interpreter of the keywords the drill schema uses, reading the schema itself (still the
// single source); it refuses a schema with any other keyword, and test/drill/validate.test.ts checks it
// against ajv on generated records.
import drillSchema from '../../../schema/drill.schema.json' with { type: 'json' }

type Schema = Record<string, unknown>

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default'])
const KEYWORDS = new Set(['type', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'format'])

/** Throws when a schema uses a keyword this interpreter does not implement. */
export function assertSupported(schema: Schema, at = '#'): void {
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue
    if (!KEYWORDS.has(k)) throw new Error(`drill schema keyword "${k}" at ${at} is not supported by validate.ts`)
    if (k === 'additionalProperties' && v !== false) throw new Error(`additionalProperties other than false at ${at}`)
    if (k === 'format' && v !== 'date') throw new Error(`format "${String(v)}" at ${at}`)
    if (k === 'properties') for (const [name, sub] of Object.entries(v as Record<string, Schema>)) assertSupported(sub, `${at}/properties/${name}`)
    if (k === 'items') assertSupported(v as Schema, `${at}/items`)
  }
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** RFC 3339 full-date, as ajv-formats "date" checks it (leap years included). */
export function isDate(s: string): boolean {
  const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month])
}

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : Number.isFinite(v) ? 'number' : 'non-finite'
  return typeof v
}

function hasType(v: unknown, type: string): boolean {
  const actual = typeOf(v)
  return actual === type || (type === 'number' && actual === 'integer')
}

const patterns = new Map<string, RegExp>()
const regex = (p: string) => patterns.get(p) ?? patterns.set(p, new RegExp(p, 'u')).get(p)!

function check(value: unknown, schema: Schema, path: string, errors: string[]): void {
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]
    if (!types.some((t) => hasType(value, t))) {
      errors.push(`${path || '/'}: 类型应为 ${types.join(',')} / must be ${types.join(',')}`)
      return
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
    errors.push(`${path || '/'}: 取值应为 ${schema.enum.map((v) => JSON.stringify(v)).join(', ')} / must be one of these`)
  }
  if (typeof value === 'string') {
    const length = [...value].length
    if (typeof schema.minLength === 'number' && length < schema.minLength) errors.push(`${path}: 长度至少 ${schema.minLength} / must NOT have fewer than ${schema.minLength} characters`)
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) errors.push(`${path}: 长度至多 ${schema.maxLength} / must NOT have more than ${schema.maxLength} characters`)
    if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(value)) errors.push(`${path}: 格式应符合 ${schema.pattern} / must match pattern "${schema.pattern}"`)
    if (schema.format === 'date' && !isDate(value)) errors.push(`${path}: 格式应为 date（YYYY-MM-DD） / must be a date`)
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: 不能小于 ${schema.minimum} / must be >= ${schema.minimum}`)
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: 不能大于 ${schema.maximum} / must be <= ${schema.maximum}`)
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) errors.push(`${path}: 应大于 ${schema.exclusiveMinimum} / must be > ${schema.exclusiveMinimum}`)
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => check(item, schema.items as Schema, `${path}/${i}`, errors))
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>
    const props = (schema.properties ?? {}) as Record<string, Schema>
    for (const key of (schema.required ?? []) as string[]) if (!Object.hasOwn(obj, key)) errors.push(`${path || '/'}: 缺少“${key}” / missing "${key}"`)
    // In ajv's order: required, unknown keys, then each property.
    if (schema.additionalProperties === false) for (const key of Object.keys(obj)) if (!Object.hasOwn(props, key)) errors.push(`${path || '/'}: 不允许的键“${key}” / unknown key "${key}"`)
    for (const key of Object.keys(props)) if (Object.hasOwn(obj, key)) check(obj[key], props[key], `${path}/${key}`, errors)
  }
}

let checked = false

/** One line per problem: `/checklist/3/rating: 取值应为 … / must be one of these`; empty when valid. */
export function validateDrillRecord(data: unknown): string[] {
  if (!checked) {
    assertSupported(drillSchema as Schema)
    checked = true
  }
  const errors: string[] = []
  check(data, drillSchema as Schema, '', errors)
  return errors.slice(0, 20)
}
