// The CLI's way to lint a library fast: per-file work (parsing, file-scope rules, per-plan
// preparation, drill records' frontmatter) comes from the cache when the file is unchanged, else from
// worker threads on large libraries; cross-file rules always run on the merged model.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { assembleLibrary, drillFromParsed, loadLibraryMeta, metaSnapshot, parseDrillFrontmatter, parsePlanFrontmatter, planFromParsed, type LibraryMeta, type ParsedFrontmatter } from '../load/library.ts'
import { lint, runFileRules, todayIso, type FileReport, type LintOptions, type LintResult, type Precomputed } from '../lint.ts'
import type { Library } from '../model/library.ts'
import type { Finding } from '../model/finding.ts'
import type { DrillRecord, Plan, SourceFile } from '../model/plan.ts'
import { codeVersion } from './code-version.ts'
import { contentHash, LintCache } from './cache.ts'
import type { WorkerFile, WorkerReply, WorkerResult } from './worker.ts'
import { addTime, mergeTimes, timed, timingReport } from './timing.ts'
import { seedContentKey } from '../text/content-key.ts'

export interface EngineOptions extends LintOptions {
  /** Folder for the cache; undefined disables it. */
  cacheDir?: string
  /** Worker threads: 0 = none; default = all cores when the library is large enough to pay for them. */
  workers?: number
  /** Text to lint instead of the file on disk, by library-relative path (the language server's open documents). */
  overlay?: ReadonlyMap<string, string>
}

// The installed package runs compiled JavaScript; a checkout runs the TypeScript sources.
const WORKER_ENTRY = import.meta.url.endsWith('.js') ? './worker-entry.js' : './worker-entry.ts'

/**
 * Below this many plans to parse, starting workers costs more than it saves: measured on two cores, two
 * workers parsed 10,000 plans 1.76× faster than one thread, but their warm-up ate the gain on 1,000.
 */
export const WORKER_THRESHOLD = 300
/** A drill record is a small file: this many of them weigh about one plan in deciding on workers. */
const DRILLS_PER_PLAN = 10

interface FileResult {
  parsed: ParsedFrontmatter
  reports: [string, FileReport[]][]
  prepared: [string, unknown][]
}

function contextHash(meta: LibraryMeta, today: string): string {
  // Today is part of it: file-scope rules may compare dates.
  return createHash('sha1').update(codeVersion()).update(JSON.stringify(meta.settings)).update(meta.unitsFile?.text ?? '').update(today).digest('base64url')
}

/**
 * Everything the cross-file rules' findings depend on beyond the context: the files by path and content,
 * the checklists, the files that could not be read or were skipped, and the options that change findings.
 */
function fingerprint(meta: LibraryMeta, planFiles: { file: SourceFile; hash: string }[], drillFiles: { file: SourceFile; hash: string }[], options: EngineOptions): string {
  const hash = createHash('sha1')
  hash.update(JSON.stringify([options.locale ?? null, options.only ?? null, options.files ? [...options.files].sort() : null]))
  for (const { file, hash: h } of planFiles) hash.update(`p\u0000${file.path}\u0000${h}\n`)
  for (const { file, hash: h } of drillFiles) hash.update(`d\u0000${file.path}\u0000${h}\n`)
  for (const c of meta.checklists) hash.update(`c\u0000${c.path}\u0000${contentHash(c.text)}\n`)
  hash.update(JSON.stringify([meta.unreadable.map((u) => [u.path, u.role, u.issue]), meta.skipped, meta.settingsFile?.text ?? null]))
  return hash.digest('base64url')
}

/** Cross-file findings kept in the cache under a fingerprint of the whole library (see LintOptions.remembered). */
function rememberedFindings(cache: LintCache, context: string, key: string): LintOptions['remembered'] {
  const memo = cache.memo(context, `findings:${key}`)
  return { get: (ruleId) => memo.get(ruleId) as Finding[] | undefined, set: (ruleId, findings) => memo.set(ruleId, findings) }
}

