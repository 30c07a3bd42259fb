// One import worker: loads the library once, then converts the files the main thread sends it.
import { parentPort, workerData } from 'node:worker_threads'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { loadLibrary } from '../lib/load/library.ts'
import { convertDocument, ImportError } from '../lib/import/index.ts'

const { root, jurisdiction, status, today } = workerData as { root: string; jurisdiction?: string; status?: string; today: string }
const library = loadLibrary(root)
const taken = new Set(library.planById.keys())

parentPort!.on('message', async (job: { index: number; path: string }) => {
  try {
    const bytes = readFileSync(job.path)
    const c = await convertDocument(bytes, basename(job.path), { library, jurisdiction, status, today, takenIds: new Set(taken) })
    parentPort!.postMessage({ index: job.index, ok: true, conversion: { id: c.id, markdown: c.markdown, format: c.format, notes: c.notes, headings: c.headings, draft: c.draft } })
  } catch (error) {
    const e = error as Error & { zh?: string; code?: string }
    const zh = error instanceof ImportError ? error.zh : e.code === 'ENOENT' ? '找不到文件' : `无法转换：${e.message}`
    parentPort!.postMessage({ index: job.index, ok: false, zh, en: e.message, internal: !(error instanceof ImportError) && !e.code })
  }
})
