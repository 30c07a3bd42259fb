import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { writeFileAtomic, type FileChunk } from '../fs/atomic.ts'
import type { FileStamp, ParsedFrontmatter } from '../load/library.ts'
import type { FileReport } from '../lint.ts'

const MAGIC = 'yuanku-lint-cache'
const FORMAT = 1
/** Shape of the entries inside a cache file; an older shape is dropped like a foreign cache. */
const LAYOUT = 7

/** What the cache keeps for one plan file, keyed by the hash of its bytes. */
export interface CacheEntry {
  kind?: 'plan'
  parsed: ParsedFrontmatter
  /** Hash of `parsed`: what other plans' rules see of this plan without reading its text. */
  dataKey: string
  /** Hash of the text before the body (the frontmatter with its fences): what placing a finding in the frontmatter reads. */
  head: string
  /** Hash of tool version + settings + registry the reports and prepared data were computed under. */
  context: string
  /**
   * The file-scope rules' reports, [ruleId, FileReport[]][] serialised: a run that replays the whole
   * result of the last one (nothing changed) never deserialises them.
   */
  reports: Packed
  /**
   * Each rule's preparePlan result, serialised apart, with the hash of those bytes: a warm run whose
   * cross-file rules need not run never deserialises them (about half of the cache).
   */
  prepared: [ruleId: string, value: Packed, hash: string][]
}

/**
 * What the cache keeps for one drill record: its frontmatter as read and validated (rules on drills are
 * cross-file). Read from disk it is still packed, and unpacked only when the record is built: a run whose
 * rules on drill records need not run again never builds them (8,000 records at 10,000 plans were ≈0.45 s
 * of deserialising and building). An entry made this run has both forms.
 */
export interface DrillCacheEntry {
  kind: 'drill'
  parsed?: ParsedFrontmatter
  packedParsed?: Packed
}

export type AnyCacheEntry = CacheEntry | DrillCacheEntry

/** A file's stamp as last seen, with the hash of its bytes then and whether it began with a BOM. */
type StampRecord = [...stamp: FileStamp, hash: string, bom: boolean]

/**
 * A file whose stamp is this close to the time its hash was taken may have changed again within the
 * timestamp's granularity without its stamp changing (git's "racy clean" files): it is read and hashed.
 * Two seconds covers the coarsest timestamps in use (FAT) and a file system other than the cache's.
 */
const RACY_MS = 2000

/** The parts of a cache entry a worker thread works out with the plan's other per-file results. */
export type StoredParts = Pick<CacheEntry, 'dataKey' | 'head' | 'reports' | 'prepared'>

/**
 * A serialised value: a one-byte string as made (it crosses from a worker thread in one copy), or a view
 * of the cache file's one blob as read back (see save: 30,000 small strings in the young heap cost a
 * third of a second of copying collections on every run that reads the cache).
 */
export type Packed = string | Uint8Array

export function packed(value: unknown): string {
  return serialize(value).toString('latin1')
}

export function unpacked(value: Packed): unknown {
  return deserialize(typeof value === 'string' ? Buffer.from(value, 'latin1') : value)
}

/** Where a packed value lies in the blob of the file it was read from. */
type BlobRef = [start: number, end: number]

/**
 * A cache file: a marker, the length of the v8-serialised part, that part (entries with their packed values
 * replaced by places in the blob), then the blob's bytes as they are. Read back, the packed values are views
 * of the file's own buffer: nothing is copied, and no collection moves 30 MB of small strings.
 */
const FRAME = Buffer.from('YKCACHE1', 'latin1')

