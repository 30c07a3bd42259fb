// A rule's reports name one of its own messages: the ids type `messageId` (a misspelt id fails to compile),
// and an id that slips through at run time is a bug in the rule, reported as an internal error, as ESLint
// throws on an unknown messageId; it never becomes a finding with a made-up text.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint } from '../../scripts/lib/lint.ts'
import { defineRule, message } from '../../scripts/lib/rules/define-rule.ts'
import { SCHEMA_MESSAGES } from '../../scripts/lib/load/schema-issues.ts'
import schema from '../../scripts/lib/rules/schema.ts'
import { fixtureLibrary, TODAY } from '../helpers/library.ts'

const OK = new URL('./self-reference/ok/', import.meta.url).pathname

function probe(messageId: string) {
  return defineRule({
    id: 'probe',
    name: { zh: '探针', en: 'Probe' },
    family: 'form',
    severity: 'error',
    options: {},
    docs: { summary: { zh: '', en: '' }, why: { zh: '', en: '' }, fix: { zh: '', en: '' }, bad: '', good: '' },
    messages: { found: message<{ id: string }>((d) => `发现 ${d.id}`, (d) => `Found ${d.id}`) },
    checkLibrary(ctx) {
      const plan = ctx.plans[0]
      if (messageId === 'found') ctx.report({ file: plan, place: { line: 1, column: 1, endLine: 1, endColumn: 4 }, messageId: 'found', data: { id: plan.data.id } })
      // @ts-expect-error: 'fonud' is not one of the rule's messages
      else ctx.report({ file: plan, place: { line: 1, column: 1, endLine: 1, endColumn: 4 }, messageId: 'fonud' })
    },
  })
}

describe('typed messageId', () => {
  it('words a known messageId in the chosen locale', () => {
    const library = fixtureLibrary(OK)
    const { findings, internalErrors } = lint(library, { today: TODAY, locale: 'en', rules: [probe('found')] })
    expect(internalErrors).toEqual([])
    expect(findings.map((f) => f.message)).toEqual([`Found ${library.plans[0].data.id}`])
  })

  it('an unknown messageId is an internal error naming the rule and the id, not a finding', () => {
    const { findings, internalErrors } = lint(fixtureLibrary(OK), { today: TODAY, rules: [probe('fonud')] })
    expect(findings).toEqual([])
    expect(internalErrors).toHaveLength(1)
    expect(internalErrors[0].ruleId).toBe('probe')
    expect(internalErrors[0].message).toContain('Rule "probe" reported an unknown messageId "fonud"; its messages are: found')
  })
})

describe('messages live next to the code that finds the problem', () => {
  it('the schema rule words the loader’s schema issues (load/schema-issues.ts)', () => {
    expect(schema.messages).toBe(SCHEMA_MESSAGES)
    expect(Object.keys(SCHEMA_MESSAGES)).toHaveLength(25)
  })

  it('no rule defines its own copy of the two-locale message helper', () => {
    const dir = new URL('../../scripts/lib/rules/', import.meta.url).pathname
    const copies = readdirSync(dir).filter((f) => /\bconst m = \(zh\b/.test(readFileSync(join(dir, f), 'utf8')))
    expect(copies).toEqual([])
  })
})
