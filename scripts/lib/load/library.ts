import { lstatSync, readdirSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readSourceFile, decodeSourceFile, loadFrontmatter, applyYaml } from './file.ts'
import { parseMarkdown, sectionsOf } from './markdown.ts'
import { schemaDefaults, validate } from './schemas.ts'
import { indexPlans, type Library, type SkippedEntry, type UnreadableFile } from '../model/library.ts'
import type { ChecklistTemplate, DrillRecord, LoadIssue, Plan, PlanFrontmatter, SourceFile } from '../model/plan.ts'
import { locateFrontmatter, parseYamlBlock, type Frontmatter } from './frontmatter.ts'
import { PlanSource } from './plan-source.ts'
import { fastYaml } from './fast-yaml.ts'
import { mergeDefaults, type LibrarySettings } from '../model/settings.ts'
import { Taxonomy } from '../model/taxonomy.ts'
import { UnitRegistry, type Unit } from '../model/units.ts'
import { LineIndex } from '../text/line-index.ts'
import { noteRead, watchedLines } from './content-reads.ts'
import type { ChecklistFrontmatter, DrillRecordFrontmatter, LibraryFile } from '../model/schema-types.ts'

export const SETTINGS_FILE = 'library.yaml'
export const UNITS_FILE = 'units.yaml'
export const CHECKLISTS_DIR = 'checklists'
export const DRILLS_DIR = 'drills'

/** Folders and files in a library that are not plans: notes, attachments, anything starting with _ or . */
function isIgnored(name: string, isDir: boolean): boolean {
  if (name.startsWith('.') || name.startsWith('_') || name === 'node_modules') return true
  if (isDir) return name === 'attachments' || name === '附件'
  return /^readme\.md$/i.test(name)
}

interface Walked {
  files: string[]
  skipped: SkippedEntry[]
  stamps: Map<string, FileStamp>
}

/**
 * What the walk's lstat says about a Markdown file, for the lint cache to tell an unchanged file without
 * reading it (as git's index and ESLint's cache do): size, modification and change times, inode.
 */
export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number]

/** Lists Markdown files under `dir` (library-relative paths, sorted). Symlinks are not followed. */
function walk(root: string, rel = '', out: Walked = { files: [], skipped: [], stamps: new Map() }): Walked {
  let entries: string[]
  try {
    entries = readdirSync(join(root, rel)).sort()
  } catch (error) {
    // The library root itself is checked by the caller; a sub-folder nobody can read is reported, because
    // the plans inside it are not checked.
    if (rel) out.skipped.push({ path: rel, reason: 'unreadable-folder', code: (error as NodeJS.ErrnoException).code ?? 'EIO' })
    return out
  }
  for (const name of entries) {
    const path = rel ? `${rel}/${name}` : name
    let stat
    try {
      stat = lstatSync(join(root, path))
    } catch {
      continue
    }
    if (stat.isSymbolicLink()) {
      if (!isIgnored(name, false) && (name.endsWith('.md') || !name.includes('.'))) out.skipped.push({ path, reason: 'symlink' })
      continue
    }
    if (stat.isDirectory()) {
      if (!isIgnored(name, true)) walk(root, path, out)
    } else if (name.endsWith('.md') && !isIgnored(name, false)) {
      if (stat.isFile()) {
        out.files.push(path)
        out.stamps.set(path, [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino])
      } else out.skipped.push({ path, reason: 'not-a-file' })
    }
  }
  return out
}

let cachedDefaults: LibrarySettings | undefined
export function defaultSettings(): LibrarySettings {
  cachedDefaults ??= schemaDefaults('library') as LibrarySettings
  return structuredClone(cachedDefaults)
}

/** What reading a plan's (or drill record's) frontmatter yields: small, structured-clonable, cacheable by content. */
export interface ParsedFrontmatter {
  data: unknown
  valid: boolean
  issues: LoadIssue[]
  bodyStart: number
}

/**
 * Reads and validates a file's frontmatter. Fast path first: the plain YAML subset without positions
 * (fast-yaml.ts); when that data is valid the file needs no positions unless a rule reports on it, and
 * `frontmatter` (the positioned document) is left for the PlanSource of planFromParsed/drillFromParsed.
 * Otherwise, or when the data fails the schema, the positioned parse gives the issues their places.
 */