function framed(value: Record<string, unknown>, entries: Map<string, AnyCacheEntry>): FileChunk[] {
  const chunks: FileChunk[] = []
  let size = 0
  const ref = (packedValue: Packed): BlobRef => {
    // A one-byte string is written as latin1 (one byte per character) when its turn comes: 30 MB of copies are never held at once.
    chunks.push(typeof packedValue === 'string' ? { latin1: packedValue } : packedValue)
    size += packedValue.length
    return [size - packedValue.length, size]
  }
  const out = new Map<string, unknown>()
  for (const [key, entry] of entries) {
    if (entry.kind === 'drill') out.set(key, { kind: 'drill', packedParsed: ref(entry.packedParsed ?? packed(entry.parsed)) })
    else out.set(key, { ...entry, reports: ref(entry.reports), prepared: entry.prepared.map(([id, v, hash]) => [id, ref(v), hash]) })
  }
  const body = serialize({ ...value, entries: out })
  return [frameLead(body.length), body, ...chunks]
}

function frameLead(bodyLength: number): Buffer {
  const lead = Buffer.alloc(FRAME.length + 4)
  FRAME.copy(lead)
  lead.writeUInt32LE(bodyLength, FRAME.length)
  return lead
}

/** The v8-serialised part of a cache file and its blob; undefined when the file is not framed as framed() writes. */
function unframed(raw: Buffer): { body: Buffer; blob: Buffer } | undefined {
  if (raw.length < FRAME.length + 4 || !raw.subarray(0, FRAME.length).equals(FRAME)) return undefined
  const end = FRAME.length + 4 + raw.readUInt32LE(FRAME.length)
  if (end > raw.length) return undefined
  return { body: raw.subarray(FRAME.length + 4, end), blob: raw.subarray(end) }
}

/** An entry as read: its places in the blob turned back into views of it; undefined when a place is not in it. */
function fromBlob(value: unknown, blob: Uint8Array): unknown {
  const e = value as { kind?: unknown; reports?: unknown; prepared?: unknown; packedParsed?: unknown }
  if (typeof e !== 'object' || e === null) return value
  const view = (r: unknown): Uint8Array | undefined =>
    Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && 0 <= r[0] && r[0] <= r[1] && r[1] <= blob.length ? blob.subarray(r[0], r[1]) : undefined
  if (e.kind === 'drill') {
    const packedParsed = view(e.packedParsed)
    return packedParsed && { kind: 'drill', packedParsed }
  }
  if (!Array.isArray(e.prepared)) return value
  const reports = view(e.reports)
  const prepared = e.prepared.map((p) => (Array.isArray(p) && p.length === 3 ? [p[0], view(p[1]), p[2]] : undefined))
  if (!reports || prepared.some((p) => !p || !p[1])) return undefined
  return { ...e, reports, prepared }
}

export function storedParts(parsed: ParsedFrontmatter, text: string, reports: [string, FileReport[]][], prepared: [string, unknown][]): StoredParts {
  return {
    dataKey: contentHash(serialize(parsed)),
    head: contentHash(text.slice(0, parsed.bodyStart)),
    reports: packReports(reports),
    prepared: prepared.map(([id, value]) => {
      const bytes = serialize(value)
      return [id, bytes.toString('latin1'), contentHash(bytes)]
    }),
  }
}

/**
 * A plan's file-scope reports as stored: the ids of the rules that ran, joined, and only the rules that
 * reported something. Most rules report nothing on a given plan; 22 empty lists per plan made unpacking
 * 10,000 plans' reports take 0.5 s instead of 0.1 s.
 */
function packReports(reports: [string, FileReport[]][]): string {
  return packed([reports.map(([id]) => id).join(','), reports.filter(([, list]) => list.length > 0)])
}

const ranSets = new Map<string, Set<string>>()

/** The reports packReports stored, by rule id: [] for a rule that ran and found nothing, undefined for one that did not run. */
export function unpackReports(stored: Packed): { get(ruleId: string): FileReport[] | undefined } {
  const [ranIds, found] = unpacked(stored) as [string, [string, FileReport[]][]]
  let ran = ranSets.get(ranIds)
  if (!ran) ranSets.set(ranIds, (ran = new Set(ranIds.split(','))))
  const byRule = new Map(found)
  return { get: (id) => byRule.get(id) ?? (ran.has(id) ? [] : undefined) }
}

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url')
}

