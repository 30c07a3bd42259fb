#!/usr/bin/env node
// `npm run build`: the library → a static intranet site with a Chinese search index.
//   LIBRARY (default plans/)  OUT_DIR (default dist/)  BASE (default library.yaml site.base or /)
//   PUBLIC=1 or --public      only public plans, no contacts (library.yaml site.public is the default)
//   TODAY=YYYY-MM-DD          the date lifecycle rules compare with (default: today)
//   EXPORT=0                  no .docx/PDF downloads (library.yaml export.site is the default); EXPORT_PDF=0: no PDF
//   CACHE=0                   no build cache; CACHE_DIR=DIR: keep it there (default node_modules/.cache/yuanku/)
//   SEARCH_INDEX_PAGES=N      plan and unit pages per search index (default 1000; a larger library gets several)
//   YUANKU_TIMING=1           print the time of each phase
// The library is linted once here, as `yuanku lint` does it (worker threads, the lint cache; findings are
// shown on the site; lint errors do not stop the build), then Astro renders the pages in this same process
// (plan bodies and checklists come from the render cache when unchanged) and Pagefind indexes the output.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { resolve, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadLibraryMeta } from './lib/load/library.ts'
import { defaultCacheDir } from './cli/lint.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const HEAP_FLAG = 'max-old-space-size'
/** Above this many plans a build needs more than Node's default heap: a 10,000-plan build measured ≈4.2 GB, at the limit. */
const LARGE_LIBRARY = 2000

function fail(message: string): never {
  console.error(`构建失败 / build failed: ${message}`)
  process.exit(2)
}

