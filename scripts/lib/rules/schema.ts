import { defineRule, type Message } from './define-rule.ts'
import { describeYamlError } from '../load/yaml-errors.ts'
import type { SourceFile } from '../model/plan.ts'

type D = Record<string, string>
const m = (zh: (d: D) => string, en: (d: D) => string): Message<D> => ({ zh, en })

/** Every file whose frontmatter or YAML the loader read: plans, drills, checklists, units.yaml, library.yaml. */
export function loadedFiles(library: import('../model/library.ts').Library): SourceFile[] {
  return [
    ...(library.settingsFile ? [library.settingsFile] : []),
    ...(library.unitsFile ? [library.unitsFile] : []),
    ...library.plans,
    ...library.drills,
    ...library.checklists,
  ]
}

export default defineRule({
  id: 'schema',
  name: { zh: '格式不符', en: 'Schema violation' },
  family: 'form',
  severity: 'error',
  anyPlan: true,
  options: {},
  docs: {
    summary: { zh: '前言或 YAML 文件不符合 schema/ 中的 JSON Schema', en: 'Frontmatter or YAML file does not match the JSON Schema in schema/' },
    why: {
      zh: '元数据是检查衔接、覆盖、职责和动态管理的基础；键名拼错或取值越界会让其他规则失明。',
      en: 'Every other rule reads the metadata; a misspelt key or an invalid value blinds them.',
    },
    notReported: {
      zh: 'library.yaml 中没写的键不报告（取文档中的默认值）；正文内容不由本规则检查；YAML 注释不检查。',
      en: 'Keys left out of library.yaml are not reported (their documented defaults apply); the body is not checked by this rule; YAML comments are not checked.',
    },
    fix: { zh: '按消息修改所指的键或值；未知键会给出最接近的已知键。', en: 'Change the key or value the message points at; unknown keys come with the closest known key.' },
    bad: '---\nid: shili-flood\nparnets:\n  - plan: shili-overall\nstatus: publish\n---',
    good: '---\nid: shili-flood\nparents:\n  - plan: shili-overall\nstatus: published\n---',
  },
  messages: {
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
  },
  checkLibrary(ctx) {
    for (const file of loadedFiles(ctx.library)) {
      for (const issue of file.issues) {
        if (issue.rule === 'schema') ctx.report({ file, place: issue.place, messageId: issue.messageId, data: issue.data })
      }
    }
  },
})

function typeZh(type: string): string {
  const map: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值（true/false）', array: '列表', object: '映射（键: 值）', null: '空值' }
  return type.split(',').map((t) => map[t] ?? t).join('或')
}

function typeEn(type: string): string {
  const map: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', array: 'a list', object: 'a mapping', null: 'null' }
  return type.split(',').map((t) => map[t] ?? t).join(' or ')
}
