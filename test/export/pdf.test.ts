// The PDF as printed by Chromium, read back with pdf.js: A4 pages, every heading in the text, a long table's
// header on each page it runs onto, the 22-line × 28-character grid and the page numbers' sides.
import { describe, expect, it, beforeAll } from 'vitest'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { exportPlans, exportSettings } from '../../scripts/lib/export/index.ts'
import { headingTexts, officialDocument } from '../../scripts/lib/export/model.ts'
import type { Library } from '../../scripts/lib/model/library.ts'
import { foldRadicals } from './pdf-text.ts'

const LIB = fileURLToPath(new URL('./fixtures/lib/', import.meta.url))
const CHROMIUM = '/usr/bin/chromium'
const hasBrowser = existsSync(CHROMIUM)
if (!hasBrowser) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} not found; CI=true: the PDF export tests must run.`)
  console.warn(`\n!! ${CHROMIUM} not found: PDF export tests are SKIPPED. Install chromium and fonts-noto-cjk to run them.\n`)
}

interface TextItem {
  str: string
  x: number
  y: number
}
interface PdfPage {
  width: number
  height: number
  items: TextItem[]
  text: string
}

async function readPdf(path: string): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), disableFontFace: true }).promise
  const pages: PdfPage[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [, , width, height] = page.view
    const content = await page.getTextContent()
    const items = (content.items as { str: string; transform: number[] }[]).filter((i) => 'str' in i && i.str.trim()).map((i) => ({ str: foldRadicals(i.str), x: i.transform[4], y: i.transform[5] }))
    pages.push({ width, height, items, text: items.map((i) => i.str).join('') })
  }
  return pages
}

/** Text lines of a page: items grouped by baseline (within half a point), top to bottom. */
function lines(page: PdfPage): { y: number; text: string }[] {
  const rows: { y: number; items: TextItem[] }[] = []
  for (const item of page.items) {
    const row = rows.find((r) => Math.abs(r.y - item.y) < 0.5)
    if (row) row.items.push(item)
    else rows.push({ y: item.y, items: [item] })
  }
  return rows.sort((a, b) => b.y - a.y).map((r) => ({ y: r.y, text: r.items.sort((a, b) => a.x - b.x).map((i) => i.str).join('') }))
}

const A4 = { width: 595.28, height: 841.89 }

describe.skipIf(!hasBrowser)('yuanku export --format pdf', () => {
  let library: Library
  let flood: PdfPage[]
  let grid: PdfPage[]
  beforeAll(async () => {
    library = loadLibrary(LIB)
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-pdf-'))
    await exportPlans({
      plans: [library.planById.get('xishan-fangxun-zq')!, library.planById.get('grid-sample')!],
      library,
      formats: ['pdf'],
      outDir: dir,
      chromium: CHROMIUM,
      options: { noticeSettings: exportSettings(library).notice },
    })
    flood = await readPdf(join(dir, 'xishan-fangxun-zq.pdf'))
    grid = await readPdf(join(dir, 'grid-sample.pdf'))
  }, 120_000)

  it('prints A4 pages', () => {
    for (const page of [...flood, ...grid]) {
      // A4 is 595.28 × 841.89 pt; Chromium rounds it to whole device pixels (594.96 × 841.92).
      expect(page.width).toBeCloseTo(A4.width, 0)
      expect(page.height).toBeCloseTo(A4.height, 0)
    }
  })

  it('holds the title and every heading, notice first and annexes each on a page of their own', () => {
    const all = flood.map((p) => p.text).join('')
    const doc = officialDocument(library.planById.get('xishan-fangxun-zq')!, library, { noticeSettings: exportSettings(library).notice })
    for (const heading of headingTexts(doc)) expect(all).toContain(heading)
    expect(flood[0].text).toContain('西政办发〔2026〕7号')
    expect(flood[0].text).toContain('示例市人民政府办公室关于印发西山县防汛抗旱应急预案的通知')
    expect(flood[0].text).not.toContain('一、总则')
    // The page number comes first in the text layer: Chromium draws the page margins before the content.
    expect(flood[1].text).toMatch(/^— 2 —西山县防汛抗旱应急预案（征求意见稿）一、总则/)
    // 附件1 (the long table) and the three frontmatter annexes each start a page with their label at the top.
    const starts = flood.map((p, i) => ({ i, first: lines(p)[0]?.text })).filter((p) => /^附件\d$/.test(p.first ?? ''))
    expect(starts.map((s) => s.first)).toEqual(['附件1', '附件2', '附件3', '附件4'])
    expect(flood.length).toBe(starts[3].i + 1)
  })

  it('splits a table taller than a page and repeats its header row on every page', () => {
    const tablePages = flood.filter((p) => /抢险物资\d+号/.test(p.text))
    expect(tablePages.length).toBeGreaterThanOrEqual(2)
    // Each page the table runs onto begins (after the page number drawn in the margin) with the header row.
    for (const page of tablePages) expect(page.text.replace(/\s/g, '')).toMatch(/^—\d+—(附件1防汛物资储备清单)?序号物资存放地点数量\d/)
    const rows = tablePages.flatMap((p) => [...p.text.matchAll(/抢险物资(\d+)号/g)].map((m) => Number(m[1])))
    expect(rows).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
  })

  it('sets body text on a 22-line grid of 28 characters', () => {
    // Page 2 of the grid sample holds nothing but body paragraphs.
    const body = lines(grid[1]).filter((l) => !/^— \d+ —$/.test(l.text))
    expect(body).toHaveLength(22)
    const pitch = (body[0].y - body[21].y) / 21
    // 225 mm / 22 = 10.23 mm = 28.99 pt.
    expect(pitch).toBeCloseTo(28.99, 1)
    // Each paragraph: a first line of 26 characters after its two-character indent, then full lines of 28.
    const widths = body.map((l) => [...l.text.replace(/\s/g, '')].length)
    expect(Math.max(...widths)).toBe(28)
    expect(widths.filter((w) => w === 28).length).toBeGreaterThanOrEqual(7)
    const firsts = body.filter((l) => l.text.startsWith('按照'))
    expect(firsts.length).toBeGreaterThanOrEqual(7)
    for (const l of firsts) expect([...l.text.replace(/\s/g, '')].length).toBe(26)
  })

  it('numbers pages "— n —", odd pages on the right, even pages on the left', () => {
    for (const [i, page] of grid.entries()) {
      const number = page.items.filter((it) => it.str.includes(`${i + 1}`) && /—/.test(lines(page).find((l) => Math.abs(l.y - it.y) < 0.5)?.text ?? ''))
      const line = lines(page).at(-1)!
      expect(line.text).toBe(`— ${i + 1} —`)
      expect(number.length).toBeGreaterThan(0)
      const x = page.items.filter((it) => Math.abs(it.y - line.y) < 0.5).map((it) => it.x)
      if (i % 2 === 0) expect(Math.min(...x)).toBeGreaterThan(page.width / 2)
      else expect(Math.max(...x)).toBeLessThan(page.width / 2)
    }
  })
})