/** Reads a library file and hashes its bytes (not the decoded text: no re-encoding). */
function readHashed(meta: LibraryMeta, path: string, role: 'plan' | 'drill'): { file: SourceFile; hash: string } | undefined {
  let hash = ''
  // meta.read checks the file before reading it and records why it cannot be read (the encoding rule reports it).
  const file = meta.read(path, role, (bytes) => {
    hash = contentHash(bytes)
  })
  return file ? { file, hash } : undefined
}

/**
 * Worker threads fed as files are read: batches small enough to balance the threads at the end, two
 * in flight per worker so none waits for the main thread. Started before reading when the cache is
 * (nearly) empty, so that the threads load their modules while the main thread reads and hashes.
 */
class WorkerPool {
  private static readonly BATCH = 25
  private readonly workers: { worker: Worker; inFlight: number }[]
  private readonly queue: WorkerFile[] = []
  private readonly results: WorkerResult[] = []
  private closed = false
  private failure: Error | undefined
  private settle: (() => void) | undefined
  readonly started = performance.now()

  constructor(meta: LibraryMeta, count: number, today: string, locale: LintOptions['locale'], only: string[] | undefined) {
    const snapshot = metaSnapshot(meta)
    this.workers = Array.from({ length: count }, () => {
      const slot = { worker: new Worker(new URL(WORKER_ENTRY, import.meta.url), { workerData: { meta: snapshot, today, locale, only } }), inFlight: 0 }
      slot.worker.on('message', (reply: WorkerReply) => {
        slot.inFlight--
        mergeTimes(reply.times)
        for (const r of reply.results) this.results.push(r)
        this.pump()
      })
      slot.worker.on('error', (error) => this.fail(error))
      slot.worker.on('exit', (code) => {
        if (slot.inFlight > 0 || (!this.closed && !this.failure)) this.fail(new Error(`lint worker stopped (exit code ${code})`))
      })
      return slot
    })
  }

  add(file: WorkerFile): void {
    this.queue.push(file)
    if (this.queue.length >= WorkerPool.BATCH) this.pump()
  }

  private fail(error: Error): void {
    this.failure ??= error
    this.settle?.()
  }

  private pump(): void {
    for (const slot of this.workers) {
      while (slot.inFlight < 2 && (this.queue.length >= WorkerPool.BATCH || (this.closed && this.queue.length > 0))) {
        slot.inFlight++
        slot.worker.postMessage({ files: this.queue.splice(0, WorkerPool.BATCH) })
      }
    }
    if (this.closed && this.queue.length === 0 && this.workers.every((w) => w.inFlight === 0)) this.settle?.()
  }

  /** Stops the threads without waiting for their work (the run failed elsewhere). */
  async abort(): Promise<void> {
    this.closed = true
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }

  /** Sends what is left, waits for every result and stops the threads. */
  async finish(): Promise<WorkerResult[]> {
    this.closed = true
    try {
      await new Promise<void>((resolve) => {
        this.settle = resolve
        if (this.failure) resolve()
        else this.pump()
      })
    } finally {
      await Promise.all(this.workers.map((w) => w.worker.terminate()))
    }
    if (this.failure) throw this.failure
    return this.results
  }
}

function workerCountFor(options: EngineOptions, weight: number): number {
  return options.workers ?? (weight >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0)
}

/** The engine's answer: the library as read, the findings and, with YUANKU_TIMING=1, the timing report for the CLI to print. */
export interface EngineResult {
  library: Library
  result: LintResult
  timings?: string
}

