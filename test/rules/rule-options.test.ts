// Rule options in library.yaml are checked against the schema each rule declares (as ESLint checks
// meta.schema): a bad option is an error of the schema rule at that key of library.yaml, with its place
// and a message in both locales, and the rule runs with its defaults instead of the bad value.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { optionErrors } from '../../scripts/lib/rule-options.ts'
import { rules } from '../../scripts/lib/rules/index.ts'
import { findingLine, TODAY } from '../helpers/library.ts'

const OK = new URL('./self-reference/ok/', import.meta.url).pathname
const UNITS = new URL('./_base/units.yaml', import.meta.url).pathname

function libraryWith(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-options-'))
  cpSync(OK, dir, { recursive: true })
  cpSync(UNITS, join(dir, 'units.yaml'))
  writeFileSync(join(dir, 'library.yaml'), yaml)
  return loadLibrary(dir)
}

const YAML = [
  'name: 规则测试库',
  'rules:',
  '  near-duplicate: [warn, {threshold: 2}]',
  '  required-section:',
  '    - error',
  '    - maxDepth: "3"',
  '  raw-html: [warn, {alow: [br]}]',
  '  near-duplcate: warn',
  '  self-reference: [error, {strict: true}]',
  '',
].join('\n')

describe('rule options in library.yaml', () => {
  it('each bad option is a schema error at its key or value, with an exact place', () => {
    const { findings, internalErrors } = lint(libraryWith(YAML), { today: TODAY, locale: 'zh-CN' })
    expect(internalErrors).toEqual([])
    expect(findings.filter((f) => f.file === 'library.yaml').map((f) => `${f.ruleId} ${f.severity} ${findingLine(f)}`)).toEqual([
      'schema error library.yaml:3:38-3:39 “rules.near-duplicate.threshold”的值 2 超出范围（应 <= 1）',
      'schema error library.yaml:6:17-6:20 “rules.required-section.maxDepth”应为整数',
      'schema error library.yaml:7:21-7:25 未知的键“alow”，是否应为“allow”？',
      'schema error library.yaml:8:3-8:16 未知的键“near-duplcate”，是否应为“near-duplicate”？',
      'schema error library.yaml:9:28-9:34 规则“self-reference”没有选项，“strict”不起作用',
    ])
  })

  it('in English too', () => {
    const { findings } = lint(libraryWith(YAML), { today: TODAY, locale: 'en' })
    expect(findings.filter((f) => f.file === 'library.yaml').map((f) => f.message)).toEqual([
      '"rules.near-duplicate.threshold" value 2 is out of range (must be <= 1)',
      '"rules.required-section.maxDepth" must be an integer',
      'unknown key "alow" — did you mean "allow"?',
      'unknown key "near-duplcate" — did you mean "near-duplicate"?',
      'Rule "self-reference" takes no options; "strict" has no effect',
    ])
  })

  it('a rule with bad options runs with its defaults', () => {
    const bad = lint(libraryWith('name: 规则测试库\nrules:\n  required-section: [error, {maxDepth: 0}]\n'), { today: TODAY, only: ['required-section'] })
    const defaults = lint(libraryWith('name: 规则测试库\n'), { today: TODAY, only: ['required-section'] })
    expect(bad.internalErrors).toEqual([])
    expect(defaults.findings.length).toBeGreaterThan(0)
    expect(bad.findings.map(findingLine)).toEqual(defaults.findings.map(findingLine))
  })

  it('good options are no finding', () => {
    const yaml = 'name: 规则测试库\nrules:\n  near-duplicate: [warn, {threshold: 0.9, minLength: 100}]\n  raw-html: [warn, {allow: [br]}]\n  self-reference: error\n'
    expect(lint(libraryWith(yaml), { today: TODAY }).findings.filter((f) => f.file === 'library.yaml')).toEqual([])
  })
})

describe('every rule declares the schema of its options', () => {
  for (const rule of rules) {
    it(`${rule.id}: its defaults satisfy its own schema`, () => {
      expect(optionErrors(rule, rule.options)).toEqual([])
    })
  }
  it('rules that take options declare them', () => {
    expect(rules.filter((r) => Object.keys(r.options).length > 0 && !r.optionsSchema).map((r) => r.id)).toEqual([])
  })
})
