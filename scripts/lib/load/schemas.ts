import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
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

// ajv-formats is published as CommonJS; under Node's ESM loader the callable is `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void

let compiled: Map<SchemaName, ValidateFunction> | undefined

function validators(): Map<SchemaName, ValidateFunction> {
  if (compiled) return compiled
  // verbose: errors carry parentSchema, which gives the known keys for did-you-mean.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, strictTuples: false, allowUnionTypes: true })
  addFormats(ajv, ['date'])
  compiled = new Map()
  for (const [name, schema] of Object.entries(schemas)) compiled.set(name as SchemaName, ajv.compile(schema))
  return compiled
}

export function validate(name: SchemaName, data: unknown): ErrorObject[] {
  const fn = validators().get(name)!
  return fn(data) ? [] : [...(fn.errors ?? [])]
}

/** Defaults of a schema: what validating an empty object with `useDefaults` fills in. */
export function schemaDefaults(name: SchemaName): Record<string, unknown> {
  const ajv = new Ajv2020({ useDefaults: true, strict: false, allowUnionTypes: true })
  addFormats(ajv, ['date'])
  const data = {}
  ajv.validate(schemas[name], data)
  return data
}
