// The whole drill loop on the example library, as an evaluator and a plan officer live it (issue 5, "done
// when"): an empty browser opens a plan's checklist page, scores the drill, records a finding that requires a
// revision, exports the record; `yuanku drill add` stores it; the next `yuanku lint` knows about it; the rebuilt
// site shows it on the plan page and on its own drill page.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { buildSite, hasBrowser, launchBrowser, ROOT, serve, watchedPage, type Served, type Watched } from './support.ts'

const CLI = join(ROOT, 'scripts/yuanku.ts')
const yuanku = (args: string[]) => spawnSync(process.execPath, ['--no-warnings', CLI, ...args], { cwd: ROOT, encoding: 'utf8' })

describe.skipIf(!hasBrowser)('a drill from an empty browser back into the library', () => {
  let library: string
  let browser: Browser
  let server: Served
  let w: Watched
  let exported: string

  beforeAll(async () => {
    library = join(mkdtempSync(join(tmpdir(), 'yuanku-loop-')), 'plans')
    cpSync(join(ROOT, 'plans'), library, { recursive: true })
    const site = await buildSite({ library })
    server = await serve(site.dir, site.base)
    browser = await launchBrowser()
    w = await watchedPage(browser, { viewport: { width: 820, height: 1180 } }) // a tablet
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('the evaluator scores the drill on the checklist page and exports the record', async () => {
    const { page } = w
    await page.goto(`${server.url}plans/shi-fangxun/drill/`)
    await page.locator('#cl-header [name=date]').fill('2026-11-20')
    await page.locator('#cl-header [name=kind]').selectOption('functional')
    await page.locator('#cl-header [name=scenario]').fill('汛期末强降雨，主城区内涝，示例河超警戒水位')
    await page.locator('#cl-header [name=location]').fill('示例市应急指挥中心')
    await page.locator('#cl-header [name=organizer]').fill('示例市应急管理局')
    await page.locator('#cl-header [name=evaluators]').fill('周明、吴芳')

    const items = page.locator('li.cl-item')
    const count = await items.count()
    expect(count).toBeGreaterThan(20)
    for (let i = 0; i < count; i++) await items.nth(i).locator('.cl-rating label', { hasText: /^达标$/ }).click()
    expect(await page.locator('[data-out=score]').textContent()).toBe('100.0')
    expect(await page.locator('[data-out=grade]').textContent()).toBe('优秀')
    expect(`${await page.locator('[data-out=rated]').textContent()}/${await page.locator('[data-out=total]').textContent()}`).toBe(`${count}/${count}`)

    // One non-critical item fails, and becomes a finding that requires the plan to be revised.
    const failing = page.locator('li.cl-item').filter({ hasNot: page.locator('.sev-error') }).last()
    await failing.locator('.cl-rating label', { hasText: /^未达标$/ }).click()
    await failing.locator('.cl-finding summary').click()
    await failing.locator('.cl-finding [name=action]').fill('修订预案中内涝点位清单和排涝泵车调度流程')
    await failing.locator('.cl-finding [name=due]').fill('2027-01-31')
    await failing.locator('.cl-finding [name=requires_revision]').check()
    await failing.locator('.cl-save-finding').click()
    const score = Number(await page.locator('[data-out=score]').textContent())
    expect(score).toBeLessThan(100)

    // A reload (a crashed tab) loses nothing.
    await page.reload()
    expect(Number(await page.locator('[data-out=score]').textContent())).toBe(score)
    expect(await page.locator('#cl-findings li').count()).toBe(1)

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=md]').click()])
    expect(download.suggestedFilename()).toBe('2026-11-20-shi-fangxun.md')
    exported = join(mkdtempSync(join(tmpdir(), 'yuanku-export-')), download.suggestedFilename())
    await download.saveAs(exported)
    expect(readFileSync(exported, 'utf8')).toContain(`score: ${score}`)
  })

  test('`yuanku drill add` stores it in plans/drills/ and `yuanku drill score` agrees with the page', () => {
    const before = new Set(readdirSync(join(library, 'drills')))
    const added = yuanku(['drill', 'add', exported, '--library', library])
    expect(added.stderr).toBe('')
    expect(added.status).toBe(0)
    const created = readdirSync(join(library, 'drills')).filter((f) => !before.has(f))
    expect(created).toEqual(['2026-11-20-shi-fangxun.md'])
    expect(readFileSync(join(library, 'drills', created[0]), 'utf8')).toBe(readFileSync(exported, 'utf8'))
    const scored = yuanku(['drill', 'score', join(library, 'drills', created[0])])
    expect(scored.status).toBe(0)
    // Adding the same export twice is refused: nothing is overwritten.
    expect(yuanku(['drill', 'add', exported, '--library', library]).status).toBe(1)
    expect(readdirSync(join(library, 'drills')).filter((f) => !before.has(f))).toEqual(['2026-11-20-shi-fangxun.md'])
  })

  test('the next lint knows the drill: the plan must now be revised, and the record checks out', () => {
    const r = yuanku(['lint', library, '--today', '2026-11-23', '--no-cache', '--format', 'json'])
    expect(r.status).toBe(1) // the example library has errors of its own
    const { findings } = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; message: string }[] }
    const onPlan = findings.filter((f) => f.file.endsWith('city/special/shi-fangxun.md')).map((f) => f.ruleId)
    expect(onPlan).toEqual(['revise-after-drill'])
    expect(findings.filter((f) => f.file.endsWith('2026-11-20-shi-fangxun.md'))).toEqual([])
  })

  // It rebuilds the site: as long as a build in a hook may take, not a unit test's 30 s (a loaded machine).
  test('the rebuilt site shows the drill on the plan page and on its own page', { timeout: 300_000 }, async () => {
    expect(existsSync(join(library, 'drills', '2026-11-20-shi-fangxun.md'))).toBe(true)
    const site = await buildSite({ library })
    const rebuilt = await serve(site.dir, site.base)
    try {
      const { page } = w
      await page.goto(`${rebuilt.url}plans/shi-fangxun/`)
      const body = await page.locator('main').innerText()
      expect(body).toContain('2026-11-20')
      expect(body).toContain('修订预案中内涝点位清单和排涝泵车调度流程')
      await page.locator('main a[href*="drills/"]', { hasText: '2026-11-20' }).first().click()
      await page.waitForURL(/\/drills\//)
      expect(await page.locator('main').innerText()).toContain('汛期末强降雨，主城区内涝，示例河超警戒水位')
    } finally {
      await rebuilt.close()
    }
    expect(w.requests.filter((r) => !/^http:\/\/127\.0\.0\.1:\d+\//.test(r) && !/^(data|blob):/.test(r))).toEqual([])
  })
})
