// Validation of imported drill records against schema/drill.schema.json in the browser and the CLI. The
// validator is ajv's own, generated at build time as standalone code (scripts/gen-drill-validator.ts):
// ajv compiles validators with `new Function`, which the checklist page's CSP (script-src 'self') forbids,
// so the page runs the pre-compiled code instead. One schema, one validator; this module only turns ajv's
// errors into the bilingual lines the page and `yuanku drill` show.
import generated from './drill-validator.generated.ts'

interface AjvError {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

const validateGenerated = generated as unknown as { (data: unknown): boolean; errors?: AjvError[] | null }

function line(e: AjvError): string {
  const path = e.instancePath || '/'
  const p = e.params
  switch (e.keyword) {
    case 'type':
      return `${path}: 类型应为 ${String(p.type)} / must be ${String(p.type)}`
    case 'enum':
      return `${path}: 取值应为 ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} / must be one of these`
    case 'required':
      return `${path}: 缺少“${String(p.missingProperty)}” / missing "${String(p.missingProperty)}"`
    case 'additionalProperties':
      return `${path}: 不允许的键“${String(p.additionalProperty)}” / unknown key "${String(p.additionalProperty)}"`
    case 'minLength':
      return `${path}: 长度至少 ${String(p.limit)} / must NOT have fewer than ${String(p.limit)} characters`
    case 'maxLength':
      return `${path}: 长度至多 ${String(p.limit)} / must NOT have more than ${String(p.limit)} characters`
    case 'pattern':
      return `${path}: 格式应符合 ${String(p.pattern)} / must match pattern "${String(p.pattern)}"`
    case 'format':
      return `${path}: 格式应为 ${String(p.format)}（YYYY-MM-DD） / must be a ${String(p.format)}`
    case 'minimum':
      return `${path}: 不能小于 ${String(p.limit)} / must be >= ${String(p.limit)}`
    case 'maximum':
      return `${path}: 不能大于 ${String(p.limit)} / must be <= ${String(p.limit)}`
    case 'exclusiveMinimum':
      return `${path}: 应大于 ${String(p.limit)} / must be > ${String(p.limit)}`
    default:
      return `${path}: ${e.message ?? e.keyword}`
  }
}

/** One line per problem: `/checklist/3/rating: 取值应为 … / must be one of these`; empty when valid. */
export function validateDrillRecord(data: unknown): string[] {
  if (validateGenerated(data)) return []
  return (validateGenerated.errors ?? []).map(line).slice(0, 20)
}
