// A public build (`--public`) leaves out internal and restricted plans and every contact: no page,
// search entry, link, JSON blob or unit page may mention them. Every file of the output is scanned
// (Pagefind's compressed index files decompressed first).
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { buildSite, hasBrowser, launchBrowser, serve, siteFiles, watchedPage, type BuiltSite, type Served } from './support.ts'

// What test/e2e/fixtures/site-lib holds that only internal readers may see.
const SECRETS = [
  // internal / restricted plans: ids, titles, text
  'xs-zongti-nb', '西山县突发事件总体应急预案', '西山县内部机密段落甲',
  'xs-fangxun-nb', '西山县防汛应急预案', '西山水库溃坝风险限定范围段落乙', 'XS-07', '负责西山水库调度和下游转移预警',
  'huayu-tank-onsite', '华宇化工储罐区泄漏现场处置方案', '内部段落丙',
  // their drill record
  'drill-2026-xs-nb', '限定范围演练情景丁', '限定范围评估内容戊',
  // contacts and phone numbers
  '0791-88886666', '13900001111', '0791-87770000', '县应急局值班室', '西山水库管理站站长',
]

function readable(bytes: Buffer): string {
  try {
    return gunzipSync(bytes).toString('utf8')
  } catch {
    return bytes.toString('utf8')
  }
}

describe('public build of the fixture library', () => {
  let site: BuiltSite
  let files: [string, string][]
  beforeAll(async () => {
    site = await buildSite({ library: 'test/e2e/fixtures/site-lib', public: true })
    files = siteFiles(site.dir).map(([p, b]) => [p, readable(b)])
  })

  test('no file mentions a left-out plan or a contact', () => {
    const leaks = files.flatMap(([path, text]) => SECRETS.filter((s) => text.includes(s)).map((s) => `${path}: ${s}`))
    expect(leaks).toEqual([])
  })

  test('the public plans are all there, in the pages and in the search index', () => {
    const all = files.map(([, t]) => t).join('\n')
    for (const title of ['示例市突发事件总体应急预案', '示例市防汛抗旱应急预案', '示例市危险化学品事故应急预案', '示例市突发公共卫生事件应急预案']) expect(all).toContain(title)
    const index = files.filter(([p]) => p.startsWith('pagefind/')).map(([, t]) => t).join('\n')
    expect(index).toContain('防汛')
    const planDirs = [...new Set(files.map(([p]) => p).filter((p) => p.startsWith('plans/') && p.endsWith('.html')).map((p) => p.split('/')[1]))].sort()
    expect(planDirs).toEqual(['index.html', 'shili-epidemic', 'shili-flood', 'shili-hazmat', 'shili-overall'])
    const unitDirs = [...new Set(files.map(([p]) => p).filter((p) => /^units\/[^/]+\/index\.html$/.test(p)).map((p) => p.split('/')[1]))].sort()
    // Only units of the public plans get a page: none of the county's.
    expect(unitDirs).toEqual(['shi-gongan', 'shi-shuili', 'shi-weijian', 'shi-xiaofang', 'shi-yingji', 'shi-zhengfu', 'shili-shi'])
    const drills = files.map(([p]) => p).filter((p) => p.startsWith('drills/') && p !== 'drills/index.html').sort()
    expect(drills).toEqual(['drills/drill-2025-shili-flood/index.html', 'drills/drill-2026-shili-flood/index.html', 'drills/drill-2026-shili-hazmat/index.html'])
    // The public plan's link to the internal county plan is plain text now.
    const overall = files.find(([p]) => p === 'plans/shili-overall/index.html')![1]
    expect(overall).toContain('<span class="dead-link">县级总体预案</span>')
    expect(overall).toContain('公开版')
  })

  describe.skipIf(!hasBrowser)('in the browser', () => {
    let browser: Browser
    let server: Served
    beforeAll(async () => {
      server = await serve(site.dir, site.base)
      browser = await launchBrowser()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })
    test('search finds no left-out plan', async () => {
      const { page } = await watchedPage(browser)
      await page.goto(`${server.url}search/?q=${encodeURIComponent('防汛')}`)
      await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0)
      const hrefs = await page.locator('[data-search-results] li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      expect(hrefs).toContain('/yuan/plans/shili-flood/')
      expect(hrefs).not.toContain('/yuan/plans/xs-fangxun-nb/')
    })
  })
})
