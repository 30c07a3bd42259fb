// The catalogue of cited documents: valid against its schema, internally consistent, every version
// recognised when cited, and docs/regulations.md generated from it.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import schema from '../../schema/catalogue.schema.json' with { type: 'json' }
import { SHIPPED, catalogueProblems, effectiveCatalogue, type CatalogueDocument } from '../../scripts/lib/citations/catalogue.ts'
import { findCitations, indexCatalogue } from '../../scripts/lib/citations/find.ts'
import { regulationsDoc } from '../../scripts/gen-regulations-doc.ts'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void

describe('data/catalogue.json', () => {
  it('is valid against schema/catalogue.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    addFormats(ajv, ['date'])
    const validate = ajv.compile(schema)
    expect(validate(SHIPPED), JSON.stringify(validate.errors)).toBe(true)
  })

  it('is consistent: no number names two versions, dates in order, nothing in force before it was issued', () => {
    expect(catalogueProblems(SHIPPED.documents)).toEqual([])
  })

  it('covers what plans cite most', () => {
    const ids = SHIPPED.documents.map((d) => d.id)
    for (const id of ['work-safety-law', 'emergency-response-law', 'fire-law', 'occupational-disease-law', 'hazardous-chemicals-regulation', 'enterprise-plan-measures', 'emergency-plan-measures', 'national-overall-plan', 'national-disaster-relief-plan', 'gb-18218', 'gb-t-29639', 'aq-t-9007']) {
      expect(ids).toContain(id)
    }
  })

  it('catches a version replaced twice and dates out of order', () => {
    const base = SHIPPED.documents.find((d) => d.id === 'gb-18218')!
    const twice: CatalogueDocument = { ...base, id: 'copy', versions: [base.versions[0]] }
    expect(catalogueProblems([base, twice])).toEqual(['copy 2000: number GB 18218-2000 also belongs to gb-18218 2000'])
    const backwards: CatalogueDocument = { ...base, versions: [...base.versions].reverse() }
    expect(catalogueProblems([backwards]).length).toBeGreaterThan(0)
  })

  it('property: any chain of versions with increasing dates and distinct numbers is consistent, and any swap of two dated versions is not', () => {
    const chain = fc.uniqueArray(fc.integer({ min: 1990, max: 2030 }), { minLength: 2, maxLength: 6 }).map((years) => years.sort((a, b) => a - b))
    fc.assert(
      fc.property(chain, fc.nat(), (years, k) => {
        const doc: CatalogueDocument = {
          id: 'x',
          kind: 'standard',
          name: '测试标准',
          versions: years.map((y, i) => ({ label: String(y), change: i ? 'revised' : 'enacted', numbers: [`GB 99999-${y}`], issued: `${y}-01-01` })),
        }
        expect(catalogueProblems([doc])).toEqual([])
        const i = k % (years.length - 1)
        const swapped = [...doc.versions]
        ;[swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]]
        expect(catalogueProblems([{ ...doc, versions: swapped }]).length).toBeGreaterThan(0)
      }),
    )
  })

  it('property: every checked version is recognised when cited by its title and number', () => {
    const docs = effectiveCatalogue(undefined)
    const index = indexCatalogue(docs)
    const cases = docs.flatMap((doc) => doc.versions.flatMap((v) => v.numbers.map((n) => ({ doc, v, n }))))
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom('〔〕', '【】', '[]', '（）', '﹝﹞'), ({ doc, v, n }, brackets) => {
        const number = n.replace('〔', brackets[0]).replace('〕', brackets[1])
        const hits = findCitations(`依据《${v.title ?? doc.name}》（${number}）制定。`, index)
        expect(hits.map((h) => [h.doc.id, h.version?.label])).toContainEqual([doc.id, v.label])
      }),
    )
  })
})

describe('docs/regulations.md', () => {
  it('is generated from the catalogue (node scripts/gen-regulations-doc.ts)', () => {
    expect(readFileSync(new URL('../../docs/regulations.md', import.meta.url), 'utf8')).toBe(regulationsDoc())
  })

  it('names every document and number', () => {
    const doc = regulationsDoc()
    for (const d of SHIPPED.documents) {
      expect(doc).toContain(`《${d.name}》`)
      for (const v of d.versions) for (const n of v.numbers) expect(doc).toContain(n)
    }
  })
})
