// The drill checklist page in real Chromium, built from test/e2e/fixtures/checklist-lib and served under
// /yuan/: live scoring with the same scoreDrill, autosave across reloads, export validated against the
// schema, hostile imports, merging with disagreements, and offline reload through the service worker.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildSite, hasBrowser, launchBrowser, offsite, serve, watchedPage, type Served, type Watched } from './support.ts'
import { validate } from '../../scripts/lib/load/schemas.ts'
import { parseImport } from '../../scripts/lib/drill/import.ts'
import { scoreRecord } from '../../scripts/lib/drill/score.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { deriveChecklist } from '../../scripts/lib/drill/derive.ts'
import { buildRecord, recordToJson, recordToMarkdown } from '../../scripts/lib/drill/record.ts'
import type { Ratings } from '../../scripts/lib/drill/types.ts'

const LIB = 'test/e2e/fixtures/checklist-lib'
const library = loadLibrary(new URL(`../../${LIB}`, import.meta.url).pathname)
const items = deriveChecklist(library.planById.get('shili-flood')!, library)
const ref = (n: number) => items[n].ref
const item = (page: Page, n: number) => page.locator(`li.cl-item[data-ref="${ref(n)}"]`)
const rate = (page: Page, n: number, label: string) => item(page, n).locator('.cl-rating label', { hasText: new RegExp(`^${label}$`) }).click()
const summary = async (page: Page) => ({
  score: await page.locator('[data-out=score]').textContent(),
  state: await page.locator('[data-out=state]').textContent(),
  grade: await page.locator('[data-out=grade]').textContent(),
  rated: `${await page.locator('[data-out=rated]').textContent()}/${await page.locator('[data-out=total]').textContent()}`,
  critical: await page.locator('[data-out=critical]').textContent(),
})

