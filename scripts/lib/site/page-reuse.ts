// Reuse of unchanged pages between site builds. Astro renders every page of every build; after one edited
// plan, re-rendering the other thousands of plan, checklist, drill and unit pages is most of a rebuild.
// Each of those pages gets a key: a hash of everything it may be rendered from. The key is deliberately
// coarse, because a page served stale after a change is a defect while a page rendered once too often only
// costs time:
// - the whole-library part: the code of the site and the core (and the lock file, so an Astro or Vite
//   upgrade), the site's options (base, public, locale, today, downloads), library.yaml, units.yaml, the
//   checklist templates, the FRONTMATTER of every shown plan and every shown plan's normalised facts, every
//   drill record's text and its scored view, the units that get pages and the files that could not be read.
//   A change to any of these re-renders every page;
// - the page's own part: its route, and for a plan's two pages the plan's whole text, its findings (cross-file
//   findings included: they are recomputed on every build) and its Git history; for a drill record's page,
//   the findings on that record.
// So an edit to one plan's body re-renders that plan's pages and the pages whose findings changed with it;
// an edit to any frontmatter, units.yaml, library.yaml or a drill record re-renders everything. Pages that
// show the whole library (lists, hierarchy, coverage, findings, search, help) are rendered on every build.
// A page is reused only when the previous build wrote it with the same key into the same output folder and
// the file is still the one that build wrote (size and modification time as recorded).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Finding } from '../model/finding.ts'
import type { SiteModel } from './model.ts'

/** Bump when what a key covers changes. */
const FORMAT = 1
const MANIFEST = 'pages.json'

/** Folders and files whose content decides how any page looks, relative to the project root. */
const CODE = ['site', 'scripts/lib', 'scripts/build-site.ts', 'data', 'schema', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']

/** A hash of the site's and the core's code, the data files and the installed versions (the lock file). */
export function codeHash(root: string): string {
  const hash = createHash('sha256')
  const walk = (rel: string) => {
    const path = join(root, rel)
    if (!existsSync(path)) return void hash.update(`${rel}\0missing\0`)
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(`${rel}/${name}`)
      return
    }
    hash.update(`${rel}\0`).update(readFileSync(path)).update('\0')
  }
  for (const rel of CODE) walk(rel)
  hash.update(process.version)
  return hash.digest('hex')
}

type Part = (value: unknown) => void

