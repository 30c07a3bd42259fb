// The CLI validates with ajv's standalone code compiled ahead from schema/ (compiling at run time cost
// ≈0.2 s of every lint). It must be current (what scripts/gen-schema-validators.ts makes now) and give
// exactly the errors ajv compiles at run time gives, verbose parts included (the messages read parentSchema).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import { GENERATED, generateSchemaValidators } from '../../scripts/gen-schema-validators.ts'
import { AJV_OPTIONS, schemas, validate, type SchemaName } from '../../scripts/lib/load/schemas.ts'
import { isIsoDate } from '../../scripts/lib/dates.ts'

const ajv = new Ajv2020(AJV_OPTIONS)
ajv.addFormat('date', { type: 'string', validate: isIsoDate })
for (const schema of Object.values(schemas)) ajv.addSchema(schema)
function atRunTime(name: SchemaName, data: unknown): ErrorObject[] {
  const fn = ajv.getSchema(schemas[name].$id as string)!
  return fn(data) ? [] : [...(fn.errors ?? [])]
}

/** Every YAML document of the two example libraries (another office's house style included), by schema. */
function documents(): [SchemaName, unknown][] {
  const out: [SchemaName, unknown][] = []
  for (const root of ['plans', 'test/corpora/beiyuan']) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name)
      if (!entry.isFile()) continue
      if (entry.name === 'units.yaml') out.push(['units', parse(readFileSync(path, 'utf8'))])
      else if (entry.name === 'library.yaml') out.push(['library', parse(readFileSync(path, 'utf8'))])
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') {
        const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))
        if (!front) continue
        const kind: SchemaName = path.includes('/drills/') ? 'drill' : path.includes('/checklists/') ? 'checklist' : 'plan'
        out.push([kind, parse(front[1])])
      }
    }
  }
  return out
}

const anyValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 0.5, 3, 1e9, '', 'x', 'published', 'draft', 'overall', 'special', '2026-02-29', '2024-02-29', '2026-13-01', 'zh-CN', 'member', [], {}, ['x'], [''], { a: 1 }, [{ unit: 'x' }]),
  fc.string({ maxLength: 4 }),
)

function withValue(data: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>
  let cur = copy
  for (const key of path.slice(0, -1)) {
    if (typeof cur[key] !== 'object' || cur[key] === null) return copy
    cur = cur[key] as Record<string, unknown>
  }
  cur[path[path.length - 1]] = value
  return copy
}

/** Paths into a document: its keys two levels deep, plus a key no schema knows. */
function pathsOf(data: unknown): string[][] {
  const out: string[][] = [['not_a_key']]
  if (typeof data !== 'object' || data === null) return out
  for (const [key, value] of Object.entries(data)) {
    out.push([key])
    if (typeof value === 'object' && value !== null) for (const inner of Object.keys(value).slice(0, 6)) out.push([key, inner])
  }
  return out
}

describe('the precompiled schema validators', () => {
  it('are the code scripts/gen-schema-validators.ts generates from the current schemas (run it after changing a schema)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(generateSchemaValidators())
  })

  const docs = documents()
  it('give ajv\'s own errors on every document of the example libraries', () => {
    expect(docs.filter(([name]) => name === 'plan').length).toBeGreaterThan(20)
    expect(docs.some(([name]) => name === 'drill')).toBe(true)
    for (const [name, data] of docs) expect(validate(name, data)).toEqual(atRunTime(name, data))
  })

  it('give ajv\'s own errors on documents with wrong values and unknown keys', () => {
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.array(fc.tuple(fc.nat(), anyValue), { minLength: 1, maxLength: 3 }), ([name, data], edits) => {
        const paths = pathsOf(data)
        let edited = data
        for (const [i, value] of edits) edited = withValue(edited, paths[i % paths.length], value)
        expect(validate(name, edited)).toEqual(atRunTime(name, edited))
      }),
      { numRuns: 300 },
    )
  })
})
