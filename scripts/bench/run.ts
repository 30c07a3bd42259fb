// `npm run bench`: generates synthetic libraries of 1,000 and 10,000 plans and measures, as whole processes,
// yuanku lint (cold, warm, warm with one plan changed), markdownlint-cli2 over the same files (the ecosystem
// baseline), the site build (pages and search index, cold and rebuilt after one changed plan; the .docx/PDF
// downloads are off, they are measured by `npm run bench:export`) and a bare Astro build of as many plain
// Markdown pages as the site build wrote. Every row reports the peak RSS of the whole process tree.
// The generated libraries look like real ones (lists, tables, bold labels, links; about one plan in seven in a
// house style with nested lists, run-on items, quoted notes and hard breaks, which the fast Markdown path
// leaves to remark; about 4 findings per plan on a first lint, --findings N to change it, --heavy ≈ 14);
// the earlier plain-paragraph corpus is kept as a labelled row.
// Options: --sizes 1000,10000  --runs 3  --findings 4  --heavy (also ~15 findings per plan)  --no-plain
//          --full (site build of 10,000 too)  --no-site  --site-only  --keep
//          --before DIR (also the cold site build of another checkout, e.g. the previous release, same run)
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { generateLibrary } from './generate.ts'
import { measure, median, type Sample } from './measure.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const NODE = process.execPath
const YUANKU = join(ROOT, 'scripts/yuanku.ts')
const MDL = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs')

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    full: { type: 'boolean', default: false },
    'no-site': { type: 'boolean', default: false },
    'site-only': { type: 'boolean', default: false },
    before: { type: 'string' },
    findings: { type: 'string', default: '4' },
    heavy: { type: 'boolean', default: false },
    'no-plain': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})
const sizes = values.sizes!.split(',').map(Number)
const runs = Math.max(1, Number(values.runs))

interface Row {
  size: number
  label: string
  samples: Sample[]
  baseline?: string
}
const rows: Row[] = []

async function repeat(label: string, size: number, before: (() => void) | undefined, command: string, args: string[], env: NodeJS.ProcessEnv = {}, n = runs, cwd = ROOT): Promise<Row> {
  const samples: Sample[] = []
  for (let i = 0; i < n; i++) {
    before?.()
    samples.push(await measure(command, args, { cwd, env }))
  }
  const row = { size, label, samples }
  rows.push(row)
  print(row)
  return row
}

const fmt = (row: Row) => {
  const secs = row.samples.map((s) => s.seconds)
  const mem = row.samples.map((s) => s.peakMb)
  return { t: median(secs), lo: Math.min(...secs), hi: Math.max(...secs), mb: median(mem) }
}

function print(row: Row): void {
  const f = fmt(row)
  console.log(`${String(row.size).padStart(6)}  ${row.label.padEnd(44)} ${f.t.toFixed(2).padStart(8)} s  (${f.lo.toFixed(2)}–${f.hi.toFixed(2)})  ${f.mb.toFixed(0).padStart(6)} MB${processes(row)}`)
}

/** The largest single processes of a row (median over runs), e.g. Astro's Node process and Pagefind's binary. */
function processes(row: Row): string {
  const names = new Set(row.samples.flatMap((s) => Object.keys(s.peakByNameMb)))
  if (names.size < 2) return ''
  const parts = [...names].map((name) => [name, median(row.samples.map((s) => s.peakByNameMb[name] ?? 0))] as const)
  return `  [largest: ${parts.filter(([, mb]) => mb >= 20).sort((a, b) => b[1] - a[1]).map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`).join(', ')}]`
}

/** A bare Astro project of `pages` plain Markdown pages: no layout, no components, Astro's own Markdown engine. */
function bareAstroProject(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n')
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config'\nexport default defineConfig({})\n")
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  for (let i = 0; i < pages; i++) {
    writeFileSync(join(dir, 'src/pages/p', `${i}.md`), `---\ntitle: 第${i}号预案\n---\n# 第${i}号预案\n\n${'本预案适用于本行政区域内突发事件的应对工作。'.repeat(150)}\n`)
  }
}