describe.skipIf(!hasBrowser)('drill checklist page', () => {
  let browser: Browser
  let server: Served
  let w: Watched
  let url: string

  beforeAll(async () => {
    const site = await buildSite({ library: LIB })
    server = await serve(site.dir, site.base)
    browser = await launchBrowser()
    w = await watchedPage(browser)
    url = `${server.url}plans/shili-flood/drill/`
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('shows the derived checklist grouped by phase', async () => {
    const { page } = w
    await page.goto(url)
    expect(await page.locator('.cl-phase h2').allTextContents()).toEqual(['预警与信息报告', '现场处置', '责任单位履职', '分级响应启动', '响应时限'])
    expect(await page.locator('.cl-item .cl-label').allTextContents()).toEqual(items.map((i) => i.text))
    expect(await item(page, 0).locator('.badge').allTextContents()).toEqual(['5分', '否决项', '时限 30分钟'])
    expect(await summary(page)).toEqual({ score: '0.0', state: '（暂定）', grade: '不合格', rated: '0/7', critical: '0' })
    expect(await page.locator(`a[href="/yuan/plans/shili-flood/"]`).count()).toBeGreaterThan(0)
  })

  test('rating items updates the score live; a timed critical item over its limit fails the drill', async () => {
    const { page } = w
    await page.goto(url)
    await rate(page, 0, '达标')
    expect(await summary(page)).toEqual({ score: '26.3', state: '（暂定）', grade: '不合格', rated: '1/7', critical: '0' })
    await rate(page, 1, '基本达标')
    await rate(page, 2, '达标')
    await rate(page, 3, '不适用')
    await rate(page, 4, '达标')
    await rate(page, 5, '达标')
    await rate(page, 6, '未达标')
    // (5 + 1.5 + 5 + 1 + 2 + 0) / (19 − 1) = 80.6
    expect(await summary(page)).toEqual({ score: '80.6', state: '（最终）', grade: '良好', rated: '7/7', critical: '0' })
    await item(page, 0).locator('.cl-elapsed').fill('35')
    expect(await summary(page)).toEqual({ score: '52.8', state: '（最终）', grade: '不合格', rated: '7/7', critical: '1' })
    await item(page, 0).locator('.cl-elapsed').fill('28')
    await item(page, 1).locator('.cl-note').fill('预警发布晚了 <b>20分钟</b>')
    expect((await summary(page)).score).toBe('80.6')
  })

  test('a reload keeps everything: ratings, time, note, header', async () => {
    const { page } = w
    await page.locator('#cl-header [name=date]').fill('2026-05-12')
    await page.locator('#cl-header [name=scenario]').fill('强降雨致城区内涝')
    await page.locator('#cl-header [name=organizer]').fill('示例市应急管理局')
    await page.locator('#cl-header [name=evaluators]').fill('王敏、李强')
    await page.reload()
    expect(await summary(page)).toEqual({ score: '80.6', state: '（最终）', grade: '良好', rated: '7/7', critical: '0' })
    expect(await item(page, 1).locator('input[value=partial]').isChecked()).toBe(true)
    expect(await item(page, 0).locator('.cl-elapsed').inputValue()).toBe('28')
    expect(await item(page, 1).locator('.cl-note').inputValue()).toBe('预警发布晚了 <b>20分钟</b>')
    expect(await page.locator('#cl-header [name=evaluators]').inputValue()).toBe('王敏、李强')
    expect(await page.locator('#cl-session-list li').count()).toBe(1)
  })

  test('a running timer survives a reload, and stopping it records the elapsed time', async () => {
    const { page } = w
    const timed = item(page, 6)
    expect([await timed.locator('.cl-start').isVisible(), await timed.locator('.cl-stop').isVisible()]).toEqual([true, false])
    await timed.locator('.cl-start').click()
    expect([await timed.locator('.cl-start').isVisible(), await timed.locator('.cl-stop').isVisible()]).toEqual([false, true])
    await page.waitForTimeout(1100)
    await page.reload()
    expect(await timed.locator('.cl-stop').isVisible()).toBe(true)
    await timed.locator('.cl-clock').filter({ hasText: /^计时中 0:0[1-9]$/ }).waitFor()
    await timed.locator('.cl-stop').click()
    // The label no longer says the timer is running: it says what was measured.
    expect(await timed.locator('.cl-clock').textContent()).toMatch(/^已停止，用时 0:0[1-9]$/)
    await page.waitForTimeout(700)
    expect(await timed.locator('.cl-clock').textContent()).not.toContain('计时中')
    const minutes = Number(await timed.locator('.cl-elapsed').inputValue())
    expect(minutes).toBeGreaterThan(1 / 60)
    expect(minutes).toBeLessThan(0.5)
    // Rated unmet already; in time, so the score is unchanged.
    expect((await summary(page)).score).toBe('80.6')
    await timed.locator('.cl-elapsed').fill('')
  })

  test('a finding is recorded and exported; the JSON and Markdown exports are valid records with the same score', async () => {
    const { page } = w
    await item(page, 6).locator('.cl-finding summary').click()
    await item(page, 6).locator('.cl-finding [name=action]').fill('统一书面报告模板')
    await item(page, 6).locator('.cl-finding [name=requires_revision]').check()
    // Saving without a due date saves, confirms at the item, and says what export will need.
    await item(page, 6).locator('.cl-save-finding').click()
    expect(await item(page, 6).locator('.cl-saved').textContent()).toBe('✓ 已记为问题（导出前请补全：整改期限）')
    expect(await page.locator('#cl-findings li b').allTextContents()).toEqual([items[6].text])
    // Export names the finding, its item and the missing field, and writes nothing.
    await page.locator('[data-export=json]').click()
    expect(await page.locator('#cl-export-msg li').allTextContents()).toEqual([`第 7 项的问题“${items[6].text.length > 24 ? `${items[6].text.slice(0, 24)}…` : items[6].text}”缺少：整改期限`])
    // Completed: removed and saved again with the date.
    await page.locator('#cl-findings li .cl-clear').click()
    await item(page, 6).locator('.cl-finding summary').click()
    await item(page, 6).locator('.cl-finding [name=action]').fill('统一书面报告模板')
    await item(page, 6).locator('.cl-finding [name=due]').fill('2026-08-31')
    await item(page, 6).locator('.cl-save-finding').click()
    expect(await item(page, 6).locator('.cl-saved').textContent()).toBe('✓ 已记为问题')
    expect(await page.locator('#cl-findings li b').allTextContents()).toEqual([items[6].text])

    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
    expect(json.suggestedFilename()).toBe('2026-05-12-shili-flood.json')
    const record = JSON.parse(readFileSync((await json.path())!, 'utf8'))
    expect(validate('drill', record)).toEqual([])
    expect([record.score, record.grade, record.unrated, record.provisional, record.evaluators]).toEqual([80.6, '良好', 0, false, ['王敏', '李强']])
    expect(scoreRecord(record).score).toBe(80.6)
    expect(record.checklist[0]).toMatchObject({ ref: ref(0), rating: 'met', awarded: 5, within: '30分钟', elapsed: '28分钟' })
    expect(record.findings).toEqual([{ ref: ref(6), text: items[6].text, severity: 'major', unit: 'shi-shuili', action: '统一书面报告模板', due: '2026-08-31', status: 'open', requires_revision: true }])

    const [md] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=md]').click()])
    const parsed = parseImport(readFileSync((await md.path())!, 'utf8'))
    expect(parsed.ok && parsed.record).toEqual(record)
    expect(parsed.ok && parsed.narrative).toContain('# 示例市防汛抗旱应急预案演练评估报告')

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=csv]').click()])
    const text = readFileSync((await csv.path())!, 'utf8')
    expect(csv.suggestedFilename()).toBe('2026-05-12-shili-flood.csv')
    expect(text.startsWith('\uFEFF编号,环节,评估项目,分值,否决项,时限,评定,得分,用时,说明\r\n')).toBe(true)
    expect(text).toContain('"预警发布晚了 <b>20分钟</b>"'.replace(/"/g, ''))
    const [csvEn] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=csv-alt]').click()])
    expect(csvEn.suggestedFilename()).toBe('2026-05-12-shili-flood-en.csv')
    expect(readFileSync((await csvEn.path())!, 'utf8').startsWith('\uFEFFref,phase,text,points,critical,within,rating,awarded,elapsed,note\r\n')).toBe(true)
  })

  test('an incomplete header is not exported', async () => {
    const { page } = w
    await page.locator('#cl-new').click()
    expect(await summary(page)).toEqual({ score: '0.0', state: '（暂定）', grade: '不合格', rated: '0/7', critical: '0' })
    await page.locator('[data-export=json]').click()
    expect(await page.locator('#cl-export-msg li').allTextContents()).toEqual(['请填写演练日期', '请填写演练情景', '请填写组织单位'])
    expect(await page.locator('#cl-session-list li').count()).toBe(2)
  })

  test('finalising (定稿) with unrated items asks once more, makes the grade final, survives a reload, is exported, and can be undone', async () => {
    const { page } = w
    await page.locator('#cl-new').click()
    await page.locator('#cl-header [name=date]').fill('2026-05-20')
    await page.locator('#cl-header [name=scenario]').fill('桌面推演：城区内涝')
    await page.locator('#cl-header [name=organizer]').fill('示例市应急管理局')
    await rate(page, 0, '达标')
    const finalize = page.locator('#cl-finalize')
    expect(await finalize.textContent()).toBe('定稿（完成评分）')
    await finalize.click()
    // The first click only says what finalising means: the grade stays provisional.
    expect(await page.locator('#cl-finalize-msg').textContent()).toBe('尚有 6 项未评定，定稿后按未得分计，等级即为最终结果。再次点击确认定稿')
    expect((await summary(page)).state).toBe('（暂定）')
    await finalize.click()
    expect((await summary(page)).state).toBe('（最终）')
    expect(await finalize.textContent()).toBe('撤销定稿')
    await page.reload()
    expect(await summary(page)).toMatchObject({ state: '（最终）', rated: '1/7' })
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
    const record = JSON.parse(readFileSync((await json.path())!, 'utf8'))
    expect(validate('drill', record)).toEqual([])
    expect([record.finalized, record.provisional, record.unrated]).toEqual([true, false, 6])
    await page.locator('#cl-finalize').click()
    expect((await summary(page)).state).toBe('（暂定）')
    expect(await page.locator('#cl-finalize').textContent()).toBe('定稿（完成评分）')
    await page.locator('#cl-session-list li.current button', { hasText: '删除' }).click()
    await page.locator('#cl-session-list li.current button', { hasText: '确认删除？' }).click()
  })

  test('imports are merged with disagreements shown; hostile text stays text; prototype keys are refused', async () => {
    const { page } = w
    const header = { plan: 'shili-flood', date: '2026-06-01', kind: 'functional' as const, scenario: '<img src=x onerror="window.__xss=1">', organizer: 'o', evaluators: ['<b>甲</b>'] }
    const all = (r: string): Ratings => Object.fromEntries(items.map((i) => [i.ref, { rating: r as 'met' }]))
    const one = buildRecord(header, items, { ...all('met'), [ref(2)]: { rating: 'met', note: '<script>window.__xss=2</script>' } }, [])
    const two = buildRecord({ ...header, evaluators: ['乙'] }, items, { ...all('met'), [ref(2)]: { rating: 'unmet' } }, [])
    const proto = recordToJson(one).replace('"id":', '"__proto__": {"polluted": true}, "id":')
    await page.locator('#cl-import').setInputFiles([
      { name: 'jia.json', mimeType: 'application/json', buffer: Buffer.from(recordToJson(one)) },
      { name: 'yi.md', mimeType: 'text/markdown', buffer: Buffer.from(recordToMarkdown(two)) },
      { name: '<i>evil</i>.json', mimeType: 'application/json', buffer: Buffer.from(proto) },
    ])
    await page.locator('#cl-merge table').waitFor()
    expect(await page.locator('#cl-import-msg li').allTextContents()).toEqual(['<i>evil</i>.json: 拒绝导入：含有不允许的键 /__proto__ / refused: forbidden key at /__proto__'])
    expect(await page.locator('#cl-import-msg p.ok').textContent()).toBe('已导入 2 份记录并合并为新的评估：<b>甲</b>、乙')
    expect(await page.locator('#cl-merge th').allTextContents()).toEqual(['评估项', '<b>甲</b>', '乙', '合并结果'])
    expect(await page.locator('#cl-merge tbody td').allTextContents()).toEqual([items[2].text, '达标', '未达标', '未达标'])
    expect(await item(page, 2).locator('.cl-disagreement').textContent()).toBe('<b>甲</b>：达标；乙：未达标')
    expect(await item(page, 2).locator('input[value=unmet]').isChecked()).toBe(true)
    expect(await item(page, 2).locator('.cl-note').inputValue()).toBe('<b>甲</b>：<script>window.__xss=2</script>')
    expect(await page.locator('#cl-header [name=scenario]').inputValue()).toBe('<img src=x onerror="window.__xss=1">')
    // Nothing of it became markup or ran.
    expect(await page.evaluate(() => [document.querySelectorAll('img[src=x], #cl-merge b, #cl-merge i, #cl-import-msg b, #cl-import-msg i, .cl-disagreement b, #checklist script, #cl-session-list b').length, (window as unknown as { __xss?: number }).__xss ?? null, ({} as { polluted?: boolean }).polluted ?? null])).toEqual([0, null, null])
    expect(await page.locator('#cl-session-list li').count()).toBe(3)
  })

  test('sessions can be resumed and deleted', async () => {
    const { page } = w
    const list = page.locator('#cl-session-list li')
    const first = list.filter({ hasText: '2026-05-12' })
    await first.getByRole('button', { name: '继续' }).click()
    expect((await summary(page)).score).toBe('80.6')
    const empty = list.filter({ hasText: '未填写日期' })
    await empty.getByRole('button', { name: '删除' }).click()
    await empty.getByRole('button', { name: '确认删除？' }).click()
    expect(await list.count()).toBe(2)
    await page.reload()
    expect(await list.count()).toBe(2)
    expect((await summary(page)).score).toBe('80.6')
  })

  test('prints a clean form: no controls, boxes for ratings', async () => {
    const { page } = w
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    expect(await page.locator('.cl-io').isVisible()).toBe(false)
    expect(await page.locator('.cl-sessions').isVisible()).toBe(false)
    expect(await item(page, 0).locator('.cl-start').isVisible()).toBe(false)
    expect(await item(page, 0).locator('.cl-r-met span').evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"☑ "')
    await page.evaluate(() => document.body.classList.add('print-blank'))
    expect(await item(page, 0).locator('.cl-r-met span').evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"☐ "')
    // The form of drill: every form as a box to tick, the chosen one ticked on the filled form, none on the blank one.
    expect(await page.locator('#cl-header select[name=kind]').isVisible()).toBe(false)
    const kinds = page.locator('#cl-header .cl-kind-print [data-kind]')
    expect(await kinds.allTextContents()).toEqual(['桌面推演', '功能演练', '实战演练'])
    expect(await kinds.evaluateAll((spans) => spans.map((e) => getComputedStyle(e, '::before').content))).toEqual(['"☐ "', '"☐ "', '"☐ "'])
    await page.evaluate(() => document.body.classList.remove('print-blank'))
    const chosen = await page.locator('#cl-header select[name=kind]').inputValue()
    expect(await kinds.evaluateAll((spans) => spans.map((e) => [(e as HTMLElement).dataset.kind, getComputedStyle(e, '::before').content]))).toEqual(
      ['tabletop', 'functional', 'full-scale'].map((k) => [k, k === chosen ? '"☑ "' : '"☐ "']),
    )
    await page.emulateMedia({ media: 'screen' })
  })

  test('the blank A4 form, printed to PDF: boxes for the form of drill, no pre-printed values, the first phase on page 1', async () => {
    const { page } = w
    await page.emulateMedia({ media: 'print' })
    await page.evaluate(() => document.body.classList.add('print-blank'))
    const pdf = await page.pdf({ preferCSSPageSize: true })
    await page.evaluate(() => document.body.classList.remove('print-blank'))
    await page.emulateMedia({ media: 'screen' })
    const { getDocumentProxy } = await import('unpdf')
    const doc = await getDocumentProxy(new Uint8Array(pdf))
    const first = await doc.getPage(1)
    const height = first.getViewport({ scale: 1 }).height
    // pdf.js gives some CJK glyphs as Kangxi radicals (⽰ for 示): NFKC folds them back.
    const runs = (await first.getTextContent()).items.map((i) => ({ text: ('str' in i ? i.str : '').normalize('NFKC'), y: height - ('transform' in i ? i.transform[5] : 0) }))
    const text = runs.map((r) => r.text).join('')
    expect(text).toContain('☐ 桌面推演')
    expect(text).toContain('☐ 功能演练')
    expect(text).toContain('☐ 实战演练')
    expect(text).not.toContain('mm/dd/yyyy')
    expect(text).not.toContain('王敏')
    // The first phase and its first item start on page 1, in its upper half (the header no longer fills it).
    const phase = runs.find((r) => r.text.includes('预警与信息报告'))
    expect(phase).toBeDefined()
    expect(phase!.y).toBeLessThan(height / 2)
    expect(text).toContain(items[0].text.slice(0, 8))
  })

  test('no errors and nothing requested outside the site', () => {
    expect(w.pageErrors).toEqual([])
    expect(w.consoleErrors).toEqual([])
    expect(offsite(w.requests, server.origin)).toEqual([])
  })

  test('works offline after the first visit (service worker under the base path)', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' })
    try {
      const page = await context.newPage()
      await page.goto(`${server.url}plans/shili-quake/drill/`)
      await page.locator('html[data-offline=ready]').waitFor()
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)
      expect(scope).toBe(server.url)
      await page.locator('li.cl-item').first().locator('.cl-rating label', { hasText: /^达标$/ }).click()
      await context.setOffline(true)
      await page.reload()
      expect(await page.locator('.cl-head h1').textContent()).toBe('示例市地震应急预案演练评估表')
      expect(await page.locator('li.cl-item').first().locator('input[value=met]').isChecked()).toBe(true)
      // The script runs offline: the score is computed again.
      expect(await page.locator('[data-out=rated]').textContent()).toBe('1')
    } finally {
      await context.close()
    }
  })
})
