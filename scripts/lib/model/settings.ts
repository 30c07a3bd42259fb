import type { LibraryFile } from './schema-types.ts'

/** A type with every optional key filled in, as after merging the schema's defaults. */
export type Resolved<T> = T extends (infer U)[]
  ? Resolved<U>[]
  : T extends object
    ? { [K in keyof T]-?: Resolved<Exclude<T[K], undefined>> }
    : T

/** library.yaml with every default from schema/library.schema.json applied. */
export type LibrarySettings = Resolved<LibraryFile>

export type SectionSpec = { title: string; aliases?: string[] }

export type RuleSetting = 'off' | 'warn' | 'error' | ['off' | 'warn' | 'error', Record<string, unknown>?]

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Objects merge key by key (so one plan type's sections can be overridden alone); arrays and scalars replace. */
export function mergeDefaults<T>(defaults: T, value: unknown): T {
  if (!isPlainObject(defaults) || !isPlainObject(value)) return (value === undefined ? defaults : value) as T
  const out: Record<string, unknown> = { ...defaults }
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue
    out[k] = mergeDefaults((defaults as Record<string, unknown>)[k], v)
  }
  return out as T
}