/** HTML pages a build wrote (Pagefind's own files are not pages). */
function countPages(dir: string): number {
  let n = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) n += name === 'pagefind' ? 0 : countPages(p)
    else if (name.endsWith('.html')) n++
  }
  return n
}

function firstPlan(dir: string): string {
  const stack = [dir]
  while (stack.length) {
    const d = stack.pop()!
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) {
        if (name !== 'drills') stack.push(p)
      } else if (name.endsWith('.md')) return p
    }
  }
  throw new Error('no plan')
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`)
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(', ')}; ${new Date().toISOString()}`)
console.log(`runs per figure: ${runs} (median, min–max, median peak RSS of the whole process tree)\n`)
console.log(`  plans  what                                          wall time              peak RSS`)

/** Findings per plan and share of plans with findings, from the JSON report of a lint run. */
function findingsFigure(file: string, plans: number): string {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { file: string }[] | { findings: { file: string }[] }
  const findings = Array.isArray(report) ? report : report.findings
  const files = new Set(findings.map((f) => f.file))
  return `${(findings.length / plans).toFixed(1)} findings per plan, ${((100 * Math.min(files.size, plans)) / plans).toFixed(0)}% of plans with findings`
}

const work = mkdtempSync(join(tmpdir(), 'yuanku-bench-'))
async function lintRows(lib: string, size: number, tag: string, full: boolean, plans: number): Promise<Row> {
  const cache = join(work, `cache-${size}-${tag}`)
  const out = join(work, `out-${size}-${tag}.json`)
  const lintArgs = [YUANKU, 'lint', lib, '--format', 'json', '--output', out, '--cache-location', cache, '--today', '2026-11-22']
  const cold = await repeat(`yuanku lint, cold (no cache)${tag === 'real' ? '' : ` [${tag}]`}`, size, () => rmSync(cache, { recursive: true, force: true }), NODE, lintArgs)
  console.log(`        (${findingsFigure(out, plans)})`)
  if (!full) return cold
  await measure(NODE, lintArgs, { cwd: ROOT })
  await repeat(`yuanku lint, warm (nothing changed)${tag === 'real' ? '' : ` [${tag}]`}`, size, undefined, NODE, lintArgs)
  const victim = firstPlan(lib)
  let n = 0
  await repeat(`yuanku lint, warm, one plan changed${tag === 'real' ? '' : ` [${tag}]`}`, size, () => appendFileSync(victim, `\n本段为第${++n}次修改。\n`), NODE, lintArgs)
  return cold
}

