// Generated artefacts must match their sources: types from schema/, the README rule reference from the rules.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateTypes } from '../../scripts/gen-types.ts'
import { withRuleDocs } from '../../scripts/gen-rule-docs.ts'
import { rules } from '../../scripts/lib/rules/index.ts'

const root = new URL('../../', import.meta.url)

describe('generated files are up to date', () => {
  it('scripts/lib/model/schema-types.ts matches schema/ (npm run gen:types)', async () => {
    expect(readFileSync(new URL('scripts/lib/model/schema-types.ts', root), 'utf8')).toBe(await generateTypes())
  })

  it('README rule reference matches the rules (node scripts/gen-rule-docs.ts)', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    expect(readme).toBe(withRuleDocs(readme))
  })

  it('every rule is documented with an anchor, zh and en texts and examples', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    for (const rule of rules) {
      expect(readme).toContain(`<a id="rule-${rule.id}"></a>`)
      for (const text of [rule.docs.summary, rule.docs.why, rule.docs.fix]) {
        expect(text.zh.length, rule.id).toBeGreaterThan(3)
        expect(text.en.length, rule.id).toBeGreaterThan(3)
      }
      expect(rule.docs.bad.length, rule.id).toBeGreaterThan(0)
      expect(rule.docs.good.length, rule.id).toBeGreaterThan(0)
    }
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
