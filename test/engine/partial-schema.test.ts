// One schema error must not silence the other rules on that plan: a plan whose `dates` is broken is
// still checked by every rule that does not read `dates`, and rules that read it stay quiet there.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findingLine, lintFixture } from '../helpers/library.ts'

const DIR = join(new URL('.', import.meta.url).pathname, 'partial-schema')

describe('a plan with a schema error in one field', () => {
  const findings = lintFixture(DIR)
  const rules = new Set(findings.filter((f) => f.file === 'geological.md').map((f) => f.ruleId))

  it('reports the schema error where it is', () => {
    expect(findings.filter((f) => f.ruleId === 'schema').map(findingLine)).toEqual([expect.stringMatching(/^geological\.md:21:43-21:53 /)])
  })

  it('still runs the rules that do not need the broken field', () => {
    expect(findings.filter((f) => f.ruleId === 'unknown-unit').map((f) => `${f.place.line}:${f.place.column}`)).toEqual(['14:11'])
    expect(rules.has('required-section')).toBe(true)
  })

  it('does not run on the broken field: no date findings from a stand-in', () => {
    for (const id of ['not-filed', 'review-overdue', 'drill-overdue', 'not-expert-reviewed']) expect(rules.has(id), id).toBe(false)
  })
})
