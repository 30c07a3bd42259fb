import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { writeFileAtomic } from '../fs/atomic.ts'
import type { ParsedPlan } from '../load/library.ts'
import type { FileReport } from '../lint.ts'

const MAGIC = 'yuanku-lint-cache'
const FORMAT = 1

/** What the cache keeps for one plan file, keyed by the hash of its bytes. */
export interface CacheEntry {
  parsed: ParsedPlan
  /** Hash of tool version + settings + registry the reports and prepared data were computed under. */
  context: string
  reports: [ruleId: string, reports: FileReport[]][]
  prepared: [ruleId: string, value: unknown][]
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url')
}

/**
 * Per-file lint results on disk. A cache written by another tool version, a corrupt file or anything
 * that does not look like ours is ignored and rebuilt, never trusted.
 */
export class LintCache {
  readonly file: string
  private readonly toolVersion: string
  private entries = new Map<string, CacheEntry>()
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
      if (data?.magic !== MAGIC || data.version !== this.toolVersion || !(data.entries instanceof Map)) return
      for (const [key, value] of data.entries as Map<unknown, unknown>) {
        if (typeof key === 'string' && isEntry(value)) this.entries.set(key, value)
      }
    } catch {
      this.entries.clear()
    }
  }

  get(hash: string): CacheEntry | undefined {
    const entry = this.entries.get(hash)
    if (entry) this.used.add(hash)
    return entry
  }

  set(hash: string, entry: CacheEntry): void {
    this.entries.set(hash, entry)
    this.used.add(hash)
    this.dirty = true
  }

  /** Writes the entries used in this run (others are dropped, so the cache never grows without bound). */
  save(): void {
    if (!this.dirty && this.used.size === this.entries.size) return
    const kept = new Map([...this.entries].filter(([k]) => this.used.has(k)))
    mkdirSync(join(this.file, '..'), { recursive: true })
    writeFileAtomic(this.file, serialize({ magic: MAGIC, version: this.toolVersion, entries: kept }))
  }
}

function isEntry(v: unknown): v is CacheEntry {
  const e = v as CacheEntry
  return (
    typeof e === 'object' && e !== null && typeof e.context === 'string' && Array.isArray(e.reports) && Array.isArray(e.prepared) &&
    typeof e.parsed === 'object' && e.parsed !== null && typeof e.parsed.valid === 'boolean' && typeof e.parsed.bodyStart === 'number' && Array.isArray(e.parsed.issues)
  )
}
