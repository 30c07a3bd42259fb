// Rendered plan and drill bodies (HTML, table of contents, line anchors, the plan's drill checklist) kept
// between site builds, one file per document, keyed by the document's text and path and by everything
// else its rendering reads (renderCacheContext). An unchanged plan is then neither parsed nor rendered
// again: a rebuild after one edited plan renders that one plan.
// Links to other plans depend on which plans the site shows, so an entry records every link target it
// resolved and is used only while each still resolves the same way (a plan added, removed or left out of
// a public build re-renders exactly the plans that link to it).
// Entries are written atomically; an entry that cannot be read or does not have the expected shape is
// ignored and rendered again. Entries no build used are deleted after a complete build (prune).
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ChecklistItem } from '../drill/types.ts'
import type { Library } from '../model/library.ts'
import { version } from '../version.ts'
import type { RenderContext, RenderedBody } from './render.ts'

/** Another context's entries are deleted when no build has used them for this long. */
const STALE_DAYS = 14

/** Bump when the shape of an entry changes. */
const ENTRY_FORMAT = 1

/**
 * The modules whose output is cached: their own text is part of the key, so that an upgrade or a local
 * change of the renderer never serves HTML rendered by the previous one.
 */
const EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts'
const RENDERER_MODULES = ['./render', '../rules/broken-link', '../drill/derive', '../drill/attributes', '../drill/ref', '../drill/duration'].map((m) => new URL(m + EXT, import.meta.url))

let rendererHash: string | undefined
function rendererSource(): string {
  if (rendererHash) return rendererHash
  const hash = createHash('sha256')
  for (const url of RENDERER_MODULES) {
    try {
      hash.update(readFileSync(fileURLToPath(url)))
    } catch {
      hash.update(url.pathname)
    }
  }
  return (rendererHash = hash.digest('hex'))
}

export interface RenderSettings {
  base: string
  public: boolean
  locale: string
}

/**
 * Everything besides a document's own text that its rendering reads: the renderer, the site's base path,
 * public or internal build, locale, library.yaml settings (drill section titles and aliases), the unit
 * registry (unit names in checklist items) and the checklist templates.
 */
export function renderCacheContext(library: Pick<Library, 'settings' | 'unitsFile' | 'checklists'>, settings: RenderSettings): string {
  const hash = createHash('sha256')
  const part = (s: string) => hash.update(s).update('\0')
  part(String(ENTRY_FORMAT))
  part(version)
  part(rendererSource())
  part(settings.base)
  part(settings.public ? 'public' : 'internal')
  part(settings.locale)
  part(JSON.stringify(library.settings))
  part(library.unitsFile?.text ?? '')
  for (const c of library.checklists) part(`${c.path}\n${c.text}`)
  return hash.digest('hex')
}

/** What one document's entry holds. */
export interface CachedRender extends RenderedBody {
  /** The plan's drill checklist (plans only). */
  checklist?: ChecklistItem[]
}

interface Entry extends CachedRender {
  format: number
  /** Link targets the rendering resolved: ['plan', id] or ['path', path] → the answer. */
  links: [kind: 'plan' | 'path', arg: string, answer: string | null][]
}

export interface RenderCacheStats {
  /** Documents taken from the cache. */
  hits: number
  /** Documents rendered in this build. */
  rendered: number
  /** Entries that could not be read and were rendered again. */
  ignored: number
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry
  return typeof e === 'object' && e !== null && e.format === ENTRY_FORMAT && typeof e.html === 'string' && Array.isArray(e.toc) && Array.isArray(e.blocks) && Array.isArray(e.links) && (e.checklist === undefined || Array.isArray(e.checklist))
}

export class RenderCache {
  readonly stats: RenderCacheStats = { hits: 0, rendered: 0, ignored: 0 }
  private readonly used = new Set<string>()
  /** Entries read or rendered in this build (the prewarm pass fills it before the pages ask). */
  private readonly memo = new Map<string, Entry>()

  readonly dir: string | undefined
  readonly context: string

  /** dir undefined: nothing is read or written (counts are still kept). */
  constructor(dir: string | undefined, context: string) {
    this.dir = dir
    this.context = context
  }

