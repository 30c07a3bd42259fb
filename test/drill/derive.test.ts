import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { deriveChecklist, findTimeLimits } from '../../scripts/lib/drill/derive.ts'
import { parseAttributes, splitAttributes } from '../../scripts/lib/drill/attributes.ts'
import { itemRef, normaliseText, shortHash, uniqueRefs } from '../../scripts/lib/drill/ref.ts'
import { validate } from '../../scripts/lib/load/schemas.ts'

const lib = loadLibrary(new URL('./fixtures/lib', import.meta.url).pathname)
const plan = (id: string) => lib.planById.get(id)!
const rows = (id: string) => deriveChecklist(plan(id), lib).map((i) => [i.phase, i.text, i.points, i.critical, i.within ?? null, i.source, i.unit ?? null])

describe('deriveChecklist', () => {
  it("uses the plan's evaluation section, then duties, triggers and time limits of the response sections", () => {
    expect(rows('shili-flood')).toEqual([
      ['演练评估要点', '未分组的评估项', 2, false, null, 'plan', null],
      ['预警与信息报告', '市水利局30分钟内报告水情', 5, true, 30, 'plan', null],
      ['预警与信息报告', '按规定发布预警', 3, false, 120, 'plan', null],
      ['预警与信息报告', '指挥部及时会商', 1, false, null, 'plan', null],
      ['预警与信息报告', '指挥部及时会商', 1, false, null, 'plan', null],
      ['现场处置', '转移群众', 1, false, null, 'plan', null],
      ['现场处置', '清点人数', 1, true, null, 'plan', null],
      // Malformed attributes are dropped, not guessed: the item keeps its defaults.
      ['现场处置', '坏的属性', 1, false, null, 'plan', null],
      ['责任单位履职', '示例市水利局：组织江河洪水调度', 1, false, null, 'duty', 'shi-shuili'],
      ['责任单位履职', '示例市水利局：发布水情预警', 1, false, null, 'duty', 'shi-shuili'],
      ['责任单位履职', '示例市公安局：维护灾区治安', 1, false, null, 'duty', 'shi-gongan'],
      ['分级响应启动', '达到“主要江河发生流域性特大洪水”时按程序启动Ⅰ级响应，由市长指挥', 2, false, null, 'trigger', null],
      ['分级响应启动', '达到“24小时内降雨量超过100毫米”时按程序启动Ⅳ级响应', 2, false, null, 'trigger', null],
      ['响应时限', '事发地政府应在事发后30分钟内电话报告、1小时内书面报告市应急管理局（时限：30分钟）', 2, false, 30, 'time-limit', null],
      ['响应时限', '事发地政府应在事发后30分钟内电话报告、1小时内书面报告市应急管理局（时限：1小时）', 2, false, 60, 'time-limit', null],
      ['响应时限', '两个小时内提出调度方案', 2, false, 120, 'time-limit', null],
      ['响应时限', '消防救援队伍接警后半小时内到场', 2, false, 30, 'time-limit', null],
    ])
  })

  it('gives stable, readable, unique refs', () => {
    const items = deriveChecklist(plan('shili-flood'), lib)
    expect(items.map((i) => i.ref)).toEqual(deriveChecklist(plan('shili-flood'), lib).map((i) => i.ref))
    expect(new Set(items.map((i) => i.ref)).size).toBe(items.length)
    expect(items[1].ref).toBe(itemRef('plan', '市水利局30分钟内报告水情'))
    expect(items[3].ref).toMatch(/^plan-[0-9a-f]{8}$/)
    expect(items[4].ref).toBe(`${items[3].ref}-2`)
    expect(items[8].ref).toMatch(/^duty-shi-shuili-[0-9a-f]{8}$/)
    expect(items[11].ref).toMatch(/^trigger-i-[0-9a-f]{8}$/)
    expect(items[13].ref).toMatch(/^time-[0-9a-f]{8}$/)
    for (const i of items) expect(i.ref).toMatch(/^[a-z0-9][a-z0-9:._-]*$/)
  })

  it('falls back to the default template when the evaluation section has no task items', () => {
    expect(rows('shili-fire')).toEqual([
      ['演练准备', '制定演练方案', 2, false, null, 'template', null],
      ['现场处置', '现场警戒到位', 1, true, null, 'template', null],
    ])
  })

  it('uses the template the plan names in drill.checklist', () => {
    expect(rows('shili-quake')).toEqual([
      ['小模板', '无阶段的模板项', 1, false, null, 'template', null],
      ['责任单位履职', '示例市应急管理局：组织抗震救灾', 1, false, null, 'duty', 'shi-yingji'],
      ['响应时限', '地震发生后20分钟内报告', 2, false, 20, 'time-limit', null],
    ])
  })

  it('template refs are the same for every plan that uses the template', () => {
    const a = deriveChecklist(plan('shili-fire'), lib)[0].ref
    expect(a).toBe(itemRef('template', '制定演练方案'))
  })
})

