// The built site in real Chromium, served under /yuan/: navigation, filters, Chinese search, coverage,
// unit pages, the help section, and no request leaving 127.0.0.1.
import { describe, expect, test } from 'vitest'
import { hasBrowser, offsite, siteUnderTest, watchedPage } from './support.ts'

describe.skipIf(!hasBrowser)('site (fixture library, base /yuan/)', () => {
  const t = siteUnderTest({ library: 'test/e2e/fixtures/site-lib' })

  test('home → hierarchy → a plan → its parent', async () => {
    const { page } = t.w
    await page.goto(t.server.url)
    expect(await page.locator('h1').textContent()).toBe('测试市应急预案库')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await page.getByRole('link', { name: '预案体系' }).click()
    await page.waitForURL(`${t.server.url}hierarchy/`)
    await page.locator('.tree').getByRole('link', { name: '示例市防汛抗旱应急预案' }).first().click()
    await page.waitForURL(`${t.server.url}plans/shili-flood/`)
    expect(await page.locator('.plan-head h1').textContent()).toBe('示例市防汛抗旱应急预案')
    // Rendered text with heading anchors as github-slugger makes them, and a table of contents.
    expect(await page.locator('#text h2[id="3-监测预警"]').count()).toBe(1)
    expect(await page.locator('.toc a[href="#3-监测预警"]').count()).toBe(1)
    // Units with duties, response levels, drill history with the score trend, the checklist link.
    expect(await page.locator('#units').textContent()).toContain('负责水情监测和洪水预报')
    expect(await page.locator('#levels').textContent()).toContain('主要河道超警戒水位')
    expect(await page.locator('#drills svg.trend circle').count()).toBe(2)
    expect(await page.locator('a[href="/yuan/plans/shili-flood/drill/"]').count()).toBeGreaterThan(0)
    await page.locator('#links').getByRole('link', { name: '示例市突发事件总体应急预案' }).click()
    await page.waitForURL(`${t.server.url}plans/shili-overall/`)
    expect(await page.locator('#links').textContent()).toContain('示例市危险化学品事故应急预案')
    // plan: links in the text go to plan pages under the base path, with their anchor.
    expect(await page.locator('#text a[href^="/yuan/plans/shili-hazmat/#3-"]').count()).toBe(1)
  })

  test('the plan list filters without a t.server, and keeps the filter in the address', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}plans/`)
    const visible = () => page.locator('#plan-table tbody tr:not([hidden]) a[data-title]').allTextContents()
    expect((await visible()).length).toBe(7)
    await page.selectOption('select[name=type]', 'special')
    expect((await visible()).sort()).toEqual(['示例市危险化学品事故应急预案', '示例市突发公共卫生事件应急预案', '示例市防汛抗旱应急预案', '西山县防汛应急预案'].sort())
    await page.selectOption('select[name=hazard]', 'flood')
    expect((await visible()).sort()).toEqual(['示例市防汛抗旱应急预案', '西山县防汛应急预案'].sort())
    await page.selectOption('select[name=jurisdiction]', 'xishan-xian')
    expect(await visible()).toEqual(['西山县防汛应急预案'])
    expect(page.url()).toBe(`${t.server.url}plans/?type=special&hazard=flood&jurisdiction=xishan-xian`)
    expect(await page.locator('[data-shown]').textContent()).toBe('1')
    await page.click('button[type=reset]')
    await page.waitForFunction(() => document.querySelectorAll('#plan-table tbody tr:not([hidden])').length === 7)
    // A unit filter, and a status filter opened from a link.
    await page.goto(`${t.server.url}plans/?unit=shi-xiaofang`)
    expect(await visible()).toEqual(['示例市危险化学品事故应急预案'])
    await page.goto(`${t.server.url}plans/?status=draft`)
    expect(await visible()).toEqual(['示例市突发公共卫生事件应急预案'])
  })

  test('search understands Chinese: 防汛, 危险化学品 and a unit name find the right plans', async () => {
    const { page } = t.w
    const search = async (q: string) => {
      await page.goto(`${t.server.url}search/?q=${encodeURIComponent(q)}`)
      await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0 || /没有|不可用/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 })
      return page.locator('[data-search-results] li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))
    }
    const flood = await search('防汛')
    expect(flood).toContain('/yuan/plans/shili-flood/')
    expect(flood).toContain('/yuan/plans/xs-fangxun-nb/')
    expect(flood).not.toContain('/yuan/plans/shili-epidemic/')
    const hazmat = await search('危险化学品')
    expect(hazmat[0]).toBe('/yuan/plans/shili-hazmat/')
    expect(hazmat).not.toContain('/yuan/plans/shili-flood/')
    const unit = await search('消防救援支队')
    expect(unit).toContain('/yuan/plans/shili-hazmat/')
    expect(unit).not.toContain('/yuan/plans/shili-epidemic/')
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0)
  })

  test('帮助: the header leads to docs/ as pages, the rules page to each rule’s help page, and search finds them', async () => {
    const { page } = t.w
    await page.goto(t.server.url)
    await page.locator('.site-header').getByRole('link', { name: '帮助', exact: true }).click()
    await page.waitForURL(`${t.server.url}help/`)
    expect(await page.locator('main h1').textContent()).toBe('帮助 · Help')
    await page.locator('main').getByRole('link', { name: '检查规则 Rules', exact: true }).click()
    await page.waitForURL(`${t.server.url}help/rules/`)
    await page.locator('main').getByRole('link', { name: 'placeholder-text', exact: true }).click()
    await page.waitForURL(`${t.server.url}help/rules/placeholder-text/`)
    expect(await page.locator('main h1').textContent()).toBe('占位文字未填 Placeholder text · placeholder-text')
    expect(await page.locator('main pre', { hasText: '本预案自XX年起施行' }).count()).toBe(1)
    // Links between documents stay on the site: the family link opens the rule index at its heading.
    await page.locator('main').getByRole('link', { name: '形式 Form', exact: true }).click()
    await page.waitForURL(/\/yuan\/help\/rules\/#/)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#形式-form')
    expect(await page.locator('main h2[id="形式-form"]').count()).toBe(1)
    // The site's rules page links every rule to its page in the help section.
    await page.goto(`${t.server.url}rules/`)
    await page.locator('#rule-dissolved-unit').getByRole('link', { name: '完整说明' }).click()
    await page.waitForURL(`${t.server.url}help/rules/dissolved-unit/`)
    await page.goto(`${t.server.url}search/?q=${encodeURIComponent('退出码')}`)
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0 || /没有|不可用/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 })
    const found = await page.locator('[data-search-results] li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))
    expect(found).toContain('/yuan/help/cli/')
  })

  test('a coverage cell leads to the plan, a gap to the coverage-gap rule', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}coverage/`)
    const cell = page.locator('td[data-jurisdiction=shili-shi][data-hazard=flood]')
    expect(await cell.getAttribute('data-state')).toBe('active')
    await cell.locator('a').click()
    await page.waitForURL(`${t.server.url}plans/shili-flood/`)
    await page.goto(`${t.server.url}coverage/`)
    const gap = page.locator('td[data-jurisdiction=shili-shi][data-hazard=earthquake]')
    expect(await gap.getAttribute('data-state')).toBe('missing')
    expect(await page.locator('td[data-jurisdiction=shili-shi][data-hazard=epidemic]').getAttribute('data-state')).toBe('draft')
    expect(await page.locator('td[data-jurisdiction=xishan-xian][data-hazard=hazmat]').getAttribute('data-state')).toBe('missing')
    await gap.locator('a').click()
    await page.waitForURL(`${t.server.url}rules/#rule-coverage-gap`)
    expect(await page.locator('#rule-coverage-gap h2').textContent()).toContain('coverage-gap')
  })

  test('a unit page lists its duties across the library and the plans it leads', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}plans/shili-flood/`)
    await page.locator('#units').getByRole('link', { name: '示例市应急管理局' }).click()
    await page.waitForURL(`${t.server.url}units/shi-yingji/`)
    const duties = await page.locator('#duties tbody tr').allTextContents()
    expect(duties.length).toBe(3)
    expect(duties.join()).toContain('组织协调防汛抢险救援')
    expect(duties.join()).toContain('牵头组织危险化学品事故应急处置')
    // It leads the hazmat plan (lead_unit) and is the lead unit of the overall plan's unit list.
    expect((await page.locator('#leads a').allTextContents()).sort()).toEqual(['示例市危险化学品事故应急预案', '示例市突发事件总体应急预案'].sort())
  })

  test('findings page: filterable, each finding links to its plan and line', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}findings/?rule=placeholder-text`)
    const rows = page.locator('#finding-table tbody tr:not([hidden])')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('待定')
    // The place is shown as 第 N 行 (not line:column) and links to that line of the rendered plan.
    const at = rows.first().locator('a.loc')
    expect(await at.textContent()).toMatch(/^第 \d+ 行$/)
    await at.click()
    await page.waitForURL(/\/yuan\/plans\/shili-epidemic\/#L\d+$/)
    const id = new URL(page.url()).hash.slice(1)
    expect(await page.locator(`[id="${id}"]`).textContent()).toContain('待定')
  })

  test('an unreadable plan file is listed on the findings page with its encoding finding', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}findings/?rule=encoding`)
    expect(await page.locator('#unreadable li').allTextContents()).toEqual(['city/old-gbk.md'])
    expect(await page.locator('#finding-table tbody tr:not([hidden])').allTextContents()).toEqual([expect.stringContaining('文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8')])
  })

  test('on a tablet no page is wider than the screen', async () => {
    const tablet = await watchedPage(t.browser, { viewport: { width: 768, height: 1024 } })
    for (const path of ['', 'plans/', 'plans/shili-flood/', 'hierarchy/', 'coverage/', 'units/shi-yingji/', 'findings/', 'drills/drill-2025-shili-flood/', 'rules/', 'help/', 'help/cli/', 'help/rules/placeholder-text/', 'search/']) {
      await tablet.page.goto(`${t.server.url}${path}`)
      const [scroll, width] = await tablet.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
      expect(scroll, path).toBeLessThanOrEqual(width)
    }
    // The plan's overview comes before its text on a narrow screen.
    await tablet.page.goto(`${t.server.url}plans/shili-flood/`)
    const [meta, text] = await Promise.all(['#meta', '#text'].map((sel) => tablet.page.locator(sel).evaluate((el) => el.getBoundingClientRect().top)))
    expect(meta).toBeLessThan(text)
    await tablet.context.close()
  })

  test('a plan prints as the plan: no navigation, findings, drills or history; overview first', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}plans/shili-flood/`)
    await page.emulateMedia({ media: 'print' })
    const shown = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).display !== 'none')
    for (const hidden of ['.site-header', '.site-footer', '#findings', '#drills', '#history', '.toc', '.crumbs']) expect(await shown(hidden), hidden).toBe(false)
    for (const kept of ['#text', '.plan-side .meta', '#units', '#levels']) expect(await shown(kept), kept).toBe(true)
    const [meta, text] = await Promise.all(['.plan-side .meta', '#text'].map((sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top)))
    expect(meta).toBeLessThan(text)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await page.emulateMedia({ media: 'screen' })
  })

  test('drill record page', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}drills/drill-2025-shili-flood/`)
    expect(await page.locator('body').textContent()).toContain('预警发布渠道单一')
    expect(await page.locator('.meta').textContent()).toContain('75')
  })

  test('no request left 127.0.0.1, no script error on any page visited', async () => {
    const { page } = t.w
    for (const path of ['', 'plans/', 'plans/shili-hazmat/', 'hierarchy/', 'coverage/', 'units/', 'units/shi-shuili/', 'findings/', 'drills/', 'rules/', 'help/', 'help/rules/dissolved-unit/', 'search/?q=防汛']) {
      await page.goto(`${t.server.url}${path}`)
      await page.waitForLoadState('networkidle')
    }
    expect(t.w.requests.length).toBeGreaterThan(20)
    expect(offsite(t.w.requests, t.server.origin)).toEqual([])
    expect(t.w.pageErrors).toEqual([])
    expect(t.w.consoleErrors.filter((e) => !/404/.test(e))).toEqual([])
  })
})
