import { describe, expect, it } from 'vitest'
import { DEFAULT_GRADING, gradeLabel, gradeOf, resolveGrading, scoreDrill, scoreRecord } from '../../scripts/lib/drill/score.ts'
import { formatMinutes, parseDuration, toMinutes } from '../../scripts/lib/drill/duration.ts'
import { schemaDefaults } from '../../scripts/lib/load/schemas.ts'
import type { ChecklistItem } from '../../scripts/lib/drill/types.ts'

const item = (ref: string, points = 1, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({ ref, phase: '阶段', text: ref, points, critical: false, source: 'plan', ...extra })
const items = [item('a', 5, { critical: true, within: 30 }), item('b', 3), item('c', 2), item('d', 10)]

describe('scoreDrill', () => {
  it('met full, partial half, unmet zero, na out of the denominator', () => {
    const r = scoreDrill(items, { a: { rating: 'met', elapsed: 25 }, b: { rating: 'partial' }, c: { rating: 'unmet' }, d: { rating: 'na' } })
    expect(r).toEqual({
      score: 65,
      grade: '合格',
      provisional: false,
      awarded: 6.5,
      applicable: 10,
      total: 4,
      rated: 4,
      unrated: 0,
      criticalFailures: [],
      timedOver: [],
      itemAwards: { a: 5, b: 1.5, c: 0, d: 0 },
    })
  })

  it('counts unrated items as 0 and marks the score provisional', () => {
    const r = scoreDrill(items, { a: { rating: 'met' }, b: { rating: 'met' } })
    expect([r.score, r.grade, r.provisional, r.rated, r.unrated, r.awarded, r.applicable]).toEqual([40, '不合格', true, 2, 2, 8, 20])
    expect(r.itemAwards).toEqual({ a: 5, b: 3, c: null, d: null })
  })

  it('a finalised scoring (定稿) is final with unrated items, which still score nothing', () => {
    const r = scoreDrill(items, { a: { rating: 'met' }, b: { rating: 'met' } }, undefined, { finalized: true })
    expect([r.score, r.grade, r.provisional, r.unrated]).toEqual([40, '不合格', false, 2])
  })

  it('a timed item over its limit counts as unmet, and as a critical failure when critical', () => {
    const r = scoreDrill(items, { a: { rating: 'met', elapsed: 31 }, b: { rating: 'met' }, c: { rating: 'met' }, d: { rating: 'met' } })
    expect([r.score, r.grade, r.timedOver, r.criticalFailures]).toEqual([75, '不合格', ['a'], ['a']])
    // Exactly at the limit is in time.
    expect(scoreDrill(items, { a: { rating: 'met', elapsed: 30 } }).timedOver).toEqual([])
    // Elapsed as written in a record.
    expect(scoreDrill(items, { a: { rating: 'met', elapsed: '0.6h' as unknown as number } }).timedOver).toEqual(['a'])
  })

  it('an unmet critical item fails the grade whatever the score', () => {
    const big = [item('x', 1, { critical: true }), item('y', 99)]
    const r = scoreDrill(big, { x: { rating: 'unmet' }, y: { rating: 'met' } })
    expect([r.score, r.grade, r.criticalFailures]).toEqual([99, '不合格', ['x']])
    expect(scoreDrill(big, { x: { rating: 'partial' }, y: { rating: 'met' } }).grade).toBe('优秀')
  })

  it('direct points are clamped to the item and 0 on a critical item fails it', () => {
    const r = scoreDrill([item('p', 10, { critical: true }), item('q', 10)], { p: { rating: 'points', awarded: 12 }, q: { rating: 'points', awarded: 7.5 } })
    expect([r.score, r.awarded, r.itemAwards]).toEqual([87.5, 17.5, { p: 10, q: 7.5 }])
    expect(scoreDrill([item('p', 10, { critical: true })], { p: { rating: 'points', awarded: 0 } }).criticalFailures).toEqual(['p'])
    expect(scoreDrill([item('p', 10)], { p: { rating: 'points', awarded: null } }).unrated).toBe(1)
  })

  it('HSEEP P/S/M/U use the configured shares', () => {
    const four = [item('p'), item('s'), item('m'), item('u')]
    const r = scoreDrill(four, { p: { rating: 'P' }, s: { rating: 'S' }, m: { rating: 'M' }, u: { rating: 'U' } }, { scale: 'hseep' })
    expect([r.score, r.awarded]).toEqual([56.3, 2.25])
    expect(scoreDrill(four, { p: { rating: 'P' }, s: { rating: 'S' }, m: { rating: 'M' }, u: { rating: 'U' } }, { scale: 'hseep', hseep_shares: { S: 1 } }).score).toBe(62.5)
    expect(scoreDrill([item('u', 1, { critical: true })], { u: { rating: 'U' } }, { scale: 'hseep' }).grade).toBe('不合格')
  })

  it('rounds to one decimal and grades the rounded score', () => {
    const nine = Array.from({ length: 3 }, (_, i) => item(`i${i}`))
    expect(scoreDrill(nine, { i0: { rating: 'met' }, i1: { rating: 'met' }, i2: { rating: 'unmet' } }).score).toBe(66.7)
    const many = Array.from({ length: 2000 }, (_, i) => item(`n${i}`))
    const ratings = Object.fromEntries(many.map((m, i) => [m.ref, { rating: i < 1799 ? ('met' as const) : ('unmet' as const) }]))
    const r = scoreDrill(many, ratings)
    expect([r.score, r.grade]).toEqual([90, '优秀']) // 89.95 → 90.0
  })

  it('no applicable item: no score, no grade', () => {
    expect(scoreDrill([item('a')], { a: { rating: 'na' } })).toMatchObject({ score: null, grade: null, provisional: false, applicable: 0 })
    expect(scoreDrill([], {})).toMatchObject({ score: null, grade: null, total: 0 })
  })

  it('ignores ratings of refs that are not items, and inherited keys', () => {
    const ratings = JSON.parse('{"__proto__": {"rating": "met"}, "zz": {"rating": "met"}}')
    expect(scoreDrill([item('a')], ratings).score).toBe(0)
    expect(scoreDrill([item('toString')], {}).unrated).toBe(1)
  })

  it('custom grade bands and partial share', () => {
    const g = { grades: [{ name: '合格', min: 50 }, { name: '好', min: 75 }] as [{ name: string; min: number }, { name: string; min: number }], partial_share: 0.8, fail_grade: '差' }
    expect(scoreDrill([item('a')], { a: { rating: 'partial' } }, g)).toMatchObject({ score: 80, grade: '好' })
    expect(scoreDrill([item('a'), item('b')], { a: { rating: 'partial' }, b: { rating: 'unmet' } }, g)).toMatchObject({ score: 40, grade: '差' })
  })
})

describe('grading', () => {
  it('DEFAULT_GRADING is the schema default', () => {
    expect((schemaDefaults('library') as { grading: unknown }).grading).toEqual(DEFAULT_GRADING)
  })
  it('gradeOf and gradeLabel', () => {
    const g = resolveGrading(undefined)
    expect([gradeOf(90, g), gradeOf(89.9, g), gradeOf(80, g), gradeOf(60, g), gradeOf(59.9, g)]).toEqual(['优秀', '良好', '良好', '合格', '不合格'])
    expect([gradeLabel('良好', g, 'en'), gradeLabel('不合格', g, 'en'), gradeLabel('良好', g, 'zh-CN'), gradeLabel(null, g, 'en')]).toEqual(['Good', 'Fail', '良好', '—'])
  })
})

describe('scoreRecord', () => {
  it('recomputes from the items, reading within and elapsed as written', () => {
    const r = scoreRecord({
      checklist: [
        { ref: 'a', text: 'A', points: 5, critical: true, within: '30分钟', rating: 'met', awarded: 5, elapsed: '35分钟' },
        { ref: 'b', text: 'B', points: 5, critical: false, rating: 'partial', awarded: 2.5 },
        { ref: 'c', text: 'C', points: 5, critical: false, rating: null, awarded: null },
      ],
    })
    expect([r.score, r.grade, r.provisional, r.unrated, r.timedOver, r.criticalFailures]).toEqual([16.7, '不合格', true, 1, ['a'], ['a']])
  })
})

describe('durations', () => {
  it('parse and format', () => {
    expect(['30分钟', '2小时', '30m', '1h', '90s', '1.5 h', '3天', '2 min', 'x'].map(parseDuration)).toEqual([30, 120, 30, 60, 1.5, 90, 4320, 2, undefined])
    expect([30, 120, 12.5, 741 / 60, 0.5, 1440].map(formatMinutes)).toEqual(['30分钟', '2小时', '12.5分钟', '741秒', '30秒', '24小时'])
    for (const m of [30, 12.5, 741 / 60, 12.6, 0.1]) expect(toMinutes(formatMinutes(m))).toBe(m)
    expect([toMinutes('25'), toMinutes(null), toMinutes(-1), toMinutes('abc')]).toEqual([25, undefined, undefined, undefined])
  })
})