function parseFrontmatterOf(file: SourceFile, schema: 'plan' | 'drill'): ParsedFrontmatter {
  const block = locateFrontmatter(file.text)
  if (!('issue' in block)) {
    const fast = fastYaml(file.text.slice(block.yamlStart, block.yamlEnd))
    if (fast && validate(schema, fast).length === 0) return { data: fast, valid: true, issues: file.issues, bodyStart: lineAfter(file.text, block.yamlEnd) }
  }
  const { data, valid } = loadFrontmatter(file, schema)
  const bodyStart = file.frontmatter ? lineAfter(file.text, file.frontmatter.yamlEnd) : 0
  return { data: isObject(data) ? data : {}, valid, issues: file.issues, bodyStart }
}

export function parsePlanFrontmatter(file: SourceFile): ParsedFrontmatter {
  return parseFrontmatterOf(file, 'plan')
}

export function parseDrillFrontmatter(file: SourceFile): ParsedFrontmatter {
  return parseFrontmatterOf(file, 'drill')
}

/** A plan with its Markdown parsed; the positioned YAML document is parsed when first asked for (see parseFrontmatterOf). */
export function parsePlan(file: SourceFile): Plan {
  const plan = planFromParsed(file, parsePlanFrontmatter(file))
  void plan.sections
  return plan
}

/** A plan rebuilt from cached or worker-computed frontmatter results; tree, sections and YAML document on demand. */
export function planFromParsed(file: SourceFile, parsed: ParsedFrontmatter): Plan {
  const plan = {
    path: file.path,
    absPath: file.absPath,
    bom: file.bom,
    issues: parsed.issues,
    kind: 'plan',
    data: parsed.data as PlanFrontmatter,
    valid: parsed.valid,
    bodyStart: parsed.bodyStart,
    [PLAN_SOURCE]: { file, source: PlanSource.ofMarkdown(file), lines: undefined } as PlanState,
  }
  // Defined one by one on a fresh object with shared accessors: every plan gets the same hidden class and
  // fast property reads (an object literal with getters, or properties redefined, becomes a dictionary).
  for (const [part, accessor] of PLAN_ACCESSORS) Object.defineProperty(plan, part, accessor)
  return plan as unknown as Plan
}

/** Where a plan's text and what is parsed from it live; a copy of the plan by its descriptors shares it. */
const PLAN_SOURCE = Symbol('plan source')
interface PlanState {
  file: SourceFile
  source: PlanSource
  lines: LineIndex | undefined
}
type PlanWithState = { [PLAN_SOURCE]: PlanState; path: string; bodyStart: number }

// The text is read from the file on first use (the lint cache may vouch for a file without reading it),
// and reads are noted for the engine's cache of cross-file findings (load/content-reads.ts).
const PLAN_ACCESSORS: [string, PropertyDescriptor][] = [
  ['text', { enumerable: true, configurable: true, get(this: PlanWithState) {
    noteRead(this.path, 'full')
    return this[PLAN_SOURCE].file.text
  } }],
  ['lines', { enumerable: true, configurable: true, get(this: PlanWithState) {
    const state = this[PLAN_SOURCE]
    return (state.lines ??= watchedLines(this.path, this.bodyStart, () => state.file.lines))
  } }],
  ['tree', { enumerable: true, configurable: true, get(this: PlanWithState) {
    noteRead(this.path, 'full')
    return this[PLAN_SOURCE].source.tree
  } }],
  ['sections', { enumerable: true, configurable: true, get(this: PlanWithState) {
    noteRead(this.path, 'full')
    return this[PLAN_SOURCE].source.sections
  } }],
  ['frontmatter', { enumerable: true, configurable: true, get(this: PlanWithState) {
    // Without a closed frontmatter (no body start), where the YAML ends depends on the whole text.
    noteRead(this.path, this.bodyStart > 0 ? 'head' : 'full')
    return this[PLAN_SOURCE].source.frontmatter
  }, set(this: PlanWithState, value: Frontmatter | undefined) {
    this[PLAN_SOURCE].source.frontmatter = value
  } }],
]

/** A drill record from cached or worker-computed frontmatter results; tree and YAML document on demand. */
export function drillFromParsed(file: SourceFile, parsed: ParsedFrontmatter): DrillRecord {
  const drill = withFile(file, { kind: 'drill', data: parsed.data as unknown as DrillRecordFrontmatter, valid: parsed.valid, issues: parsed.issues }) as DrillRecord
  return PlanSource.ofMarkdown(file).attach(drill, ['tree', 'frontmatter'])
}

/**
 * `{ ...file, ...extra }`, except that a file's text read on demand (see engine/lazy-file.ts) stays on
 * demand: a spread would read every file the cache vouches for.
 */
