// The CLI's way to lint a library fast: per-file work (parsing, file-scope rules, per-plan
// preparation, drill records' frontmatter) comes from the cache when the file is unchanged, else from
// worker threads on large libraries; cross-file rules always run on the merged model.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { serialize } from 'node:v8'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { assembleLibrary, drillFromParsed, loadLibraryMeta, metaSnapshot, parseDrillFrontmatter, parsePlanFrontmatter, planFromParsed, withFile, type LibraryMeta, type ParsedFrontmatter } from '../load/library.ts'
import { lint, runFileRules, todayIso, type FileReport, type LintOptions, type LintResult, type Precomputed } from '../lint.ts'
import type { Library } from '../model/library.ts'
import type { Finding } from '../model/finding.ts'
import type { Rule } from '../rules/define-rule.ts'
import { rules as allRules } from '../rules/index.ts'
import { stopWatching, watchReads, type Reads } from './reads.ts'
import { factValue, observeFileFacts, type FileFact } from '../load/file-facts.ts'
import type { DrillRecord, Plan, SourceFile } from '../model/plan.ts'
import { codeVersion } from './code-version.ts'
import { contentHash, LintCache, packed, storedParts, unpacked, unpackReports, type CacheEntry, type Packed, type StoredParts } from './cache.ts'
import type { WorkerFile, WorkerReply, WorkerResult } from './worker.ts'
import { addTime, mergeTimes, timed, timingReport } from './timing.ts'
import { seedContentKey } from '../text/content-key.ts'
import { lazySourceFile } from './lazy-file.ts'

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

/** A plan's per-file results: as a worker returned them (stored as the cache keeps them), or from the cache. */
type FileResult = ({ parsed: ParsedFrontmatter } & StoredParts) | CacheEntry

function contextHash(meta: LibraryMeta, today: string, locale: string | undefined): string {
  // Today is part of it: file-scope rules may compare dates. So is --locale: a rule may word part of a
  // finding's data itself (repealed-basis names the current version in the run's language).
  return createHash('sha1').update(codeVersion()).update(JSON.stringify(meta.settings)).update(meta.unitsFile?.text ?? '').update(`${today}\u0000${locale ?? ''}`).digest('base64url')
}

/**
 * Everything any cross-file rule may see without reading a plan's text, beyond the context: each plan's
 * path and frontmatter as parsed (not its bytes: an edit to a plan's body leaves this unchanged), the
 * drill records and checklists by content, the files that could not be read or were skipped, and the
 * options that change findings.
 */
function libraryKey(meta: LibraryMeta, plans: PlanKeys[], drillFiles: Hashed[], options: EngineOptions): string {
  const hash = createHash('sha1')
  hash.update(optionsKey(options))
  hash.update(plans.map((p) => `p\u0000${p.path}\u0000${p.dataKey}\u0000${p.bom}\n`).join(''))
  hash.update(drillFiles.map(({ file, hash: h }) => `d\u0000${file.path}\u0000${h}\n`).join(''))
  for (const c of meta.checklists) hash.update(`c\u0000${c.path}\u0000${contentHash(c.text)}\n`)
  hash.update(JSON.stringify([meta.unreadable.map((u) => [u.path, u.role, u.issue]), meta.skipped, meta.settingsFile?.text ?? null]))
  return hash.digest('base64url')
}

/** The options that change findings. */
function optionsKey(options: EngineOptions): string {
  return JSON.stringify([options.locale ?? null, options.only ?? null, options.files ? [...options.files].sort() : null])
}

/** What a cross-file rule's findings were computed from, and the findings. */
interface RememberedRule {
  /** Hash of the library key, the rule's prepared data of every plan and the contents the rule read. */
  key: string
  /** Paths of the plans whose content (text, tree, positions, content key) the rule read, with 'head' or 'full'. */
  reads: [string, 'head' | 'full'][]
  /** The findings, packed: unpacked only when the rule's findings are replayed. */
  findings: string
  /** What the rule learnt from the file system beyond the plans (annexes, folders), to be checked again. */
  files?: FileFact[]
}

