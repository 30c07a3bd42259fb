// Which pages a change re-renders (scripts/lib/site/page-reuse.ts): the keys of the pages that show what
// changed, and no other keys, change.
import { describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { buildSiteModel, type SiteModel } from '../../scripts/lib/site/model.ts'
import { pageKeys, searchShardCount, searchShardOf } from '../../scripts/lib/site/page-reuse.ts'
import type { Library } from '../../scripts/lib/model/library.ts'

const LIB = fileURLToPath(new URL('../e2e/fixtures/site-lib/', import.meta.url))
const options = { base: '/yuan/', today: '2026-11-23', locale: 'zh-CN' as const, public: false }

function model(change: (library: Library) => void = () => {}): SiteModel {
  const library = loadLibrary(LIB)
  change(library)
  const { findings } = lint(library, { today: options.today, locale: 'zh-CN' })
  return buildSiteModel(library, findings, new Map(), options)
}

/** A plan's text as if the file said this (a plan's text is a read-only accessor: shadow it). */
function setText(plan: object, text: string): void {
  Object.defineProperty(plan, 'text', { value: text, configurable: true, enumerable: true })
}

/** The routes whose key differs between two models. */
function changed(a: SiteModel, b: SiteModel): string[] {
  const before = pageKeys(a, 'code')
  const after = pageKeys(b, 'code')
  return [...new Set([...before.keys(), ...after.keys()])].filter((r) => before.get(r) !== after.get(r)).sort()
}

const base = model()
const all = [...pageKeys(base, 'code').keys()]

describe('page keys', () => {
  test('every plan has its page and its checklist page, every drill record and unit its page', () => {
    expect(all).toContain('plans/shili-flood/')
    expect(all).toContain('plans/shili-flood/drill/')
    expect(all).toContain('units/shi-yingji/')
    expect(all.some((r) => r.startsWith('drills/'))).toBe(true)
  })

  test('the same library gives the same keys; other code gives other keys', () => {
    expect(changed(base, model())).toEqual([])
    const other = pageKeys(base, 'other code')
    expect(all.filter((r) => other.get(r) === pageKeys(base, 'code').get(r))).toEqual([])
  })

  test('an edit to a plan\'s body changes its two pages only', () => {
    const m = model((lib) => {
      const plan = lib.planById.get('shili-hazmat')!
      setText(plan, `${plan.text}\n补充说明。\n`)
    })
    expect(changed(base, m)).toEqual(['plans/shili-hazmat/', 'plans/shili-hazmat/drill/'])
  })

  test('a finding that appears on another plan changes that plan\'s pages too', () => {
    const m = model()
    const flood = m.plans.find((p) => p.id === 'shili-flood')!
    m.findingsByPlan.set('shili-flood', [...(m.findingsByPlan.get('shili-flood') ?? []), { ...m.findings[0], file: flood.path, message: '新问题' }])
    expect(changed(base, m)).toEqual(['plans/shili-flood/', 'plans/shili-flood/drill/'])
  })

  test('a change to a frontmatter, the registry or the settings changes every page', () => {
    const title = model((lib) => {
      const plan = lib.planById.get('shili-overall')!
      setText(plan, plan.text.replace(/^title: .*$/m, 'title: 改过的标题'))
    })
    expect(changed(base, title)).toEqual(all.sort())
    const units = model((lib) => {
      lib.unitsFile = { ...lib.unitsFile!, text: `${lib.unitsFile!.text}\n# 注释\n` }
    })
    expect(changed(base, units)).toEqual(all.sort())
    const today = buildSiteModel(loadLibrary(LIB), lint(loadLibrary(LIB), { today: options.today, locale: 'zh-CN' }).findings, new Map(), { ...options, today: '2027-01-01' })
    expect(changed(base, today)).toEqual(all.sort())
  })

  test('search shards: 1,000 pages per index by default, a page\'s shard fixed by its route', () => {
    expect([searchShardCount(1), searchShardCount(1000), searchShardCount(1001), searchShardCount(11_000)]).toEqual([1, 1, 2, 11])
    expect(searchShardOf('plans/a/', 1)).toBe(0)
    const shards = new Set(Array.from({ length: 200 }, (_, i) => searchShardOf(`plans/p${i}/`, 4)))
    expect([...shards].sort()).toEqual([0, 1, 2, 3])
    expect(searchShardOf('plans/p7/', 4)).toBe(searchShardOf('plans/p7/', 4))
  })
})
