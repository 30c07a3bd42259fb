// The JSON Schemas of schema/ and the ajv options they are compiled with: read by the validators
// (schemas.ts) and by scripts/gen-schema-validators.ts, which compiles them ahead.
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

/** The options every validator is compiled with. verbose: errors carry parentSchema, which gives the known keys for did-you-mean. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, strictTuples: false, allowUnionTypes: true } as const
