// `node scripts/bench/lsp.ts [--plans 200] [--runs 3]`: how long a language-server client waits for the
// first diagnostics of a plan in a generated library: with an empty lint cache (the first editor session),
// with the cache `yuanku lint` or an earlier session left (warm), and after a keystroke (file rules at once,
// then the whole library after the debounce). Prints figures; not a test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultCacheDir } from '../cli/lint.ts'
import { generateLibrary } from './generate.ts'
import { LspClient, type Message } from './lsp-client.ts'
import { median } from './measure.ts'

const { values } = parseArgs({ options: { plans: { type: 'string', default: '200' }, runs: { type: 'string', default: '3' } } })
const count = Number(values.plans)
const runs = Math.max(1, Number(values.runs))

const work = mkdtempSync(join(tmpdir(), 'yuanku-bench-lsp-'))
const lib = generateLibrary(join(work, 'lib'), count)
const cacheDir = defaultCacheDir(lib.root, lib.root)
const { readdirSync, statSync } = await import('node:fs')
const firstPlan = (dir: string): string => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory() && name !== 'drills' && name !== 'checklists') {
      const found = firstPlan(path)
      if (found) return found
    } else if (name.endsWith('.md') && dir !== lib.root) return path
  }
  return ''
}
const planPath = firstPlan(lib.root)
const uri = pathToFileURL(planPath).href
const text = readFileSync(planPath, 'utf8')
const isDiagnostics = (version: number) => (m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version

async function session(): Promise<{ open: number; keystrokeFile: number; keystrokeAll: number }> {
  const client = new LspClient(work)
  await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(lib.root).href, capabilities: {} })
  client.notify('initialized', {})
  let t = performance.now()
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } })
  await client.waitFor(isDiagnostics(1))
  const open = performance.now() - t
  const since = client.notifications.length
  t = performance.now()
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n补充一句。\n` }] })
  await client.waitFor(isDiagnostics(2), since)
  const keystrokeFile = performance.now() - t
  const first = client.notifications.slice(since).filter(isDiagnostics(2)).length
  await client.waitFor((m) => isDiagnostics(2)(m) && client.notifications.slice(since).filter(isDiagnostics(2)).length > first, since)
  const keystrokeAll = performance.now() - t
  await client.close()
  return { open, keystrokeFile, keystrokeAll }
}

const cold: number[] = []
const warm: number[] = []
const file: number[] = []
const all: number[] = []
for (let i = 0; i < runs; i++) {
  rmSync(cacheDir, { recursive: true, force: true })
  cold.push((await session()).open)
  const w = await session()
  warm.push(w.open)
  file.push(w.keystrokeFile)
  all.push(w.keystrokeAll)
}
const ms = (xs: number[]) => `${Math.round(median(xs))} ms`
console.log(`yuanku lsp, ${lib.plans} plans (${runs} runs, median), process already started:`)
console.log(`  first diagnostics, empty cache:      ${ms(cold)}`)
console.log(`  first diagnostics, warm cache:       ${ms(warm)}`)
console.log(`  after a keystroke, file rules:       ${ms(file)}`)
console.log(`  after a keystroke, whole library:    ${ms(all)} (includes the 250 ms debounce)`)
rmSync(work, { recursive: true, force: true })
rmSync(cacheDir, { recursive: true, force: true })
