#!/usr/bin/env node
// `npm run bench:export`: every plan of a library (default: the example library, 50 plans) exported as .docx
// and PDF in one run, as `yuanku export --all` does it: one Chromium, --concurrency pages printing at once.
// Prints the time of each phase; no PDF cache is used, so every PDF is really printed.
//   node scripts/bench/export.ts [--library plans] [--concurrency 2] [--runs 1]
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { loadLibrary } from '../lib/load/library.ts'
import { exportPlans, exportSettings, type ExportFormat } from '../lib/export/index.ts'
import { findChromium } from '../lib/export/pdf.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const { values } = parseArgs({
  options: {
    library: { type: 'string', default: join(ROOT, 'plans') },
    concurrency: { type: 'string', default: '2' },
    runs: { type: 'string', default: '1' },
  },
})

const chromium = findChromium()
if (!chromium) {
  console.error('找不到 Chromium / Chromium not found (set CHROMIUM_PATH)')
  process.exit(2)
}
const library = loadLibrary(values.library!)
const plans = library.plans.filter((p) => typeof p.data?.id === 'string')
const settings = exportSettings(library)
console.log(`${plans.length} plans, ${cpus().length} CPUs, concurrency ${values.concurrency}`)

async function once(formats: ExportFormat[]): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'yuanku-bench-export-'))
  const started = performance.now()
  await exportPlans({ plans, library, formats, outDir: out, chromium, concurrency: Number(values.concurrency), options: { appendices: settings.appendices, noticeSettings: settings.notice } })
  const ms = performance.now() - started
  rmSync(out, { recursive: true, force: true })
  return ms
}

for (let run = 1; run <= Number(values.runs); run++) {
  const docx = await once(['docx'])
  const both = await once(['docx', 'pdf'])
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(`run ${run}: docx only ${s(docx)} (${(docx / plans.length).toFixed(0)} ms/plan) · docx + pdf ${s(both)} (${(both / plans.length).toFixed(0)} ms/plan)`)
}
