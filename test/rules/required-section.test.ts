// What required-section's fixtures cannot show: a library's own chapter names, and the title normaliser.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintFixture } from '../helpers/library.ts'
import { readFileSync } from 'node:fs'
import { DEFAULT_SECTION_SYNONYMS, sectionKey } from '../../scripts/lib/text/section-names.ts'

const ROOT = new URL('.', import.meta.url).pathname
const at = (f: { file: string; place: { line: number; column: number }; message: string }) => `${f.file}:${f.place.line}:${f.place.column} ${f.message}`

describe('docs/required-sections.md', () => {
  it('lists every built-in synonym', () => {
    const doc = readFileSync(new URL('../../docs/required-sections.md', import.meta.url), 'utf8')
    for (const group of DEFAULT_SECTION_SYNONYMS) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${group[0]} |`))
      expect(row, group[0]).toBe(`| ${group[0]} | ${group.slice(1).join('、')} |`)
    }
  })
})

describe('required-section chapter names', () => {
  it('section_synonyms in library.yaml adds names and keeps the built-in ones', () => {
    const findings = lintFixture(join(ROOT, 'required-section', 'synonyms'), { only: ['required-section'] })
    // qiangxian.md names its response chapter 抢险救灾 (added); builtin.md uses 应急处置与救援 but its
    // 后期处置 chapter has a name nobody declared.
    expect(findings.map(at)).toEqual(['builtin.md:20:1 缺少必备章节“后期处置”'])
  })

  it('strips numbering and treats 与/和/及 alike, 机制/体系 optional', () => {
    const key = sectionKey('预防与预警')
    for (const t of ['三、预防和预警机制', '（三）预防及预警', '3. 预防与预警体系', '3.1 预防和预警', '第三章 预防与预警', 'Ⅲ. 预防和预警', '三 预防与预警']) {
      expect(sectionKey(t), t).toBe(key)
    }
    expect(sectionKey('组织机构及其职责')).toBe(sectionKey('组织机构与职责'))
    expect(sectionKey('一般规定')).toBe('一般规定')
  })
})
