import { existsSync, statSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { loadLibrary } from '../lib/load/library.ts'
import type { Plan } from '../lib/model/plan.ts'
import { EXPORT_FORMATS, exportPlans, exportSettings, warningText, type ExportFormat } from '../lib/export/index.ts'
import { findChromium } from '../lib/export/pdf.ts'
import { EXIT, UsageError } from './errors.ts'
import { findLibraryRoot } from './library-path.ts'
import { displayPathFrom } from './display-path.ts'

export const exportHelp = `用法 / Usage: yuanku export <预案编号 plan id | 文件 file>… --format docx|pdf [选项]

把预案导出为 GB/T 9704-2012 版式的公文（.docx 或 PDF）。/ Exports plans as official documents in the GB/T 9704-2012 layout.

  --format docx|pdf       格式，可重复或用逗号分隔（默认 docx）/ format, repeat or comma-separate (default docx)
  --out DIR               输出目录（默认当前目录）/ output folder (default: current folder)
  --library DIR           预案库目录（参数为编号时；默认 ./plans 或当前目录）/ library folder when arguments are ids
  --all                   导出库中全部预案 / export every plan of the library
  --public                公开版：不含联系方式 / public edition: no contacts
  --no-notice             不加印发通知页 / no issuing-notice front page
  --no-appendices         不加职责、响应分级、联系方式附件表 / no frontmatter annex tables
  --concurrency N         同时打印的 PDF 页面数（默认 2）/ PDF pages printed at once (default 2)

PDF 由 Chromium 打印（CHROMIUM_PATH 指定位置），需要中文字体（Debian：fonts-noto-cjk）。
PDF is printed by Chromium (CHROMIUM_PATH to choose one) and needs CJK fonts (Debian: fonts-noto-cjk).
退出码 / Exit codes: 0 已写出 written · 1 有文件未能写出 some files not written · 2 用法错误 usage error`

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', multiple: true },
      out: { type: 'string' },
      library: { type: 'string' },
      all: { type: 'boolean', default: false },
      public: { type: 'boolean', default: false },
      'no-notice': { type: 'boolean', default: false },
      'no-appendices': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}

function formatsOf(values: string[] | undefined): ExportFormat[] {
  const list = (values ?? ['docx']).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean)
  for (const f of list) if (!EXPORT_FORMATS.includes(f as ExportFormat)) throw new UsageError(`未知格式“${f}”，可用 docx、pdf / unknown format "${f}"; use docx or pdf`)
  return [...new Set(list)] as ExportFormat[]
}

/** The library the arguments belong to: a file's own library, else --library, ./plans or the current folder. */
function libraryRoot(args: string[], option: string | undefined, cwd: string): string {
  if (option) {
    const abs = resolve(cwd, option)
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`预案库目录不存在：${option} / library folder not found: ${option}`)
    return abs
  }
  const file = args.find((a) => /\.md$/i.test(a) || a.includes('/') || a.includes(sep))
  if (file) {
    const abs = resolve(cwd, file)
    if (!existsSync(abs)) throw new UsageError(`找不到“${file}” / "${file}" does not exist`)
    const root = findLibraryRoot(abs)
    if (!root) throw new UsageError(`“${file}”不在预案库中（向上找不到 library.yaml 或 units.yaml）/ "${file}" is not inside a library`)
    return root
  }
  return existsSync(resolve(cwd, 'plans')) ? resolve(cwd, 'plans') : cwd
}

export async function runExport(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parse(argv)
  if (values.help) {
    console.log(exportHelp)
    return EXIT.ok
  }
  if (!positionals.length && !values.all) throw new UsageError(`请给出预案编号或文件，或用 --all / give plan ids or files, or --all\n\n${exportHelp}`)
  const formats = formatsOf(values.format)
  const concurrency = values.concurrency === undefined ? 2 : Number(values.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError(`--concurrency 应为 1–16 的整数 / --concurrency must be an integer from 1 to 16`)
  const root = libraryRoot(positionals, values.library, cwd)
  const library = loadLibrary(root)

  const plans: Plan[] = []
  const byPath = new Map(library.plans.map((p) => [p.absPath, p]))
  for (const arg of values.all ? [] : positionals) {
    const abs = resolve(cwd, arg)
    const plan = existsSync(abs) && statSync(abs).isFile() ? byPath.get(abs) : library.planById.get(arg)
    if (!plan) {
      const near = [...library.planById.keys()].filter((id) => id.includes(arg) || arg.includes(id)).slice(0, 3)
      throw new UsageError(`找不到预案“${arg}”${near.length ? `，是否指 ${near.join('、')}？` : ''} / no plan "${arg}" in ${displayPathFrom(cwd)(root)}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`)
    }
    if (!plans.includes(plan)) plans.push(plan)
  }
  if (values.all) plans.push(...library.plans.filter((p) => typeof p.data?.id === 'string'))

  let chromium: string | undefined
  if (formats.includes('pdf')) {
    chromium = findChromium()
    if (!chromium) throw new UsageError('找不到 Chromium，无法打印 PDF：请安装 chromium（Debian：apt-get install chromium fonts-noto-cjk）或设置 CHROMIUM_PATH / Chromium not found, cannot print PDF: install chromium (and fonts-noto-cjk) or set CHROMIUM_PATH')
  }
  const settings = exportSettings(library)
  const outDir = resolve(cwd, values.out ?? '.')
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`--out 不是目录：${values.out} / --out is not a folder: ${values.out}`)
  const show = displayPathFrom(cwd)
  let failed = 0
  const started = performance.now()
  const summary = await exportPlans({
    plans,
    library,
    formats,
    outDir,
    chromium,
    concurrency,
    options: { public: values.public, appendices: !values['no-appendices'] && settings.appendices, notice: values['no-notice'] ? false : undefined, noticeSettings: settings.notice },
    onPlan(result) {
      for (const f of result.files) console.log(`${show(f.file)}  ${(f.bytes / 1024).toFixed(0)} KB`)
      const source = relative(cwd, resolve(root, result.path)) || result.path
      for (const w of result.warnings) console.error(`${source}:${warningText(w)}`)
      for (const e of result.errors) {
        failed++
        console.error(`${source}: ${e.format} 未能写出 / not written: ${e.message}`)
      }
    },
  })
  if (summary.fonts && Object.keys(summary.fonts).length) {
    console.log(`PDF 实际使用的字体 fonts used: ${Object.entries(summary.fonts).map(([k, v]) => `${k} → ${v}`).join('；')}`)
  }
  const files = summary.results.reduce((n, r) => n + r.files.length, 0)
  console.log(`已写出 ${files} 个文件 / ${files} files written (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  return failed ? EXIT.findings : EXIT.ok
}
