// What the lifecycle rules' expected.txt files cannot show: related places (cause), fixes, English texts,
// the day each clock runs out, and where drill-overdue takes its interval from.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureLibrary, lintFixture } from '../helpers/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'
import type { Plan } from '../../scripts/lib/model/plan.ts'
import { drillInterval } from '../../scripts/lib/rules/drill-overdue.ts'

const ROOT = new URL('.', import.meta.url).pathname
const dir = (rule: string, which: 'ok' | 'not-ok') => join(ROOT, rule, which)
const at = (f: { file: string; place: { line: number; column: number } }) => `${f.file}:${f.place.line}:${f.place.column}`
const withCause = (f: Finding) => `${at(f)} <- ${f.cause ? at(f.cause) : '-'}`
const run = (rule: string, which: 'ok' | 'not-ok', options: { today?: string; locale?: 'en' } = {}) => lintFixture(dir(rule, which), { only: [rule], ...options })

describe('review-overdue', () => {
  it('runs out the day after the interval ends', () => {
    expect(run('review-overdue', 'ok', { today: '2026-11-01' })).toEqual([])
    expect(run('review-overdue', 'ok', { today: '2026-11-02' }).map((f) => `${at(f)} ${f.message}`)).toEqual([
      'boundary.md:21:18 预案自 2023-11-01（最近评估）起已超过 36 个月未评估或修订，应在 2026-11-01 前评估，已超期 1 天',
    ])
  })

  it('speaks English', () => {
    expect(run('review-overdue', 'not-ok', { locale: 'en' }).map((f) => f.message)).toEqual([
      'Not reviewed or revised since 2023-01-05 (approval): the review interval is 36 months, so a review was due by 2026-01-05; 9 months overdue',
      'Not reviewed or revised since 2023-10-31 (last review): the review interval is 36 months, so a review was due by 2026-10-31; 1 day overdue',
      'Not reviewed or revised since 2025-09-15 (publication): the review interval is 12 months, so a review was due by 2026-09-15; 1 month overdue',
      'Not reviewed or revised since 2021-06-30 (last review): the review interval is 36 months, so a review was due by 2024-06-30; 28 months overdue',
      'Not reviewed or revised since 2022-10-31 (publication): the review interval is 36 months, so a review was due by 2025-10-31; 12 months overdue',
    ])
  })
})

