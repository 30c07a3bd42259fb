// What the responsibility rules' expected.txt files cannot show: related places, English texts, the
// rules' options, and that the UnitMatcher finds exactly what the alternation regex it replaced found.
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixtureLibrary, lintFixture, TODAY } from '../helpers/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import noTimeLimit from '../../scripts/lib/rules/no-time-limit.ts'
import { UnitRegistry, type Unit } from '../../scripts/lib/model/units.ts'
import { UnitMatcher } from '../../scripts/lib/text/unit-mentions.ts'

const ROOT = new URL('.', import.meta.url).pathname
const at = (f: { file: string; place: { line: number; column: number } }) => `${f.file}:${f.place.line}:${f.place.column}`

describe('UnitMatcher', () => {
  const registry = new UnitRegistry([
    { id: 'shili-shi', name: '示例市', kind: 'jurisdiction', level: 'city', aliases: ['本市'] },
    { id: 'shi-shuili', name: '示例市水利局', kind: 'department', parent: 'shili-shi', aliases: ['市水利局'] },
    { id: 'shuili', name: '水利局', kind: 'department' },
    { id: 'shi-zhengfu', name: '示例市人民政府', kind: 'government', parent: 'shili-shi', aliases: ['市政府'] },
    { id: 'shi-zhengfu-ban', name: '示例市人民政府办公室', kind: 'government', parent: 'shili-shi', aliases: ['市政府办'] },
  ] as Unit[])
  const find = (text: string) => new UnitMatcher(registry).find([{ value: text, start: 10 }]).map((m) => `${m.text}@${m.start}-${m.end}:${m.unitId}`)

  it('takes the longest name at each place, and a match consumes its text', () => {
    expect(find('市水利局和水利局')).toEqual(['市水利局@10-14:shi-shuili', '水利局@15-18:shuili'])
    expect(find('示例市人民政府办公室负责')).toEqual(['示例市人民政府办公室@10-20:shi-zhengfu-ban'])
    expect(find('示例市水利局')).toEqual(['示例市水利局@10-16:shi-shuili'])
  })

  it('finds no name inside another word', () => {
    // 城市政府 is a city's government in general, not 市政府; 都市水利局 is no 市水利局 either.
    expect(find('城市政府、都市水利局')).toEqual(['水利局@17-20:shuili'])
  })

  it('finds what the alternation regex it replaced found, on any text', () => {
    const names = registry.names().filter((n) => n.text.length >= 2)
    const regex = new RegExp(names.map((n) => n.text).join('|'), 'gu')
    const WORD_BEFORE: Record<string, string> = { 市: '城都超夜集股门闹上', 县: '郡州', 区: '社园景城辖片库山灾市矿厂街小郊老营新校', 镇: '城村乡重', 乡: '城下家故同', 公: '办' }
    const oracle = (text: string) => {
      const out: string[] = []
      regex.lastIndex = 0
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m.index > 0 && WORD_BEFORE[m[0][0]]?.includes(text[m.index - 1])) {
          regex.lastIndex = m.index + 1
          continue
        }
        out.push(`${m[0]}@${m.index + 10}-${m.index + 10 + m[0].length}:${names.find((n) => n.text === m![0])!.unitId}`)
      }
      return out
    }
    const piece = fc.constantFrom('示例市', '市水利局', '水利局', '市政府', '市政府办', '人民政府', '办公室', '城', '都', '本市', '示例', '局', '，', '负责', '示例市人民政府办公室')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(find(pieces.join(''))).toEqual(oracle(pieces.join('')))
      }),
      { numRuns: 300 },
    )
  })

  it('stays fast with a registry of thousands of units', () => {
    const units: Unit[] = []
    for (let i = 0; i < 5000; i++) units.push({ id: `u${i}`, name: `样本${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x5000 + (i % 97))}有限公司`, kind: 'enterprise' } as Unit)
    units.push({ id: 'shi-shuili', name: '示例市水利局', kind: 'department', aliases: ['市水利局'] } as Unit)
    const matcher = new UnitMatcher(new UnitRegistry(units))
    const text = '市水利局负责组织防汛抢险工作。'.repeat(2000)
    const mentions = matcher.find([{ value: text, start: 0 }])
    expect(mentions).toHaveLength(2000)
    expect(new Set(mentions.map((m) => m.unitId))).toEqual(new Set(['shi-shuili']))
  })
})