for (const size of sizes) {
  const lib = join(work, `lib-${size}`)
  const g = generateLibrary(lib, size, undefined, { corpus: 'realistic', findingsPerPlan: Number(values.findings) })
  console.log(`\n-- ${g.plans} plans (realistic: lists, tables, emphasis, links; 1 in 7 with nested lists and quotes), ${(g.bytes / 1e6).toFixed(1)} MB of Markdown`)
  if (values['site-only']) {
    await siteRows(lib, size)
    continue
  }
  const cold = await lintRows(lib, size, 'real', true, g.plans)
  const mdl = await repeat('markdownlint-cli2, default rules (baseline)', size, undefined, NODE, [MDL, `${lib}/**/*.md`])
  cold.baseline = `${(fmt(cold).t / fmt(mdl).t).toFixed(2)}× markdownlint-cli2`
  console.log(`        → cold lint = ${cold.baseline}`)
  if (values.heavy) {
    const heavyLib = join(work, `lib-${size}-heavy`)
    const h = generateLibrary(heavyLib, size, undefined, { corpus: 'realistic', findingsPerPlan: 15 })
    const heavyCold = await lintRows(heavyLib, size, '~15 findings/plan', true, h.plans)
    // The baseline on the same files: the heavy library's bodies differ from the default one's.
    const heavyMdl = await repeat('markdownlint-cli2, default rules (baseline), ~15 findings/plan library', size, undefined, NODE, [MDL, `${heavyLib}/**/*.md`])
    heavyCold.baseline = `${(fmt(heavyCold).t / fmt(heavyMdl).t).toFixed(2)}× markdownlint-cli2`
    console.log(`        → cold lint = ${heavyCold.baseline}`)
  }
  if (!values['no-plain']) {
    const plainLib = join(work, `lib-${size}-plain`)
    const pl = generateLibrary(plainLib, size, undefined, { corpus: 'plain' })
    const plainCold = await lintRows(plainLib, size, 'plain paragraphs, old corpus', false, pl.plans)
    const plainMdl = await repeat('markdownlint-cli2 [plain paragraphs, old corpus]', size, undefined, NODE, [MDL, `${plainLib}/**/*.md`])
    plainCold.baseline = `${(fmt(plainCold).t / fmt(plainMdl).t).toFixed(2)}× markdownlint-cli2`
  }

  if (!values['no-site'] && (size <= 1000 || values.full) && existsSync(join(ROOT, 'scripts/build-site.ts'))) await siteRows(lib, size)
}

async function siteRows(lib: string, size: number): Promise<void> {
  const out = join(work, `site-${size}`)
  const cache = join(work, `site-cache-${size}`)
  // A cold build of 10,000 plans takes minutes: one run there, --runs below.
  const n = size >= 10000 ? 1 : runs
  const env = { LIBRARY: lib, OUT_DIR: out, BASE: '/', EXPORT: '0', TODAY: '2026-11-22', CACHE_DIR: cache }
  const clean = () => {
    rmSync(out, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  }
  if (values.before) {
    // Astro resolves its prerender bundle's packages from the working folder: run it in that checkout.
    await repeat('site build, cold [--before checkout]', size, clean, NODE, [join(values.before, 'scripts/build-site.ts')], env, n, values.before)
  }
  const site = await repeat('site build, cold (pages + search index, no downloads)', size, clean, NODE, [join(ROOT, 'scripts/build-site.ts')], env, n)
  const pages = countPages(out)
  const victim = firstPlan(lib)
  let k = 0
  const rebuild = await repeat('site rebuild, one plan changed (build cache)', size, () => appendFileSync(victim, `\n本段为第${++k}次修改。\n`), NODE, [join(ROOT, 'scripts/build-site.ts')], env, n)
  const bare = join(work, `bare-${size}`)
  bareAstroProject(bare, pages)
  const baseline = await repeat(`bare Astro build, same page count (${pages} Markdown pages)`, size, () => rmSync(join(bare, 'dist'), { recursive: true, force: true }), NODE, [ASTRO, 'build', '--root', bare, '--silent'], {}, n)
  site.baseline = `${(fmt(site).t / fmt(baseline).t).toFixed(2)}× bare Astro`
  rebuild.baseline = `${(fmt(rebuild).t / fmt(site).t).toFixed(2)}× cold`
  console.log(`        → site build = ${site.baseline}; rebuild = ${rebuild.baseline}`)
}

console.log('\n| plans | what | median wall time | min–max | peak RSS | ratio |\n| ---: | --- | ---: | ---: | ---: | --- |')
for (const row of rows) {
  const f = fmt(row)
  console.log(`| ${row.size} | ${row.label} | ${f.t.toFixed(2)} s | ${f.lo.toFixed(2)}–${f.hi.toFixed(2)} s | ${f.mb.toFixed(0)} MB${processes(row)} | ${row.baseline ?? ''} |`)
}
console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}; ${new Date().toISOString()}`)
if (!values.keep) rmSync(work, { recursive: true, force: true })
else console.log(`\nkept ${work}`)

