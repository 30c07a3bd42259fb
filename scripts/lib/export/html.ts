// The official document → one self-contained print page (HTML + @page CSS) that Chromium prints to PDF.
// Nothing is fetched: images are inlined as data: URLs, fonts are the machine's own (named, never shipped).
import { columnWeights, type Block, type OfficialDocument, type Run } from './model.ts'
import { CHARS_PER_LINE, FONTS, LINES_PER_PAGE, PAGE_MM, PAGE_NUMBER_DASH, SIZE_PT, type FontKey } from './layout.ts'
import { fitImage } from './image.ts'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const family = (key: FontKey) => FONTS[key].css.map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ')

/** Line pitch: the text block's height over 22 lines, so that every line of body text sits on the page grid. */
const LINE_MM = (PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom) / LINES_PER_PAGE
/** 28 characters of 3号 are 158 mm, 2 mm wider than the text block: each character gives back that share. */
const TEXT_MM = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right
const LETTER_SPACING_PT = ((TEXT_MM / CHARS_PER_LINE) * 72) / 25.4 - SIZE_PT.body - 0.005

export function printCss(): string {
  const number = `"${PAGE_NUMBER_DASH} " counter(page) " ${PAGE_NUMBER_DASH}"`
  const numberBox = `font-family: ${family('song')}; font-size: ${SIZE_PT.pageNumber}pt; vertical-align: top; padding-top: 7mm;`
  return `
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
@page :right { @bottom-right { content: ${number}; ${numberBox} text-align: right; padding-right: 1em; } }
@page :left { @bottom-left { content: ${number}; ${numberBox} text-align: left; padding-left: 1em; } }
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font-family: ${family('body')}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_MM.toFixed(4)}mm; letter-spacing: ${LETTER_SPACING_PT.toFixed(3)}pt; color: #000; orphans: 1; widows: 1; text-align: justify; font-kerning: none; overflow-wrap: anywhere; }
p, h1, h2, h3, h4, h5, .title, .mark { margin: 0; font-weight: normal; font-size: ${SIZE_PT.body}pt; }
p { text-indent: 2em; }
p.plain, p.notice-number, p.recipients, p.annex-label, p.signature, .title, .mark, .image { text-indent: 0; }
.title { font-family: ${family('title')}; font-size: ${SIZE_PT.title}pt; text-align: center; }
.mark { font-family: ${family('kai')}; text-align: center; }
h2 { font-family: ${family('hei')}; text-indent: 2em; break-after: avoid; }
h3 { font-family: ${family('kai')}; text-indent: 2em; break-after: avoid; }
h4, h5 { font-family: ${family('body')}; text-indent: 2em; break-after: avoid; }
.blank { height: ${LINE_MM.toFixed(4)}mm; }
.notice-number { text-align: center; }
.signature { text-align: right; padding-right: 4em; }
.annex-label { font-family: ${family('hei')}; break-before: page; }
.annex-list { text-indent: 2em; }
.annex-list + .annex-list { text-indent: 5em; }
.li { text-indent: 2em; }
.image { text-align: center; line-height: normal; }
.image img { display: inline-block; }
table { width: 100%; border-collapse: collapse; margin: 0; font-size: ${SIZE_PT.table}pt; line-height: 1.4; letter-spacing: 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: middle; text-indent: 0; }
th { font-family: ${family('hei')}; font-weight: normal; text-align: center; white-space: nowrap; }
.table-gap { height: ${LINE_MM.toFixed(4)}mm; }
b, strong { font-weight: bold; }
`
}

function inline(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.br) return '<br>'
      let s = esc(r.text)
      if (r.bold) s = `<b>${s}</b>`
      if (r.italic) s = `<i>${s}</i>`
      return s
    })
    .join('')
}

function base64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': {
      const tag = `h${b.level + 1}`
      return `<${tag}>${inline(b.runs)}</${tag}>`
    }
    case 'paragraph':
      return `<p class="${b.plain ? 'plain' : ''}"${b.indent ? ` style="margin-left:${2 * b.indent}em"` : ''}>${inline(b.runs)}</p>`
    case 'list-item':
      return `<p class="li"${b.depth ? ` style="margin-left:${2 * b.depth}em"` : ''}>${esc(b.label)} ${inline(b.runs)}</p>`
    case 'table': {
      const head = `<thead><tr>${b.header.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>`
      const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody>`
      const weights = columnWeights(b)
      const total = weights.reduce((a, w) => a + w, 0)
      const cols = `<colgroup>${weights.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('')}</colgroup>`
      return `<table>${cols}${head}${body}</table><div class="table-gap"></div>`
    }
    case 'image': {
      const size = fitImage(b.image)
      const mime = b.image.type === 'jpg' ? 'image/jpeg' : `image/${b.image.type}`
      return `<p class="image"><img src="data:${mime};base64,${base64(b.image.data)}" alt="${esc(b.alt)}" style="width:${size.width}pt;height:${size.height}pt"></p>`
    }
  }
}

export function printHtml(doc: OfficialDocument): string {
  const parts: string[] = []
  if (doc.notice) {
    const n = doc.notice
    parts.push(`<section class="notice"><p class="notice-number">${esc(n.number)}</p><div class="blank"></div><h1 class="title">${esc(n.title)}</h1><div class="blank"></div>`)
    if (n.recipients) parts.push(`<p class="recipients">${esc(n.recipients)}</p>`)
    for (const p of n.paragraphs) parts.push(`<p>${esc(p)}</p>`)
    parts.push(`<div class="blank"></div><div class="blank"></div><p class="signature">${esc(n.office)}</p>${n.date ? `<p class="signature">${esc(n.date)}</p>` : ''}</section><div style="break-after: page"></div>`)
  }
  parts.push(`<h1 class="title">${esc(doc.title)}</h1>`)
  if (doc.mark) parts.push(`<p class="mark">（${esc(doc.mark)}）</p>`)
  parts.push('<div class="blank"></div>')
  for (const b of doc.body) parts.push(block(b))
  if (doc.annexes.length) {
    parts.push('<div class="blank"></div>')
    doc.annexes.forEach((a, i) => parts.push(`<p class="annex-list">${i === 0 ? '附件：' : ''}${a.number}. ${esc(a.title)}</p>`))
  }
  for (const a of doc.annexes) {
    parts.push(`<section class="annex"><p class="annex-label">附件${a.number}</p><div class="blank"></div><h1 class="title">${esc(a.title)}</h1><div class="blank"></div>`)
    for (const b of a.blocks) parts.push(block(b))
    parts.push('</section>')
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${printCss()}</style></head><body>${parts.join('\n')}</body></html>`
}
