// Data-driven rule tests (remark-lint style): every rule has test/rules/<rule-id>/ok/ and not-ok/
// fixture libraries; not-ok/expected.txt lists the exact findings of that rule, one per line.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rules } from '../../scripts/lib/rules/index.ts'
import { findingLine, lintFixture, subdirs } from '../helpers/library.ts'

const ROOT = new URL('.', import.meta.url).pathname

describe('every rule has fixtures', () => {
  for (const rule of rules) {
    it(rule.id, () => {
      expect(existsSync(join(ROOT, rule.id, 'ok')), `test/rules/${rule.id}/ok`).toBe(true)
      expect(existsSync(join(ROOT, rule.id, 'not-ok', 'expected.txt')), `test/rules/${rule.id}/not-ok/expected.txt`).toBe(true)
    })
  }
})

for (const ruleId of subdirs(ROOT)) {
  describe(ruleId, () => {
    it('reports nothing on ok/', () => {
      const findings = lintFixture(join(ROOT, ruleId, 'ok'), { only: [ruleId] })
      expect(findings.map(findingLine)).toEqual([])
    })
    it('reports exactly expected.txt on not-ok/', () => {
      const dir = join(ROOT, ruleId, 'not-ok')
      const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
      const findings = lintFixture(dir, { only: [ruleId] })
      expect(findings.map(findingLine)).toEqual(expected)
    })
  })
}