describe('refs', () => {
  it('normalise spaces, full-width forms and a trailing full stop', () => {
    expect(normaliseText(' 转移 群众。')).toBe('转移群众')
    expect(itemRef('plan', '转移群众')).toBe(itemRef('plan', '转移 群众。'))
    expect(itemRef('plan', 'ＡＢＣ')).toBe(itemRef('plan', 'abc'))
    expect(itemRef('plan', '转移群众')).not.toBe(itemRef('template', '转移群众'))
  })
  it('hash is FNV-1a 32', () => {
    expect(shortHash('')).toBe('811c9dc5')
    expect(shortHash('a')).toBe('e40c292c')
  })
  it('uniqueRefs numbers repeats', () => {
    expect(uniqueRefs([{ ref: 'x' }, { ref: 'x' }, { ref: 'y' }, { ref: 'x' }]).map((i) => i.ref)).toEqual(['x', 'x-2', 'y', 'x-3'])
  })
})

describe('attributes', () => {
  it('reads Chinese and English keys', () => {
    expect(splitAttributes('报告水情 {分值=5 时限=30分钟 否决}')).toEqual({ text: '报告水情', raw: '分值=5 时限=30分钟 否决' })
    expect(parseAttributes('分值=5 时限=30分钟 否决').attributes).toEqual({ points: 5, within: '30分钟', critical: true })
    expect(parseAttributes('points=2.5, within=1h critical=false').attributes).toEqual({ points: 2.5, within: '1h', critical: false })
    expect(splitAttributes('全角｛分值＝2｝').raw).toBe('分值＝2')
    expect(parseAttributes('分值＝2').attributes).toEqual({ points: 2 })
  })
  it('reports what it cannot read', () => {
    expect(parseAttributes('分值=abc 颜色=红 时限=快 否决=也许').problems).toEqual([
      { token: '分值=abc', offset: 0, key: '分值', value: 'abc', reason: 'bad-points' },
      { token: '颜色=红', offset: 7, key: '颜色', value: '红', reason: 'unknown-key' },
      { token: '时限=快', offset: 12, key: '时限', value: '快', reason: 'bad-within' },
      { token: '否决=也许', offset: 17, key: '否决', value: '也许', reason: 'bad-flag' },
    ])
  })
  it('accepts exactly the time limits the checklist-item schema accepts', () => {
    for (const within of ['30分钟', '2小时', '30m', '1h', '90s', '1.5 h', '3天', '30 min', '快', '30', 'm30', '30分钟内']) {
      const ours = parseAttributes(`时限=${within.replace(/\s/g, '')}`).problems.length === 0
      const schema = validate('checklist-item', { within: within.replace(/\s/g, '') }).length === 0
      expect(ours, within).toBe(schema)
    }
  })
})

describe('findTimeLimits', () => {
  it('finds minute and hour limits, Chinese numerals and 半小时, but not days', () => {
    expect(findTimeLimits('事发后二十分钟内电话报告，四十分钟以内书面报告；半小时内到场。3天内提交总结。立即报告。').map((l) => [l.limit, l.minutes])).toEqual([
      ['二十分钟', 20],
      ['四十分钟', 40],
      ['半小时', 30],
    ])
  })
})

describe('findTimeLimits leaves out measuring windows of triggers', () => {
  it('skips 24小时内降雨量, 连续6小时内, and level definitions', () => {
    expect(findTimeLimits('24小时内降雨量超过250毫米；连续6小时内出现险情；Ⅲ级：24小时内2个以上县（区）面雨量超过100毫米；接报后2小时内续报').map((l) => l.limit)).toEqual(['2小时'])
  })
})

describe('time limits of a plan whose title names a response word', () => {
  it('read only the response sections, never the evaluation section', () => {
    expect(rows('shili-onsite')).toEqual([
      ['演练评估要点', '值班员5分钟内启动备用泵', 3, false, 5, 'plan', null],
      ['责任单位履职', '示例市水利局：值班员5分钟内启动备用泵', 1, false, null, 'duty', 'shi-shuili'],
      ['响应时限', '值班员发现停电后5分钟内启动备用泵', 2, false, 5, 'time-limit', null],
    ])
  })
})