/**
 * Per-file lint results on disk. A cache written by another tool version, a corrupt file or anything
 * that does not look like ours is ignored and rebuilt, never trusted.
 *
 * Two files: the base (all entries) and a journal of the entries added since, tied to the base by a
 * random id. A run that changes a few files writes only the journal (rewriting a 40 MB base for one
 * plan cost ~0.4 s at 10,000 plans); when the journal or the unused part of the base grows past a few
 * percent, the next save rewrites the base with only the entries in use and drops the journal.
 */
export class LintCache {
  readonly file: string
  private readonly toolVersion: string
  private entries = new Map<string, AnyCacheEntry>()
  private used = new Set<string>()
  /** Cross-file rules' memos (RuleContext.memo): context + rule id + key → value. */
  private memos = new Map<string, unknown>()
  private memosUsed = new Set<string>()
  /** Memo contexts this run worked in: their memos stay even when unread (a warm run takes the cross-file findings from the cache and runs no rule). */
  private contextsUsed = new Set<string>()
  private dirty = false
  readonly journal: string
  /** Path → stamp and hash of the files read or vouched for (see vouch), kept in a small file of their own. */
  readonly stampsFile: string
  private stampsRead = new Map<string, StampRecord>()
  private stampsSeen = new Map<string, StampRecord>()
  /** When the files were stamped in the run that wrote the stamps file (racy files are measured against it). */
  private stampsTime = 0
  private stampsDirty = false
  /** When this run stamped the files: set before the library is walked. */
  runStarted = Date.now()
  /** Id of the base file read; the keys whose entry in use is the base's (memos as memo:key); how many the base held. */
  private baseId: string | undefined
  private baseKeys = new Set<string>()
  private baseSize = 0
  private bodyLoaded = false
  /** Entries the base held when read (0: a first run). */
  private loadedSize = 0
  /** The last run's findings, apart from the entries: replaying them needs neither the base nor the journal. */
  readonly resultFile: string

  constructor(dir: string, toolVersion: string) {
    this.file = join(dir, `lint-cache-v${FORMAT}.bin`)
    this.journal = join(dir, `lint-cache-v${FORMAT}.journal.bin`)
    this.resultFile = join(dir, `lint-cache-v${FORMAT}.result.bin`)
    this.toolVersion = toolVersion
    this.stampsFile = join(dir, `lint-cache-v${FORMAT}.stamps.bin`)
    this.loadStamps()
  }

  /**
   * The base and the journal, read when an entry or memo is first asked for: a run that replays the last
   * result (see lastResult) never reads them (57 MB and a second of deserialising at 10,000 plans).
   */
  private loadBody(): void {
    if (this.bodyLoaded) return
    this.bodyLoaded = true
    const base = this.load(this.file)
    if (!base || typeof base.id !== 'string') return
    this.baseId = base.id
    for (const key of this.entries.keys()) this.baseKeys.add(key)
    for (const key of this.memos.keys()) this.baseKeys.add(`memo:${key}`)
    this.baseSize = this.baseKeys.size
    this.loadedSize = this.entries.size
    // A journal written against another base (or none) is ignored: its entries are recomputed.
    const journal = this.load(this.journal, base.id) as { entries: Map<string, unknown>; memos?: Map<string, unknown> } | undefined
    for (const key of journal?.entries.keys() ?? []) this.baseKeys.delete(key)
    for (const key of journal?.memos?.keys() ?? []) this.baseKeys.delete(`memo:${key}`)
  }

  /** Whether a last result is kept at all (a first run does not hash every file before it starts the threads). */
  hasResult(): boolean {
    return existsSync(this.resultFile)
  }

