// The CLI's way to lint a library fast: per-file work (parsing, file-scope rules, per-plan
// preparation, drill records' frontmatter) comes from the cache when the file is unchanged, else from
// worker threads on large libraries; cross-file rules always run on the merged model.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { assembleLibrary, drillFromParsed, loadLibraryMeta, metaSnapshot, parseDrillFrontmatter, parsePlanFrontmatter, planFromParsed, type LibraryMeta, type ParsedPlan } from '../load/library.ts'
import { decodeSourceFile } from '../load/file.ts'
import { lint, runFileRules, todayIso, type FileReport, type LintOptions, type LintResult, type Precomputed } from '../lint.ts'
import type { Library } from '../model/library.ts'
import type { DrillRecord, Plan, SourceFile } from '../model/plan.ts'
import { version } from '../version.ts'
import { contentHash, LintCache } from './cache.ts'
import type { WorkerFile, WorkerReply, WorkerResult } from './worker.ts'
import { addTime, mergeTimes, printTimes, timed } from './timing.ts'

export interface EngineOptions extends LintOptions {
  /** Folder for the cache; undefined disables it. */
  cacheDir?: string
  /** Worker threads: 0 = none; default = all cores when the library is large enough to pay for them. */
  workers?: number
}

/** Below this many plans to parse, starting workers costs more than it saves (PERF-NOTES). */
export const WORKER_THRESHOLD = 300
/** A drill record is a small file: this many of them weigh about one plan in deciding on workers. */
const DRILLS_PER_PLAN = 10

interface FileResult {
  parsed: ParsedPlan
  reports: [string, FileReport[]][]
  prepared: [string, unknown][]
}

function contextHash(meta: LibraryMeta, today: string): string {
  // Today is part of it: file-scope rules may compare dates.
  return createHash('sha1').update(version).update(JSON.stringify(meta.settings)).update(meta.unitsFile?.text ?? '').update(today).digest('base64url')
}

/** Reads a library file and hashes its bytes (not the decoded text: no re-encoding). */
function readHashed(meta: LibraryMeta, path: string, role: 'plan' | 'drill'): { file: SourceFile; hash: string } | undefined {
  let hash = ''
  const absPath = join(meta.root, path)
  let bytes: Uint8Array | undefined
  try {
    bytes = readFileSync(absPath)
  } catch {
    // The ordinary reader records why (missing, unreadable) as a finding.
  }
  if (bytes) {
    hash = contentHash(bytes)
    const result = decodeSourceFile(bytes, absPath, path)
    if (result.ok) return { file: result.file, hash }
  }
  // Undecodable or unreadable: meta.read records the issue the encoding rule reports.
  const file = meta.read(path, role)
  return file ? { file, hash: hash || contentHash(file.text) } : undefined
}

