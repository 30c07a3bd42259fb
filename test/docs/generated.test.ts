// Generated artefacts must match their sources: types from schema/, docs/rules/ from the rules.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateTypes } from '../../scripts/gen-types.ts'
import { ruleDocFiles, staleRuleDocs } from '../../scripts/gen-rule-docs.ts'
import { rules } from '../../scripts/lib/rules/index.ts'

const root = new URL('../../', import.meta.url)

describe('generated files are up to date', () => {
  it('scripts/lib/model/schema-types.ts matches schema/ (npm run gen:types)', async () => {
    expect(readFileSync(new URL('scripts/lib/model/schema-types.ts', root), 'utf8')).toBe(await generateTypes())
  })

  it('docs/rules/ matches the rules: one page per rule and the index, nothing left over (node scripts/gen-rule-docs.ts)', () => {
    expect(staleRuleDocs()).toEqual([])
    expect([...ruleDocFiles().keys()].sort()).toEqual(['README.md', ...rules.map((r) => `${r.id}.md`)].sort())
  })
})

describe('rule docs say what they do not report', () => {
  // Rules whose exemptions are documented by the branches that change them.
  const ELSEWHERE = new Set<string>()
  it('every rule has a zh and en "not reported" part', () => {
    const missing = rules.filter((r) => !ELSEWHERE.has(r.id) && !(r.docs.notReported?.zh && r.docs.notReported.en)).map((r) => r.id)
    expect(missing).toEqual([])
  })
})