  /**
   * The findings of the last run whose inputs hashed to `key` (see the engine's resultKey), serialised, with
   * the file-system facts they depend on; undefined when the last result was computed from other inputs.
   */
  lastResult(key: string): { findings: Uint8Array; files?: unknown } | undefined {
    // The key leads the file: a run with something changed reads those few bytes, not the findings (40 MB at 140,000).
    const header = resultHeader(key)
    try {
      const lead = Buffer.alloc(header.length)
      const fd = openSync(this.resultFile, 'r')
      try {
        if (readSync(fd, lead, 0, lead.length, 0) !== lead.length || !lead.equals(header)) return undefined
      } finally {
        closeSync(fd)
      }
      // Read whole and checked again: the file may have been replaced in between.
      const raw = readFileSync(this.resultFile)
      if (!raw.subarray(0, header.length).equals(header)) return undefined
      const parts = unframed(raw.subarray(header.length))
      const data = parts && deserialize(parts.body)
      if (!parts || data?.version !== this.toolVersion || data.findings !== parts.blob.length) return undefined
      return { findings: parts.blob, files: data.files }
    } catch {
      return undefined
    }
  }

  /** Keeps a run's findings (serialised) for the next run with the same inputs (one result: the file is replaced). */
  saveResult(key: string, findings: Uint8Array, files: unknown): void {
    mkdirSync(join(this.resultFile, '..'), { recursive: true })
    const body = serialize({ version: this.toolVersion, findings: findings.length, files })
    writeFileAtomic(this.resultFile, [resultHeader(key), frameLead(body.length), body, findings])
  }

  /** Reads one cache file into the maps; undefined when it is missing, foreign or corrupt (then nothing of it is kept). */
  private load(file: string, baseId?: string): { id?: unknown } | undefined {
    let raw: Buffer
    try {
      raw = readFileSync(file)
    } catch {
      return undefined
    }
    const entries = new Map<string, AnyCacheEntry>()
    const memos = new Map<string, unknown>()
    let data: { magic?: unknown; version?: unknown; layout?: unknown; id?: unknown; base?: unknown; entries?: unknown; memos?: unknown }
    try {
      const parts = unframed(raw)
      if (!parts) return undefined
      data = deserialize(parts.body)
      if (data?.magic !== MAGIC || data.version !== this.toolVersion || data.layout !== LAYOUT || !(data.entries instanceof Map)) return undefined
      if (baseId !== undefined && data.base !== baseId) return undefined
      for (const [key, stored] of data.entries as Map<unknown, unknown>) {
        const value = fromBlob(stored, parts.blob)
        if (typeof key === 'string' && isEntry(value)) entries.set(key, value)
      }
      if (data.memos instanceof Map) for (const [key, value] of data.memos as Map<unknown, unknown>) if (typeof key === 'string') memos.set(key, value)
    } catch {
      return undefined
    }
    for (const [key, value] of entries) this.entries.set(key, value)
    for (const [key, value] of memos) this.memos.set(key, value)
    return data
  }

  private loadStamps(): void {
    try {
      const data = deserialize(readFileSync(this.stampsFile))
      if (data?.magic !== MAGIC || data.version !== FORMAT || typeof data.time !== 'number' || !(data.files instanceof Map)) return
      for (const [path, record] of data.files as Map<unknown, unknown>) {
        if (typeof path === 'string' && isStampRecord(record)) this.stampsRead.set(path, record)
      }
      this.stampsTime = data.time
    } catch {
      // Missing or damaged: every file is read and hashed, as on a first run.
      this.stampsRead.clear()
    }
  }

  /**
   * The hash and BOM recorded for a file whose stamp has not changed since, unless the file was modified
   * too close to the time it was stamped to trust the stamp.
   */
  vouch(path: string, stamp: FileStamp | undefined): { hash: string; bom: boolean } | undefined {
    const record = stamp && this.stampsRead.get(path)
    if (!record || record[0] !== stamp[0] || record[1] !== stamp[1] || record[2] !== stamp[2] || record[3] !== stamp[3]) return undefined
    if (Math.max(stamp[1], stamp[2]) >= this.stampsTime - RACY_MS) return undefined
    this.stampsSeen.set(path, record)
    return { hash: record[4], bom: record[5] }
  }

