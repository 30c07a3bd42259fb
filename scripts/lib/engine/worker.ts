// Worker thread: parses plans and runs the file-scope rules and preparePlan hooks for a batch.
import { parentPort, workerData } from 'node:worker_threads'
import { LineIndex } from '../text/line-index.ts'
import { loadLibraryMeta, assembleLibrary, parsePlanFrontmatter, planFromParsed, type ParsedPlan } from '../load/library.ts'
import { runFileRules, type FileReport } from '../lint.ts'
import { takeTimes, timed, timingEnabled } from './timing.ts'

export interface WorkerJob {
  files: { path: string; absPath: string; text: string; bom: boolean }[]
}

export interface WorkerResult {
  path: string
  parsed: ParsedPlan
  reports: [string, FileReport[]][]
  prepared: [string, unknown][]
  error?: string
}

const { root, today, locale } = workerData as { root: string; today: string; locale?: 'zh-CN' | 'en' }
// The worker reads settings and registry itself; plans never cross into the shared library.
const meta = loadLibraryMeta(root, { settingsOnly: true })
const library = assembleLibrary(meta, [])

parentPort!.on('message', (job: WorkerJob) => {
  const results: WorkerResult[] = job.files.map((f) => {
    const file = { ...f, lines: new LineIndex(f.text), issues: [] }
    const parsedFm = timed('file: yaml', () => parsePlanFrontmatter(file))
    const plan = planFromParsed(file, parsedFm)
    timed('file: markdown', () => plan.tree)
    const parsed: ParsedPlan = { data: plan.data, valid: plan.valid, issues: plan.issues, bodyStart: plan.bodyStart }
    try {
      const { reports, prepared } = runFileRules(plan, library, { today, locale })
      return { path: f.path, parsed, reports: [...reports], prepared: [...prepared] }
    } catch (error) {
      return { path: f.path, parsed, reports: [], prepared: [], error: String((error as Error)?.stack ?? error) }
    }
  })
  parentPort!.postMessage(timingEnabled ? { results, times: takeTimes() } : { results })
})
