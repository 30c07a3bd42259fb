import { describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { buildSiteModel } from '../../scripts/lib/site/model.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'

const LIB = fileURLToPath(new URL('../e2e/fixtures/site-lib/', import.meta.url))
const options = { base: '/yuan/', today: '2026-11-23', locale: 'zh-CN' as const }

describe('site model', () => {
  const library = loadLibrary(LIB)
  const { findings } = lint(library, { today: options.today, locale: 'zh-CN' })
  const place = { line: 1, column: 1, endLine: 1, endColumn: 2 }

  test('internal build: every plan with a valid id, children and unit duties', () => {
    const m = buildSiteModel(library, findings, new Map(), { ...options, public: false })
    expect(m.plans.map((p) => p.id).sort()).toEqual(['huayu-tank-onsite', 'shili-epidemic', 'shili-flood', 'shili-hazmat', 'shili-overall', 'xs-fangxun-nb', 'xs-zongti-nb'])
    expect(m.children.get('shili-overall')!.map((p) => p.id).sort()).toEqual(['shili-epidemic', 'shili-flood', 'shili-hazmat', 'xs-zongti-nb'])
    expect(m.unitDuties.get('shi-yingji')!.map((d) => [d.plan.id, d.role, d.duties.length])).toEqual([
      ['shili-flood', 'member', 1],
      ['shili-hazmat', 'lead', 1],
      ['shili-overall', 'lead', 2],
    ])
    expect(m.drillsByPlan.get('shili-flood')!.map((d) => d.score)).toEqual([75, 100])
    expect(m.planById.get('xs-zongti-nb')!.contacts).toEqual([{ unit: 'xishan-yingji', role: '县应急局值班室', phone: '0791-88886666' }])
  })

  test('a drill with unrated items is provisional everywhere, unless the evaluator finalised it (定稿)', () => {
    const provisional = () => buildSiteModel(library, findings, new Map(), { ...options, public: false }).drills.find((d) => d.id === 'drill-2026-shili-hazmat')!
    expect([provisional().provisional, provisional().unrated]).toEqual([true, 2])
    const record = library.drills.find((d) => (d.data as { id?: string }).id === 'drill-2026-shili-hazmat')!
    const data = record.data as unknown as Record<string, unknown>
    const saved = { ...data }
    Object.assign(data, { finalized: true, provisional: false })
    try {
      expect([provisional().provisional, provisional().unrated]).toEqual([false, 2])
    } finally {
      delete data.finalized
      Object.assign(data, saved)
    }
  })

  test('public build: only public plans, no contacts, no finding or history that names a left-out plan', () => {
    const extra: Finding[] = [
      { ruleId: 'stale-parent', severity: 'warn', message: '上位预案“西山县突发事件总体应急预案（内部稿）”已修订', file: 'city/flood.md', place },
      { ruleId: 'copied-from-parent', severity: 'warn', message: '与上位预案雷同', file: 'city/flood.md', place, cause: { file: 'xishan/overall.md', place } },
      { ruleId: 'placeholder-text', severity: 'warn', message: '占位符“待定”', file: 'city/epidemic.md', place },
    ]
    const history = new Map([
      ['city/flood.md', [{ hash: 'a'.repeat(40), author: '张三', date: '2026-01-01', subject: '同步 xs-fangxun-nb 的修订' }, { hash: 'b'.repeat(40), author: '张三', date: '2025-01-01', subject: '新增' }]],
      ['xishan/flood.md', [{ hash: 'c'.repeat(40), author: '李四', date: '2026-01-01', subject: '修订' }]],
    ])
    const m = buildSiteModel(library, [...findings, ...extra], history, { ...options, public: true })
    expect(m.plans.map((p) => p.id).sort()).toEqual(['shili-epidemic', 'shili-flood', 'shili-hazmat', 'shili-overall'])
    expect(m.library.plans.map((p) => p.data.id).sort()).toEqual(['shili-epidemic', 'shili-flood', 'shili-hazmat', 'shili-overall'])
    expect(m.library.plans.every((p) => p.data.contacts === undefined)).toBe(true)
    expect(m.drills.map((d) => d.id)).toEqual(['drill-2025-shili-flood', 'drill-2026-shili-flood', 'drill-2026-shili-hazmat'])
    expect(m.findings.some((f) => f.message.includes('内部稿') || f.cause?.file === 'xishan/overall.md')).toBe(false)
    expect(m.findings.some((f) => f.message === '占位符“待定”')).toBe(true)
    expect(m.findings.every((f) => !f.file.startsWith('xishan/'))).toBe(true)
    expect([...m.history.keys()]).toEqual(['city/flood.md'])
    expect(m.history.get('city/flood.md')!.map((r) => r.subject)).toEqual(['', '新增'])
    expect(m.unitIds).not.toContain('xishan-shuili')
    expect(m.unreadable).toEqual([])
  })
})