export function withFile<T extends object>(file: SourceFile, extra: T): SourceFile & T {
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(file)) as SourceFile
  return Object.assign(out, extra)
}

function parseDrill(file: SourceFile): DrillRecord {
  return drillFromParsed(file, parseDrillFrontmatter(file))
}

function parseChecklist(file: SourceFile): ChecklistTemplate {
  const { data, valid } = loadFrontmatter(file, 'checklist')
  const tree = parseMarkdown(file.text)
  return {
    ...file,
    kind: 'checklist',
    data: (isObject(data) ? data : {}) as unknown as ChecklistFrontmatter,
    valid,
    tree,
    sections: sectionsOf(tree, file.text.length),
  }
}

function lineAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl === -1 ? text.length : nl + 1
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Reads a whole YAML file (units.yaml, library.yaml) with positions and validates it. */
function loadYamlFile(file: SourceFile, schema: 'units' | 'library'): { data: unknown; valid: boolean } {
  // Fast path as for plans: valid plain YAML needs no positions until a finding points into it
  // (units.yaml of a 10,000-plan library: ~30 ms instead of ~350 ms).
  const fast = fastYaml(file.text)
  if (fast && validate(schema, fast).length === 0) {
    PlanSource.ofYaml(file.text).attach(file, ['frontmatter'])
    return { data: fast, valid: true }
  }
  const result = parseYamlBlock(file.text, 0)
  // An empty file is an empty map: every library.yaml key has a default.
  if (result.data === null || (result.data === undefined && result.issues.length === 0)) result.data = {}
  return applyYaml(file, result, schema)
}

export interface LoadOptions {
  /** Load only these plan files (library-relative); units, settings, drills and checklists are always loaded. */
  only?: Set<string>
}

/** Everything of a library but its plans: settings, registry, drills, checklists and the list of plan files. */
export interface LibraryMeta {
  root: string
  settings: LibrarySettings
  settingsFile?: SourceFile
  units: UnitRegistry
  unitsFile?: SourceFile
  /** units.yaml's `units` entries as read, in file order, when the file passed the schema (see Library.unitEntries). */
  unitEntries?: unknown[]
  taxonomy: Taxonomy
  drills: DrillRecord[]
  checklists: ChecklistTemplate[]
  unreadable: UnreadableFile[]
  skipped: SkippedEntry[]
  /** Library-relative paths of the plan files. */
  planPaths: string[]
  /** Library-relative paths of the drill records (already parsed into `drills` unless deferred). */
  drillPaths: string[]
  /** The walk's lstat of each plan and drill record (absent for files given as overlay text). */
  stamps: Map<string, FileStamp>
  /** Reads and decodes a library file, recording it as unreadable when it cannot be decoded; onBytes sees the bytes read. */
  read(path: string, role: UnreadableFile['role'], onBytes?: (bytes: Uint8Array) => void): SourceFile | undefined
}

export interface MetaOptions {
  /** Only settings and registry: no walk, no drills, checklists or plan paths. */
  settingsOnly?: boolean
  /** List the drill records in drillPaths but do not read them (the lint engine reads them through its cache). */
  deferDrills?: boolean
  /** Text to use instead of the file on disk, by library-relative path (an editor's unsaved buffers). */
  overlay?: ReadonlyMap<string, string>
}