/**
 * Cross-file findings kept in the cache per rule (see LintOptions.remembered): replayed while the library
 * key, the rule's prepared data of every plan and the content of every plan the rule read are as they
 * were. A rule is deterministic in those, so it would read the same plans and find the same again; an
 * edit to one plan's body re-runs only the rules that read that plan's text or prepared something from it.
 */
function rememberedFindings(cache: LintCache, context: string, libKey: string, plans: PlanKeys[], rules: readonly Rule<any>[]): NonNullable<LintOptions['remembered']> & { ran: boolean; files: FileFact[] } {
  const memo = cache.memo(context, 'findings')
  const byPath = new Map(plans.map((p) => [p.path, p]))
  const preparing = new Set(rules.filter((r) => r.preparePlan).map((r) => r.id))
  const keyOf = (ruleId: string, reads: RememberedRule['reads']) => {
    // The rule id without a part (unknown-unit#library): the prepared data is the rule's.
    const id = ruleId.split('#')[0]
    const hash = createHash('sha1').update(`${libKey}\u0000${ruleId}\n`)
    if (preparing.has(id)) hash.update(plans.map((p) => `${p.prepared.get(id) ?? `c:${p.hash}`}\n`).join(''))
    hash.update(reads.map(([path, part]) => {
      const p = byPath.get(path)
      return `${path}\u0000${part}\u0000${(part === 'head' ? p?.head : p?.hash) ?? '-'}\n`
    }).join(''))
    return hash.digest('base64url')
  }
  let reads: Reads | undefined
  let facts: Map<string, FileFact> | undefined
  const remembered = {
    /** Whether some rule had to run again. */
    ran: false,
    /** The file-system facts of every rule's findings, replayed or new: the whole result holds while they do. */
    files: [] as FileFact[],
    get: (ruleId: string) => {
      const kept = memo.get(ruleId) as RememberedRule | undefined
      if (kept && Array.isArray(kept.reads) && typeof kept.findings === 'string' && kept.key === keyOf(ruleId, kept.reads) && factsHold(kept.files)) {
        if (kept.files) remembered.files.push(...kept.files)
        return unpacked(kept.findings) as Finding[]
      }
      reads = watchReads()
      facts = new Map()
      observeFileFacts((fact) => facts!.set(`${fact[0]}\u0000${fact[1]}`, fact))
      remembered.ran = true
      return undefined
    },
    set: (ruleId: string, findings: Finding[]) => {
      const read = [...(reads ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      stopWatching()
      observeFileFacts(undefined)
      const files = facts && facts.size > 0 ? [...facts.values()] : undefined
      if (files) remembered.files.push(...files)
      reads = undefined
      facts = undefined
      memo.set(ruleId, { key: keyOf(ruleId, read), reads: read, findings: packed(findings), files } satisfies RememberedRule)
    },
  }
  return remembered
}

/** Whether the file system still says what it said when the rule ran (no facts: nothing to check). */
function factsHold(files: unknown): boolean {
  if (files === undefined) return true
  return Array.isArray(files) && files.every((f) => Array.isArray(f) && typeof f[1] === 'string' && factValue(f[0], f[1]) === f[2])
}

/** What rememberedFindings needs to know of a plan. */
interface PlanKeys {
  path: string
  /** Hash of the file's bytes. */
  hash: string
  /** Hash of the parsed frontmatter; the bytes' hash when the plan has no cache entry. */
  dataKey: string
  /** Hash of the text up to where the body starts; the bytes' hash when the plan has no cache entry. */
  head: string
  bom: boolean
  /** Hash of each rule's prepared data, by rule id. */
  prepared: Map<string, string>
}

/** A cache entry's reports, deserialised when lint() first asks for one. */
function lazyReports(stored: Packed): { get(ruleId: string): FileReport[] | undefined } {
  let reports: ReturnType<typeof unpackReports> | undefined
  return { get: (id) => (reports ??= unpackReports(stored)).get(id) }
}

/** A cache entry's prepared data, deserialised rule by rule when a rule first asks for it. */
function lazyPrepared(stored: CacheEntry['prepared']): { has(ruleId: string): boolean; get(ruleId: string): unknown } {
  const bytes = new Map(stored.map(([id, value]) => [id, value]))
  const values = new Map<string, unknown>()
  return {
    has: (id) => bytes.has(id),
    get: (id) => {
      if (!values.has(id) && bytes.has(id)) values.set(id, unpacked(bytes.get(id)!))
      return values.get(id)
    },
  }
}

/**
 * A library file and the hash of its bytes (not of the decoded text: no re-encoding): from the cache's
 * stamps when the file's stamp has not changed, else read and hashed now.
 */
function readHashed(meta: LibraryMeta, cache: LintCache | undefined, path: string, role: 'plan' | 'drill'): { file: SourceFile; hash: string } | undefined {
  const stamp = meta.stamps.get(path)
  const vouched = cache?.vouch(path, stamp)
  if (vouched) return { file: lazySourceFile(path, join(meta.root, path), vouched.bom), hash: vouched.hash }
  let hash = ''
  // meta.read checks the file before reading it and records why it cannot be read (the encoding rule reports it).
  const file = meta.read(path, role, (bytes) => {
    hash = contentHash(bytes)
  })
  if (file) cache?.stamp(path, stamp, hash, file.bom)
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

/** What every step of one run shares. */
interface Run {
  meta: LibraryMeta
  cache: LintCache | undefined
  /** Hash of what file-scope results depend on beyond the file itself (see contextHash). */
  context: string
  today: string
  options: EngineOptions
}

/** A library file as read, with the hash of its bytes. */
interface Hashed {
  file: SourceFile
  hash: string
}

/** Where each file's per-file work is to come from, once the cache has been asked. */
interface Sorted {
  planFiles: Hashed[]
  drillFiles: Hashed[]
  /** Plans whose parse and file-scope results the cache holds under the same context (or a worker returned). */
  results: Map<string, FileResult>
  /** Plans whose parse only is known: their file-scope rules run on the main thread. */
  parsedOnly: Map<string, ParsedFrontmatter>
  drillParsed: Map<string, ParsedFrontmatter>
  /** Every file read, in order (what the result is keyed on). */
  files: HashedFile[]
  /** Drill records the cache holds, by path: their hash (built from the cache only when asked for). */
  drillCached: Map<string, string>
  /** Drill records' frontmatter as the worker threads packed it for the cache. */
  drillPacked: Map<string, string>
  /** Files to parse that no worker pool has taken (yet). */
  misses: WorkerFile[]
  drillMisses: number
}

/** What the merge step hands to the rules: the plans and the per-file results they need not compute again. */
interface Merged {
  plans: Plan[]
  precomputed: Precomputed
  keys: PlanKeys[]
}

/** Lints a library in five steps: hash the files, ask the cache, parse the rest in threads, merge, run the rules. */
export async function lintLibrary(root: string, options: EngineOptions = {}): Promise<EngineResult> {
  const run = openRun(root, options)
  const known = knownHashes(run)
  if (known?.replay) return known.replay
  const pool = earlyPool(run)
  const sorted = await sortByCache(run, known?.files ?? hashFiles(run), pool)
  await runWorkers(run, sorted, pool)
  const merged = timed('phase: merge (main)', () => merge(run, sorted))
  return runRules(run, sorted, merged)
}

// The meta and the cache come first: every later step asks them, and the context hash keys the cache.
function openRun(root: string, options: EngineOptions): Run {
  const today = options.today ?? todayIso()
  // Before the walk takes the files' stamps: a file changed after this is never vouched for by its stamp next run.
  const started = Date.now()
  const meta = timed('phase: meta', () => loadLibraryMeta(root, { deferDrills: true, overlay: options.overlay }))
  const cache = timed('phase: cache read', () => (options.cacheDir ? new LintCache(options.cacheDir, codeVersion()) : undefined))
  if (cache) cache.runStarted = started
  return { meta, cache, context: contextHash(meta, today, options.locale), today, options }
}

function newPool(run: Run, count: number): WorkerPool {
  return new WorkerPool(run.meta, count, run.today, run.options.locale, run.options.only)
}

// A cache holding less than half the plans means most of them are to be parsed: start the threads before reading, so they load meanwhile.
function earlyPool(run: Run): WorkerPool | undefined {
  const likelyCold = (run.cache?.size ?? 0) < run.meta.planPaths.length / 2
  const count = workerCountFor(run.options, run.meta.planPaths.length)
  return likelyCold && count > 0 ? newPool(run, count) : undefined
}

// Hash: the bytes are hashed as they are read, plans first, then drill records; lazily, so each file meets the cache as soon as it is read.
function* hashFiles({ meta, cache }: Run): Generator<HashedFile> {
  for (const path of meta.planPaths) {
    const read = readHashed(meta, cache, path, 'plan')
    if (read) yield { ...read, role: 'plan' }
  }
  for (const path of meta.drillPaths) {
    const read = readHashed(meta, cache, path, 'drill')
    if (read) yield { ...read, role: 'drill' }
  }
}

type HashedFile = Hashed & { role: 'plan' | 'drill' }

/**
 * When the last run left its result: every file's hash (from the stamps, or read now for the few whose
 * stamp changed), and the last result itself when the inputs hash as they did then. The whole cache is
 * not read for that: a warm run with nothing changed reads the stamps, the settings and the findings.
 * Undefined without a last result (a first run hashes while the threads start, see hashFiles).
 */
function knownHashes(run: Run): { files: HashedFile[]; replay?: EngineResult } | undefined {
  const { cache, options } = run
  if (!cache || options.overlay || !cache.hasResult()) return undefined
  const files = timed('phase: read+hash', () => [...hashFiles(run)])
  const last = cache.lastResult(resultKey(run, files))
  if (!last || !factsHold(last.files)) return { files }
  const findings = timed('phase: replay last result', () => unpacked(last.findings) as Finding[])
  saveCache(cache)
  return { files, replay: { library: libraryOnDemand(run, files), result: { findings, internalErrors: [] }, timings: timingReport() } }
}

/**
 * Everything the findings of a run follow from: the context (tool, settings, registry, today), the
 * options and rules, every file's bytes by hash and path, the checklists, and what could not be read.
 */
function resultKey({ meta, context, options }: Run, files: HashedFile[]): string {
  const hash = createHash('sha1').update(`${context}\n`)
  hash.update(optionsKey(options)).update((options.rules ?? allRules).map((r) => r.id).join(','))
  hash.update(files.map(({ file, hash: h, role }) => `${role}\u0000${file.path}\u0000${h}\u0000${file.bom}\n`).join(''))
  for (const c of meta.checklists) hash.update(`c\u0000${c.path}\u0000${contentHash(c.text)}\n`)
  hash.update(JSON.stringify([meta.unreadable.map((u) => [u.path, u.role, u.issue]), meta.skipped, meta.settingsFile?.text ?? null]))
  return hash.digest('base64url')
}

/**
 * The library of a replayed run: its plans and drill records are built (from the cache, as a run that
 * lints would) only when something asks for them; the JSON and SARIF reports need only the root and settings.
 */
function libraryOnDemand(run: Run, files: HashedFile[]): Library {
  let built: Library | undefined
  const build = () => {
    if (!built) {
      const sorted = sortFiles(run, files)
      built = assembleLibrary(run.meta, merge(run, sorted).plans)
    }
    return built
  }
  const library = assembleLibrary(run.meta, [])
  for (const key of ['plans', 'planById', 'drills'] as const) {
    Object.defineProperty(library, key, { enumerable: true, configurable: true, get: () => build()[key] })
  }
  return library
}

// Cache: each file read is sorted into cached results, cached parse only, or work for the threads (fed while reading continues).
async function sortByCache(run: Run, files: Iterable<HashedFile>, pool: WorkerPool | undefined): Promise<Sorted> {
  try {
    return timed('phase: read+hash', () => sortFiles(run, files, pool))
  } catch (error) {
    await pool?.abort()
    throw error
  }
}

/** Sorts the files by what the cache knows of them; a file it knows nothing of goes to the pool or, without one, to sorted.misses. */
function sortFiles(run: Run, files: Iterable<HashedFile>, pool?: WorkerPool): Sorted {
  const sorted: Sorted = { files: [], planFiles: [], drillFiles: [], results: new Map(), parsedOnly: new Map(), drillParsed: new Map(), drillCached: new Map(), drillPacked: new Map(), misses: [], drillMisses: 0 }
  const miss = (kind: WorkerFile['kind'], { path, absPath, text, bom }: SourceFile) => {
    const file: WorkerFile = { kind, path, absPath, text, bom }
    if (pool) pool.add(file)
    else sorted.misses.push(file)
  }
  for (const hashed of files) {
    const { file, hash, role } = hashed
    sorted.files.push(hashed)
    if (role === 'plan') {
      sorted.planFiles.push({ file, hash })
      const entry = run.cache?.get(hash)
      if (entry && entry.context === run.context) sorted.results.set(file.path, entry)
      else if (entry) sorted.parsedOnly.set(file.path, entry.parsed)
      else miss('plan', file)
    } else {
      sorted.drillFiles.push({ file, hash })
      if (run.cache?.hasDrill(hash)) sorted.drillCached.set(file.path, hash)
      else {
        miss('drill', file)
        sorted.drillMisses++
      }
    }
  }
  return sorted
}

// Workers: the misses go to threads when there are enough of them to pay for it; what comes back joins the sorted results.
async function runWorkers(run: Run, sorted: Sorted, early: WorkerPool | undefined): Promise<void> {
  let pool = early
  const { misses, drillMisses } = sorted
  const weight = misses.length - drillMisses + drillMisses / DRILLS_PER_PLAN
  if (!pool && misses.length > 0 && workerCountFor(run.options, weight) > 0) {
    pool = newPool(run, workerCountFor(run.options, weight))
    for (const file of misses) pool.add(file)
  }
  if (!pool) return
  const fromWorkers = await pool.finish()
  addTime('phase: workers (wall, from start)', performance.now() - pool.started)
  for (const r of fromWorkers) {
    if (r.kind === 'drill') {
      sorted.drillParsed.set(r.path, r.parsed)
      if (r.packedParsed) sorted.drillPacked.set(r.path, r.packedParsed)
    }
    // A rule that threw in a worker runs again on the main thread, where lint() reports it.
    else if (r.error) sorted.parsedOnly.set(r.path, r.parsed)
    else sorted.results.set(r.path, r)
  }
}

// Merge: drill records and plans rebuilt from what the cache and the threads returned, the rest parsed here; new results go into the cache.
function merge(run: Run, sorted: Sorted): Merged {
  lazyDrills(run, sorted)
  const merged: Merged = { plans: [], precomputed: { reports: new Map(), prepared: new Map() }, keys: [] }
  const shell = assembleLibrary(run.meta, [])
  for (const hashed of sorted.planFiles) mergePlan(run, sorted, shell, hashed, merged)
  return merged
}

/**
 * The drill records: the new ones built now (so that the cache learns them before it is saved), those the
 * cache holds when a rule or the caller first asks for library.drills (a run whose rules on drill records
 * are replayed never builds them).
 */
function lazyDrills(run: Run, sorted: Sorted): void {
  const built = new Map<string, DrillRecord>()
  for (const hashed of sorted.drillFiles) if (!sorted.drillCached.has(hashed.file.path)) built.set(hashed.file.path, mergeDrill(run, sorted, hashed))
  let drills: DrillRecord[] | undefined
  Object.defineProperty(run.meta, 'drills', {
    enumerable: true,
    configurable: true,
    get: () => (drills ??= sorted.drillFiles.map((hashed) => built.get(hashed.file.path) ?? mergeDrill(run, sorted, hashed))),
  })
}

// A drill record's frontmatter is known (from the cache or a worker) or read now; the cache learns it when it lacks it.
function mergeDrill({ cache }: Run, sorted: Sorted, { file, hash }: Hashed): DrillRecord {
  const cached = sorted.drillCached.has(file.path) ? cache?.getDrill(hash) : undefined
  const known = cached ?? sorted.drillParsed.get(file.path)
  const parsed = known ? { ...known, issues: [...known.issues] } : parseDrillFrontmatter(file)
  if (!cached) cache?.setDrill(hash, { ...parsed, issues: [...parsed.issues] }, sorted.drillPacked.get(file.path))
  return drillFromParsed(withFile(file, { issues: parsed.issues }), parsed)
}

// A plan's per-file results are known, or its file-scope rules run here; a plan whose rule throws is left for lint() to report.
function mergePlan(run: Run, sorted: Sorted, shell: Library, { file, hash }: Hashed, merged: Merged): void {
  const { cache, context, today, options } = run
  const r = sorted.results.get(file.path)
  let plan: Plan
  let entry: CacheEntry | undefined
  let prepared: Precomputed['prepared'] extends Map<string, infer V> ? V : never
  let reports: Map<string, FileReport[]> | undefined
  if (r && 'context' in r) {
    entry = r
    plan = planFromParsed(file, r.parsed)
    prepared = lazyPrepared(r.prepared)
  } else if (r) {
    // A worker's results, in the cache's form already (the threads serialise and hash the prepared data).
    plan = planFromParsed(file, r.parsed)
    entry = { parsed: { ...r.parsed, issues: [...r.parsed.issues] }, context, reports: r.reports, dataKey: r.dataKey, head: r.head, prepared: r.prepared }
    cache?.set(hash, entry)
    prepared = lazyPrepared(r.prepared)
  } else {
    const known = sorted.parsedOnly.get(file.path)
    const parsed = known ? { ...known, issues: [...known.issues] } : parsePlanFrontmatter(file)
    plan = planFromParsed(file, parsed)
    let computed: ReturnType<typeof runFileRules>
    try {
      computed = runFileRules(plan, shell, { today, locale: options.locale, only: options.only })
    } catch {
      // A rule threw: nothing is cached for this plan, and lint() runs its rules itself and reports the one that throws.
      addPlan(merged, plan, hash, { path: file.path, hash, dataKey: `c:${hash}`, head: `c:${hash}`, bom: file.bom, prepared: new Map() })
      return
    }
    // Issues are copied: the plan's own list grows as rules add to it.
    entry = { parsed: { ...parsed, issues: [...parsed.issues] }, context, ...storedParts(parsed, file.text, [...computed.reports], [...computed.prepared]) }
    cache?.set(hash, entry)
    prepared = computed.prepared
    reports = computed.reports
  }
  if (cache && !cache.get(hash)) cache.set(hash, entry)
  addPlan(merged, plan, hash, { path: file.path, hash, dataKey: entry.dataKey, head: entry.head, bom: file.bom, prepared: new Map(entry.prepared.map(([id, , h]) => [id, h])) })
  merged.precomputed.reports.set(file.path, reports ?? lazyReports(entry.reports))
  merged.precomputed.prepared.set(file.path, prepared)
}

function addPlan(merged: Merged, plan: Plan, hash: string, keys: PlanKeys): void {
  // Memo keys of cross-file rules (contentKey) reuse the hash of the file's bytes.
  seedContentKey(plan, hash)
  merged.plans.push(plan)
  merged.keys.push(keys)
}

// Rules: the cross-file rules run on the whole merged library (their findings remembered under the library's fingerprint); then the cache is saved.
function runRules(run: Run, sorted: Sorted, { plans, precomputed, keys }: Merged): EngineResult {
  const { meta, cache, context, today, options } = run
  const library = assembleLibrary(meta, plans)
  const rules = options.rules ?? allRules
  const libKey = libraryKey(meta, keys, sorted.drillFiles, options)
  const remembered = cache ? rememberedFindings(cache, context, libKey, keys, rules) : undefined
  let result: LintResult
  try {
    result = timed('phase: lint (main)', () => lint(library, { ...options, today, precomputed, remembered, memo: cache ? (ruleId) => cache.memo(context, ruleId) : undefined }))
  } finally {
    stopWatching()
  }
  // Kept after a run that only replayed (the next one is likely the same again) or a first one; not after an
  // edit, where packing and writing every finding again (0.7 s at 85,000 findings) would slow each edit down.
  const replayOnly = !remembered?.ran && sorted.results.size === sorted.planFiles.length
  if (cache && !run.options.overlay && result.internalErrors.length === 0 && (replayOnly || cache.wasEmpty)) {
    try {
      cache.saveResult(resultKey(run, sorted.files), serialize(result.findings), remembered?.files.length ? remembered.files : undefined)
    } catch {
      // Not kept: the next run lints.
    }
  }
  saveCache(cache)
  return { library, result, timings: timingReport() }
}

function saveCache(cache: LintCache | undefined): void {
  try {
    timed('phase: cache save', () => cache?.save())
  } catch {
    // A cache that cannot be written only costs time next run.
  }
}
