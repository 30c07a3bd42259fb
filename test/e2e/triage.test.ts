// What an office reader sees first (issue 11): the most serious findings first with a summary, rules by
// their Chinese names, provisional drill grades marked 暂定, on the built fixture site in Chromium.
import { describe, expect, test } from 'vitest'
import { hasBrowser, siteUnderTest } from './support.ts'

describe.skipIf(!hasBrowser)('triage, Chinese labels and provisional grades (fixture library, base /yuan/)', () => {
  const t = siteUnderTest({ library: 'test/e2e/fixtures/site-lib' })

  test('the findings page opens with a summary and lists errors first, the overall plan before the special ones', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}findings/`)
    expect(await page.locator('[data-findings-summary]').textContent()).toMatch(/^\d+ 个错误，涉及 \d+ 份预案(和 \d+ 个其他文件)?；\d+ 个警告，涉及 \d+ 份预案/)
    const severities = await page.locator('#finding-table tbody tr td:first-child').allTextContents()
    const firstWarning = severities.indexOf('警告')
    expect(firstWarning).toBeGreaterThan(0)
    expect(severities.slice(firstWarning)).not.toContain('错误')
    // Among the errors, plans come by weight: no overall plan after a special plan.
    const plans = await page.locator('#finding-table tbody tr').evaluateAll((rows) =>
      rows.filter((r) => r.querySelector('.sev-error')).map((r) => r.querySelector('td:nth-child(3) a')?.textContent ?? ''),
    )
    const firstSpecial = plans.findIndex((t) => !t.includes('总体'))
    if (firstSpecial >= 0) expect(plans.slice(firstSpecial).some((t) => t.includes('总体'))).toBe(false)
  })

  test('rules are labelled by their Chinese names, the id in small type; the filters are 规则类别 and 规则', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}findings/`)
    const labels = await page.locator('form.filters label').evaluateAll((ls) => ls.map((l) => l.firstChild?.textContent?.trim()))
    expect(labels).toEqual(['级别', '规则类别', '规则', '说明'])
    const options = await page.locator('select[name=rule] option').allTextContents()
    expect(options).toContain('占位文字未填')
    expect(options.some((o) => /^[a-z-]+$/.test(o))).toBe(false)
    const row = page.locator('#finding-table tbody tr[data-rule=placeholder-text]').first()
    expect(await row.locator('.rule-cell a').textContent()).toBe('占位文字未填')
    expect(await row.locator('.rule-cell .rule-id').textContent()).toBe('placeholder-text')
    // Filtering by the rule still works from the address.
    await page.goto(`${t.server.url}findings/?rule=placeholder-text`)
    expect(await page.locator('#finding-table tbody tr:not([hidden]) .rule-cell a').allTextContents()).toEqual(['占位文字未填'])
    // The rules page and the coverage legend speak Chinese too.
    await page.goto(`${t.server.url}rules/`)
    expect(await page.locator('#rule-missing-parent h2').textContent()).toBe('缺少上级预案 missing-parent')
    await page.goto(`${t.server.url}coverage/`)
    expect(await page.locator('.legend').textContent()).not.toContain('coverage-gap')
    expect(await page.locator('.legend').textContent()).toContain('仅有草案')
  })

  test('the home page has a 最需要处理 card with the errors in the same order as the findings page', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}findings/?severity=error`)
    const errors = await page.locator('#finding-table tbody tr:not([hidden]) td:nth-child(4)').allTextContents()
    await page.goto(t.server.url)
    const card = page.locator('#most-urgent')
    expect(await card.locator('h2').textContent()).toBe('最需要处理')
    const shown = await card.locator('li .muted').allTextContents()
    expect(shown.length).toBe(Math.min(6, errors.length))
    expect(shown).toEqual(errors.slice(0, shown.length).map((e) => e.trim()))
    expect(await card.locator('li .rule-name').first().textContent()).not.toMatch(/^[a-z-]+$/)
  })

  test('a drill with unrated items is marked 暂定 on the drill list, the record, the plan page, its trend and the home page', async () => {
    const { page } = t.w
    // A tablet in portrait: where narrow columns used to wrap 2026-/05-12 and 桌面推/演.
    await page.setViewportSize({ width: 820, height: 1100 })
    await page.goto(`${t.server.url}drills/`)
    const row = page.locator('tr', { has: page.locator('a[href="/yuan/drills/drill-2026-shili-hazmat/"]') })
    expect(await row.locator('.badge.provisional').textContent()).toBe('暂定')
    // A finished drill is not marked.
    const done = page.locator('tr', { has: page.locator('a[href="/yuan/drills/drill-2025-shili-flood/"]') })
    expect(await done.locator('.badge.provisional').count()).toBe(0)
    // The column of open / found corrective actions is labelled.
    expect(await page.locator('thead th').allTextContents()).toContain('待整改 / 发现问题')
    // Dates and short labels never wrap.
    const lines = await page.locator('tbody td.nowrap').evaluateAll((cells) =>
      cells.map((c) => {
        const range = document.createRange()
        range.selectNodeContents(c)
        // A second line starts at least a line height below the first; a badge beside text sits a few pixels off.
        const tops = [...range.getClientRects()].map((r) => r.top)
        return Math.max(...tops) - Math.min(...tops) > 12 ? c.textContent : ''
      }),
    )
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.filter(Boolean)).toEqual([])
    await page.setViewportSize({ width: 1280, height: 900 })

    await page.goto(`${t.server.url}drills/drill-2026-shili-hazmat/`)
    expect(await page.locator('.meta').textContent()).toContain('暂定')
    expect(await page.locator('.meta').textContent()).toContain('尚有 2 项未评定')
    // The organiser is named, not shown as its id.
    expect(await page.locator('.meta').textContent()).toContain('示例市应急管理局')
    expect(await page.locator('.meta').textContent()).not.toContain('shi-yingji')

    await page.goto(`${t.server.url}plans/shili-hazmat/`)
    expect(await page.locator('#drills .badge.provisional').count()).toBe(1)
    expect(await page.locator('#drills svg.trend circle.provisional').count()).toBe(1)

    await page.goto(t.server.url)
    const latest = page.locator('.card li', { has: page.locator('a[href="/yuan/drills/drill-2026-shili-hazmat/"]') })
    expect(await latest.locator('.badge.provisional').textContent()).toBe('暂定')
  })

  test('searching a unit offers its page first; the unit page lists its open actions and drills; the index counts its plans', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}search/?q=${encodeURIComponent('市水利局')}`)
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0, null, { timeout: 15_000 })
    const first = page.locator('[data-search-results] li').first()
    expect(await first.locator('a').getAttribute('href')).toBe('/yuan/units/shi-shuili/')
    expect(await first.locator('.badge').textContent()).toBe('单位职责')
    // Plans that give the unit work follow it.
    expect(await page.locator('[data-search-results] li > a[href="/yuan/plans/shili-flood/"]').count()).toBe(1)
    // Search excerpts do not glue badges together (专项应急预案已发布…).
    await page.goto(`${t.server.url}search/?q=${encodeURIComponent('防汛')}`)
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0, null, { timeout: 15_000 })
    expect((await page.locator('[data-search-results] .excerpt').allTextContents()).join('\n')).not.toMatch(/应急预案(已发布|已审批|起草)/)

    await page.goto(`${t.server.url}units/shi-shuili/`)
    expect(await page.locator('#unit-drills tbody tr').count()).toBeGreaterThan(0)
    expect(await page.locator('#open-actions h2').textContent()).toMatch(/^承担的待整改问题（\d+）$/)

    await page.goto(`${t.server.url}units/`)
    const city = page.locator('tr', { has: page.locator('a[href="/yuan/units/shili-shi/"]') })
    expect(Number(await city.locator('td.num').first().textContent())).toBeGreaterThan(0)
  })

  test('checklist attributes in the plan text show as badges, not as {分值=…} markup', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}plans/shili-hazmat/`)
    const item = page.locator('#text li', { hasText: '事故单位1小时内报告市应急局' })
    expect(await item.locator('.badge.cl-attr').allTextContents()).toEqual(['5分', '否决项', '时限 1小时'])
    expect(await page.locator('#text').textContent()).not.toContain('{分值=')
  })

  test('the revision history and the drill list have Chinese headers', async () => {
    const { page } = t.w
    await page.goto(`${t.server.url}plans/shili-flood/`)
    const headers = await page.locator('#history thead th').allTextContents()
    if (headers.length) expect(headers).not.toContain('commit')
  })
})
