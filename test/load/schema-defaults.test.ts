import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { schemaDefaults, schemas, type SchemaName } from '../../scripts/lib/load/schemas.ts'

// What ajv itself fills into an empty object: the answer schemaDefaults gives without compiling the schema.
function ajvDefaults(schema: Record<string, unknown>): Record<string, unknown> {
  const ajv = new Ajv2020({ useDefaults: true, strict: false, allowUnionTypes: true, validateFormats: false })
  const data = {}
  ajv.validate(schema, data)
  return data
}

describe('schemaDefaults', () => {
  for (const name of Object.keys(schemas) as SchemaName[]) {
    it(`fills what ajv's useDefaults fills for the ${name} schema`, () => {
      expect(schemaDefaults(name)).toEqual(ajvDefaults(schemas[name]))
    })
  }

  it('fills the library settings a library without library.yaml runs with (nested defaults included)', () => {
    const d = schemaDefaults('library') as { locale?: unknown; review?: Record<string, unknown>; site?: Record<string, unknown> }
    expect(d.locale).toBe('zh-CN')
    expect(Object.keys(d.review ?? {}).length).toBeGreaterThan(0)
    expect(d.site).toBeTypeOf('object')
  })

  it('gives each caller its own copy (a default array is not shared)', () => {
    const a = schemaDefaults('library') as Record<string, unknown>
    const b = schemaDefaults('library') as Record<string, unknown>
    expect(a).toEqual(b)
    for (const key of Object.keys(a)) if (typeof a[key] === 'object' && a[key] !== null) expect(a[key]).not.toBe(b[key])
  })

  // ajv takes a property's own default only (not one inside the schema it refers to), then fills inside it.
  it('follows $ref, allOf and items, and leaves a value that is there', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { $ref: '#/$defs/withDefault' },
        b: { type: 'array', items: { type: 'object', properties: { x: { default: 1 } } }, default: [{}, { x: 2 }] },
        c: { allOf: [{ properties: { y: { default: 'y' } } }], default: {} },
        d: { default: 'kept' },
        e: { type: 'object', default: {}, $ref: '#/$defs/withDefault' },
      },
      $defs: { withDefault: { type: 'object', default: {}, properties: { z: { default: [1] } } } },
    }
    ;(schemas as Record<string, unknown>).probe = schema
    try {
      expect(schemaDefaults('probe' as SchemaName)).toEqual(ajvDefaults(schema))
      expect(schemaDefaults('probe' as SchemaName)).toEqual({ b: [{ x: 1 }, { x: 2 }], c: { y: 'y' }, d: 'kept', e: { z: [1] } })
    } finally {
      delete (schemas as Record<string, unknown>).probe
    }
  })
})
