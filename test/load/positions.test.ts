// Every schema finding lands on the YAML key or value that is wrong, in any line-ending and BOM.
import { describe, expect, it } from 'vitest'
import { decodeSourceFile } from '../../scripts/lib/load/file.ts'
import { parsePlan } from '../../scripts/lib/load/library.ts'
import type { Plan } from '../../scripts/lib/model/plan.ts'

const GOOD = `---
id: shili-flood
title: 示例市防汛抗旱应急预案
type: special
jurisdiction: shili-shi
category: [natural]
hazards: [flood]
issuer: shi-zhengfu
lead_unit: shi-shuili
units:
  - unit: shi-shuili
    role: lead
    duties: [组织防汛会商]
parents:
  - plan: shili-overall
status: draft
version: 2024版
dates:
  drafted: 2024-03-01
---
# 示例市防汛抗旱应急预案
`

function load(text: string, { bom = false } = {}): Plan {
  const bytes = new TextEncoder().encode(text)
  const withBom = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes
  const r = decodeSourceFile(withBom, '/lib/p.md', 'p.md')
  if (!r.ok) throw new Error('not decoded')
  return parsePlan(r.file)
}

const at = (plan: Plan) => plan.issues.map((i) => `${i.place.line}:${i.place.column}-${i.place.endLine}:${i.place.endColumn} ${i.messageId} ${JSON.stringify(i.data)}`)

describe('schema findings point at the wrong key or value', () => {
  it('a valid plan has no issue', () => {
    const plan = load(GOOD)
    expect(plan.valid).toBe(true)
    expect(plan.issues).toEqual([])
  })

  it('unknown key: at the key, with did-you-mean', () => {
    const plan = load(GOOD.replace('parents:', 'parnets:'))
    expect(at(plan)).toEqual([
      '2:1-2:3 missing-key {"key":"parents","field":"(root)"}',
      expect.stringMatching(/^14:1-14:8 unknown-key-suggest \{"key":"parnets","suggestion":"parents"/),
    ])
  })

  it('bad enum in a nested sequence: at the value, with the closest allowed value', () => {
    const plan = load(GOOD.replace('role: lead', 'role: leader'))
    expect(at(plan)).toEqual([
      '12:11-12:17 bad-enum-suggest {"value":"leader","field":"units.role","label":"角色","allowed":"lead, member, support","suggestion":"lead"}',
    ])
  })

  it('bad item in a flow sequence: at that item', () => {
    const plan = load(GOOD.replace('category: [natural]', 'category: [natural, weather]'))
    expect(at(plan)[0]).toMatch(/^6:21-6:28 bad-enum /)
  })

  it('missing nested key: at the parent key, naming the key', () => {
    const plan = load(GOOD.replace('status: draft', 'status: approved'))
    expect(at(plan)).toEqual(['18:1-18:6 missing-key {"key":"approved","field":"dates"}'])
  })

  it('bad date deep in a map', () => {
    const plan = load(GOOD.replace('drafted: 2024-03-01', 'drafted: 2024-02-30'))
    expect(at(plan)).toEqual(['19:12-19:22 format-date {"field":"dates.drafted","value":"2024-02-30"}'])
  })

  it('wrong type: at the value', () => {
    const plan = load(GOOD.replace('version: 2024版', 'version: 2024'))
    expect(at(plan)).toEqual(['17:10-17:14 type {"field":"version","label":"版本","type":"string"}'])
  })

  it('CRLF line endings keep the same lines and columns', () => {
    const plan = load(GOOD.replace('role: lead', 'role: leader').replace(/\n/g, '\r\n'))
    expect(at(plan)[0]).toMatch(/^12:11-12:17 bad-enum-suggest/)
  })

  it('a UTF-8 BOM does not shift columns', () => {
    const plan = load(GOOD.replace('parents:', 'parnets:'), { bom: true })
    expect(plan.bom).toBe(true)
    expect(at(plan)[1]).toMatch(/^14:1-14:8 unknown-key-suggest/)
  })

  it('mixed line endings', () => {
    const text = GOOD.replace('role: lead', 'role: leader').split('\n').map((l, i) => (i % 2 ? `${l}\r` : l)).join('\n')
    expect(at(load(text))[0]).toMatch(/^12:11-12:17 bad-enum-suggest/)
  })

  it('Markdown positions are file positions (frontmatter counted)', () => {
    const plan = load(GOOD)
    expect(plan.sections[0].heading.position?.start.line).toBe(21)
    expect(plan.bodyStart).toBe(GOOD.indexOf('# 示例市'))
  })
})

describe('YAML problems', () => {
  it('syntax error at YAML own line:column', () => {
    const plan = load('---\nid: a\ntitle: [未闭合\nstatus: draft\n---\n')
    expect(plan.valid).toBe(false)
    expect(plan.issues[0].messageId).toBe('yaml-error')
    expect(plan.issues[0].place.line).toBeGreaterThanOrEqual(3)
  })

  it('duplicate keys are findings at the second key', () => {
    const plan = load(GOOD.replace('status: draft', 'status: draft\nstatus: published'))
    expect(at(plan)[0]).toBe('17:1-17:7 duplicate-key {"key":"status"}')
  })

  it('tabs for indentation are a YAML error, not a crash', () => {
    const plan = load('---\nid: a\nunits:\n\t- unit: x\n---\n')
    expect(plan.issues[0].messageId).toBe('yaml-error')
  })

  it('aliases are refused, never expanded', () => {
    const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\n'
    const plan = load(bomb)
    expect(plan.valid).toBe(false)
    expect(plan.issues.filter((i) => i.messageId === 'alias').length).toBeGreaterThan(0)
    expect(plan.issues[0].place.line).toBe(3)
  })

  it('empty file: one finding, no crash', () => {
    const plan = load('')
    expect(at(plan)).toEqual(['1:1-1:1 no-frontmatter {}'])
  })

  it('body without frontmatter', () => {
    const plan = load('# 标题\n\n正文\n')
    expect(at(plan)).toEqual(['1:1-1:1 no-frontmatter {}'])
    expect(plan.sections[0].title).toBe('标题')
  })

  it('frontmatter without a closing fence', () => {
    const plan = load('---\nid: a\n# 标题\n')
    expect(at(plan)).toEqual(['1:1-1:4 unclosed {}'])
  })

  it('a list instead of a map', () => {
    const plan = load('---\n- a\n- b\n---\n')
    expect(plan.issues[0].messageId).toBe('not-a-map')
  })

  it('empty frontmatter reports missing keys at the fence', () => {
    const plan = load('---\n---\n# 标题\n')
    expect(plan.issues[0]).toMatchObject({ messageId: 'missing-key', place: { line: 1, column: 1 } })
  })
})
