// rules/ holds rules only: every file there (but the rule factory and the list) is one rule, listed once,
// named by its id; a rule's family lives on the rule, and the list keeps each family together in catalogue
// order, which is how the docs, the site and `yuanku rules` show them.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RULE_FAMILIES, type Rule } from '../../scripts/lib/rules/define-rule.ts'
import { rules } from '../../scripts/lib/rules/index.ts'

const DIR = new URL('../../scripts/lib/rules/', import.meta.url).pathname
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'define-rule.ts' && f !== 'index.ts')

describe('scripts/lib/rules/', () => {
  it('holds one file per rule, named by its id, each listed in index.ts', async () => {
    const ids: string[] = []
    for (const file of files) {
      const rule = (await import(DIR + file)).default as Rule<any> | undefined
      expect(rule?.id, `${file} default-exports a rule`).toBe(file.replace(/\.ts$/, ''))
      ids.push(rule!.id)
    }
    expect(rules.map((r) => r.id).sort()).toEqual(ids.sort())
  })

  it('lists the rules family by family, in catalogue order', () => {
    const order = Object.keys(RULE_FAMILIES)
    const seen = rules.map((r) => r.family).filter((f, i, all) => i === 0 || all[i - 1] !== f)
    expect(seen).toEqual(order)
  })
})