  /** Records the stamp of a file read and hashed in this run (not one the cache vouched for). */
  stamp(path: string, stamp: FileStamp | undefined, hash: string, bom: boolean): void {
    if (!stamp) return
    this.stampsSeen.set(path, [...stamp, hash, bom])
    this.stampsDirty = true
  }

  /** Entries read from disk (plans and drill records). */
  get size(): number {
    this.loadBody()
    return this.entries.size
  }

  /** Whether the cache held entries before this run (a first run's result is kept for the next). */
  get wasEmpty(): boolean {
    this.loadBody()
    return this.loadedSize === 0
  }

  get(hash: string): CacheEntry | undefined {
    this.loadBody()
    const entry = this.entries.get(hash)
    if (!entry || entry.kind === 'drill') return undefined
    this.used.add(hash)
    return entry
  }

  /** Whether the cache holds a drill record's entry (kept by the next save though not unpacked: see getDrill). */
  hasDrill(hash: string): boolean {
    this.loadBody()
    const entry = this.entries.get(`drill:${hash}`)
    if (!entry || entry.kind !== 'drill') return false
    this.used.add(`drill:${hash}`)
    return true
  }

  /** A drill record's frontmatter, keyed apart from plans (the same bytes validate differently as a drill); unpacked now if it is still packed. */
  getDrill(hash: string): ParsedFrontmatter | undefined {
    if (!this.hasDrill(hash)) return undefined
    const key = `drill:${hash}`
    const entry = this.entries.get(key) as DrillCacheEntry
    if (entry.parsed) return entry.parsed
    let parsed: unknown
    try {
      parsed = entry.packedParsed === undefined ? undefined : unpacked(entry.packedParsed)
    } catch {
      parsed = undefined
    }
    if (!isParsed(parsed)) {
      // Damaged: dropped, and the record is read again.
      this.entries.delete(key)
      this.used.delete(key)
      return undefined
    }
    // The same entry, unpacked: the base still holds it as it was.
    entry.parsed = parsed
    return parsed
  }

  /** A drill record's entry; `packedParsed` when the frontmatter is packed already (by a worker thread). */
  setDrill(hash: string, parsed: ParsedFrontmatter, packedParsed?: Packed): void {
    this.set(`drill:${hash}`, { kind: 'drill', parsed, packedParsed })
  }

  set(hash: string, entry: AnyCacheEntry): void {
    this.loadBody()
    this.entries.set(hash, entry)
    this.used.add(hash)
    // The base's entry under this key (if any) is out of date now.
    this.baseKeys.delete(hash)
    this.dirty = true
  }

  /** A rule's memo under a context (tool version, settings, registry, today): see RuleContext.memo. */
  memo(context: string, ruleId: string): { get(key: string): unknown; set(key: string, value: unknown): void } {
    this.loadBody()
    const prefix = `${context}\u0000${ruleId}\u0000`
    this.contextsUsed.add(context)
    return {
      get: (key) => {
        const full = prefix + key
        if (!this.memos.has(full)) return undefined
        this.memosUsed.add(full)
        return this.memos.get(full)
      },
      set: (key, value) => {
        const full = prefix + key
        this.memos.set(full, value)
        this.memosUsed.add(full)
        this.baseKeys.delete(`memo:${full}`)
        this.dirty = true
      },
    }
  }

