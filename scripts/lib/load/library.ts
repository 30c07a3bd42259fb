import { lstatSync, readdirSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readSourceFile, loadFrontmatter, applyYaml } from './file.ts'
import { parseMarkdown, sectionsOf } from './markdown.ts'
import { schemaDefaults } from './schemas.ts'
import { indexPlans, type Library, type SkippedEntry, type UnreadableFile } from '../model/library.ts'
import type { ChecklistTemplate, DrillRecord, LoadIssue, Plan, PlanFrontmatter, Section, SourceFile } from '../model/plan.ts'
import type { Root } from 'mdast'
import { parseYamlBlock, readFrontmatter, type Frontmatter } from './frontmatter.ts'
import { mergeDefaults, type LibrarySettings } from '../model/settings.ts'
import { Taxonomy } from '../model/taxonomy.ts'
import { UnitRegistry, type Unit } from '../model/units.ts'
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
}

/** Lists Markdown files under `dir` (library-relative paths, sorted). Symlinks are not followed. */
function walk(root: string, rel = '', out: Walked = { files: [], skipped: [] }): Walked {
  let entries: string[]
  try {
    entries = readdirSync(join(root, rel)).sort()
  } catch {
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
      if (stat.isFile()) out.files.push(path)
      else out.skipped.push({ path, reason: 'not-a-file' })
    }
  }
  return out
}

let cachedDefaults: LibrarySettings | undefined
export function defaultSettings(): LibrarySettings {
  cachedDefaults ??= schemaDefaults('library') as LibrarySettings
  return structuredClone(cachedDefaults)
}

/** What reading a plan's frontmatter yields: small, structured-clonable, cacheable by content. */
export interface ParsedPlan {
  data: unknown
  valid: boolean
  issues: LoadIssue[]
  bodyStart: number
}

export function parsePlanFrontmatter(file: SourceFile): ParsedPlan {
  const { data, valid } = loadFrontmatter(file, 'plan')
  const bodyStart = file.frontmatter ? lineAfter(file.text, file.frontmatter.yamlEnd) : 0
  return { data: isObject(data) ? data : {}, valid, issues: file.issues, bodyStart }
}

export function parsePlan(file: SourceFile): Plan {
  const parsed = parsePlanFrontmatter(file)
  const tree = parseMarkdown(file.text)
  return {
    ...file,
    kind: 'plan',
    data: parsed.data as PlanFrontmatter,
    valid: parsed.valid,
    tree,
    sections: sectionsOf(tree, file.text.length),
    bodyStart: parsed.bodyStart,
  }
}

/**
 * A plan rebuilt from cached or worker-computed frontmatter results. The Markdown tree, sections and
 * YAML document are parsed only if a rule asks for them (PERF-NOTES: positions are needed only for
 * the files that are reported on).
 */
export function planFromParsed(file: SourceFile, parsed: ParsedPlan): Plan {
  const plan = { ...file, kind: 'plan', data: parsed.data as PlanFrontmatter, valid: parsed.valid, bodyStart: parsed.bodyStart, issues: parsed.issues } as Plan
  let tree: Root | undefined
  let sections: Section[] | undefined
  // The YAML document is kept when the caller parsed it already; otherwise parsed on demand.
  let frontmatter: Frontmatter | undefined | null = file.frontmatter ?? null
  Object.defineProperties(plan, {
    tree: { get: () => (tree ??= parseMarkdown(file.text)), enumerable: true, configurable: true },
    sections: { get: () => (sections ??= sectionsOf(plan.tree, file.text.length)), enumerable: true, configurable: true },
    frontmatter: {
      get: () => (frontmatter === null ? (frontmatter = readFrontmatter(file.text).frontmatter) : frontmatter),
      set: (v: Frontmatter | undefined) => {
        frontmatter = v
      },
      enumerable: true,
      configurable: true,
    },
  })
  return plan
}

function parseDrill(file: SourceFile): DrillRecord {
  const { data, valid } = loadFrontmatter(file, 'drill')
  return { ...file, kind: 'drill', data: (isObject(data) ? data : {}) as unknown as DrillRecordFrontmatter, valid, tree: parseMarkdown(file.text) }
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
  taxonomy: Taxonomy
  drills: DrillRecord[]
  checklists: ChecklistTemplate[]
  unreadable: UnreadableFile[]
  skipped: SkippedEntry[]
  /** Library-relative paths of the plan files. */
  planPaths: string[]
  /** Reads and decodes a library file, recording it as unreadable when it cannot be decoded. */
  read(path: string, role: UnreadableFile['role']): SourceFile | undefined
}

export function loadLibraryMeta(rootDir: string, options: { settingsOnly?: boolean } = {}): LibraryMeta {
  const root = resolve(rootDir)
  const unreadable: UnreadableFile[] = []
  const read = (path: string, role: UnreadableFile['role']): SourceFile | undefined => {
    const absPath = join(root, path)
    const result = readSourceFile(absPath, path)
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
  let unitsFile: SourceFile | undefined
  if (existsSync(join(root, UNITS_FILE))) {
    unitsFile = read(UNITS_FILE, 'units')
    if (unitsFile) {
      const { data } = loadYamlFile(unitsFile, 'units')
      const list = isObject(data) && Array.isArray(data.units) ? data.units : []
      // Keep every entry that has an id and a name, so that one bad entry does not hide the registry.
      units = list.filter((u): u is Unit => isObject(u) && typeof u.id === 'string' && typeof u.name === 'string')
    }
  }

  const walked = options.settingsOnly ? { files: [], skipped: [] } : walk(root)
  const drills: DrillRecord[] = []
  const checklists: ChecklistTemplate[] = []
  const planPaths: string[] = []
  for (const path of walked.files) {
    if (path.startsWith(`${DRILLS_DIR}/`)) {
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
    taxonomy: new Taxonomy(settings.taxonomy as ConstructorParameters<typeof Taxonomy>[0]),
    drills,
    checklists,
    unreadable,
    skipped: walked.skipped,
    planPaths,
    read,
  }
}

export function assembleLibrary(meta: LibraryMeta, plans: Plan[]): Library {
  const { read: _read, planPaths: _paths, ...rest } = meta
  return { ...rest, plans, planById: indexPlans(plans) }
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
