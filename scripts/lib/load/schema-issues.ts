import type { ErrorObject } from 'ajv'
import { rangeAt, type Frontmatter, type YamlPath } from './frontmatter.ts'
import { closest } from '../text/closest.ts'
import { message } from '../model/message.ts'
import { describeYamlError } from './yaml-errors.ts'

/** A wrong value as the author wrote it: scalars as they are, lists and maps as compact JSON (never "[object Object]"). */
function shown(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value)
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 80 ? `${json.slice(0, 79)}…` : json
}

const m = message<Record<string, string>>

/**
 * The wording of every problem the loader finds in a file's YAML: the frontmatter fence and syntax
 * (load/frontmatter.ts, via load/file.ts) and the schema errors worded below. The schema rule reports them.
 */
export const SCHEMA_MESSAGES = {
  'no-frontmatter': m(() => '缺少 YAML 前言：文件应以 --- 开头', () => 'Missing YAML frontmatter: the file must start with ---'),
  unclosed: m(() => '前言没有结束的 --- 行', () => 'The frontmatter has no closing --- line'),
  'yaml-error': m(
    (d) => `YAML 语法错误：${describeYamlError(String(d.code ?? ''), String(d.detail)).zh}`,
    (d) => `YAML syntax error: ${describeYamlError(String(d.code ?? ''), String(d.detail)).en}`,
  ),
  'duplicate-key': m((d) => `重复的键“${d.key}”`, (d) => `Duplicate key "${d.key}"`),
  alias: m(() => '不允许使用 YAML 锚点和别名（*别名），请直接写出取值', () => 'YAML anchors and aliases are not allowed; write the value out'),
  tag: m((d) => `不允许使用 YAML 标签（${d.tag}）：前言只写字符串、数字、列表和映射`, (d) => `YAML tags (${d.tag}) are not allowed: the frontmatter holds plain strings, numbers, lists and maps`),
  'not-a-map': m(() => '前言应为“键: 值”映射', () => 'The frontmatter must be a mapping of keys to values'),
  'unknown-key': m((d) => `未知的键“${d.key}”，允许的键：${d.known}`, (d) => `unknown key "${d.key}"; known keys: ${d.known}`),
  'unknown-key-suggest': m((d) => `未知的键“${d.key}”，是否应为“${d.suggestion}”？`, (d) => `unknown key "${d.key}" — did you mean "${d.suggestion}"?`),
  'missing-key': m(
    (d) => (d.field === '(root)' ? `缺少必填的键“${d.key}”` : `“${d.field}”缺少必填的键“${d.key}”`),
    (d) => (d.field === '(root)' ? `Missing required key "${d.key}"` : `"${d.field}" is missing required key "${d.key}"`),
  ),
  'bad-enum': m((d) => `“${d.value}”不是“${d.field}”的有效取值；允许：${d.allowed}`, (d) => `"${d.value}" is not a valid value for "${d.field}"; allowed: ${d.allowed}`),
  'bad-enum-suggest': m(
    (d) => `“${d.value}”不是“${d.field}”的有效取值，是否应为“${d.suggestion}”？允许：${d.allowed}`,
    (d) => `"${d.value}" is not a valid value for "${d.field}" — did you mean "${d.suggestion}"? Allowed: ${d.allowed}`,
  ),
  type: m((d) => `“${d.field}”应为${typeZh(d.type)}`, (d) => `"${d.field}" must be ${typeEn(d.type)}`),
  'format-date': m((d) => `“${d.value}”不是有效日期，应为 YYYY-MM-DD（${d.field}）`, (d) => `"${d.value}" is not a valid date YYYY-MM-DD (${d.field})`),
  pattern: m((d) => `“${d.value}”格式不正确（${d.field} 应匹配 ${d.pattern}）`, (d) => `"${d.value}" has the wrong form (${d.field} must match ${d.pattern})`),
  'min-items': m((d) => `“${d.field}”至少需要 ${d.limit} 项`, (d) => `"${d.field}" needs at least ${d.limit} item(s)`),
  'max-items': m((d) => `“${d.field}”最多 ${d.limit} 项`, (d) => `"${d.field}" allows at most ${d.limit} item(s)`),
  empty: m((d) => `“${d.field}”不能为空`, (d) => `"${d.field}" must not be empty`),
  'too-long': m((d) => `“${d.field}”过长（最多 ${d.limit} 个字符）`, (d) => `"${d.field}" is too long (at most ${d.limit} characters)`),
  'unique-items': m((d) => `“${d.field}”第 ${d.index} 项与前面重复`, (d) => `"${d.field}" item ${d.index} repeats an earlier item`),
  range: m((d) => `“${d.field}”的值 ${d.value} 超出范围（应 ${d.comparison} ${d.limit}）`, (d) => `"${d.field}" value ${d.value} is out of range (must be ${d.comparison} ${d.limit})`),
  'parent-one-of': m((d) => `“${d.field}”须写 plan（库内预案编号）或 external（库外预案名称）之一，且只能写一个`, (d) => `"${d.field}" needs exactly one of plan (a plan id) or external (a title outside the library)`),
  'bad-name': m((d) => `“${d.field}”中的键“${d.name}”不合要求`, (d) => `Key "${d.name}" in "${d.field}" is not allowed`),
  other: m((d) => `“${d.field}”不符合要求：${d.detail}`, (d) => `"${d.field}" is invalid: ${d.detail}`),
  // library.yaml `rules`: options given to a rule that takes none (rule-options.ts).
  'no-options': m((d) => `规则“${d.rule}”没有选项，“${d.key}”不起作用`, (d) => `Rule "${d.rule}" takes no options; "${d.key}" has no effect`),
}

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES

function typeZh(type: string): string {
  const map: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值（true/false）', array: '列表', object: '映射（键: 值）', null: '空值' }
  return type.split(',').map((t) => map[t] ?? t).join('或')
}

function typeEn(type: string): string {
  const map: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', array: 'a list', object: 'a mapping', null: 'null' }
  return type.split(',').map((t) => map[t] ?? t).join(' or ')
}

/** A schema problem located in the file, before it is worded in a locale (SCHEMA_MESSAGES). */
export interface SchemaIssue {
  messageId: SchemaMessageId
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