function hasher(): { part: Part; digest: () => string } {
  const hash = createHash('sha256')
  return {
    part: (value) => void hash.update(typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')).update('\0'),
    digest: () => hash.digest('hex'),
  }
}

/** Everything a per-plan, per-drill or per-unit page may read that is not its own. */
function libraryKey(model: SiteModel, code: string): string {
  const { part, digest } = hasher()
  const lib = model.library
  part(String(FORMAT))
  part(code)
  part(model.options)
  part(model.downloads ?? [])
  part(lib.settings)
  part(lib.settingsFile?.text ?? '')
  part(lib.unitsFile?.text ?? '')
  for (const c of lib.checklists) part(`${c.path}\n${c.text}`)
  for (const plan of lib.plans) part(`${plan.path}\n${plan.text.slice(0, plan.bodyStart)}`)
  part(model.plans)
  for (const { record, ...view } of model.drills) part([record.path, record.text, view])
  part(model.unitIds)
  part(model.unreadable)
  // Derived from the above, hashed all the same: a page must not go stale because a derivation reads more
  // than it seems to.
  const ids = (views: { id: string }[]) => views.map((v) => v.id)
  part([...model.children].map(([id, views]) => [id, ids(views)]))
  part([...model.unitLeads].map(([id, views]) => [id, ids(views)]))
  part([...model.unitDuties].map(([id, duties]) => [id, duties.map((d) => [d.plan.id, d.role, d.duties])]))
  part([...model.drillsByPlan].map(([id, drills]) => [id, drills.map((d) => d.path)]))
  return digest()
}

/** The site routes of the pages that can be reused, each with its key: 'plans/<id>/' → key. */
export function pageKeys(model: SiteModel, code: string): Map<string, string> {
  const library = libraryKey(model, code)
  const keys = new Map<string, string>()
  const key = (route: string, ...own: unknown[]) => {
    const { part, digest } = hasher()
    part(library)
    part(route)
    for (const o of own) part(o)
    keys.set(route, digest())
  }
  const byFile = new Map<string, Finding[]>()
  for (const f of model.findings) {
    const list = byFile.get(f.file)
    if (list) list.push(f)
    else byFile.set(f.file, [f])
  }
  for (const view of model.plans) {
    const plan = model.library.planById.get(view.id)
    if (!plan || plan.path !== view.path) continue
    const own = [plan.text, model.findingsByPlan.get(view.id) ?? [], model.history.get(view.path) ?? []]
    key(`plans/${view.id}/`, ...own)
    key(`plans/${view.id}/drill/`, ...own)
  }
  // Of two records with one id, the first has the page.
  for (const d of model.drills) if (!keys.has(`drills/${d.id}/`)) key(`drills/${d.id}/`, d.path, byFile.get(d.path) ?? [])
  for (const id of model.unitIds) key(`units/${id}/`)
  return keys
}

/**
 * Pages per search index. Pagefind holds an index in memory until it is written (about 0.6 MB per plan page:
 * 6.3 GB for the 11,000 pages of 10,000 plans), so a large library's pages are split into several indexes,
 * written one after the other and merged by the browser. An index whose pages are all unchanged is taken over
 * from the previous build like a page.
 */
export const SEARCH_SHARD_PAGES = 1000

/** How many search indexes the plan and unit pages are split into (`perIndex` pages or fewer each). */
export function searchShardCount(pages: number, perIndex = SEARCH_SHARD_PAGES): number {
  return Math.max(1, Math.ceil(pages / Math.max(1, perIndex)))
}

/** The index a page belongs to: by its route, so that adding or removing a page moves no other. */
export function searchShardOf(route: string, shards: number): number {
  return shards === 1 ? 0 : Number.parseInt(createHash('sha1').update(route).digest('hex').slice(0, 8), 16) % shards
}

/** The folder of a search index in the site: the first is pagefind/, as with a single index. */
export const searchBundle = (shard: number) => (shard === 0 ? 'pagefind' : `pagefind-${shard}`)

/** The key of a search index: a hash of the pages it indexes (path and content). */
export function searchKey(pages: { path: string; content: Buffer }[]): string {
  const hash = createHash('sha256').update(String(FORMAT)).update('\0')
  for (const p of pages) hash.update(p.path).update('\0').update(p.content).update('\0')
  return hash.digest('hex')
}

interface Manifest {
  format: number
  outDir: string
  /** route → [key, size, mtimeMs] of the page file the build wrote. */
  pages: Record<string, [string, number, number]>
  /** search index folder → key (searchKey). */
  search: Record<string, string>
}

const pageFile = (dir: string, route: string) => join(dir, route, 'index.html')

export class PageReuse {
  private readonly file: string
  private readonly outDir: string
  private readonly keys: Map<string, string>
  /** Routes whose previous page is taken over instead of rendered. */
  readonly reused = new Set<string>()
  /** The previous build's search indexes (folder → key), when its output is at hand. */
  private previousSearch: Record<string, string> = {}
  private readonly search: Record<string, string> = {}

  constructor(cacheDir: string, outDir: string, keys: Map<string, string>) {
    this.file = join(cacheDir, MANIFEST)
    this.outDir = outDir
    this.keys = keys
  }

  /**
   * Chooses the pages to reuse from `previous` (the last build's output, moved aside), and forgets the
   * manifest: until this build completes, the output folder holds no pages it describes.
   */
  choose(previous: string | undefined): void {
    const manifest = this.read()
    rmSync(this.file, { force: true })
    if (!manifest || !previous || manifest.outDir !== this.outDir) return
    this.previousSearch = manifest.search
    for (const [route, key] of this.keys) {
      const entry = manifest.pages[route]
      if (!entry || entry[0] !== key) continue
      try {
        const st = statSync(pageFile(previous, route))
        if (st.size === entry[1] && st.mtimeMs === entry[2]) this.reused.add(route)
      } catch {
        // Not there any more: rendered again.
      }
    }
  }

  /** Moves the reused pages from the previous output into the new one (a rename: nothing is copied). */
  takeOver(previous: string): void {
    for (const route of this.reused) {
      const target = pageFile(this.outDir, route)
      mkdirSync(dirname(target), { recursive: true })
      renameSync(pageFile(previous, route), target)
    }
  }

  /**
   * Takes over the previous build's search index in `bundle` when it indexed exactly these pages; else
   * false, and the caller writes it. Either way the index is recorded under its key.
   */
  keepSearchIndex(bundle: string, key: string, previous: string | undefined): boolean {
    this.search[bundle] = key
    if (!previous || this.previousSearch[bundle] !== key || !existsSync(join(previous, bundle, 'pagefind-entry.json'))) return false
    try {
      renameSync(join(previous, bundle), join(this.outDir, bundle))
      return true
    } catch {
      return false
    }
  }

  /** Records the pages of this complete build (written atomically). */
  save(): void {
    const pages: Manifest['pages'] = {}
    for (const [route, key] of this.keys) {
      try {
        const st = statSync(pageFile(this.outDir, route))
        pages[route] = [key, st.size, st.mtimeMs]
      } catch {
        // A route Astro did not build (a drill id that gets no page).
      }
    }
    const manifest: Manifest = { format: FORMAT, outDir: this.outDir, pages, search: this.search }
    mkdirSync(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(manifest))
    renameSync(temp, this.file)
  }

  private read(): Manifest | undefined {
    try {
      const value = JSON.parse(readFileSync(this.file, 'utf8')) as Manifest
      const ok = value?.format === FORMAT && typeof value.outDir === 'string' && typeof value.pages === 'object' && value.pages !== null && typeof value.search === 'object' && value.search !== null
      return ok ? value : undefined
    } catch {
      return undefined
    }
  }
}