async function inWorkers(meta: LibraryMeta, files: WorkerFile[], count: number, today: string, locale: LintOptions['locale']): Promise<WorkerResult[]> {
  const results: WorkerResult[] = []
  const snapshot = metaSnapshot(meta)
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: { meta: snapshot, today, locale } }))
  // Batches small enough to balance the threads at the end, two in flight per worker so none waits for the main thread.
  const BATCH = 25
  let next = 0
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0
            const send = () => {
              if (next >= files.length) {
                if (inFlight === 0) resolve()
                return
              }
              const batch = files.slice(next, next + BATCH)
              next += BATCH
              inFlight++
              worker.postMessage({ files: batch })
            }
            worker.on('message', (reply: WorkerReply) => {
              inFlight--
              mergeTimes(reply.times)
              for (const r of reply.results) results.push(r)
              send()
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (inFlight > 0 || next < files.length) reject(new Error(`lint worker stopped (exit code ${code})`))
            })
            send()
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
  const meta = timed('phase: meta', () => loadLibraryMeta(root, { deferDrills: true }))
  const cache = timed('phase: cache read', () => (options.cacheDir ? new LintCache(options.cacheDir, version) : undefined))
  const context = contextHash(meta, today)

  const planFiles: { file: SourceFile; hash: string }[] = []
  const drillFiles: { file: SourceFile; hash: string }[] = []
  timed('phase: read+hash', () => {
    for (const path of meta.planPaths) {
      const read = readHashed(meta, path, 'plan')
      if (read) planFiles.push(read)
    }
    for (const path of meta.drillPaths) {
      const read = readHashed(meta, path, 'drill')
      if (read) drillFiles.push(read)
    }
  })

  // Per plan: cached results under the same context, or cached parse only, or nothing yet.
  const results = new Map<string, FileResult>()
  const parsedOnly = new Map<string, ParsedPlan>()
  const drillParsed = new Map<string, ParsedPlan>()
  const misses: WorkerFile[] = []
  for (const { file, hash } of planFiles) {
    const entry = cache?.get(hash)
    if (entry && entry.context === context) results.set(file.path, entry)
    else if (entry) parsedOnly.set(file.path, entry.parsed)
    else misses.push({ kind: 'plan', path: file.path, absPath: file.absPath, text: file.text, bom: file.bom })
  }
  let drillMisses = 0
  for (const { file, hash } of drillFiles) {
    const entry = cache?.getDrill(hash)
    if (entry) drillParsed.set(file.path, entry.parsed)
    else {
      misses.push({ kind: 'drill', path: file.path, absPath: file.absPath, text: file.text, bom: file.bom })
      drillMisses++
    }
  }

  const weight = misses.length - drillMisses + drillMisses / DRILLS_PER_PLAN
  const workerCount = options.workers ?? (weight >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0)
  if (workerCount > 0 && misses.length > 0) {
    const t0 = performance.now()
    const fromWorkers = await inWorkers(meta, misses, workerCount, today, options.locale)
    addTime('phase: workers (wall)', performance.now() - t0)
    for (const r of fromWorkers) {
      if (r.kind === 'drill') drillParsed.set(r.path, r.parsed)
      // A rule that threw in a worker runs again on the main thread, where lint() reports it.
      else if (r.error) parsedOnly.set(r.path, r.parsed)
      else results.set(r.path, r)
    }
  }

  const tMerge = performance.now()
  const drills: DrillRecord[] = []
  for (const { file, hash } of drillFiles) {
    const known = drillParsed.get(file.path)
    const parsed = known ? { ...known, issues: [...known.issues] } : parseDrillFrontmatter(file)
    if (!known || !cache?.getDrill(hash)) cache?.setDrill(hash, { ...parsed, issues: [...parsed.issues] })
    drills.push(drillFromParsed({ ...file, issues: parsed.issues }, parsed))
  }
  meta.drills = drills

  const plans: Plan[] = []
  const precomputed: Precomputed = { reports: new Map(), prepared: new Map() }
  const shell = assembleLibrary(meta, [])
  for (const { file, hash } of planFiles) {
    let r = results.get(file.path)
    let plan: Plan
    if (r) {
      plan = planFromParsed({ ...file, issues: [...r.parsed.issues] }, r.parsed)
      if (cache && !cache.get(hash)) cache.set(hash, { parsed: r.parsed, context, reports: r.reports, prepared: r.prepared })
    } else {
      const known = parsedOnly.get(file.path)
      const parsed = known ? { ...known, issues: [...known.issues] } : parsePlanFrontmatter(file)
      plan = planFromParsed({ ...file, issues: parsed.issues }, parsed)
      const computed = runFileRules(plan, shell, { today, locale: options.locale })
      r = { parsed, reports: [...computed.reports], prepared: [...computed.prepared] }
      cache?.set(hash, { parsed: { ...parsed, issues: [...parsed.issues] }, context, reports: r.reports, prepared: r.prepared })
    }
    plans.push(plan)
    precomputed.reports.set(file.path, new Map(r.reports))
    precomputed.prepared.set(file.path, new Map(r.prepared))
  }
  addTime('phase: merge (main)', performance.now() - tMerge)

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
