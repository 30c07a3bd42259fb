// The fixes that rewrite more than one id: merging two `units` entries (duplicate-unit, and dissolved-unit when
// the plan already lists the successor, which used to list it twice) and fullwidth-space. Applied pass by pass, as lint --fix does.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyFixes } from '../../scripts/lib/fix.ts'
import type { Fix } from '../../scripts/lib/model/finding.ts'
import { BASE, findingLine, lintFixture } from '../helpers/library.ts'

/** The file after applying the fixes of `rules` until none is left (at most 10 passes, as lint --fix). */
function fixed(files: Record<string, string>, rules: string[]): { text: Record<string, string>; left: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-merge-'))
  for (const name of ['units.yaml', 'library.yaml']) cpSync(join(BASE, name), join(dir, name))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  for (let pass = 0; pass < 10; pass++) {
    const byFile = new Map<string, Fix[]>()
    for (const f of lintFixture(dir, { only: rules })) if (f.fix) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.fix])
    if (!byFile.size) break
    for (const [file, fixes] of byFile) writeFileSync(join(dir, file), applyFixes(readFileSync(join(dir, file), 'utf8'), fixes).text)
  }
  const text = Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(dir, name), 'utf8')]))
  return { text, left: lintFixture(dir, { only: ['duplicate-unit', 'dissolved-unit', 'schema'] }).map(findingLine) }
}

const plan = (units: string, lead = 'shi-ziran') => `---
id: shili-forest-fire
title: 示例市森林火灾应急预案
type: special
jurisdiction: shili-shi
category: [natural]
hazards: [forest-fire]
issuer: shi-zhengfu
lead_unit: ${lead}
units:
${units}
parents:
  - plan: shili-overall
status: draft
version: 2024版
dates: {}
---
# 示例市森林火灾应急预案

正文。
`

describe('merging units entries', () => {
  it('dissolved-unit: the plan already lists the successor, so the dissolved entry is merged into it (lead wins, duties of both)', () => {
    const before = plan('  - unit: shi-linye\n    role: lead\n    duties: [组织扑救, 预防宣传]\n  - unit: shi-ziran\n    role: member\n    duties:\n      - 预防宣传\n  - unit: shi-yingji\n    role: member', 'shi-linye')
    const { text, left } = fixed({ 'forest.md': before }, ['dissolved-unit'])
    expect(text['forest.md']).toBe(plan('  - unit: shi-ziran\n    role: lead\n    duties:\n      - 预防宣传\n      - 组织扑救\n  - unit: shi-yingji\n    role: member'))
    expect(left).toEqual([])
  })

  it('dissolved-unit: two dissolved entries with the same successor end as one entry', () => {
    const units = '  - unit: shi-linye\n    role: member\n    duties: [巡护]\n  - unit: shi-yingji\n    role: member\n  - unit: shi-linye\n    role: support\n    duties: [物资, "a: b"]'
    const { text, left } = fixed({ 'forest.md': plan(units) }, ['dissolved-unit'])
    expect(text['forest.md']).toBe(plan('  - unit: shi-ziran\n    role: member\n    duties: [巡护, 物资, "a: b"]\n  - unit: shi-yingji\n    role: member'))
    expect(left).toEqual([])
  })

  it('duplicate-unit: merged into the first entry, duties added where the entry had none', () => {
    const fixture = readFileSync(new URL('./duplicate-unit/not-ok/forest.md', import.meta.url), 'utf8')
    const { text, left } = fixed({ 'forest.md': fixture }, ['duplicate-unit'])
    expect(text['forest.md']).toBe(
      fixture.replace(
        /units:\n[\s\S]*?\nparents:/,
        'units:\n  - unit: shi-ziran\n    role: lead\n    duties:\n      - 预防宣传\n      - 组织扑救\n  - unit: shi-yingji\n    role: member\n    duties: ["督促检查, 考核"]\nparents:',
      ),
    )
    expect(left).toEqual([])
  })

  it('duplicate-unit in a flow list: reported, no fix (the edit would not be certain)', () => {
    const before = plan('  [{ unit: shi-ziran, role: lead }, { unit: shi-ziran, role: member }]').replace('units:\n  [', 'units: [')
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-merge-'))
    for (const name of ['units.yaml', 'library.yaml']) cpSync(join(BASE, name), join(dir, name))
    writeFileSync(join(dir, 'forest.md'), before)
    const findings = lintFixture(dir, { only: ['duplicate-unit'] })
    expect(findings.map((f) => [f.place.line, f.place.column, Boolean(f.fix)])).toEqual([[10, 50, false]])
  })
})

describe('fullwidth-space --fix', () => {
  it('removes the spaces where the value stays the same string; reports the rest', () => {
    const fixture = readFileSync(new URL('./fullwidth-space/not-ok/forest.md', import.meta.url), 'utf8')
    const { text } = fixed({ 'forest.md': fixture }, ['fullwidth-space'])
    // Quoted values and `2024␣` (which would become a number) stay as written.
    expect(text['forest.md']).toBe(
      fixture
        .replace('title: \u3000示例市', 'title: 示例市')
        .replace('lead_unit: shi-ziran\u3000', 'lead_unit: shi-ziran')
        .replace('预防宣传\u00a0]', '预防宣传]')
        .replace('status: draft\u00a0', 'status: draft'),
    )
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-fw-'))
    for (const name of ['units.yaml', 'library.yaml']) cpSync(join(BASE, name), join(dir, name))
    writeFileSync(join(dir, 'forest.md'), text['forest.md'])
    expect(lintFixture(dir, { only: ['fullwidth-space'] }).map(findingLine)).toEqual([
      'forest.md:13:14-13:21 “units[0].duties[0]”的值结尾有全角空格，YAML 会把它当作值的一部分',
      'forest.md:17:10-17:15 “version”的值结尾有全角空格，YAML 会把它当作值的一部分',
    ])
  })
})
