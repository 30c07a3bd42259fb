// Validation of imported drill records against schema/drill.schema.json, usable in the browser: only the
// drill schema is compiled (the page does not carry the plan or library schemas).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import drillSchema from '../../../schema/drill.schema.json' with { type: 'json' }

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void

let compiled: ValidateFunction | undefined

function validator(): ValidateFunction {
  if (compiled) return compiled
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true })
  addFormats(ajv, ['date'])
  compiled = ajv.compile(drillSchema)
  return compiled
}

/** One line per schema error: `/checklist/3/rating: must be equal to one of the allowed values (met, …)`. */
export function validateDrillRecord(data: unknown): string[] {
  const fn = validator()
  if (fn(data)) return []
  return (fn.errors ?? []).slice(0, 20).map(describe)
}

function describe(e: ErrorObject): string {
  const at = e.instancePath || '/'
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `${at}: 缺少“${p.missingProperty}” / missing "${p.missingProperty}"`
    case 'additionalProperties':
      return `${at}: 不允许的键“${p.additionalProperty}” / unknown key "${p.additionalProperty}"`
    case 'enum':
      return `${at}: 取值应为 ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} / must be one of these`
    case 'type':
      return `${at}: 类型应为 ${p.type} / must be ${p.type}`
    case 'format':
      return `${at}: 格式应为 ${p.format}（YYYY-MM-DD） / must be a ${p.format}`
    default:
      return `${at}: ${e.message}`
  }
}