  /**
   * Writes the entries used in this run: into the journal when they are few beyond the base, else a new
   * base with only them (entries no longer used are dropped, so the cache never grows without bound).
   */
  save(): void {
    this.saveStamps()
    // Nothing was asked of the entries (the last result was replayed): they stand as they are on disk.
    if (!this.bodyLoaded) return
    // A memo of a context still in use is kept though unread this run: dropping the did-you-mean memos on a
    // warm run (whose rules did not run) rewrote the whole cache file and made the next edit recompute them.
    const memosInUse = [...this.memos.keys()].filter((k) => this.memosUsed.has(k) || this.contextsUsed.has(k.slice(0, k.indexOf('\u0000'))))
    if (!this.dirty && this.used.size === this.entries.size && memosInUse.length === this.memos.size) return
    const fresh = [...this.used].filter((k) => !this.baseKeys.has(k))
    const freshMemos = memosInUse.filter((k) => !this.baseKeys.has(`memo:${k}`))
    const inUse = this.used.size + memosInUse.length
    // Entries of the base that are no longer used or have been replaced.
    const stale = this.baseSize - (inUse - fresh.length - freshMemos.length)
    const small = Math.max(64, Math.round(inUse * 0.05))
    mkdirSync(join(this.file, '..'), { recursive: true })
    if (this.baseId !== undefined && fresh.length + freshMemos.length <= small && stale <= small) {
      if (!this.dirty) return
      const entries = new Map(fresh.map((k) => [k, this.entries.get(k)!]))
      const memos = new Map(freshMemos.map((k) => [k, this.memos.get(k)]))
      writeFileAtomic(this.journal, framed({ magic: MAGIC, version: this.toolVersion, layout: LAYOUT, base: this.baseId, memos }, entries))
      return
    }
    const kept = new Map([...this.entries].filter(([k]) => this.used.has(k)))
    const keep = new Set(memosInUse)
    const memos = new Map([...this.memos].filter(([k]) => keep.has(k)))
    const id = randomBytes(8).toString('hex')
    writeFileAtomic(this.file, framed({ magic: MAGIC, version: this.toolVersion, layout: LAYOUT, id, memos }, kept))
    rmSync(this.journal, { force: true })
  }

  /** Writes the stamps when a file was read this run, or one of those recorded is gone; only the files seen this run are kept. */
  private saveStamps(): void {
    if (!this.stampsDirty && this.stampsSeen.size === this.stampsRead.size) return
    mkdirSync(join(this.stampsFile, '..'), { recursive: true })
    writeFileAtomic(this.stampsFile, serialize({ magic: MAGIC, version: FORMAT, time: this.runStarted, files: this.stampsSeen }))
  }
}

function resultHeader(key: string): Buffer {
  return Buffer.from(`${MAGIC} result\n${key}\n`, 'latin1')
}

function isStampRecord(r: unknown): r is StampRecord {
  return Array.isArray(r) && r.length === 6 && r.slice(0, 4).every((n) => typeof n === 'number') && typeof r[4] === 'string' && typeof r[5] === 'boolean'
}

function isParsed(p: unknown): p is ParsedFrontmatter {
  const parsed = p as ParsedFrontmatter
  return typeof parsed === 'object' && parsed !== null && typeof parsed.valid === 'boolean' && typeof parsed.bodyStart === 'number' && Array.isArray(parsed.issues)
}

function isPacked(v: unknown): v is Packed {
  return typeof v === 'string' || v instanceof Uint8Array
}

function isEntry(v: unknown): v is AnyCacheEntry {
  const e = v as AnyCacheEntry
  if (typeof e !== 'object' || e === null) return false
  if (e.kind === 'drill') return e.packedParsed !== undefined ? isPacked(e.packedParsed) : isParsed(e.parsed)
  return e.kind === undefined && isParsed(e.parsed) && typeof e.context === 'string' && typeof e.dataKey === 'string' && typeof e.head === 'string' && isPacked(e.reports) && Array.isArray(e.prepared) && e.prepared.every((p) => Array.isArray(p) && typeof p[0] === 'string' && isPacked(p[1]) && typeof p[2] === 'string')
}
