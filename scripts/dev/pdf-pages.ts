#!/usr/bin/env node
// Renders the pages of a PDF to PNG files (pdf.js + @napi-rs/canvas), to look at an export without a PDF viewer:
//   node scripts/dev/pdf-pages.ts FILE.pdf OUT_DIR [scale]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'

const [file, out, scaleArg] = process.argv.slice(2)
if (!file || !out) {
  console.error('用法 / usage: node scripts/dev/pdf-pages.ts FILE.pdf OUT_DIR [scale]')
  process.exit(2)
}
const require = createRequire(import.meta.url)
const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true }).promise
mkdirSync(out, { recursive: true })
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n)
  const viewport = page.getViewport({ scale: Number(scaleArg) || 1 })
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise
  writeFileSync(join(out, `page-${String(n).padStart(2, '0')}.png`), canvas.toBuffer('image/png'))
}
console.log(`${doc.numPages} 页 pages → ${out}`)
