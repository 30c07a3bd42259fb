// Worker thread: parses plans and runs the file-scope rules and preparePlan hooks for a batch; reads
// and validates the frontmatter of drill records.
import { parentPort, workerData } from 'node:worker_threads'
import { LineIndex } from '../text/line-index.ts'
import { assembleLibrary, metaFromSnapshot, parseDrillFrontmatter, parsePlanFrontmatter, planFromParsed, type MetaSnapshot, type ParsedFrontmatter } from '../load/library.ts'
import { runFileRules, type FileReport } from '../lint.ts'
import { takeTimes, timed, timingEnabled } from './timing.ts'
import { packed, storedParts, type StoredParts } from './cache.ts'

export interface WorkerFile {
  kind: 'plan' | 'drill'
  path: string
  absPath: string
  text: string
  bom: boolean
}

export interface WorkerJob {
  files: WorkerFile[]
}

export interface WorkerResult extends StoredParts {
  kind: 'plan' | 'drill'
  path: string
  parsed: ParsedFrontmatter
  /** A drill record's frontmatter packed as the cache stores it (packed here, in parallel, not by the main thread at save). */
  packedParsed?: string
  error?: string
}

export interface WorkerReply {
  results: WorkerResult[]
  times?: [string, number, number][]
}

const { meta: snapshot, today, locale, only } = workerData as { meta: MetaSnapshot; today: string; locale?: 'zh-CN' | 'en'; only?: string[] }
// Settings and registry come from the main thread, already read; plans never cross into the shared library.
const library = assembleLibrary(metaFromSnapshot(snapshot), [])

function work(f: WorkerFile): WorkerResult {
  const file = { path: f.path, absPath: f.absPath, text: f.text, bom: f.bom, lines: new LineIndex(f.text), issues: [] }
  const none = { dataKey: '', head: '', reports: '', prepared: [] }
  if (f.kind === 'drill') {
    const parsed = timed('file: drill yaml', () => parseDrillFrontmatter(file))
    return { kind: 'drill', path: f.path, parsed, packedParsed: packed(parsed), ...none }
  }
  const parsed = timed('file: yaml', () => parsePlanFrontmatter(file))
  const plan = planFromParsed(file, parsed)
  timed('file: markdown', () => plan.tree)
  try {
    const { reports, prepared } = runFileRules(plan, library, { today, locale, only })
    return { kind: 'plan', path: f.path, parsed, ...timed('file: store', () => storedParts(parsed, f.text, [...reports], [...prepared])) }
  } catch (error) {
    return { kind: 'plan', path: f.path, parsed, ...none, error: String((error as Error)?.stack ?? error) }
  }
}

parentPort!.on('message', (job: WorkerJob) => {
  const reply: WorkerReply = { results: job.files.map(work) }
  if (timingEnabled) reply.times = takeTimes()
  parentPort!.postMessage(reply)
})
