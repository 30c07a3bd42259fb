import { existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, extname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { createFileAtomic, writeFileAtomic } from '../lib/fs/atomic.ts'
import { lintLibrary } from '../lib/engine/index.ts'
import { MAX_IMPORT_BYTES, SUPPORTED } from '../lib/import/index.ts'
import type { Draft } from '../lib/import/draft.ts'
import { todayIso } from '../lib/dates.ts'
import { loadLibrary } from '../lib/load/library.ts'
import type { Locale } from '../lib/model/finding.ts'
import { formatStylish } from '../lib/report/stylish.ts'
import { displayPathFrom, isInside } from './display-path.ts'
import { EXIT, UsageError, todayOption } from './errors.ts'
import { findLibraryRoot } from './library-path.ts'

export const importHelp = `用法 / Usage: yuanku import <文件或文件夹 files/folders…> [选项]

把现有的 Word（.docx、.doc）、PDF 和文本（.txt、.md）预案转换为预案库中的 Markdown 文件，
并按正文推测前言（每个推测都有注释），然后检查新文件。已有文件从不覆盖。
/ Converts existing Word, PDF and text plans into plan files with drafted, annotated frontmatter, then lints them.

  --library DIR          预案库文件夹（默认 plans）/ the library folder (default plans)
  --dir DIR              写入的文件夹（默认 <预案库>/imported）/ folder for the new files (default <library>/imported)
  --jurisdiction ID      所属行政区或单位编号（不写则按标题推测）/ owning jurisdiction (default: guessed from the title)
  --status STATUS        状态（默认 draft）/ status to write (default draft)
  --dry-run              只显示转换结果，不写文件 / show what would be written, write nothing
  --format stylish|json  报告格式（默认 stylish）/ report format
  --report FILE          另把 JSON 转换报告写入 FILE / also write the JSON conversion report to FILE
  --jobs N               并行转换数（默认 CPU 核数）/ parallel conversions (default: cores)
  --no-lint              转换后不检查 / do not lint the new files
  --today YYYY-MM-DD     以该日期为“今天”/ the date to treat as today

退出码 / Exit codes: 0 全部导入 all imported · 1 有文件未能导入 some files failed · 2 用法错误 usage error`

interface Job {
  index: number
  path: string
  /** Set when the file is refused before conversion (too large, unsupported). */
  refused?: { zh: string; en: string }
}

interface Outcome {
  path: string
  ok: boolean
  zh?: string
  en?: string
  written?: string
  id?: string
  format?: string
  notes?: string[]
  headings?: number
  draft?: Draft
  markdown?: string
}

// The installed package runs compiled JavaScript (Node strips no types inside node_modules); a checkout runs the sources.
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.js') ? './import-worker.js' : './import-worker.ts', import.meta.url)

const IGNORED = (name: string) => name.startsWith('.') || name.startsWith('~$') || name === 'node_modules'

/** The files to import: named files as they are, folders walked for documents (Word's ~$ lock files skipped). */
function collect(inputs: string[], cwd: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (IGNORED(entry.name)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile() && [...SUPPORTED, '.wps'].includes(extname(entry.name).toLowerCase())) out.push(path)
    }
  }
  for (const input of inputs) {
    const abs = resolve(cwd, input)
    if (!existsSync(abs)) throw new UsageError(`找不到“${input}” / "${input}" does not exist`)
    if (statSync(abs).isDirectory()) walk(abs)
    else out.push(abs)
  }
  return out
}