describe('unit-not-declared', () => {
  it('relates each finding to the unit entry in units.yaml', () => {
    const findings = lintFixture(join(ROOT, 'unit-not-declared', 'not-ok'), { only: ['unit-not-declared'] })
    const inFlood = findings.filter((f) => f.file === 'flood.md')
    expect(inFlood.map((f) => `${at(f)} <- ${f.cause && at({ file: f.cause.file, place: f.cause.place })}`)).toEqual([
      'flood.md:29:1 <- units.yaml:13:11',
      'flood.md:29:17 <- units.yaml:12:11',
      'flood.md:29:22 <- units.yaml:14:11',
      'flood.md:33:33 <- units.yaml:18:11',
      'flood.md:35:43 <- units.yaml:10:11',
    ])
  })

  it('speaks English', () => {
    const findings = lintFixture(join(ROOT, 'unit-not-declared', 'not-ok'), { only: ['unit-not-declared'], locale: 'en' })
    expect(findings.find((f) => f.file === 'flood.md')!.message).toBe('The text gives work to "市公安局" (示例市公安局), which the frontmatter does not list: add shi-gongan to units')
    expect(findings.find((f) => f.file === 'units.yaml')!.message).toBe(
      '"专职消防队" is also registered for "金山化工专职消防队" (jinshan-jiuyuan): in plan text it cannot tell which unit it means, so plan checks skip it; use an alias that tells them apart',
    )
  })
})

describe('unit-without-duty', () => {
  it('speaks English', () => {
    const findings = lintFixture(join(ROOT, 'unit-without-duty', 'not-ok'), { only: ['unit-without-duty'], locale: 'en' })
    expect(findings.map((f) => f.message)).toEqual([
      'Unit "示例市交通运输局" (shi-jiaotong) has no duties and the text never mentions it: list its duties, or remove it from units',
      'Unit "示例市卫生健康委员会" (shi-weijian) has no duties and the text never mentions it: list its duties, or remove it from units',
      'Unit "示例市消防救援支队" (shi-xiaofang) has no duties and the text never mentions it: list its duties, or remove it from units',
    ])
  })
})

describe('level-without-commander', () => {
  it('speaks English', () => {
    const findings = lintFixture(join(ROOT, 'level-without-commander', 'not-ok'), { only: ['level-without-commander'], locale: 'en' })
    expect(findings.map((f) => f.message)).toEqual([
      "Response level IV names no commander: fill in commander (e.g. the county or district head, or the headquarters' commander-in-chief)",
      "Response level I names no commander: fill in commander (e.g. the principal, or the headquarters' commander-in-chief)",
      "Response level II names no commander: fill in commander (e.g. the mayor, or the headquarters' commander-in-chief)",
      "Response level III names no commander: fill in commander (e.g. the mayor, or the headquarters' commander-in-chief)",
    ])
  })
})

describe('no-time-limit', () => {
  const dir = join(ROOT, 'no-time-limit', 'not-ok')

  it('is off unless the library turns it on, and checks the sections it is told to', () => {
    expect(lintFixture(dir, { rules: [noTimeLimit] })).toEqual([])
    const library = fixtureLibrary(dir)
    library.settings.rules = { 'no-time-limit': ['error', { sections: ['后期处置'] }] }
    const findings = lint(library, { today: TODAY, rules: [noTimeLimit] }).findings
    expect(findings.map((f) => `${f.severity} ${at(f)} ${f.message.slice(0, 4)}`)).toEqual(['error hazmat.md:43:8 “立即”'])
  })

  it('speaks English', () => {
    const findings = lintFixture(join(ROOT, 'no-time-limit', 'not-ok'), { only: ['no-time-limit'], locale: 'en' })
    expect(findings[0].message).toBe('"立即" (immediately) report with no time limit: say within how many minutes or hours (e.g. 事发后30分钟内电话报告，1小时内书面报告)')
  })
})

describe('unregistered-unit-name', () => {
  it('points the cause at the parent plan\'s passage, and speaks English', () => {
    const findings = lintFixture(join(ROOT, 'unregistered-unit-name', 'not-ok'), { only: ['unregistered-unit-name'], locale: 'en' })
    expect(findings.map((f) => `${at(f)} <- ${f.cause && at({ file: f.cause.file, place: f.cause.place })}`)).toEqual(['xishan-health.md:24:4 <- city-health.md:24:4'])
    expect(findings[0].message).toBe(
      '"县卫生健康委" is not a registered unit of 西山县; the passage is the one naming "市卫生健康委" in the parent plan "示例市突发公共卫生事件应急预案", so the name may be copied from the level above: the local body is probably "西山县卫生健康局" (xishan-weijian)',
    )
  })
})
