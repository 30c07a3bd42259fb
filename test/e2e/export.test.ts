// Every plan page of a built site offers its official document as .docx and PDF; the files are there, served
// under the base path, and a public build's files hold no contact and no left-out plan.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser } from 'playwright-core'
import { foldRadicals } from '../export/pdf-text.ts'
import { buildSite, hasBrowser, launchBrowser, serve, watchedPage, type BuiltSite, type Served } from './support.ts'

const SECRETS = ['0791-88886666', '13900001111', '0791-87770000', '县应急局值班室', '西山水库管理站站长', '西山县内部机密段落甲', 'xs-fangxun-nb']
const PUBLIC_PLANS = ['shili-epidemic', 'shili-flood', 'shili-hazmat', 'shili-overall']

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: bytes, disableFontFace: true }).promise
  let text = ''
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    text += (content.items as { str?: string }[]).map((i) => i.str ?? '').join('')
  }
  return foldRadicals(text)
}

describe.skipIf(!hasBrowser)('official-document downloads on the site (public build)', () => {
  let site: BuiltSite
  let server: Served
  let browser: Browser
  beforeAll(async () => {
    site = await buildSite({ library: 'test/e2e/fixtures/site-lib', public: true, downloads: true })
    server = await serve(site.dir, site.base)
    browser = await launchBrowser()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('each plan page links both files, named after the plan, and they download', async () => {
    const w = await watchedPage(browser)
    const { page } = w
    for (const id of PUBLIC_PLANS) {
      await page.goto(`${server.url}plans/${id}/`)
      const title = (await page.locator('h1').first().textContent())!.trim()
      const links = await page.locator('#downloads a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), download: a.getAttribute('download'), text: a.textContent })))
      expect(links).toEqual([
        { href: `/yuan/plans/${id}/${id}.docx`, download: `${title}.docx`, text: 'Word (.docx)' },
        { href: `/yuan/plans/${id}/${id}.pdf`, download: `${title}.pdf`, text: 'PDF' },
      ])
      // Laid out by the stylesheet: a style attribute here was refused by the site's CSP (a console error).
      expect(await page.locator('#downloads').evaluate((e) => getComputedStyle(e).display)).toBe('flex')
      const docx = new Uint8Array(await (await fetch(`${server.origin}${links[0].href}`)).arrayBuffer())
      const xml = strFromU8(unzipSync(docx)['word/document.xml'])
      expect(xml).toContain(`>${title}<`)
      const pdf = new Uint8Array(await (await fetch(`${server.origin}${links[1].href}`)).arrayBuffer())
      expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-')
      const text = await pdfText(pdf)
      expect(text).toContain(title)
      for (const secret of SECRETS) {
        expect(xml, `${id}.docx`).not.toContain(secret)
        expect(text, `${id}.pdf`).not.toContain(secret)
      }
    }
    expect(w.consoleErrors).toEqual([])
  })

  test('no download is built for a plan a public build leaves out', async () => {
    const res = await fetch(`${server.url}plans/xs-fangxun-nb/xs-fangxun-nb.docx`)
    expect(res.status).toBe(404)
  })
})