function refuse(path: string): Job['refused'] {
  const st = lstatSync(path)
  if (!st.isFile()) return { zh: '不是普通文件', en: 'not a regular file' }
  if (st.size > MAX_IMPORT_BYTES) {
    const mb = (st.size / 1024 / 1024).toFixed(0)
    return { zh: `文件过大（${mb} MB，上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）：预案正文不会这么大，可能含有大量图片或是扫描件`, en: `the file is too large (${mb} MB, limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB)` }
  }
  if (st.size === 0) return { zh: '文件是空的', en: 'the file is empty' }
  return undefined
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return
  const width = 24
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r导入中 importing ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`)
  if (done === total) process.stderr.write('\n')
}

/** Converts the files on a pool of worker threads; results come back in input order. */
async function convertAll(jobs: Job[], workerData: Record<string, unknown>, size: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(jobs.length)
  let done = 0
  const finish = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome
    progress(++done, jobs.length)
  }
  const pending = jobs.filter((j) => {
    if (j.refused) finish(j.index, { path: j.path, ok: false, ...j.refused })
    return !j.refused
  })
  if (!pending.length) return outcomes
  const workers = Array.from({ length: Math.max(1, Math.min(size, pending.length)) }, () => new Worker(WORKER_ENTRY, { workerData }))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolveWorker, reject) => {
            const next = () => {
              const job = pending.shift()
              if (!job) return resolveWorker()
              worker.once('message', (message: { index: number; ok: boolean; zh?: string; en?: string; conversion?: Omit<Outcome, 'path' | 'ok'> }) => {
                finish(message.index, { path: jobs[message.index].path, ok: message.ok, zh: message.zh, en: message.en, ...message.conversion })
                next()
              })
              worker.postMessage({ index: job.index, path: job.path })
            }
            worker.once('error', reject)
            next()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return outcomes
}

/** The file name for an id that is free both in the library and on disk; the id line follows the name. */
function place(outcome: Outcome, dir: string, taken: Set<string>): { id: string; target: string; markdown: string } {
  const base = outcome.id!
  let id = base
  for (let n = 2; taken.has(id) || existsSync(join(dir, `${id}.md`)); n++) id = `${base.replace(/-\d+$/, '')}-${n}`
  taken.add(id)
  const markdown = id === base ? outcome.markdown! : outcome.markdown!.replace(`\nid: ${base}\n`, `\nid: ${id}\n`)
  return { id, target: join(dir, `${id}.md`), markdown }
}

const CONFIDENCE = { high: '高', medium: '中', low: '低' } as const

function describe(outcome: Outcome, show: (p: string) => string, en: boolean, dryRun: boolean): string {
  if (!outcome.ok) return `✖ ${show(outcome.path)}\n    ${en ? outcome.en : `${outcome.zh} / ${outcome.en}`}`
  const d = outcome.draft!
  const arrow = dryRun ? (en ? 'would write' : '将写入') : '→'
  const lines = [`✔ ${show(outcome.path)} ${arrow} ${show(outcome.written!)}（${outcome.format}，${outcome.headings} 个标题）`]
  const guesses: [string, { value: unknown; confidence: keyof typeof CONFIDENCE } | undefined][] = [
    ['title 名称', d.title],
    ['type 类型', d.type],
    ['jurisdiction 行政区', d.jurisdiction],
    ['hazards 事件种类', d.hazards],
    ['issuer 印发单位', d.issuer],
    ['lead_unit 牵头单位', d.lead_unit],
  ]
  for (const [label, g] of guesses) if (g) lines.push(`    ${label}：${Array.isArray(g.value) ? g.value.join('、') : String(g.value)}（把握：${CONFIDENCE[g.confidence]}）`)
  if (d.units) lines.push(`    units 责任单位：${d.units.value.length} 个`)
  if (d.response_levels) lines.push(`    response_levels 分级响应：${d.response_levels.value.map((l) => l.level).join('、')}`)
  for (const n of outcome.notes ?? []) lines.push(`    · ${n}`)
  for (const t of d.todo) lines.push(`    待处理：${t}`)
  return lines.join('\n')
}

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      dir: { type: 'string' },
      jurisdiction: { type: 'string' },
      status: { type: 'string' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string', default: 'stylish' },
      report: { type: 'string' },
      jobs: { type: 'string' },
      'no-lint': { type: 'boolean' },
      today: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(importHelp)
    return EXIT.ok
  }
  if (!positionals.length) throw new UsageError('请指定要导入的文件或文件夹 / name the files or folders to import')
  if (values.format !== 'stylish' && values.format !== 'json') throw new UsageError('--format 只能是 stylish 或 json / --format must be stylish or json')
  todayOption(values.today)
  const statuses = ['draft', 'review', 'approved', 'published', 'superseded', 'retired']
  if (values.status && !statuses.includes(values.status)) throw new UsageError(`--status 只能是 ${statuses.join(' | ')} / --status must be one of ${statuses.join(', ')}`)
  const jobsWanted = values.jobs ? Number(values.jobs) : availableParallelism()
  if (!Number.isInteger(jobsWanted) || jobsWanted < 1) throw new UsageError('--jobs 应为正整数 / --jobs must be a positive integer')

  const cwd = process.cwd()
  const libraryArg = values.library ?? (existsSync(join(cwd, 'plans')) ? 'plans' : '.')
  const root = findLibraryRoot(resolve(cwd, libraryArg))
  if (!root) throw new UsageError(`“${libraryArg}”不是预案库（找不到 library.yaml 或 units.yaml） / "${libraryArg}" is not a library (no library.yaml or units.yaml)`)
  const library = loadLibrary(root)
  if (values.jurisdiction && !library.units.has(values.jurisdiction)) {
    const byName = library.units.units.find((u) => u.name === values.jurisdiction || u.aliases?.includes(values.jurisdiction!))
    if (!byName) throw new UsageError(`units.yaml 中没有“${values.jurisdiction}” / "${values.jurisdiction}" is not in units.yaml`)
    values.jurisdiction = byName.id
  }
  const dir = values.dir ? resolve(cwd, values.dir) : join(root, 'imported')
  if (!isInside(root, join(dir, 'x.md'))) throw new UsageError(`--dir “${values.dir}”不在预案库中 / --dir is outside the library`)
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`“${values.dir}”不是文件夹 / "${values.dir}" is not a folder`)

  const files = collect(positionals, cwd)
  if (!files.length) throw new UsageError(`没有找到可导入的文件（${SUPPORTED.join('、')}） / no documents to import`)
  const today = values.today ?? todayIso()
  const jobs: Job[] = files.map((path, index) => ({ index, path, refused: refuse(path) }))
  const outcomes = await convertAll(jobs, { root, jurisdiction: values.jurisdiction, status: values.status, today }, jobsWanted)

  // Ids are made unique here, in input order, so that parallel workers never pick the same one.
  const taken = new Set(library.planById.keys())
  const dryRun = Boolean(values['dry-run'])
  if (!dryRun && outcomes.some((o) => o.ok)) mkdirSync(dir, { recursive: true })
  for (const outcome of outcomes) {
    if (!outcome.ok) continue
    for (;;) {
      const placed = place(outcome, dir, taken)
      outcome.id = placed.id
      outcome.written = placed.target
      outcome.markdown = placed.markdown
      if (dryRun) break
      try {
        createFileAtomic(placed.target, placed.markdown)
        break
      } catch (error) {
        // Someone created the file since we looked: never overwrite, take the next free name.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }

  const en = (values.locale ?? library.settings.locale) === 'en'
  const show = displayPathFrom(cwd)
  const okCount = outcomes.filter((o) => o.ok).length
  const failed = outcomes.length - okCount
  const report = outcomes.map((o) => ({
    file: relative(cwd, o.path) || basename(o.path),
    ok: o.ok,
    ...(o.ok
      ? { written: relative(cwd, o.written!), dryRun, id: o.id, format: o.format, headings: o.headings, notes: o.notes, draft: o.draft }
      : { error: { zh: o.zh, en: o.en } }),
  }))
  if (values.report) writeFileAtomic(resolve(cwd, values.report), `${JSON.stringify(report, null, 2)}\n`)

  let lintText = ''
  if (!dryRun && okCount && !values['no-lint']) {
    const written = new Set(outcomes.filter((o) => o.ok).map((o) => relative(root, o.written!).split('\\').join('/')))
    const { library: linted, result } = await lintLibrary(root, { today, files: written, locale: (values.locale as Locale | undefined) ?? undefined })
    const findings = result.findings.filter((f) => written.has(f.file))
    if (values.format === 'json') for (const r of report) (r as Record<string, unknown>).findings = findings.filter((f) => r.ok && relative(root, resolve(cwd, (r as { written: string }).written)) === f.file)
    else if (findings.length) {
      lintText = formatStylish(findings, { locale: (values.locale ?? linted.settings.locale) as Locale, displayPath: (f) => show(join(root, f)), color: process.stdout.isTTY && !process.env.NO_COLOR })
    }
  }

  if (values.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else {
    const parts = outcomes.map((o) => describe(o, show, en, dryRun))
    if (lintText) parts.push(`\n检查结果 / findings in the imported files:\n${lintText.trimEnd()}`)
    if (dryRun) for (const o of outcomes.filter((x) => x.ok)) parts.push(`\n----- ${show(o.written!)} -----\n${o.markdown}`)
    parts.push(`\n导入 ${outcomes.length} 个文件：${okCount} 个成功${failed ? `，${failed} 个失败` : ''}${dryRun ? '（试运行，未写入）' : ''} / ${okCount} of ${outcomes.length} imported${dryRun ? ' (dry run, nothing written)' : ''}`)
    process.stdout.write(`${parts.join('\n')}\n`)
  }
  return failed ? EXIT.findings : EXIT.ok
}
