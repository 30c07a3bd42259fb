import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import { isIsoDate } from '../dates.ts'
import { AJV_OPTIONS, schemas, type SchemaName } from './schema-files.ts'
import * as generated from './schema-validators.generated.ts'

export { AJV_OPTIONS, schemas, type SchemaName }

// The schemas' one format, "date", is Yuanku's one definition of a valid date (dates.ts), as in the
// checklist page's generated validator.
function addFormats(ajv: Ajv2020): void {
  ajv.addFormat('date', { type: 'string', validate: isIsoDate })
}

let ajv: Ajv2020 | undefined

function sharedAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020(AJV_OPTIONS)
    addFormats(ajv)
  }
  return ajv
}

/** A validator as ajv's standalone code exports it: the function and its errors. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null }

/** The validators of schema/, compiled ahead (scripts/gen-schema-validators.ts; a test keeps them current). */
const precompiled: Record<SchemaName, Validator> = {
  plan: generated.plan,
  units: generated.units,
  library: generated.library,
  drill: generated.drill,
  checklist: generated.checklist,
  'checklist-item': generated.checklistItem,
}

/** A validator for a schema that is not a file of schema/ (a rule's options), with the same ajv options. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return sharedAjv().compile(schema)
}

export function validate(name: SchemaName, data: unknown): ErrorObject[] {
  const fn = precompiled[name]
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
