// A large library's plan and unit pages are split into several search indexes (scripts/lib/site/page-reuse.ts)
// that the search page merges: a search finds the pages of every index, ranked together. Forced here on the
// small fixture library with SEARCH_INDEX_PAGES.
import { beforeAll, describe, expect, test } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { hasBrowser, offsite, siteUnderTest } from './support.ts'
import { searchShardOf } from '../../scripts/lib/site/page-reuse.ts'

describe.skipIf(!hasBrowser)('search over several indexes (fixture library, 8 pages per index)', () => {
  const t = siteUnderTest({ library: 'test/e2e/fixtures/site-lib', env: { SEARCH_INDEX_PAGES: '8' } })
  let shards = 0
  beforeAll(() => {
    while (existsSync(join(t.site.dir, shards === 0 ? 'pagefind' : `pagefind-${shards}`))) shards++
  })

  const search = async (q: string) => {
    const { page } = t.w
    await page.goto(`${t.server.url}search/?q=${encodeURIComponent(q)}`)
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0 || /没有|不可用/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 })
    return page.locator('[data-search-results] li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))
  }

  test('the pages are split into several indexes', () => {
    expect(shards).toBeGreaterThan(2)
  })

  test('a search finds plans and units of every index it concerns, as with one index', async () => {
    const flood = await search('防汛')
    expect(flood).toContain('/yuan/plans/shili-flood/')
    expect(flood).toContain('/yuan/plans/xs-fangxun-nb/')
    expect(flood).not.toContain('/yuan/plans/shili-epidemic/')
    const unit = await search('消防救援支队')
    expect(unit).toContain('/yuan/plans/shili-hazmat/')
    expect(unit).not.toContain('/yuan/plans/shili-epidemic/')
    const found = [...flood, ...unit].map((href) => searchShardOf(href!.replace('/yuan/', ''), shards))
    expect(new Set(found).size).toBeGreaterThan(1)
    expect(await t.w.page.locator('[data-search-results] mark').count()).toBeGreaterThan(0)
    expect(offsite(t.w.requests, t.server.origin)).toEqual([])
    expect(t.w.consoleErrors).toEqual([])
  })
})
