import type { Root, RootContent } from 'mdast'
import { heading, paragraph } from './blocks.ts'
import { normaliseCjk } from './cjk-normalise.ts'
import { readLabel } from './labels.ts'
import { isPageNumber } from './page-furniture.ts'
import { ImportError, type ReadDocument } from './source.ts'

interface Line {
  page: number
  text: string
  x: number
  right: number
  y: number
  size: number
  pageHeight: number
}

interface TextItem {
  str: string
  transform: number[]
  width: number
}

/** Text items of one page grouped into lines, top to bottom, each line's items left to right. */
function pageLines(items: TextItem[], page: number, pageHeight: number): Line[] {
  const rows: { y: number; size: number; items: TextItem[] }[] = []
  for (const item of items) {
    if (!item.str) continue
    const y = item.transform[5]
    const size = Math.abs(item.transform[3]) || Math.abs(item.transform[0]) || 10
    const row = rows.find((r) => Math.abs(r.y - y) < Math.max(2, size * 0.4))
    if (row) {
      row.items.push(item)
      row.size = Math.max(row.size, size)
    } else rows.push({ y, size, items: [item] })
  }
  rows.sort((a, b) => b.y - a.y)
  return rows.map((r) => {
    r.items.sort((a, b) => a.transform[4] - b.transform[4])
    let text = ''
    let end = -Infinity
    for (const item of r.items) {
      const x = item.transform[4]
      // A visible gap between two Latin or digit runs is a space; CJK text never needs one.
      if (text && x - end > r.size * 0.25 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(item.str)) text += ' '
      text += item.str
      end = x + item.width
    }
    const first = r.items[0]
    return { page, text: normaliseCjk(text).trim(), x: first.transform[4], right: end, y: r.y, size: r.size, pageHeight }
  })
}

const share = (text: string, re: RegExp) => (text.length ? (text.match(re)?.length ?? 0) / text.length : 0)

/** Lines that repeat on most pages at the top or bottom edge (running heads, unit names in footers). */
function furniture(lines: Line[], pages: number): Set<string> {
  const out = new Set<string>()
  if (pages < 3) return out
  const counts = new Map<string, number>()
  for (const l of lines) {
    const edge = l.y > l.pageHeight * 0.9 || l.y < l.pageHeight * 0.1
    if (!edge) continue
    const key = l.text.replace(/\d+/g, '#')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const [key, n] of counts) if (n >= pages * 0.5) out.add(key)
  return out
}

const mode = (values: number[]) => {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

/** Rebuilds paragraphs from line geometry: a line that fills the measure runs on into the next one. */
function paragraphs(lines: Line[]): RootContent[] {
  if (!lines.length) return []
  const bodySize = mode(lines.map((l) => l.size))
  const left = mode(lines.filter((l) => Math.round(l.size) === bodySize).map((l) => l.x))
  const rights = lines.filter((l) => Math.round(l.size) === bodySize).map((l) => l.right).sort((a, b) => a - b)
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0
  const out: RootContent[] = []
  let current: Line[] = []
  const flush = () => {
    if (!current.length) return
    const text = current.map((l) => l.text).join('')
    const size = current[0].size
    const isTitle = size >= bodySize * 1.3
    out.push(isTitle ? heading(1, text) : paragraph(text))
    current = []
  }
  let previous: Line | undefined
  for (const line of lines) {
    const sameStyle = previous && Math.abs(previous.size - line.size) < 0.5
    const previousFull = previous && previous.right >= right - line.size * 1.5
    const startsAtMargin = Math.abs(line.x - left) < line.size * 0.6
    const samePageOrNext = previous && (line.page === previous.page ? previous.y - line.y < line.size * 2.2 : line.page === previous.page + 1)
    const titleRun = previous && previous.size >= bodySize * 1.3 && sameStyle && samePageOrNext
    const runsOn = sameStyle && samePageOrNext && ((previousFull && startsAtMargin && !readLabel(line.text)) || titleRun)
    if (!runsOn) flush()
    current.push(line)
    previous = line
  }
  flush()
  return out
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const { getDocumentProxy } = await import('unpdf')
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes))
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    if (/password/i.test(message)) throw new ImportError('PDF 设有打开密码，无法读取', 'the PDF is password-protected')
    throw new ImportError(`PDF 已损坏或无法解析（${message}）`, `the PDF is damaged or cannot be parsed (${message})`)
  }
  const lines: Line[] = []
  const garbled: number[] = []
  let chars = 0
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const { height } = page.getViewport({ scale: 1 })
    const content = await page.getTextContent()
    const own = pageLines(content.items as TextItem[], n, height)
    const text = own.map((l) => l.text).join('')
    chars += text.replace(/\s/g, '').length
    // Fonts without a Unicode map come out as U+FFFD or private-use code points.
    if (share(text, /[\ufffd\ue000-\uf8ff]/g) > 0.1) garbled.push(n)
    lines.push(...own)
  }
  await (doc as unknown as { destroy?: () => Promise<void> }).destroy?.()
  if (chars < 20 * doc.numPages) {
    throw new ImportError(`PDF 没有文字层（${doc.numPages} 页几乎没有可读文字），可能是扫描件：需要先做文字识别（OCR），本机不提供 OCR`, `the PDF has no text layer (a scan?): it needs OCR, which is not available here`)
  }
  const repeated = furniture(lines, doc.numPages)
  const body = lines.filter((l) => !isPageNumber(l.text) && !repeated.has(l.text.replace(/\d+/g, '#')))
  const notes = [`PDF 共 ${doc.numPages} 页，段落按版面重建`]
  if (garbled.length) notes.push(`第 ${garbled.join('、')} 页字体缺少 Unicode 映射，文字可能是乱码，请对照原件核对`)
  const tree: Root = { type: 'root', children: paragraphs(body) }
  return { tree, notes, format: 'pdf' }
}
