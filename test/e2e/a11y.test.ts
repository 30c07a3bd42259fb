// Accessibility of the published site in real Chromium: axe-core's WCAG 2.1 A/AA rules on every page type
// and on the drill checklist idle and in use (0 violations), the checked rating under Windows high
// contrast, keyboard focus never hidden under the sticky score bar, and 44 × 44 px touch targets on a tablet.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildSite, E2E_TODAY, hasBrowser, launchBrowser, serve, type Served } from './support.ts'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One page of every type the site publishes (the example library's ids). */
const PAGES: [string, string][] = [
  ['home', ''],
  ['plan list', 'plans/'],
  ['plan page (with task items)', 'plans/shi-fangxun/'],
  ['hierarchy', 'hierarchy/'],
  ['coverage matrix', 'coverage/'],
  ['unit index', 'units/'],
  ['unit page', 'units/shi-shuili/'],
  ['findings', 'findings/'],
  ['rules', 'rules/'],
  ['help: a long document', 'help/cli/'],
  ['help: a rule', 'help/rules/placeholder-text/'],
  ['search', 'search/'],
  ['drill list', 'drills/'],
  ['drill record', 'drills/shi-fangxun-2026-05-12/'],
  ['checklist (idle)', 'plans/shi-fangxun/drill/'],
  ['not found', 'no-such-page/'],
]

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  const result = await page.evaluate(async (tags) => (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG21_AA)
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`)
}

describe.skipIf(!hasBrowser)('accessibility (WCAG 2.1 AA)', () => {
  let browser: Browser
  let server: Served

  beforeAll(async () => {
    const site = await buildSite({ library: 'plans', today: E2E_TODAY })
    server = await serve(site.dir, site.base)
    browser = await launchBrowser()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // axe is injected as an inline script, which the site's CSP forbids: the test context bypasses CSP.
  const open = async (path: string, viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ bypassCSP: true, viewport, serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`${server.url}${path}`)
    return { page, close: () => context.close() }
  }

  test.each(PAGES)('%s: no axe violations', async (_name, path) => {
    const { page, close } = await open(path)
    expect(await axeViolations(page)).toEqual([])
    await close()
  })

  test('checklist in use (every rating kind chosen, a timer running, a finding form open): no axe violations', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/')
    const items = page.locator('li.cl-item')
    const labels = ['达标', '基本达标', '未达标', '不适用', '按分值']
    for (let i = 0; i < labels.length; i++) await items.nth(i).locator('.cl-rating label', { hasText: new RegExp(`^${labels[i]}$`) }).click()
    await page.locator('.cl-start').first().click()
    await items.nth(0).locator('.cl-finding summary').click()
    expect(await axeViolations(page)).toEqual([])
    await close()
  })

  test('forced colours (Windows high contrast): the checked rating differs visibly from the others', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/')
    await page.emulateMedia({ forcedColors: 'active' })
    const item = page.locator('li.cl-item').first()
    await item.locator('.cl-rating label', { hasText: /^达标$/ }).click()
    const look = (label: string) =>
      item.locator('.cl-rating label', { hasText: new RegExp(`^(✓\\s)?${label}$`) }).locator('span').evaluate((span) => {
        const s = getComputedStyle(span)
        return { background: s.backgroundColor, border: s.borderTopWidth, tick: getComputedStyle(span, '::before').content }
      })
    const checked = await look('达标')
    const unchecked = await look('未达标')
    expect(checked.background).not.toBe(unchecked.background)
    expect(checked.border).not.toBe(unchecked.border)
    expect(checked.tick).toContain('✓')
    expect(unchecked.tick).toBe('none')
    await close()
  })

  test('keyboard: moving backwards, the focused control is never under the sticky score bar', async () => {
    // A short viewport (a tablet with the on-screen keyboard up), so that moving back scrolls the page.
    const { page, close } = await open('plans/shi-fangxun/drill/', { width: 820, height: 560 })
    await page.locator('li.cl-item').last().locator('.cl-note').focus()
    let checked = 0
    let scrolled = 0
    let lastY = await page.evaluate(() => scrollY)
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Shift+Tab')
      const state = await page.evaluate(() => {
        const bar = document.getElementById('cl-summary')!.getBoundingClientRect()
        const focused = document.activeElement as HTMLElement
        const box = focused.getBoundingClientRect()
        const inItems = Boolean(focused.closest('.cl-items'))
        return { inItems, top: box.top, barBottom: bar.bottom, barTop: bar.top }
      })
      if (!state.inItems) break
      // The bar sticks to the top of the viewport; the focused control must start below it.
      if (state.barTop <= 1) expect(state.top).toBeGreaterThanOrEqual(state.barBottom - 1)
      checked++
      const y = await page.evaluate(() => scrollY)
      if (y < lastY) scrolled++
      lastY = y
    }
    expect(checked).toBeGreaterThan(30)
    expect(scrolled).toBeGreaterThan(3)
    await close()
  })

  test('touch: every control of the checklist is at least 44 × 44 CSS px on a tablet (820 px)', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/', { width: 820, height: 1180 })
    await page.locator('li.cl-item').first().locator('.cl-finding summary').click()
    const small = await page.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLElement>('.checklist button, .checklist select, .checklist textarea, .checklist input:not([type=radio]):not([type=checkbox]), .checklist summary, .cl-r > span, .checklist label.check')]
      return controls
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ what: `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 12)}”`, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ what, box }) => `${what} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`)
    })
    expect(small).toEqual([])
    await close()
  })

  test('keyboard: after 开始计时 / 停止计时 focus stays on the timer; buttons name their item; the clock is not read aloud', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/')
    const timed = page.locator('li.cl-item', { has: page.locator('.cl-start') }).first()
    const text = (await timed.locator('.cl-label').textContent())!
    expect(await timed.locator('.cl-start').getAttribute('aria-label')).toBe(`开始计时：${text}`)
    await timed.locator('.cl-start').focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('cl-stop')
    expect(await timed.locator('.cl-clock').getAttribute('role')).toBe('timer')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('cl-start')
    // Only a small status speaks: not the sticky bar, not the running clock.
    expect(await page.locator('#cl-summary').getAttribute('aria-live')).toBeNull()
    expect(await page.locator('#cl-summary').getAttribute('role')).toBeNull()
    await close()
  })

  test('screen readers hear the score and grade once, and "saved" once typing pauses', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/')
    const first = page.locator('li.cl-item').first()
    await first.locator('.cl-rating label', { hasText: /^达标$/ }).click()
    await page.locator('#cl-announce').filter({ hasText: /^得分 \d+\.\d，等级 .+$/ }).waitFor()
    await first.locator('.cl-note').pressSequentially('现场报告及时')
    // While typing, the saved status is not rewritten on each key.
    const changes = await page.evaluate(async () => {
      const status = document.getElementById('cl-saved')!
      let n = 0
      new MutationObserver(() => n++).observe(status, { childList: true, characterData: true, subtree: true })
      const note = document.querySelector<HTMLTextAreaElement>('.cl-note')!
      for (const ch of '，书面报告也及时') {
        note.value += ch
        note.dispatchEvent(new Event('input', { bubbles: true }))
        await new Promise((r) => setTimeout(r, 60))
      }
      await new Promise((r) => setTimeout(r, 1500))
      return n
    })
    expect(changes).toBe(1)
    await close()
  })

  test('touch: clearing a rating sits apart from the ratings and can be undone', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/', { width: 820, height: 1180 })
    const first = page.locator('li.cl-item').first()
    expect(await first.locator('.cl-clear').isVisible()).toBe(false)
    await first.locator('.cl-rating label', { hasText: /^基本达标$/ }).click()
    const clear = first.locator('.cl-clear')
    const points = first.locator('.cl-rating label', { hasText: /^按分值$/ })
    const gap = (await clear.boundingBox())!.x - ((await points.boundingBox())!.x + (await points.boundingBox())!.width)
    expect(gap).toBeGreaterThan(40)
    await clear.click()
    expect(await first.locator('input[type=radio]:checked').count()).toBe(0)
    await first.locator('.cl-undo').click()
    expect(await first.locator('input[value=partial]').isChecked()).toBe(true)
    expect(await first.locator('.cl-undo').isVisible()).toBe(false)
    await close()
  })

  test('the checklist page stays light: finding forms are built on demand', async () => {
    const { page, close } = await open('plans/shi-fangxun/drill/')
    const items = await page.locator('li.cl-item').count()
    const elements = await page.evaluate(() => document.querySelectorAll('*').length)
    expect(await page.locator('li.cl-item select').count()).toBe(0)
    // With a full form in every item the page had about 90 more elements per item.
    expect(elements).toBeLessThan(items * 40)
    const first = page.locator('li.cl-item').first()
    await first.locator('.cl-finding summary').click()
    expect(await first.locator('.cl-finding [name=text]').inputValue()).toBe((await first.locator('.cl-label').textContent())!)
    await close()
  })

  test('keyboard: few Tab stops per checklist item, and no layout shift while the page draws', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 820, height: 1180 }, serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.addInitScript(() => {
      ;(window as unknown as { cls: number }).cls = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`${server.url}plans/shi-fangxun/drill/`)
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.01)
    const items = await page.locator('li.cl-item').count()
    await page.locator('li.cl-item').first().locator('input[type=radio]').first().focus()
    let stops = 0
    for (; stops < items * 8; stops++) {
      const inItems = await page.evaluate(() => Boolean(document.activeElement?.closest('.cl-items')))
      if (!inItems) break
      await page.keyboard.press('Tab')
    }
    // A radio group, the note and "记为问题" per item, plus the timer's two controls where there is one.
    expect(stops).toBeLessThanOrEqual(items * 3 + 2 * (await page.locator('li.cl-item .cl-start').count()))
    await context.close()
  })
})