export async function lintLibrary(root: string, options: EngineOptions = {}): Promise<EngineResult> {
  const today = options.today ?? todayIso()
  const meta = timed('phase: meta', () => loadLibraryMeta(root, { deferDrills: true, overlay: options.overlay }))
  const cache = timed('phase: cache read', () => (options.cacheDir ? new LintCache(options.cacheDir, codeVersion()) : undefined))
  const context = contextHash(meta, today)

  // A cache holding less than half the plans means most of them are to be parsed: start the threads now.
  const likelyCold = (cache?.size ?? 0) < meta.planPaths.length / 2
  let pool = likelyCold && workerCountFor(options, meta.planPaths.length) > 0 ? new WorkerPool(meta, workerCountFor(options, meta.planPaths.length), today, options.locale, options.only) : undefined

  // Per plan: cached results under the same context, or cached parse only, or nothing yet.
  const planFiles: { file: SourceFile; hash: string }[] = []
  const drillFiles: { file: SourceFile; hash: string }[] = []
  const results = new Map<string, FileResult>()
  const parsedOnly = new Map<string, ParsedFrontmatter>()
  const drillParsed = new Map<string, ParsedFrontmatter>()
  const misses: WorkerFile[] = []
  let drillMisses = 0
  const miss = (file: WorkerFile) => (pool ? pool.add(file) : misses.push(file))
  try {
    timed('phase: read+hash', () => readAll())
  } catch (error) {
    await pool?.abort()
    throw error
  }
  function readAll(): void {
    for (const path of meta.planPaths) {
      const read = readHashed(meta, path, 'plan')
      if (!read) continue
      planFiles.push(read)
      const { file, hash } = read
      const entry = cache?.get(hash)
      if (entry && entry.context === context) results.set(file.path, entry)
      else if (entry) parsedOnly.set(file.path, entry.parsed)
      else miss({ kind: 'plan', path: file.path, absPath: file.absPath, text: file.text, bom: file.bom })
    }
    for (const path of meta.drillPaths) {
      const read = readHashed(meta, path, 'drill')
      if (!read) continue
      drillFiles.push(read)
      const { file, hash } = read
      const entry = cache?.getDrill(hash)
      if (entry) drillParsed.set(file.path, entry.parsed)
      else {
        miss({ kind: 'drill', path: file.path, absPath: file.absPath, text: file.text, bom: file.bom })
        drillMisses++
      }
    }
  }

  const weight = misses.length - drillMisses + drillMisses / DRILLS_PER_PLAN
  if (!pool && misses.length > 0 && workerCountFor(options, weight) > 0) {
    pool = new WorkerPool(meta, workerCountFor(options, weight), today, options.locale, options.only)
    for (const file of misses) pool.add(file)
  }
  if (pool) {
    const fromWorkers = await pool.finish()
    addTime('phase: workers (wall, from start)', performance.now() - pool.started)
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
      let computed: ReturnType<typeof runFileRules>
      try {
        computed = runFileRules(plan, shell, { today, locale: options.locale, only: options.only })
      } catch {
        // A rule threw: nothing is cached for this plan, and lint() runs its rules itself and reports the one that throws.
        seedContentKey(plan, hash)
        plans.push(plan)
        continue
      }
      r = { parsed, reports: [...computed.reports], prepared: [...computed.prepared] }
      cache?.set(hash, { parsed: { ...parsed, issues: [...parsed.issues] }, context, reports: r.reports, prepared: r.prepared })
    }
    // Memo keys of cross-file rules (contentKey) reuse the hash of the file's bytes.
    seedContentKey(plan, hash)
    plans.push(plan)
    precomputed.reports.set(file.path, new Map(r.reports))
    precomputed.prepared.set(file.path, new Map(r.prepared))
  }
  addTime('phase: merge (main)', performance.now() - tMerge)

  const library = assembleLibrary(meta, plans)
  const remembered = cache ? rememberedFindings(cache, context, fingerprint(meta, planFiles, drillFiles, options)) : undefined
  const result = timed('phase: lint (main)', () => lint(library, { ...options, today, precomputed, remembered, memo: cache ? (ruleId) => cache.memo(context, ruleId) : undefined }))
  try {
    timed('phase: cache save', () => cache?.save())
  } catch {
    // A cache that cannot be written only costs time next run.
  }
  return { library, result, timings: timingReport() }
}
