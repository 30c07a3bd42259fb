// moved-function's table comes from library.yaml: `add` adds to the built-in entries, `off` switches one off.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BASE, findingLine, lintFixture } from '../helpers/library.ts'

const NOT_OK = new URL('./moved-function/not-ok/', import.meta.url).pathname

function withSettings(yaml: string, body?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-moved-'))
  cpSync(join(NOT_OK, 'xishan-relief.md'), join(dir, 'xishan-relief.md'))
  if (body) writeFileSync(join(dir, 'extra.md'), body)
  cpSync(join(BASE, 'units.yaml'), join(dir, 'units.yaml'))
  writeFileSync(join(dir, 'library.yaml'), `name: 测试库\n${yaml}`)
  return dir
}

const at = (line: string) => line.slice(0, line.indexOf(' '))

describe('moved-function table', () => {
  it('off switches a built-in entry off and keeps the others', () => {
    const findings = lintFixture(withSettings('moved_functions:\n  off: [relief]\n'), { only: ['moved-function'] }).map(findingLine)
    expect(findings.map(at)).toEqual([
      'xishan-relief.md:17:9-17:26',
      'xishan-relief.md:29:26-29:30',
      'xishan-relief.md:33:11-33:15',
      'xishan-relief.md:41:3-41:7',
      'xishan-relief.md:43:4-43:10',
      'xishan-relief.md:45:7-45:13',
    ])
  })

  it('add adds an entry to the built-in ones', () => {
    const extra = '---\nid: xishan-anwei\ntitle: 西山县安全生产事故应急预案\ntype: special\njurisdiction: xishan-xian\ncategory: [accident]\nhazards: [production-safety]\nissuer: xishan-zhengfu\nlead_unit: xishan-yingji\nunits: []\nparents:\n  - external: 示例市安全生产事故应急预案\nstatus: draft\nversion: 2026版\ndates: {}\n---\n# 西山县安全生产事故应急预案\n\n县安委会办公室设在县工信局。\n'
    const dir = withSettings('moved_functions:\n  add:\n    - id: work-safety-office\n      function: [安委会办公室]\n      from: [工信局]\n      to: 应急管理部门\n', extra)
    const findings = lintFixture(dir, { only: ['moved-function'] }).map(findingLine)
    expect(findings).toHaveLength(9)
    expect(findings[0]).toBe('extra.md:19:10-19:14 “县工信局”仍承担“安委会办公室”：该职责已在 2018 年机构改革中划入应急管理部门，请改由应急管理部门承担')
  })

  it('speaks English', () => {
    const findings = lintFixture(NOT_OK, { only: ['moved-function'], locale: 'en' })
    expect(findings[2].message).toBe(
      '"县民政局" is still given "救灾物资", which the 2018 reorganisation moved to 应急管理部门: give it to 应急管理部门 (the old owner keeps 临时救助、殡葬服务、慈善和社会捐助组织)',
    )
  })

  it('an unknown built-in id under off is a schema error in library.yaml', () => {
    const findings = lintFixture(withSettings('moved_functions:\n  off: [releif]\n'), { only: ['schema'] })
    expect(findings.map((f) => `${f.file}:${f.place.line}`)).toEqual(['library.yaml:3'])
  })
})
