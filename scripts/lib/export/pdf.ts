// Print pages → PDF in Chromium (playwright-core). One browser for a whole run, a few pages printing at once:
// starting Chromium costs more than printing a plan. The fonts are the machine's: on Debian, fonts-noto-cjk.
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** Where Chromium is: CHROMIUM_PATH, else the usual Linux paths; undefined when there is none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const chosen = env.CHROMIUM_PATH || env.CHROME_PATH
  if (chosen) return existsSync(chosen) ? chosen : undefined
  return CANDIDATES.find((p) => existsSync(p))
}

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>
  /** The fonts Chromium actually drew each kind of text with (fallbacks included): printed once per run. */
  fontsUsed(html: string): Promise<Record<string, string>>
  close(): Promise<void>
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

export async function openPrinter(executablePath: string): Promise<PdfPrinter> {
  const { chromium } = await import('playwright-core')
  const browser: Browser = await chromium.launch({ executablePath, args: FLAGS })
  const context = await browser.newContext({ offline: true, javaScriptEnabled: false })
  // Nothing on a print page may reach the network (data: URLs only).
  await context.route(/^(?!data:|about:)/, (route) => route.abort())
  return {
    async print(html) {
      const page = await context.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        // preferCSSPageSize: the @page rule's A4 and GB/T margins win over Chromium's defaults.
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true })
        return new Uint8Array(pdf)
      } finally {
        await page.close()
      }
    },
    async fontsUsed(html) {
      const page = await context.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        await page.emulateMedia({ media: 'print' })
        const cdp = await context.newCDPSession(page)
        await cdp.send('DOM.enable')
        await cdp.send('CSS.enable')
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
        const out: Record<string, string> = {}
        for (const [label, selector] of [['标题 title', '.title'], ['正文 body', 'p'], ['一级标题 heading 1', 'h2'], ['二级标题 heading 2', 'h3']] as const) {
          const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
          if (!nodeId) continue
          const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
          const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]
          if (main) out[label] = main.familyName
        }
        await cdp.detach()
        return out
      } finally {
        await page.close()
      }
    },
    async close() {
      await browser.close()
    },
  }
}

/** Runs `work` over items with at most `limit` at a time, results in input order. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