describe('drill-overdue', () => {
  it('relates a finding to the last drill record, and a never-drilled plan to nothing', () => {
    expect(run('drill-overdue', 'not-ok').map(withCause)).toEqual([
      'approved-only.md:2:1 <- -',
      'huayu-onsite.md:2:1 <- drills/2026-03-05-huayu-onsite-guanqu.md:4:7',
      'huayu-zonghe.md:2:1 <- drills/2026-04-30-huayu-zonghe.md:4:7',
      // The record dated 2026-12-01 has not happened yet on 2026-11-01.
      'own-interval.md:21:1 <- drills/2025-09-30-shi-dizhi.md:4:7',
      'production-safety.md:2:1 <- drills/2024-09-20-shi-anquan.md:4:7',
      'special-never.md:2:1 <- -',
      'township.md:2:1 <- -',
    ])
  })

  it('counts a drill record from its date on', () => {
    const files = (today: string) => run('drill-overdue', 'not-ok', { today }).map((f) => f.file)
    expect(files('2026-11-30')).toContain('own-interval.md')
    expect(files('2026-12-01')).not.toContain('own-interval.md')
  })

  it('runs out the day after the interval ends', () => {
    expect(run('drill-overdue', 'ok', { today: '2026-11-02' }).map((f) => `${at(f)} ${f.message}`)).toEqual([
      'boundary.md:2:1 自 2023-11-01 发布以来没有演练记录，演练周期 36 个月（专项应急预案），应在 2026-11-01 前演练，已超期 1 天',
    ])
  })

  it('speaks English', () => {
    const messages = run('drill-overdue', 'not-ok', { locale: 'en' }).map((f) => f.message)
    expect(messages).toContain('No drill record since approval on 2023-02-01; the drill interval is 36 months (special plans), so a drill was due by 2026-02-01; 9 months overdue')
    expect(messages).toContain(
      'Last drilled on 2026-04-30 (drills/2026-04-30-huayu-zonghe.md); the drill interval is 6 months (high-risk unit "示例华宇化工有限公司"), so a drill was due by 2026-10-30; 2 days overdue',
    )
    expect(messages).toContain(
      "Last drilled on 2025-09-30 (drills/2025-09-30-shi-dizhi.md); the drill interval is 12 months (the plan's drill.interval_months), so a drill was due by 2026-09-30; 1 month overdue",
    )
    expect(messages).toContain(
      'No drill record since publication on 2024-08-01; the drill interval is 24 months (government and township production-safety plans), so a drill was due by 2026-08-01; 3 months overdue',
    )
  })

  describe('interval', () => {
    const library = () => fixtureLibrary(dir('drill-overdue', 'not-ok'))
    const planOf = (lib: ReturnType<typeof library>, id: string) => lib.planById.get(id)!
    const variant = (plan: Plan, data: Partial<Plan['data']>): Plan => ({ ...plan, data: { ...plan.data, ...data } })

    it('is the plan type’s by default', () => {
      const lib = library()
      expect(drillInterval(planOf(lib, 'shi-fangxun'), lib, ['production-safety'])).toEqual({ months: 36, basis: 'type' })
    })

    it('is shorter for a high-risk issuer as for a high-risk jurisdiction', () => {
      const lib = library()
      const plan = variant(planOf(lib, 'shi-fangxun'), { jurisdiction: 'xishan-xian', issuer: 'huayu-huagong' })
      expect(drillInterval(plan, lib, ['production-safety'])).toEqual({ months: 6, basis: 'high-risk', unit: 'huayu-huagong' })
    })

    it('is 24 months for a government production-safety plan, not for an enterprise one', () => {
      const lib = library()
      expect(drillInterval(planOf(lib, 'shi-anquan'), lib, ['production-safety'])).toEqual({ months: 24, basis: 'production-safety' })
      const enterprise = variant(planOf(lib, 'shi-anquan'), { type: 'enterprise-special', jurisdiction: 'dongfang', issuer: 'dongfang' })
      expect(drillInterval(enterprise, lib, ['production-safety'])).toEqual({ months: 12, basis: 'type' })
    })

    it('treats the hazards of the productionSafetyHazards option as production safety', () => {
      const lib = library()
      const hazmat = variant(planOf(lib, 'shi-fangxun'), { hazards: ['hazmat'] })
      expect(drillInterval(hazmat, lib, ['production-safety']).months).toBe(36)
      expect(drillInterval(hazmat, lib, ['production-safety', 'hazmat'])).toEqual({ months: 24, basis: 'production-safety' })
    })

    it('takes the option from library.yaml', () => {
      const lib = library()
      ;(lib.settings.rules as Record<string, unknown>)['drill-overdue'] = ['warn', { productionSafetyHazards: [] }]
      const { findings } = lint(lib, { today: '2026-11-01', only: ['drill-overdue'] })
      // Without production-safety in the list, shi-anquan (drilled 2024-09-20) and the township plan
      // (published 2024-08-01) fall back to 36 months and are not due yet.
      expect(findings.map((f) => f.file)).toEqual(['approved-only.md', 'huayu-onsite.md', 'huayu-zonghe.md', 'own-interval.md', 'special-never.md'])
    })

    it('is the strictest of the library’s policies', () => {
      const lib = library()
      lib.settings.drill.by_type.special = 12
      expect(drillInterval(planOf(lib, 'shi-anquan'), lib, ['production-safety'])).toEqual({ months: 12, basis: 'type' })
    })

    it('is the plan’s own when it sets one, longer or shorter', () => {
      const lib = library()
      expect(drillInterval(planOf(lib, 'shi-dizhi'), lib, ['production-safety'])).toEqual({ months: 12, basis: 'plan' })
      const huayu = variant(planOf(lib, 'huayu-zonghe'), { drill: { interval_months: 24 } })
      expect(drillInterval(huayu, lib, ['production-safety'])).toEqual({ months: 24, basis: 'plan' })
    })
  })
})

describe('not-expert-reviewed', () => {
  it('speaks English', () => {
    expect(run('not-expert-reviewed', 'not-ok', { locale: 'en' }).map((f) => f.message)).toEqual([
      'The plan is approved but dates has no expert_review (date of the expert review)',
      'The plan is published but dates has no expert_review (date of the expert review)',
      'The expert review (2025-06-01) is dated after the approval (2025-05-10); the review comes first',
      'The plan is published but dates has no expert_review (date of the expert review)',
    ])
  })
})