  key(kind: 'plan' | 'drill', path: string, text: string): string {
    return createHash('sha256').update(this.context).update('\0').update(kind).update('\0').update(path).update('\0').update(text).digest('hex').slice(0, 40)
  }

  /** Entries of one context live together, so that a build prunes only its own. */
  private get home(): string {
    return join(this.dir!, this.context.slice(0, 16))
  }

  private file(key: string): string {
    return join(this.home, key.slice(0, 2), `${key.slice(2)}.json`)
  }

  /**
   * The document's rendering: from the cache when its text, path, context and every link it resolved are
   * unchanged, else computed (compute gets a context that records the links) and stored.
   */
  render(kind: 'plan' | 'drill', doc: { path: string; text: string }, ctx: RenderContext, compute: (ctx: RenderContext) => CachedRender): CachedRender {
    const key = this.key(kind, doc.path, doc.text)
    this.used.add(key)
    const known = this.memo.get(key)
    const cached = known ?? this.read(key)
    if (cached && cached.links.every(([k, arg, answer]) => (k === 'plan' ? ctx.planHref(arg) : ctx.planIdAtPath(arg)) === (answer ?? undefined))) {
      if (!known) {
        this.stats.hits++
        this.memo.set(key, cached)
      }
      return cached
    }
    const links: Entry['links'] = []
    const seen = new Set<string>()
    const note = (k: 'plan' | 'path', arg: string, answer: string | undefined) => {
      if (!seen.has(`${k}\0${arg}`)) links.push([k, arg, answer ?? null])
      seen.add(`${k}\0${arg}`)
      return answer
    }
    const recording: RenderContext = {
      ...ctx,
      planHref: (id) => note('plan', id, ctx.planHref(id)),
      planIdAtPath: (path) => note('path', path, ctx.planIdAtPath(path)),
    }
    const entry: Entry = { format: ENTRY_FORMAT, links, ...compute(recording) }
    this.stats.rendered++
    this.memo.set(key, entry)
    this.write(key, entry)
    return entry
  }

  private read(key: string): Entry | undefined {
    if (!this.dir) return undefined
    let text: string
    try {
      text = readFileSync(this.file(key), 'utf8')
    } catch {
      return undefined
    }
    try {
      const value: unknown = JSON.parse(text)
      if (isEntry(value)) return value
    } catch {
      // Truncated or garbled: rendered again below, and the entry rewritten.
    }
    this.stats.ignored++
    return undefined
  }

  private write(key: string, entry: Entry): void {
    if (!this.dir) return
    try {
      mkdirSync(join(this.home, key.slice(0, 2)), { recursive: true })
      // Atomic (a reader sees the old entry or the new one) but not flushed to disk: after a crash a torn
      // entry fails to parse and is rendered again, which costs less than an fsync for every plan.
      const file = this.file(key)
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, JSON.stringify(entry))
      renameSync(temp, file)
    } catch {
      // A cache that cannot be written only costs time in the next build.
    }
  }

  /**
   * Deletes the entries of this context that the build did not use (old versions of changed plans,
   * deleted plans), and other contexts (another base path, a public build, an older renderer) unused
   * for STALE_DAYS.
   */
  prune(): void {
    if (!this.dir) return
    const home = this.context.slice(0, 16)
    try {
      for (const name of readdirSync(this.dir)) {
        const path = join(this.dir, name)
        if (name === home) this.pruneHome(path)
        else if (/^[0-9a-f]{16}$/.test(name) && Date.now() - statSync(path).mtimeMs > STALE_DAYS * 86_400_000) rmSync(path, { recursive: true, force: true })
      }
      // The folder's time says when its context was last used.
      utimesSync(join(this.dir, home), new Date(), new Date())
    } catch {
      // Pruning is housekeeping: a failure leaves a larger cache, nothing else.
    }
  }

  private pruneHome(home: string): void {
    for (const shard of readdirSync(home)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue
      for (const name of readdirSync(join(home, shard))) {
        if (!this.used.has(shard + name.replace(/\.json$/, ''))) rmSync(join(home, shard, name), { force: true })
      }
    }
  }
}
