// `npm run bench`: generates synthetic libraries of 1,000 and 10,000 plans and measures, as whole processes,
// yuanku lint (cold, warm, warm with one plan changed), markdownlint-cli2 over the same files (the ecosystem
// baseline), the site build (pages and search index; the .docx/PDF downloads are measured by
// `npm run bench:export`) and a bare Astro build of the same number of plain Markdown pages.
// Options: --sizes 1000,10000  --runs 3  --full (site build of 10,000 too)  --no-site  --keep
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readdirSync, statSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
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

async function repeat(label: string, size: number, before: (() => void) | undefined, command: string, args: string[], env: NodeJS.ProcessEnv = {}, n = runs): Promise<Row> {
  const samples: Sample[] = []
  for (let i = 0; i < n; i++) {
    before?.()
    samples.push(await measure(command, args, { cwd: ROOT, env }))
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
  console.log(`${String(row.size).padStart(6)}  ${row.label.padEnd(44)} ${f.t.toFixed(2).padStart(8)} s  (${f.lo.toFixed(2)}–${f.hi.toFixed(2)})  ${f.mb.toFixed(0).padStart(6)} MB`)
}

function bareAstroProject(dir: string, pages: number): void {
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n')
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config'\nexport default defineConfig({})\n")
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  for (let i = 0; i < pages; i++) {
    writeFileSync(join(dir, 'src/pages/p', `${i}.md`), `---\ntitle: 第${i}号预案\n---\n# 第${i}号预案\n\n${'本预案适用于本行政区域内突发事件的应对工作。'.repeat(150)}\n`)
  }
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
console.log(`runs per figure: ${runs} (median, min–max, median peak RSS of the whole process tree)\n`)
console.log(`  plans  what                                          wall time              peak RSS`)

const work = mkdtempSync(join(tmpdir(), 'yuanku-bench-'))
for (const size of sizes) {
  const lib = join(work, `lib-${size}`)
  const cache = join(work, `cache-${size}`)
  const g = generateLibrary(lib, size)
  console.log(`\n-- ${g.plans} plans, ${(g.bytes / 1e6).toFixed(1)} MB of Markdown`)
  const lintArgs = [YUANKU, 'lint', lib, '--format', 'json', '--output', join(work, 'out.json'), '--cache-location', cache, '--today', '2026-11-22']
  const cold = await repeat('yuanku lint, cold (no cache)', size, () => rmSync(cache, { recursive: true, force: true }), NODE, lintArgs)
  await measure(NODE, lintArgs, { cwd: ROOT })
  await repeat('yuanku lint, warm (nothing changed)', size, undefined, NODE, lintArgs)
  const victim = firstPlan(lib)
  let n = 0
  await repeat('yuanku lint, warm, one plan changed', size, () => appendFileSync(victim, `\n本段为第${++n}次修改。\n`), NODE, lintArgs)
  const mdl = await repeat('markdownlint-cli2, default rules (baseline)', size, undefined, NODE, [MDL, `${lib}/**/*.md`])
  cold.baseline = `${(fmt(cold).t / fmt(mdl).t).toFixed(2)}× markdownlint-cli2`
  console.log(`        → cold lint = ${cold.baseline}`)

  if (!values['no-site'] && (size <= 1000 || values.full) && existsSync(join(ROOT, 'scripts/build-site.ts'))) {
    const out = join(work, `site-${size}`)
    const site = await repeat('site build (all pages + search index)', size, () => rmSync(out, { recursive: true, force: true }), NODE, [join(ROOT, 'scripts/build-site.ts')], { LIBRARY: lib, OUT_DIR: out, BASE: '/', EXPORT: '0' }, Math.min(runs, 2))
    const bare = join(work, `bare-${size}`)
    bareAstroProject(bare, size)
    const baseline = await repeat('bare Astro build, same page count (baseline)', size, () => rmSync(join(bare, 'dist'), { recursive: true, force: true }), NODE, [ASTRO, 'build', '--root', bare, '--silent'], {}, Math.min(runs, 2))
    site.baseline = `${(fmt(site).t / fmt(baseline).t).toFixed(2)}× bare Astro`
    console.log(`        → site build = ${site.baseline}`)
  }
}

console.log('\n| plans | what | median wall time | min–max | peak RSS | ratio |\n| ---: | --- | ---: | ---: | ---: | --- |')
for (const row of rows) {
  const f = fmt(row)
  console.log(`| ${row.size} | ${row.label} | ${f.t.toFixed(2)} s | ${f.lo.toFixed(2)}–${f.hi.toFixed(2)} s | ${f.mb.toFixed(0)} MB | ${row.baseline ?? ''} |`)
}
if (!values.keep) rmSync(work, { recursive: true, force: true })
else console.log(`\nkept ${work}`)

