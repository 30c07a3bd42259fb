// Chinese names accepted for the plan frontmatter's enumerated values (type: 专项, status: 已发布,
// category: 自然灾害): an author who writes what the office calls it is understood, the value is read
// as its canonical id, and the enum-alias rule offers --fix to write the id. The names follow the
// schema's descriptions and the usual variants offices write.
import type { YamlPath } from './frontmatter.ts'
import { PLAN_STATUSES, PLAN_TYPES } from '../model/vocabulary.ts'

type Names = Record<string, readonly string[]>

const written = (terms: Record<string, { written: readonly string[] }>): Names => Object.fromEntries(Object.entries(terms).map(([id, t]) => [id, t.written]))
const PLAN_TYPE = written(PLAN_TYPES)
const STATUS = written(PLAN_STATUSES)
const CATEGORY: Names = {
  natural: ['自然灾害'],
  accident: ['事故灾难'],
  'public-health': ['公共卫生', '公共卫生事件'],
  'social-security': ['社会安全', '社会安全事件'],
}
const CLASSIFICATION: Names = { public: ['公开'], internal: ['内部'], restricted: ['限定范围', '限制'] }
const ROLE: Names = { lead: ['牵头', '牵头单位'], member: ['成员', '成员单位'], support: ['支持', '支持单位', '配合'] }
const RELATION: Names = { neighbour: ['相邻'], 'mutual-aid': ['互助'], supporting: ['支撑'] }

/** Where enumerated values sit in a plan's frontmatter: a path pattern ('*' = any list index). */
const FIELDS: { path: (string | '*')[]; names: Names; zh: string }[] = [
  { path: ['type'], names: PLAN_TYPE, zh: '预案类型' },
  { path: ['status'], names: STATUS, zh: '状态' },
  { path: ['category', '*'], names: CATEGORY, zh: '事件类别' },
  { path: ['classification'], names: CLASSIFICATION, zh: '密级' },
  { path: ['units', '*', 'role'], names: ROLE, zh: '角色' },
  { path: ['related', '*', 'relation'], names: RELATION, zh: '关系' },
]

function lookup(names: Names, text: string): string | undefined {
  const t = text.trim()
  for (const [id, list] of Object.entries(names)) if (list.includes(t)) return id
  return undefined
}

/** The canonical plan type for a Chinese name (for `yuanku new --type 专项`), or undefined. */
export function planTypeFromName(text: string): string | undefined {
  return lookup(PLAN_TYPE, text)
}

export interface EnumAlias {
  path: YamlPath
  /** The field's Chinese name, e.g. 预案类型. */
  field: string
  key: string
  written: string
  canonical: string
}

/**
 * Replaces Chinese names of enumerated values in parsed frontmatter data with their ids, in place,
 * and says where it did. Anything else (a typo, an English value) is left for the schema to judge.
 */
export function normaliseEnumNames(data: unknown): EnumAlias[] {
  const out: EnumAlias[] = []
  const walk = (node: unknown, pattern: (string | '*')[], at: YamlPath, field: { names: Names; zh: string; key: string }) => {
    if (pattern.length === 0) return
    const [head, ...rest] = pattern
    const visit = (container: Record<string | number, unknown>, k: string | number) => {
      const value = container[k]
      if (rest.length === 0) {
        if (typeof value !== 'string') return
        const id = lookup(field.names, value)
        if (id && id !== value) {
          container[k] = id
          out.push({ path: [...at, k], field: field.zh, key: field.key, written: value, canonical: id })
        }
      } else walk(value, rest, [...at, k], field)
    }
    if (head === '*') {
      if (Array.isArray(node)) node.forEach((_, i) => visit(node as unknown as Record<number, unknown>, i))
    } else if (node && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, head)) {
      visit(node as Record<string, unknown>, head)
    }
  }
  for (const f of FIELDS) walk(data, f.path, [], { names: f.names, zh: f.zh, key: String(f.path[f.path.length - 1] === '*' ? f.path[0] : f.path[f.path.length - 1]) })
  return out
}