function parse() {
  try {
    return parseArgs({ options: { public: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: false }).values
  } catch (error) {
    console.error(String((error as Error).message))
    console.error('用法 / usage: [LIBRARY=plans] [OUT_DIR=dist] [BASE=/] [PUBLIC=1] node scripts/build-site.ts [--public]')
    process.exit(2)
  }
}

/** Large libraries: run again with a larger heap, unless the caller already chose one. */
function ensureHeap(library: string): void {
  const chosen = process.execArgv.some((a) => a.includes(HEAP_FLAG)) || (process.env.NODE_OPTIONS ?? '').includes(HEAP_FLAG)
  if (chosen || process.env.YUANKU_HEAP_SET) return
  const plans = loadLibraryMeta(library, { deferDrills: true }).planPaths.length
  if (plans < LARGE_LIBRARY) return
  const mb = Math.max(4096, Math.ceil(plans / 10000) * 8192)
  const child = spawnSync(process.execPath, [`--${HEAP_FLAG}=${mb}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, YUANKU_HEAP_SET: '1' },
  })
  process.exit(child.status ?? 2)
}

async function main(): Promise<void> {
  const args = parse()
  if (args.help) {
    console.log('LIBRARY=plans OUT_DIR=dist BASE=/ [PUBLIC=1] node scripts/build-site.ts [--public]')
    return
  }
  const started = performance.now()
  const library = resolve(process.env.LIBRARY || join(ROOT, 'plans'))
  const outDir = resolve(process.env.OUT_DIR || join(ROOT, 'dist'))
  if (!existsSync(library) || !statSync(library).isDirectory()) fail(`预案库目录不存在 / library folder not found: ${library}`)
  ensureHeap(library)
  // The site links with absolute paths under its base: it has to be served over HTTP. A relative base
  // (BASE=./, for opening dist/ from a disk or a file share) would build pages whose styles and links fail.
  const base = process.env.BASE
  if (base !== undefined && base.trim() !== '' && !base.trim().startsWith('/')) {
    fail(`BASE 应为以 / 开头的部署路径（如 /yuan/），不能是“${base}”：站点须放在 Web 服务器上经 HTTP 访问，不支持从磁盘或文件共享直接打开（file://） / BASE must be a path starting with / (e.g. /yuan/), not "${base}": the site is served over HTTP and does not work opened from disk or a file share (file://)`)
  }

  const envPublic = process.env.PUBLIC
  const isPublic = args.public || envPublic === '1' || envPublic === 'true' ? true : envPublic === '0' || envPublic === 'false' ? false : undefined
  const { prepareSiteWithEngine, siteSettings } = await import('./lib/site/prepare.ts')
  const { RenderCache, renderCacheContext } = await import('./lib/site/render-cache.ts')
  const { prewarm } = await import('./lib/site/prewarm.ts')
  const caches = cacheDirs(library)
  const options = { library, base: process.env.BASE, public: isPublic, today: process.env.TODAY }
  // Plan bodies are rendered while the lint's worker threads run (see prewarm.ts).
  const warm = prewarm(library)
  const settings = siteSettings(warm.shell, options)
  const cache = new RenderCache(caches?.site, renderCacheContext(warm.shell, settings))
  const [model] = await Promise.all([prepareSiteWithEngine({ ...options, cacheDir: caches?.lint }), warm.run(cache, settings)])
  const context = renderCacheContext(model.library, model.options)
  model.renderCache = context === cache.context ? cache : new RenderCache(caches?.site, context)
  ;(globalThis as { __yuankuSite?: unknown }).__yuankuSite = model
  const errors = model.findings.filter((f) => f.severity === 'error').length
  const warnings = model.findings.length - errors
  console.log(`预案库 library: ${library}`)
  console.log(`  ${model.plans.length} 份预案 plans${model.options.public ? '（公开版 public build）' : ''}, ${model.drills.length} 次演练 drills, ${errors} 个错误 errors, ${warnings} 个警告 warnings${model.unreadable.length ? `, ${model.unreadable.length} 个无法读取的文件 unreadable files` : ''}`)
  for (const e of model.internalErrors) console.error(`  内部错误 internal error in rule ${e.ruleId}: ${e.message.split('\n')[0]}`)
  const downloads = await chooseDownloads(model)
  model.downloads = downloads
  const loaded = performance.now()
  lastLap = started
  lap('load + lint + render bodies (in parallel)')

  const { previous, removePrevious } = clearOutput(outDir)
  let reuse: import('./lib/site/page-reuse.ts').PageReuse | undefined
  if (caches) {
    const { PageReuse, codeHash, pageKeys } = await import('./lib/site/page-reuse.ts')
    reuse = new PageReuse(caches.site, outDir, pageKeys(model, codeHash(ROOT)))
    reuse.choose(previous)
    model.reusedPages = reuse.reused
  }
  const { searchShardCount } = await import('./lib/site/page-reuse.ts')
  model.searchShards = searchShardCount(model.plans.length + model.unitIds.length, Number(process.env.SEARCH_INDEX_PAGES) || undefined)
  lap('page keys')
  const { build } = await import('astro')
  await build({
    root: ROOT,
    outDir,
    base: model.options.base,
    logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn',
    // Separate caches per output folder: concurrent builds (tests, CI) must not share Vite's scratch files.
    cacheDir: join(tmpdir(), 'yuanku-astro-cache', createHash('sha1').update(outDir).digest('hex').slice(0, 16)),
  })
  lap('Astro (bundle + pages)')
  if (reuse && previous) reuse.takeOver(previous)
  lap('unchanged pages taken over')
  const rendered = performance.now()
  const cached = model.renderCache.stats
  console.log(`  渲染缓存 render cache: ${cached.rendered} 份新渲染 rendered, ${cached.hits} 份取自缓存 from the cache${cached.ignored ? `, ${cached.ignored} 个损坏条目已忽略 unreadable entries ignored` : ''}${caches ? '' : ' (CACHE=0)'}`)
  if (reuse) console.log(`  页面 pages: ${reuse.reused.size} 个未变的页面沿用上次构建 unchanged pages kept from the previous build`)
  model.renderCache.prune()

  const pageCount = await indexSearch(outDir, model.searchShards ?? 1, reuse, previous)
  // The previous output is deleted only now: its unchanged search indexes were taken over above.
  const removing = removePrevious()
  const indexed = performance.now()
  if (downloads.length) await buildDownloads(model, downloads, outDir)
  lap('downloads')
  // After the downloads: the service worker's build id hashes every file it may cache.
  stampServiceWorker(outDir)
  lap('service worker build id')
  await removing
  reuse?.save()
  lap('previous output removed, page keys saved')
  const done = performance.now()
  const s = (ms: number) => (ms / 1000).toFixed(1)
  console.log(`站点已生成 site written to ${outDir} (base ${model.options.base}): ${pageCount} 个页面入索引 pages indexed`)
  console.log(`  用时 time: ${s(done - started)} s (load+lint ${s(loaded - started)} s, pages ${s(rendered - loaded)} s, search index ${s(indexed - rendered)} s${downloads.length ? `, downloads ${s(done - indexed)} s` : ''})`)
  if (process.env.YUANKU_TIMING === '1') {
    console.error('  phase                                         seconds')
    for (const [name, ms] of timing) console.error(`  ${name.padEnd(44)} ${s(ms).padStart(7)}`)
  }
}

/** YUANKU_TIMING=1: the time of each phase, printed at the end. */
const timing: [string, number][] = []
let lastLap = performance.now()
function lap(name: string): void {
  const now = performance.now()
  timing.push([name, now - lastLap])
  lastLap = now
}

type PageReuse = import('./lib/site/page-reuse.ts').PageReuse

/**
 * Pagefind over the output. Plan and unit pages are searched (they mark their content with data-pagefind-body);
 * reading the other pages (the findings list of a large library is megabytes) would only cost time. They are
 * split into `shards` indexes (see page-reuse.ts), each written by its own Pagefind process so that its memory
 * is returned before the next; an index whose pages did not change is taken over from the previous build. The
 * help pages get an index of their own, merged in the browser: in one index their long texts would change the
 * ranking of plans and units. Returns the number of pages indexed.
 */
async function indexSearch(outDir: string, shards: number, reuse: PageReuse | undefined, previous: string | undefined): Promise<number> {
  const { searchBundle, searchKey, searchShardOf } = await import('./lib/site/page-reuse.ts')
  const bundles = new Map<string, string[]>()
  for (let i = 0; i < shards; i++) bundles.set(searchBundle(i), [])
  bundles.set('pagefind-help', [])
  for (const section of ['plans', 'units']) {
    const dir = join(outDir, section)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      if (existsSync(join(dir, name, 'index.html'))) bundles.get(searchBundle(searchShardOf(`${section}/${name}/`, shards)))!.push(`${section}/${name}/index.html`)
    }
  }
  const help = (rel: string) => {
    for (const name of readdirSync(join(outDir, rel)).sort()) {
      const path = `${rel}/${name}`
      if (statSync(join(outDir, path)).isDirectory()) help(path)
      else if (name === 'index.html') bundles.get('pagefind-help')!.push(path)
    }
  }
  if (existsSync(join(outDir, 'help'))) help('help')
  const pagefind = await import('pagefind')
  let count = 0
  for (const [bundle, paths] of bundles) {
    const pages = paths.map((path) => ({ path, content: readFileSync(join(outDir, path)) }))
    count += pages.length
    if (reuse?.keepSearchIndex(bundle, searchKey(pages), previous)) {
      lap(`search index ${bundle}: ${pages.length} pages, kept`)
      continue
    }
    const { index, errors: created } = await pagefind.createIndex({})
    if (!index) fail(`Pagefind: ${created.join('; ')}`)
    for (const page of pages) {
      const added = await index.addHTMLFile({ sourcePath: page.path, content: page.content.toString('utf8') })
      if (added.errors.length) fail(`Pagefind: ${page.path}: ${added.errors.join('; ')}`)
    }
    const written = await index.writeFiles({ outputPath: join(outDir, bundle) })
    if (written.errors.length) fail(`Pagefind: ${written.errors.join('; ')}`)
    // A new process for the next index: this one's memory goes back to the system.
    await pagefind.close()
    lap(`search index ${bundle}: ${pages.length} pages, written`)
  }
  return count
}

/**
 * Empties the output folder. The previous site is moved aside (its unchanged pages are taken over, see
 * page-reuse.ts) and deleted while the new one is built: deleting tens of thousands of pages one by one took
 * seconds on a busy disk.
 */
function clearOutput(outDir: string): { previous?: string; removePrevious: () => Promise<void> } {
  const none = { removePrevious: () => Promise.resolve() }
  if (!existsSync(outDir)) return none
  const aside = `${outDir}.old-${process.pid}`
  try {
    renameSync(outDir, aside)
  } catch {
    rmSync(outDir, { recursive: true, force: true })
    return none
  }
  // A build that stops early must not leave the old site lying beside the output folder.
  const leftover = () => rmSync(aside, { recursive: true, force: true })
  process.once('exit', leftover)
  return {
    previous: aside,
    removePrevious: () =>
      rm(aside, { recursive: true, force: true }).then(
        () => void process.off('exit', leftover),
        () => undefined,
      ),
  }
}

/**
 * The lint cache (shared with `yuanku lint`, which keeps it in the same place) and the render cache beside
 * it; CACHE=0: none.
 */
function cacheDirs(library: string): { lint: string; site: string } | undefined {
  const off = process.env.CACHE === '0' || process.env.CACHE === 'false'
  if (off) return undefined
  if (process.env.CACHE_DIR) {
    const dir = resolve(process.env.CACHE_DIR)
    return { lint: join(dir, 'lint'), site: join(dir, 'site') }
  }
  const lint = defaultCacheDir(library, process.env.INIT_CWD || process.cwd())
  return { lint, site: `${lint}-site` }
}

type Model = import('./lib/site/model.ts').SiteModel
const PDF_DEFAULT_LIMIT = 200
type Format = import('./lib/export/settings.ts').ExportFormat

/** Which official-document formats the plan pages offer: library.yaml export.site/formats, EXPORT=0, Chromium present. */
async function chooseDownloads(model: Model): Promise<Format[]> {
  const off = (v: string | undefined) => v === '0' || v === 'false'
  if (off(process.env.EXPORT)) return []
  const { exportSettings } = await import('./lib/export/settings.ts')
  const { findChromium } = await import('./lib/export/pdf.ts')
  const settings = exportSettings(model.library)
  if (settings.site === 'off' || (settings.site === 'internal' && model.options.public)) return []
  let formats = settings.formats
  if (off(process.env.EXPORT_PDF)) formats = formats.filter((f) => f !== 'pdf')
  // Chromium prints a plan in about a second on a quiet machine: a large library's first build would take many
  // minutes, so above this size PDFs are built only when library.yaml asks for them (export.formats).
  if (formats.includes('pdf') && !settings.formatsChosen && model.plans.length > PDF_DEFAULT_LIMIT) {
    console.warn(`  注意 notice: ${model.plans.length} 份预案，超过 ${PDF_DEFAULT_LIMIT} 份时构建默认不打印 PDF（.docx 照常生成）；需要时在 library.yaml 写 export.formats: [docx, pdf] / more than ${PDF_DEFAULT_LIMIT} plans: no PDF downloads unless library.yaml sets export.formats`)
    formats = formats.filter((f) => f !== 'pdf')
  }
  if (formats.includes('pdf') && !findChromium()) {
    console.warn('  注意 notice: 找不到 Chromium，本次不生成 PDF 下载（.docx 照常生成）；安装 chromium 和 fonts-noto-cjk 或设置 CHROMIUM_PATH / Chromium not found: no PDF downloads this time (.docx still built)')
    formats = formats.filter((f) => f !== 'pdf')
  }
  return formats
}

/** Every shown plan as .docx/PDF beside its page; a public build prints no contacts. */
async function buildDownloads(model: Model, formats: Format[], outDir: string): Promise<void> {
  const { exportPlans, exportSettings, fileName } = await import('./lib/export/index.ts')
  const { findChromium } = await import('./lib/export/pdf.ts')
  const settings = exportSettings(model.library)
  const plans = model.plans.map((p) => model.library.planById.get(p.id)).filter((p) => p !== undefined)
  let failed = 0
  const summary = await exportPlans({
    plans,
    library: model.library,
    formats,
    outDir,
    chromium: formats.includes('pdf') ? findChromium() : undefined,
    concurrency: Number(process.env.EXPORT_CONCURRENCY) || 2,
    target: (id, format) => join(outDir, 'plans', id, fileName(id, format)),
    pdfCache: process.env.EXPORT_CACHE === '0' ? undefined : join(ROOT, 'node_modules', '.cache', 'yuanku-pdf'),
    docxCache: process.env.EXPORT_CACHE === '0' ? undefined : join(ROOT, 'node_modules', '.cache', 'yuanku-docx'),
    options: { public: model.options.public, appendices: settings.appendices, noticeSettings: settings.notice },
    onPlan(result) {
      for (const e of result.errors) {
        failed++
        console.error(`  ${result.path}: ${e.format} 未能生成 not built: ${e.message}`)
      }
    },
  })
  const files = summary.results.reduce((n, r) => n + r.files.length, 0)
  console.log(`  公文下载 downloads: ${files} 个文件 files (${formats.join(', ')})${failed ? `, ${failed} 个失败 failed` : ''}`)
}

/**
 * Writes the build id (a hash of the built files' names and contents) and the entry cap into sw.js: the
 * cache name changes with every build whose output changed, so the new worker deletes the old caches.
 * SW_MAX_ENTRIES caps the cached pages and assets (default 500).
 */
function stampServiceWorker(outDir: string): void {
  const sw = join(outDir, 'sw.js')
  if (!existsSync(sw)) return
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (path !== sw) {
        hash.update(`${path.slice(outDir.length)}\0`)
        hash.update(readFileSync(path))
      }
    }
  }
  walk(outDir)
  const max = Number(process.env.SW_MAX_ENTRIES)
  const text = readFileSync(sw, 'utf8')
    .replace('__YUANKU_BUILD__', hash.digest('hex').slice(0, 16))
    .replace('__YUANKU_SW_MAX_ENTRIES__', Number.isInteger(max) && max > 0 ? String(max) : '500')
  writeFileSync(sw, text)
}

main().catch((error) => {
  console.error(`构建失败 / build failed: ${(error as Error)?.stack ?? error}`)
  process.exit(2)
})