describe('not-filed', () => {
  it('is late only after more than 20 working days, counting holidays and make-up days', () => {
    // weekend.md: published Monday 2026-09-28; its 20th working day is Friday 10-30 (National Day skipped,
    // Saturday 10-10 worked). Sunday 11-01 is not a working day; Monday 11-02 is the 21st.
    expect(run('not-filed', 'ok', { today: '2026-11-01' })).toEqual([])
    expect(run('not-filed', 'ok', { today: '2026-11-02' }).map((f) => `${at(f)} ${f.message}`)).toEqual([
      'weekend.md:20:14 预案于 2026-09-28 发布，前言没有记录备案日期（dates.filed），而备案期限已过（20 个工作日，最迟 2026-10-30）：已经备案的请补记备案日期，尚未备案的请报送备案',
    ])
  })

  it('speaks English', () => {
    expect(run('not-filed', 'not-ok', { locale: 'en' }).map((f) => f.message)).toEqual([
      'Published on 2026-09-25, and no filing date is recorded (dates.filed) although the filing period is over (20 working days, at the latest 2026-10-29): record the date if the plan was filed, file it if not',
      'Published on 2026-09-15 but filed on 2026-10-20, 22 working days later; the limit is 20 working days (at the latest 2026-10-16)',
      'Published on 2026-08-03, and no filing date is recorded (dates.filed) although the filing period is over (20 working days, at the latest 2026-08-31): record the date if the plan was filed, file it if not',
    ])
  })
})

describe('superseded-still-published', () => {
  it('relates the old version to the supersedes entry of the new one', () => {
    expect(run('superseded-still-published', 'not-ok').map(withCause)).toEqual(['flood-2021.md:16:9 <- flood.md:22:14', 'quake-2020.md:16:9 <- quake.md:23:5'])
  })

  it('fixes the status: superseded when published, retired when never published', () => {
    const findings = run('superseded-still-published', 'not-ok')
    const library = fixtureLibrary(dir('superseded-still-published', 'not-ok'))
    const fixed = findings.map((f) => {
      const text = library.plans.find((p) => p.path === f.file)!.text
      const { start, end, text: replacement } = f.fix!
      return (text.slice(0, start) + replacement + text.slice(end)).split('\n')[15]
    })
    expect(fixed).toEqual(['status: superseded', 'status: retired'])
  })

  it('speaks English', () => {
    expect(run('superseded-still-published', 'not-ok', { locale: 'en' }).map((f) => f.message)).toEqual([
      'Plan "shi-fangxun-2021" was replaced by "示例市防汛抗旱应急预案" (shi-fangxun) but its status is still published; it should be superseded',
      'Plan "shi-dizhen-2020" was replaced by "示例市地震应急预案" (shi-dizhen) but its status is still approved; it should be retired',
    ])
  })
})

describe('open-findings', () => {
  it('is late from the day after the due date', () => {
    expect(run('open-findings', 'ok', { today: '2026-11-02' }).map((f) => `${at(f)} ${f.message}`)).toEqual([
      'drills/2026-06-18-xishan-fangxun.md:30:10 预案 xishan-fangxun 演练发现的问题“转移安置点标识不清”（责任单位：西山县应急管理局）整改期限 2026-11-01 已过 1 天，仍未完成',
    ])
  })

  it('speaks English', () => {
    expect(run('open-findings', 'not-ok', { locale: 'en' }).map((f) => f.message)).toEqual([
      'Drill finding "县水利局未在30分钟内报告水情" of plan xishan-fangxun (responsible: 西山县水利局) was due on 2026-08-31 and is still open, 2 months late',
      'Drill finding "应急物资台账与实物不符" of plan xishan-fangxun (responsible: 西山县应急管理局) was due on 2026-10-31 and is still open, 1 day late',
      'Drill finding "余震监测信息未及时通报" of plan shi-dizhen (responsible: shi-dizhenju) was due on 2026-10-15 and is still open, 17 days late',
    ])
  })
})

describe('revise-after-drill', () => {
  it('relates each finding to the requires_revision flag in the drill record', () => {
    expect(run('revise-after-drill', 'not-ok').map(withCause)).toEqual([
      'flood.md:22:18 <- drills/2026-06-18-xishan-fangxun.md:25:24',
      'flood.md:22:18 <- drills/2026-06-18-xishan-fangxun.md:39:24',
      'quake.md:21:14 <- drills/2025-09-10-shi-dizhen.md:25:24',
    ])
  })

  it('counts a drill from its date on, and a revision on the drill day as after it', () => {
    // ok/flood.md was reviewed on the drill day itself; ok/quake.md has a record dated 2026-12-01.
    expect(run('revise-after-drill', 'ok', { today: '2026-11-30' })).toEqual([])
    expect(run('revise-after-drill', 'ok', { today: '2026-12-01' }).map(withCause)).toEqual(['quake.md:21:14 <- drills/2026-12-01-shi-dizhen.md:25:24'])
  })

  it('speaks English', () => {
    expect(run('revise-after-drill', 'not-ok', { locale: 'en' }).map((f) => f.message)[2]).toBe(
      'The drill of 2025-09-10 (drills/2025-09-10-shi-dizhen.md) found "预案未写明余震信息通报渠道", which requires revising the plan, but the plan has not been revised since (last review or revision 2025-04-01)',
    )
  })
})