export function loadLibraryMeta(rootDir: string, options: MetaOptions = {}): LibraryMeta {
  const root = resolve(rootDir)
  const unreadable: UnreadableFile[] = []
  const read = (path: string, role: UnreadableFile['role'], onBytes?: (bytes: Uint8Array) => void): SourceFile | undefined => {
    const absPath = join(root, path)
    const unsaved = options.overlay?.get(path)
    let result: ReturnType<typeof readSourceFile>
    if (unsaved === undefined) result = readSourceFile(absPath, path, onBytes)
    else {
      const bytes = new TextEncoder().encode(unsaved)
      onBytes?.(bytes)
      result = decodeSourceFile(bytes, absPath, path)
    }
    if (result.ok) return result.file
    unreadable.push({ path, absPath, issue: result.issue, role })
    return undefined
  }

  let settings = defaultSettings()
  let settingsFile: SourceFile | undefined
  if (existsSync(join(root, SETTINGS_FILE))) {
    settingsFile = read(SETTINGS_FILE, 'library')
    if (settingsFile) {
      const { data, valid } = loadYamlFile(settingsFile, 'library')
      // An invalid library.yaml is reported; the tool then runs on defaults rather than on half-read settings.
      if (valid) settings = mergeDefaults(settings, data as LibraryFile)
    }
  }

  let units: Unit[] = []
  let unitEntries: unknown[] | undefined
  let unitsFile: SourceFile | undefined
  if (existsSync(join(root, UNITS_FILE))) {
    unitsFile = read(UNITS_FILE, 'units')
    if (unitsFile) {
      const { data, valid } = loadYamlFile(unitsFile, 'units')
      const list = isObject(data) && Array.isArray(data.units) ? data.units : []
      if (valid) unitEntries = list
      // Keep every entry that has an id and a name, so that one bad entry does not hide the registry.
      units = list.filter((u): u is Unit => isObject(u) && typeof u.id === 'string' && typeof u.name === 'string')
    }
  }

  const walked = options.settingsOnly ? { files: [], skipped: [], stamps: new Map<string, FileStamp>() } : walk(root)
  for (const path of options.overlay?.keys() ?? []) walked.stamps.delete(path)
  const drills: DrillRecord[] = []
  const checklists: ChecklistTemplate[] = []
  const planPaths: string[] = []
  const drillPaths: string[] = []
  for (const path of walked.files) {
    if (path.startsWith(`${DRILLS_DIR}/`)) {
      drillPaths.push(path)
      if (options.deferDrills) continue
      const file = read(path, 'drill')
      if (file) drills.push(parseDrill(file))
    } else if (path.startsWith(`${CHECKLISTS_DIR}/`)) {
      const file = read(path, 'checklist')
      if (file) checklists.push(parseChecklist(file))
    } else planPaths.push(path)
  }
  return {
    root,
    settings,
    settingsFile,
    units: new UnitRegistry(units),
    unitsFile,
    unitEntries,
    taxonomy: new Taxonomy(settings.taxonomy as ConstructorParameters<typeof Taxonomy>[0]),
    drills,
    checklists,
    unreadable,
    skipped: walked.skipped,
    planPaths,
    drillPaths,
    stamps: walked.stamps,
    read,
  }
}

const META_ONLY = new Set(['read', 'planPaths', 'drillPaths', 'stamps'])

export function assembleLibrary(meta: LibraryMeta, plans: Plan[]): Library {
  // Property by property, not spread: the lint engine builds the drill records on first use (a getter).
  const library = {} as Library
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(meta))) if (!META_ONLY.has(key)) Object.defineProperty(library, key, descriptor)
  library.plans = plans
  library.planById = indexPlans(plans)
  return library
}

/** Reads a library folder into one model shared by lint, CLI and site. */
export function loadLibrary(rootDir: string, options: LoadOptions = {}): Library {
  const meta = loadLibraryMeta(rootDir)
  const plans: Plan[] = []
  for (const path of meta.planPaths) {
    if (options.only && !options.only.has(path)) continue
    const file = meta.read(path, 'plan')
    if (file) plans.push(parsePlan(file))
  }
  return assembleLibrary(meta, plans)
}

/** What a worker thread needs of a library's meta, structured-clonable, so that it neither re-reads nor re-parses the YAML files. */
export interface MetaSnapshot {
  root: string
  settings: LibrarySettings
  units: Unit[]
  unitsFile?: { path: string; absPath: string; text: string; bom: boolean }
}

export function metaSnapshot(meta: LibraryMeta): MetaSnapshot {
  const f = meta.unitsFile
  return { root: meta.root, settings: meta.settings, units: meta.units.units, ...(f ? { unitsFile: { path: f.path, absPath: f.absPath, text: f.text, bom: f.bom } } : {}) }
}

/** The meta a worker rebuilds from a snapshot: units.yaml's positions are parsed only if a finding points into it. */
export function metaFromSnapshot(snapshot: MetaSnapshot): LibraryMeta {
  let unitsFile: SourceFile | undefined
  if (snapshot.unitsFile) {
    const { text } = snapshot.unitsFile
    unitsFile = PlanSource.ofYaml(text).attach({ ...snapshot.unitsFile, lines: new LineIndex(text), issues: [] }, ['frontmatter'])
  }
  return {
    root: snapshot.root,
    settings: snapshot.settings,
    units: new UnitRegistry(snapshot.units),
    unitsFile,
    taxonomy: new Taxonomy(snapshot.settings.taxonomy as ConstructorParameters<typeof Taxonomy>[0]),
    drills: [],
    checklists: [],
    unreadable: [],
    skipped: [],
    planPaths: [],
    drillPaths: [],
    stamps: new Map(),
    read: () => undefined,
  }
}
