import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { writeFileAtomic } from '../fs/atomic.ts'
import type { ParsedPlan } from '../load/library.ts'
import type { FileReport } from '../lint.ts'

const MAGIC = 'yuanku-lint-cache'
const FORMAT = 1
/** Shape of the entries inside a cache file; an older shape is dropped like a foreign cache. */
const LAYOUT = 2

/** What the cache keeps for one plan file, keyed by the hash of its bytes. */
export interface CacheEntry {
  kind?: 'plan'
  parsed: ParsedPlan
  /** Hash of tool version + settings + registry the reports and prepared data were computed under. */
  context: string
  reports: [ruleId: string, reports: FileReport[]][]
  prepared: [ruleId: string, value: unknown][]
}

/** What the cache keeps for one drill record: its frontmatter as read and validated (rules on drills are cross-file). */
export interface DrillCacheEntry {
  kind: 'drill'
  parsed: ParsedPlan
}

export type AnyCacheEntry = CacheEntry | DrillCacheEntry

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url')
}

/**
 * Per-file lint results on disk. A cache written by another tool version, a corrupt file or anything
 * that does not look like ours is ignored and rebuilt, never trusted.
 */
export class LintCache {
  readonly file: string
  private readonly toolVersion: string
  private entries = new Map<string, AnyCacheEntry>()
  private used = new Set<string>()
  private dirty = false

  constructor(dir: string, toolVersion: string) {
    this.file = join(dir, `lint-cache-v${FORMAT}.bin`)
    this.toolVersion = toolVersion
    this.read()
  }

  private read(): void {
    let raw: Buffer
    try {
      raw = readFileSync(this.file)
    } catch {
      return
    }
    try {
      const data = deserialize(raw) as { magic?: unknown; version?: unknown; entries?: unknown }
      if (data?.magic !== MAGIC || data.version !== this.toolVersion || (data as { layout?: unknown }).layout !== LAYOUT || !(data.entries instanceof Map)) return
      for (const [key, value] of data.entries as Map<unknown, unknown>) {
        if (typeof key === 'string' && isEntry(value)) this.entries.set(key, value)
      }
    } catch {
      this.entries.clear()
    }
  }

  get(hash: string): CacheEntry | undefined {
    const entry = this.entries.get(hash)
    if (!entry || entry.kind === 'drill') return undefined
    this.used.add(hash)
    return entry
  }

  /** A drill record's entry, keyed apart from plans (the same bytes validate differently as a drill). */
  getDrill(hash: string): DrillCacheEntry | undefined {
    const entry = this.entries.get(`drill:${hash}`)
    if (!entry || entry.kind !== 'drill') return undefined
    this.used.add(`drill:${hash}`)
    return entry
  }

  setDrill(hash: string, parsed: ParsedPlan): void {
    this.set(`drill:${hash}`, { kind: 'drill', parsed })
  }

  set(hash: string, entry: AnyCacheEntry): void {
    this.entries.set(hash, entry)
    this.used.add(hash)
    this.dirty = true
  }

  /** Writes the entries used in this run (others are dropped, so the cache never grows without bound). */
  save(): void {
    if (!this.dirty && this.used.size === this.entries.size) return
    const kept = new Map([...this.entries].filter(([k]) => this.used.has(k)))
    mkdirSync(join(this.file, '..'), { recursive: true })
    writeFileAtomic(this.file, serialize({ magic: MAGIC, version: this.toolVersion, layout: LAYOUT, entries: kept }))
  }
}

function isParsed(p: unknown): p is ParsedPlan {
  const parsed = p as ParsedPlan
  return typeof parsed === 'object' && parsed !== null && typeof parsed.valid === 'boolean' && typeof parsed.bodyStart === 'number' && Array.isArray(parsed.issues)
}

function isEntry(v: unknown): v is AnyCacheEntry {
  const e = v as AnyCacheEntry
  if (typeof e !== 'object' || e === null || !isParsed(e.parsed)) return false
  if (e.kind === 'drill') return true
  return e.kind === undefined && typeof e.context === 'string' && Array.isArray(e.reports) && Array.isArray(e.prepared)
}
