// Nothing in the repository may cite the project's internal notes (the domain, product, style and
// performance notes kept outside it): users and maintainers cannot open them. A "why" cites the regulation
// itself (name, number, article) or docs/regulations.md; a performance comment states the measured fact.
import { describe, expect, it } from 'vitest'
import { trackedLines } from './tracked-files.ts'

// Written so that this file does not match itself.
const INTERNAL = /\b(?:DOMAIN|PRODUCT)(?:\.md|\s*§)|\bPERF-NOTE[S]\b|\bSTYLE\.md\b/

describe('no citation points outside the repository', () => {
  it('no tracked file cites the internal notes', () => {
    const hits: string[] = []
    for (const { file, line, text } of trackedLines(() => true)) {
      if (INTERNAL.test(text)) hits.push(`${file}:${line}: ${text.trim().slice(0, 120)}`)
    }
    expect(hits).toEqual([])
  })

  it('recognises each form of internal citation', () => {
    const cite = (name: string) => `见 ${name}`
    for (const text of [cite('DOMAIN' + '.md §4'), cite('DOMAIN' + ' §6'), cite('PRODUCT' + '.md §3.1'), cite('PRODUCT' + ' §5'), cite('PERF-' + 'NOTES'), cite('STYLE' + '.md')]) {
      expect(INTERNAL.test(text), text).toBe(true)
    }
    for (const text of ['docs/regulations.md#filing', 'DOMAINS', 'product §3', 'PERFORMANCE.md']) expect(INTERNAL.test(text), text).toBe(false)
  })
})
