// A library written by an attacker: script tags, event handlers, javascript:/data: links, SVG, entities,
// link tricks and hostile frontmatter values. Every page of its site is opened; nothing may execute,
// and nothing may be requested from outside the site.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { buildSite, hasBrowser, launchBrowser, offsite, serve, siteFiles, watchedPage, type BuiltSite, type Served, type Watched } from './support.ts'

describe.skipIf(!hasBrowser)('hostile plan content executes nothing', () => {
  let browser: Browser
  let server: Served
  let site: BuiltSite
  let w: Watched

  beforeAll(async () => {
    site = await buildSite({ library: 'test/e2e/fixtures/xss-lib' })
    server = await serve(site.dir, site.base)
    browser = await launchBrowser()
    w = await watchedPage(browser)
    // A trap: any payload that runs sets window.__xss (or opens a dialog).
    await w.context.addInitScript(() => {
      let fired: unknown
      Object.defineProperty(window, '__xss', { get: () => fired, set: (v) => (fired = v), configurable: false })
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('every page of the build, as the browser parses it, holds no active content from the library', async () => {
    const { page } = w
    const pages = siteFiles(site.dir).map(([p]) => p).filter((p) => p.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(10)
    for (const path of pages) {
      await page.goto(`${server.url}${path.replace(/index\.html$/, '')}`)
      const bad = await page.evaluate(() => {
        const out: string[] = []
        for (const s of document.querySelectorAll('script')) {
          const own = s.type === 'module' && /\/yuan\/_astro\/[^/]+\.js$/.test(s.src)
          const data = s.type === 'application/json' && !s.src
          if (!own && !data) out.push(`script ${s.outerHTML.slice(0, 80)}`)
        }
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) out.push(`${el.tagName} ${a.name}`)
            if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) out.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`)
            if (/^(href|src|action)$/i.test(a.name) && /^\s*(https?:)?\/\//i.test(a.value) && !a.value.startsWith(location.origin) && el.tagName !== 'A') out.push(`${el.tagName} ${a.name}=${a.value}`)
          }
          if (/^(IMG|IFRAME|FRAME|OBJECT|EMBED|STYLE|BASE|FORM|INPUT|VIDEO|AUDIO)$/.test(el.tagName) && el.closest('#text, .plan-text')) out.push(`${el.tagName} in plan text`)
        }
        for (const l of document.querySelectorAll('link')) if (!['icon', 'stylesheet', 'manifest'].includes(l.rel) || !l.href.startsWith(location.origin)) out.push(`link ${l.rel} ${l.href}`)
        return out
      })
      expect(bad, path).toEqual([])
    }
  })

  test('no page runs a payload, opens a dialog or requests anything outside the site', async () => {
    const { page } = w
    const paths = ['', 'plans/', 'plans/hostile-plan/', 'hierarchy/', 'coverage/', 'units/', 'units/shi-zhengfu/', 'units/shi-yingji/', 'findings/', 'rules/', 'search/?q=恶意']
    for (const path of paths) {
      await page.goto(`${server.url}${path}`)
      await page.waitForLoadState('networkidle')
      // Hover and click what a reader would touch: every link with a payload-looking text, the table cells.
      for (const el of await page.locator('#text a, #text td, #text th, #text summary').all()) await el.hover().catch(() => {})
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined()
    }
    // The plan page shows the payloads as text.
    await page.goto(`${server.url}plans/hostile-plan/`)
    expect(await page.locator('.plan-head h1').textContent()).toBe("恶意预案</title><script>window.__xss='title'</script>")
    expect(await page.locator('#text').textContent()).toContain("<img src=\"x\" onerror=\"window.__xss='img-onerror'\">")
    expect(await page.locator('#text a[href^="javascript"], #text a[href^="data"], #text a[href^="vbscript"]').count()).toBe(0)
    expect(await page.locator('#text a[href="https://example.com/ok"]').getAttribute('rel')).toBe('noopener noreferrer nofollow')
    expect(await page.locator('#text a[href="#1-总则"]').count()).toBe(1)
    expect(w.dialogs).toEqual([])
    expect(w.pageErrors).toEqual([])
    expect(offsite(w.requests, server.origin)).toEqual([])
  })
})
