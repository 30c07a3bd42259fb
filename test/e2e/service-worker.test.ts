// The service worker across two builds of one site, served under the same base at the same origin (as an
// office republishes its library): the cache is named after the build, the new build's worker deletes the
// old build's cache on activate, and the number of entries stays within the cap. Checked in Chromium
// through the Cache API itself (caches.keys(), cache.keys()).
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FIXTURES, buildSite, hasBrowser, launchBrowser, serve, type BuiltSite, type Served } from './support.ts'

const CAP = 4

/** The cache name sw.js of a build uses. */
const cacheName = (site: BuiltSite) => `yuanku-site-${/const BUILD = '([0-9a-f]{16})'/.exec(readFileSync(join(site.dir, 'sw.js'), 'utf8'))![1]}`

const cacheState = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys()
    const counts = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).length))
    return names.map((n, i) => ({ name: n, entries: counts[i] }))
  })

/**
 * The caches once the worker has trimmed: it trims right after each put, so a page load can be caught between
 * the two (one entry over the cap for a moment). Waits up to 10 s; a cache that stays over the cap fails below.
 */
const settledState = async (page: Page) => {
  await page
    .waitForFunction(
      async (cap) => {
        const names = await caches.keys()
        const counts = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).length))
        return counts.every((c) => c <= cap)
      },
      CAP,
      { polling: 100, timeout: 10_000 },
    )
    .catch(() => undefined)
  return cacheState(page)
}

describe.skipIf(!hasBrowser)('service worker across two builds', { timeout: 600_000 }, () => {
  let a: BuiltSite
  let b: BuiltSite
  let server: Served
  let browser: Browser
  const live = join(tmpdir(), `yuanku-e2e-sw-live-${process.pid}`)

  beforeAll(async () => {
    // Build B: the same library with one sentence changed (a new build, as after any edit).
    const libB = join(tmpdir(), 'yuanku-e2e-sw-lib-b')
    rmSync(libB, { recursive: true, force: true })
    cpSync(join(FIXTURES, 'checklist-lib'), libB, { recursive: true })
    writeFileSync(join(libB, 'quake.md'), `${readFileSync(join(libB, 'quake.md'), 'utf8')}\n本预案自印发之日起施行。\n`)
    const env = { SW_MAX_ENTRIES: String(CAP) }
    a = await buildSite({ library: 'test/e2e/fixtures/checklist-lib', env })
    b = await buildSite({ library: libB, env })
    mkdirSync(join(live, '..'), { recursive: true })
    symlinkSync(a.dir, live)
    server = await serve(live, a.base)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(live, { force: true })
  })

  test('each build has its own cache name', () => {
    expect(cacheName(a)).not.toBe(cacheName(b))
    expect(readFileSync(join(a.dir, 'sw.js'), 'utf8')).toContain(`const MAX_ENTRIES = Number('${CAP}')`)
  })

  test('the second build replaces the first build\'s cache, and neither grows past the cap', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' })
    try {
      const page = await context.newPage()
      await page.goto(`${server.url}plans/shili-quake/drill/`)
      await page.locator('html[data-offline=ready]').waitFor()
      // More same-origin resources than the cap were loaded and posted to the worker.
      expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.startsWith(location.origin)).length + 1)).toBeGreaterThan(CAP)
      const first = await settledState(page)
      expect(first.map((c) => c.name)).toEqual([cacheName(a)])
      expect(first[0].entries).toBeGreaterThan(0)
      expect(first[0].entries).toBeLessThanOrEqual(CAP)

      // Republish: the same URL now serves build B.
      unlinkSync(live)
      symlinkSync(b.dir, live)
      await page.reload()
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      await page.waitForFunction((name) => caches.keys().then((k) => k.length === 1 && k[0] === name), cacheName(b), { timeout: 0, polling: 100 })
      await page.reload()
      const second = await settledState(page)
      expect(second.map((c) => c.name)).toEqual([cacheName(b)])
      expect(second[0].entries).toBeGreaterThan(0)
      expect(second[0].entries).toBeLessThanOrEqual(CAP)
      expect(await page.locator('.cl-head h1').textContent()).toBe('示例市地震应急预案演练评估表')
    } finally {
      await context.close()
    }
  })
})
