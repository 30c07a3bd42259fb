import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import { isIsoDate } from '../dates.ts'
import planSchema from '../../../schema/plan.schema.json' with { type: 'json' }
import unitsSchema from '../../../schema/units.schema.json' with { type: 'json' }
import librarySchema from '../../../schema/library.schema.json' with { type: 'json' }
import drillSchema from '../../../schema/drill.schema.json' with { type: 'json' }
import checklistSchema from '../../../schema/checklist.schema.json' with { type: 'json' }
import checklistItemSchema from '../../../schema/checklist-item.schema.json' with { type: 'json' }

export type SchemaName = 'plan' | 'units' | 'library' | 'drill' | 'checklist' | 'checklist-item'

export const schemas: Record<SchemaName, Record<string, unknown>> = {
  plan: planSchema,
  units: unitsSchema,
  library: librarySchema,
  drill: drillSchema,
  checklist: checklistSchema,
  'checklist-item': checklistItemSchema,
}

// The schemas' one format, "date", is Yuanku's one definition of a valid date (dates.ts), as in the
// checklist page's generated validator.
function addFormats(ajv: Ajv2020): void {
  ajv.addFormat('date', { type: 'string', validate: isIsoDate })
}

let ajv: Ajv2020 | undefined
const compiled = new Map<SchemaName, ValidateFunction>()

function sharedAjv(): Ajv2020 {
  if (!ajv) {
    // verbose: errors carry parentSchema, which gives the known keys for did-you-mean.
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, strictTuples: false, allowUnionTypes: true })
    addFormats(ajv)
  }
  return ajv
}

/** Each schema is compiled when first needed (a lint worker needs only plan and drill): ~0.1 s saved per thread. */
function validator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name)
  if (fn) return fn
  fn = sharedAjv().compile(schemas[name])
  compiled.set(name, fn)
  return fn
}

/** A validator for a schema that is not a file of schema/ (a rule's options), with the same ajv options. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return sharedAjv().compile(schema)
}

export function validate(name: SchemaName, data: unknown): ErrorObject[] {
  const fn = validator(name)
  return fn(data) ? [] : [...(fn.errors ?? [])]
}

/**
 * Defaults of a schema: what validating an empty object with ajv's `useDefaults` fills in (a missing
 * property takes its `default`, then the defaults inside it, through `$ref`, `allOf` and `items`), worked
 * out without compiling the schema a second time (≈0.2 s on every run). test/load/schema-defaults.test.ts
 * compares it with ajv on every schema.
 */
export function schemaDefaults(name: SchemaName): Record<string, unknown> {
  const root = schemas[name]
  const data: Record<string, unknown> = {}
  fillDefaults(root, root, data)
  return data
}

type SchemaNode = Record<string, unknown>

function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node
  let target: unknown = root
  for (const part of ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')]
  return (target as SchemaNode | undefined) ?? node
}

function fillDefaults(root: SchemaNode, node: SchemaNode, data: unknown): void {
  if (typeof data !== 'object' || data === null) return
  // A $ref beside other keywords: both apply (draft 2020-12).
  const target = resolveRef(root, node)
  if (target !== node) fillDefaults(root, target, data)
  for (const sub of (node.allOf as SchemaNode[] | undefined) ?? []) fillDefaults(root, sub, data)
  if (Array.isArray(data)) {
    if (typeof node.items === 'object' && node.items !== null) for (const item of data) fillDefaults(root, node.items as SchemaNode, item)
    return
  }
  const record = data as Record<string, unknown>
  for (const [key, sub] of Object.entries((node.properties as Record<string, SchemaNode> | undefined) ?? {})) {
    if (record[key] === undefined && 'default' in sub) record[key] = structuredClone(sub.default)
    if (record[key] !== undefined) fillDefaults(root, sub, record[key])
  }
}
