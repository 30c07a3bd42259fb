// The CLI's way to lint a library fast: per-file work (parsing, file-scope rules, per-plan
// preparation) comes from the cache when the file is unchanged, else from worker threads on large
// libraries; cross-file rules always run on the merged model.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { assembleLibrary, loadLibraryMeta, parsePlanFrontmatter, planFromParsed, type ParsedPlan } from '../load/library.ts'
import { readSourceFile } from '../load/file.ts'
import { lint, runFileRules, todayIso, type FileReport, type LintOptions, type LintResult, type Precomputed } from '../lint.ts'
import type { Library } from '../model/library.ts'
import type { Plan, SourceFile } from '../model/plan.ts'
import { version } from '../version.ts'
import { contentHash, LintCache } from './cache.ts'
import type { WorkerJob, WorkerResult } from './worker.ts'
import { mergeTimes, printTimes, timed } from './timing.ts'

export interface EngineOptions extends LintOptions {
  /** Folder for the cache; undefined disables it. */
  cacheDir?: string
  /** Worker threads: 0 = none; default = all cores when the library is large enough to pay for them. */
  workers?: number
}

/** Below this many plans to parse, starting workers costs more than it saves (PERF-NOTES). */
export const WORKER_THRESHOLD = 300

interface FileResult {
  parsed: ParsedPlan
  reports: [string, FileReport[]][]
  prepared: [string, unknown][]
}

function contextHash(meta: ReturnType<typeof loadLibraryMeta>, today: string): string {
  // Today is part of it: file-scope rules may compare dates.
  return createHash('sha1').update(version).update(JSON.stringify(meta.settings)).update(meta.unitsFile?.text ?? '').update(today).digest('base64url')
}

async function inWorkers(root: string, files: SourceFile[], count: number, today: string, locale: LintOptions['locale']): Promise<Map<string, WorkerResult>> {
  const results = new Map<string, WorkerResult>()
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: { root, today, locale } }))
  const BATCH = 50
  let next = 0
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve()
              const batch = files.slice(next, next + BATCH)
              next += BATCH
              const job: WorkerJob = { files: batch.map((f) => ({ path: f.path, absPath: f.absPath, text: f.text, bom: f.bom })) }
              worker.postMessage(job)
            }
            worker.on('message', ({ results: batch, times }: { results: WorkerResult[]; times?: [string, number, number][] }) => {
              mergeTimes(times)
              for (const r of batch) results.set(r.path, r)
              send()
            })
            worker.on('error', reject)
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}

export async function lintLibrary(root: string, options: EngineOptions = {}): Promise<{ library: Library; result: LintResult }> {
  const today = options.today ?? todayIso()
  const meta = timed('phase: meta', () => loadLibraryMeta(root))
  const cache = timed('phase: cache read', () => (options.cacheDir ? new LintCache(options.cacheDir, version) : undefined))
  const context = contextHash(meta, today)

  const files: { file: SourceFile; hash: string }[] = []
  timed('phase: read+hash', () => {
    for (const path of meta.planPaths) {
      const file = meta.read(path, 'plan')
      if (file) files.push({ file, hash: contentHash(file.text) })
    }
  })

  // Per file: cached results under the same context, or cached parse only, or nothing yet.
  const results = new Map<string, FileResult>()
  const parsedOnly = new Map<string, ParsedPlan>()
  const misses: SourceFile[] = []
  for (const { file, hash } of files) {
    const entry = cache?.get(hash)
    if (entry && entry.context === context) results.set(file.path, entry)
    else if (entry) parsedOnly.set(file.path, entry.parsed)
    else misses.push(file)
  }

  const workerCount = options.workers ?? (misses.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0)
  if (workerCount > 0 && misses.length > 0) {
    const t0 = performance.now()
    const fromWorkers = await inWorkers(meta.root, misses, workerCount, today, options.locale)
    mergeTimes([['phase: workers (wall)', performance.now() - t0, 1]])
    for (const [path, r] of fromWorkers) {
      // A rule that threw in a worker runs again on the main thread, where lint() reports it.
      if (r.error) parsedOnly.set(path, r.parsed)
      else results.set(path, r)
    }
  }

  const tMerge = performance.now()
  const plans: Plan[] = []
  const precomputed: Precomputed = { reports: new Map(), prepared: new Map() }
  const shell = assembleLibrary(meta, [])
  for (const { file, hash } of files) {
    let r = results.get(file.path)
    let plan: Plan
    if (r) {
      plan = planFromParsed({ ...file, issues: [...r.parsed.issues] }, r.parsed)
    } else {
      const known = parsedOnly.get(file.path)
      const parsed = known ? { ...known, issues: [...known.issues] } : parsePlanFrontmatter(file)
      plan = planFromParsed({ ...file, issues: parsed.issues }, parsed)
      const computed = runFileRules(plan, shell, { today, locale: options.locale })
      r = { parsed, reports: [...computed.reports], prepared: [...computed.prepared] }
      cache?.set(hash, { parsed: { ...parsed, issues: [...parsed.issues] }, context, reports: r.reports, prepared: r.prepared })
    }
    if (results.has(file.path) && cache && !cache.get(hash)) cache.set(hash, { parsed: r.parsed, context, reports: r.reports, prepared: r.prepared })
    plans.push(plan)
    precomputed.reports.set(file.path, new Map(r.reports))
    precomputed.prepared.set(file.path, new Map(r.prepared))
  }

  mergeTimes([['phase: merge (main)', performance.now() - tMerge, 1]])
  const library = assembleLibrary(meta, plans)
  const result = timed('phase: lint (main)', () => lint(library, { ...options, today, precomputed }))
  try {
    timed('phase: cache save', () => cache?.save())
  } catch {
    // A cache that cannot be written only costs time next run.
  }
  printTimes()
  return { library, result }
}
