// The shipped example library (plans/) is linted as a whole and every deliberate gap is asserted one by one
// (plans/README.md numbers them). A new finding in plans/ fails this test: either it is a new deliberate gap
// (add it here and to plans/README.md) or the example library regressed.
import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'

const PLANS = new URL('../../plans/', import.meta.url).pathname
const TODAY = '2026-11-23'

/** Gap id (plans/README.md) → `file:line:column rule`. */
const GAPS: [string, string][] = [
  ['A1', 'city/special/shi-senlin.md:16:11 dissolved-unit'],
  ['A2', 'city/special/shi-dizhi.md:116:3 unit-not-declared'],
  ['A3', 'city/special/shi-yiqing.md:16:11 unit-without-duty'],
  ['A4', 'city/special/shi-dizhi.md:58:18 review-overdue'],
  ['A4', 'city/special/shi-dizhi.md:49:11 stale-parent'],
  ['A4', 'city/special/shi-dizhi.md:2:1 drill-overdue'],
  ['A4', 'city/special/shi-dizhi.md:89:1 repealed-basis'],
  ['A5', 'city/special/shi-dadian.md:97:57 repealed-basis'],
  ['A6', 'city/department/shi-shangwu-gongying.md:40:1 missing-parent'],
  ['A8', 'city/special/shi-weihua.md:66:5 level-without-commander'],
  ['A9', 'city/special/shi-qixiang.md:56:14 not-filed'],
  ['A10', 'city/special/shi-ranqi.md:49:1 not-expert-reviewed'],
  ['A11', 'city/special/shi-huanjing.md:126:28 no-time-limit'],
  ['A12', 'city/special/shi-fangxun-2021.md:41:9 superseded-still-published'],
  ['A12', 'city/special/shi-fangxun-2021.md:2:1 drill-overdue'],
  ['A13', 'units.yaml:7:11 coverage-gap'],
  ['B1', 'xishan/xishan-fangxun.md:129:137 copied-from-parent'],
  ['B2', 'xishan/xishan-weihua.md:7:11 hazard-outside-parent'],
  ['B3', 'units.yaml:8:11 coverage-gap'],
  ['B4', 'dongcheng/dongcheng-fangxun.md:37:11 stale-parent'],
  ['B5', 'dongcheng/dongcheng-neilao.md:9:12 lead-conflict'],
  ['B6', 'dongcheng/dongcheng-dizhi.md:40:1 not-expert-reviewed'],
  ['B7', 'dongcheng/dongcheng-anquan.md:48:14 not-filed'],
  ['B8', 'dongcheng/dongcheng-yiqing.md:41:11 parent-order'],
  ['B9', 'township/songling-zongti.md:62:41 near-duplicate'],
  ['B10', 'township/songling-zongti.md:38:1 required-section'],
  ['B11', 'township/hebin-zongti.md:60:74 placeholder-text'],
  ['B11', 'township/hebin-zongti.md:60:95 placeholder-text'],
  ['B12', 'units.yaml:13:11 jurisdiction-without-overall'],
  ['B13', 'enterprise/dongfang/dongfang-zonghe.md:132:96 broken-link'],
  ['B14', 'enterprise/dongfang/dongfang-huozai.md:72:1 empty-section'],
  ['D1', 'drills/2025-09-20-shi-weihua.md:221:10 open-findings'],
  ['D2', 'xishan/xishan-fangxun.md:54:18 revise-after-drill'],
  ['D3', 'enterprise/huayu/huayu-onsite-guanqu.md:2:1 drill-overdue'],
  ['D4', 'drills/2026-08-22-dongfang-huozai.md:388:8 drill-score-mismatch'],
]

const key = (f: Finding) => `${f.file}:${f.place.line}:${f.place.column} ${f.ruleId}`

describe('the example library', () => {
  const library = loadLibrary(PLANS)
  const result = lint(library, { today: TODAY, locale: 'zh-CN' })

  it('is large enough to be realistic (issue 2)', () => {
    const byType = (t: string) => library.plans.filter((p) => p.data.type === t).length
    expect(library.plans.length).toBeGreaterThanOrEqual(40)
    expect(library.units.units.length).toBeGreaterThanOrEqual(40)
    expect(library.drills.length).toBeGreaterThanOrEqual(6)
    expect(byType('department')).toBeGreaterThanOrEqual(8)
    expect(new Set(library.plans.filter((p) => p.data.type === 'special' && p.data.jurisdiction === 'shili-shi').flatMap((p) => p.data.hazards ?? [])).size).toBeGreaterThanOrEqual(12)
    for (const t of ['overall', 'enterprise-comprehensive', 'enterprise-special', 'onsite']) expect(byType(t), t).toBeGreaterThan(0)
    expect(library.unreadable).toEqual([])
    expect(library.plans.every((p) => p.valid)).toBe(true)
  })

  it('runs every rule without an internal error', () => {
    expect(result.internalErrors).toEqual([])
  })

  it('reports exactly its deliberate gaps, each at its place', () => {
    // A7 (road traffic) is no gap since department plans count as coverage: shi-jiaotong-gonglu covers it.
    expect(result.findings.map(key).sort()).toEqual(GAPS.map(([, line]) => line).sort())
  })

  it('says what each gap is, in Chinese', () => {
    const message = (file: string, rule: string) => result.findings.filter((f) => f.file === file && f.ruleId === rule).map((f) => f.message)
    expect(message('units.yaml', 'coverage-gap')).toEqual([
      '示例市缺少“网络与信息安全事件”专项应急预案（library.yaml 的覆盖要求（coverage.hazards）规定市级行政区应具备）',
      '西山县缺少“地质灾害”专项应急预案（library.yaml 的覆盖要求（coverage.hazards）规定县级行政区应具备）',
    ])
    expect(message('city/special/shi-senlin.md', 'dissolved-unit')).toEqual(['单位“示例市林业局”已于 2019-01-15 撤销，应改为“示例市自然资源和规划局”（shi-ziran）'])
    expect(message('xishan/xishan-fangxun.md', 'copied-from-parent')[0]).toMatch(/^93% 的正文与上级预案“示例市防汛抗旱应急预案”（shi-fangxun）相同/)
    expect(message('township/songling-zongti.md', 'near-duplicate')[0]).toMatch(/青石镇突发事件应急预案.*94%/)
  })
})
