// Exports plans as official documents: one call for `yuanku export` and for the site build. Files are written
// atomically (a reader never sees half a .docx), one browser prints every PDF of the run.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { version } from '../version.ts'
import type { Library } from '../model/library.ts'
import type { Plan } from '../model/plan.ts'
import { writeFileAtomic } from '../fs/atomic.ts'
import { officialDocument, type ExportOptions, type ExportWarning } from './model.ts'
import type { ExportFormat } from './settings.ts'
import { writeDocx } from './docx.ts'
import { printHtml } from './html.ts'
import { openPrinter, pool, type PdfPrinter } from './pdf.ts'

export { EXPORT_FORMATS, exportSettings, type ExportFormat, type ExportSettings } from './settings.ts'

export interface ExportedPlan {
  id: string
  path: string
  files: { format: ExportFormat; file: string; bytes: number }[]
  warnings: ExportWarning[]
  errors: { format: ExportFormat; message: string }[]
}

export interface ExportRun {
  plans: Plan[]
  library: Library
  formats: ExportFormat[]
  outDir: string
  options?: ExportOptions
  /** Chromium's path; needed when formats include pdf. */
  chromium?: string
  /** PDF pages printed at once (default 2). */
  concurrency?: number
  /** Where a file goes (default: outDir/<id>.<format>). */
  target?: (id: string, format: ExportFormat) => string
  /**
   * A folder of PDFs by content: a plan whose print page is unchanged is not printed again (Chromium spends
   * seconds per CJK font per document; a site rebuild after one edit reprints one plan).
   */
  pdfCache?: string
  /** A folder of .docx files by content, likewise (a 10,000-plan site writes them in minutes, once). */
  docxCache?: string
  /** Called as each plan is done (progress). */
  onPlan?: (result: ExportedPlan) => void
}

export interface ExportSummary {
  results: ExportedPlan[]
  /** Which font Chromium drew each kind of text with, when PDFs were printed. */
  fonts?: Record<string, string>
}

export const fileName = (id: string, format: ExportFormat) => `${id}.${format}`

export async function exportPlans(run: ExportRun): Promise<ExportSummary> {
  mkdirSync(run.outDir, { recursive: true })
  const wantPdf = run.formats.includes('pdf')
  let printer: PdfPrinter | undefined
  let fonts: Record<string, string> | undefined
  if (wantPdf) {
    if (!run.chromium) throw new Error('Chromium is needed to print PDF files')
    printer = await openPrinter(run.chromium)
  }
  try {
    const results = await pool(run.plans, wantPdf ? Math.max(1, run.concurrency ?? 2) : 1, async (plan) => {
      const doc = officialDocument(plan, run.library, run.options)
      // A plan whose id is missing or malformed is still exported, named after its file.
      const id = /^[a-z0-9][a-z0-9-]*$/.test(doc.id) ? doc.id : basename(plan.path).replace(/\.md$/i, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'plan'
      const result: ExportedPlan = { id, path: plan.path, files: [], warnings: doc.warnings, errors: [] }
      for (const format of run.formats) {
        try {
          const bytes = format === 'docx' ? await docxCached(doc, run.docxCache) : await printCached(printer!, printHtml(doc), run.pdfCache)
          const file = run.target ? run.target(id, format) : join(run.outDir, fileName(id, format))
          mkdirSync(dirname(file), { recursive: true })
          writeFileAtomic(file, bytes)
          result.files.push({ format, file, bytes: bytes.length })
        } catch (error) {
          result.errors.push({ format, message: (error as Error).message.split('\n')[0] })
        }
      }
      if (printer && !fonts) {
        try {
          fonts = await printer.fontsUsed(printHtml(doc))
        } catch {
          fonts = {}
        }
      }
      run.onPlan?.(result)
      return result
    })
    return { results, fonts }
  } finally {
    await printer?.close()
  }
}

async function printCached(printer: PdfPrinter, html: string, cacheDir: string | undefined): Promise<Uint8Array> {
  if (!cacheDir) return printer.print(html)
  const file = join(cacheDir, `${createHash('sha256').update(html).digest('hex').slice(0, 32)}.pdf`)
  if (existsSync(file)) return new Uint8Array(readFileSync(file))
  const pdf = await printer.print(html)
  mkdirSync(cacheDir, { recursive: true })
  writeFileAtomic(file, pdf)
  return pdf
}

let writerSource: string | undefined
/** The docx writer's own text: a changed writer never serves files written by the previous one. */
function docxWriterHash(): string {
  if (writerSource) return writerSource
  const hash = createHash('sha256').update(version)
  for (const m of ['./docx', './layout', './model']) {
    try {
      hash.update(readFileSync(fileURLToPath(new URL(m + (import.meta.url.endsWith('.js') ? '.js' : '.ts'), import.meta.url))))
    } catch {
      hash.update(m)
    }
  }
  return (writerSource = hash.digest('hex'))
}

async function docxCached(doc: ReturnType<typeof officialDocument>, cacheDir: string | undefined): Promise<Uint8Array> {
  if (!cacheDir) return writeDocx(doc)
  const hash = createHash('sha256').update(docxWriterHash())
  // Images are bytes: their hash stands for them.
  hash.update(JSON.stringify(doc, (_key, value: unknown) => (value instanceof Uint8Array ? createHash('sha256').update(value).digest('hex') : value)))
  const file = join(cacheDir, `${hash.digest('hex').slice(0, 32)}.docx`)
  if (existsSync(file)) return new Uint8Array(readFileSync(file))
  const bytes = await writeDocx(doc)
  mkdirSync(cacheDir, { recursive: true })
  writeFileAtomic(file, bytes)
  return bytes
}

const WARNINGS = {
  'image-missing': { zh: '图片文件不存在，已略去', en: 'image file not found; left out' },
  'image-remote': { zh: '不下载网络图片，已略去', en: 'remote images are not downloaded; left out' },
  'image-unsupported': { zh: '不是 PNG、JPEG 或 GIF 图片，已略去', en: 'not a PNG, JPEG or GIF image; left out' },
  'image-outside': { zh: '图片在预案库目录之外，已略去', en: 'image lies outside the library folder; left out' },
} as const

export function warningText(w: ExportWarning): string {
  const m = WARNINGS[w.messageId]
  return `${w.line}:${w.column}  ${m.zh}：${w.url} / ${m.en}: ${w.url}`
}
