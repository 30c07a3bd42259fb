// Browser tests run against the real built site: built once per content (a cache keyed by a hash of the
// library, the site sources, the core and the build options, shared by every test file and run), served
// by a tiny static server on 127.0.0.1 under a base path, driven by the system Chromium via playwright-core.
import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { decodedPath, sendSiteFile } from '../../scripts/cli/preview.ts'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const FIXTURES = join(ROOT, 'test/e2e/fixtures')
export const E2E_BASE = '/yuan/'
export const E2E_TODAY = '2026-11-23'
export const CHROMIUM = '/usr/bin/chromium'
const NODE = process.execPath

/** True when the browser tests can run. Without Chromium they are skipped, loudly; on CI they fail. */
export const hasBrowser = existsSync(CHROMIUM)
if (!hasBrowser) {
  const notice = `\n${'!'.repeat(72)}\n!! ${CHROMIUM} not found: browser (e2e) tests are SKIPPED.\n!! Install Chromium (apt-get install chromium) to run them.\n${'!'.repeat(72)}\n`
  if (process.env.CI === 'true') throw new Error(`${notice}CI=true: browser tests must run.`)
  console.warn(notice)
}

export interface BuildOptions {
  /** Library folder (absolute, or relative to the repository). */
  library: string
  public?: boolean
  base?: string
  today?: string
  /** Extra environment for the build (e.g. SW_MAX_ENTRIES). */
  env?: Record<string, string>
  /** Build the .docx/PDF downloads too (slow: Chromium prints every plan); off for the other browser tests. */
  downloads?: boolean
}

export interface BuiltSite {
  dir: string
  base: string
  /** What the build printed. */
  log: string
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, skip: (name: string) => boolean = () => false): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    if (skip(name)) continue
    const path = join(dir, name)
    const stat = statSync(path)
    if (stat.isDirectory()) hashTree(hash, path, skip)
    else {
      hash.update(relative(ROOT, path))
      hash.update(readFileSync(path))
    }
  }
}

/** Content hash of everything that affects a build. */
export function buildKey(options: BuildOptions): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ ...options, library: relative(ROOT, resolvePath(ROOT, options.library)) }))
  hashTree(hash, resolvePath(ROOT, options.library))
  hashTree(hash, join(ROOT, 'site'))
  hashTree(hash, join(ROOT, 'scripts'), (n) => n === 'bench')
  hashTree(hash, join(ROOT, 'schema'))
  for (const f of ['astro.config.mjs', 'package-lock.json']) if (existsSync(join(ROOT, f))) hash.update(readFileSync(join(ROOT, f)))
  return hash.digest('hex').slice(0, 20)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Builds the site of a library (or reuses the build of identical inputs). Concurrent callers with the
 * same inputs wait for one build: a lock folder marks a build in progress, a marker file a finished one.
 */
export async function buildSite(options: BuildOptions): Promise<BuiltSite> {
  const base = options.base ?? E2E_BASE
  const full = { ...options, base, today: options.today ?? E2E_TODAY }
  const cacheRoot = join(tmpdir(), 'yuanku-e2e')
  mkdirSync(cacheRoot, { recursive: true })
  const key = buildKey(full)
  const dir = join(cacheRoot, key, 'dist')
  const marker = join(cacheRoot, key, 'built.log')
  const lock = join(cacheRoot, `${key}.lock`)
  for (;;) {
    if (existsSync(marker)) return { dir, base, log: readFileSync(marker, 'utf8') }
    try {
      mkdirSync(lock)
      break
    } catch {
      // Someone else is building this: wait, and take over a lock left by a killed run (older than 10 min).
      try {
        if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true })
      } catch {}
      await sleep(500)
    }
  }
  try {
    rmSync(join(cacheRoot, key), { recursive: true, force: true })
    mkdirSync(join(cacheRoot, key), { recursive: true })
    const log = await new Promise<string>((resolve, reject) => {
      execFile(
        NODE,
        [join(ROOT, 'scripts/build-site.ts'), ...(full.public ? ['--public'] : [])],
        {
          cwd: ROOT,
          env: { ...process.env, ...full.env, LIBRARY: resolvePath(ROOT, full.library), OUT_DIR: dir, BASE: base, TODAY: full.today, PUBLIC: full.public ? '1' : '0', EXPORT: full.downloads ? '1' : '0' },
          maxBuffer: 64 << 20,
          timeout: 280_000,
        },
        (error, stdout, stderr) => (error ? reject(new Error(`site build failed (${error.message})\n${stdout}\n${stderr}`)) : resolve(`${stdout}${stderr}`)),
      )
    })
    writeFileSync(marker, log)
    return { dir, base, log }
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}


export interface Served {
  /** Origin plus base, e.g. http://127.0.0.1:41234/yuan/ */
  url: string
  origin: string
  close(): Promise<void>
}

/** Serves a built site under its base path, the way any plain intranet web server would. */
export async function serve(dir: string, base = E2E_BASE): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const pathname = decodedPath(url)
    if (pathname === undefined) {
      res.writeHead(400).end()
      return
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under base')
      return
    }
    sendSiteFile(res, dir, pathname.slice(base.length), { pathname, search: '', cacheControl: 'no-store' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}

/** What a page did that a test may want to assert on. */
export interface Watched {
  context: BrowserContext
  page: Page
  /** Every URL the browser requested (including those that were blocked). */
  requests: string[]
  dialogs: string[]
  consoleErrors: string[]
  pageErrors: string[]
}

/**
 * A fresh context whose network cannot leave 127.0.0.1 (such requests are recorded, then aborted),
 * with dialogs, console errors and page errors recorded.
 */
export async function watchedPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, serviceWorkers: 'block' })
  const requests: string[] = []
  const dialogs: string[] = []
  const consoleErrors: string[] = []
  const pageErrors: string[] = []
  context.on('request', (r) => requests.push(r.url()))
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url())
    if (u.protocol === 'data:' || (u.hostname === '127.0.0.1' && u.protocol === 'http:')) return route.continue()
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  // Fail a step with its own message well before the test's timeout.
  page.setDefaultTimeout(10_000)
  page.setDefaultNavigationTimeout(15_000)
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    await d.dismiss().catch(() => {})
  })
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  return { context, page, requests, dialogs, consoleErrors, pageErrors }
}

/** Requests that went anywhere but the test server. */
export function offsite(requests: string[], origin: string): string[] {
  return requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('data:'))
}

/** Every file of a built site, as [relative path, contents]. */
export function siteFiles(dir: string): [string, Buffer][] {
  const out: [string, Buffer][] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push([relative(dir, p), readFileSync(p)])
    }
  }
  walk(dir)
  return out
}

/** A built fixture site, served over HTTP, with a browser and a watched page: what most browser tests start from. */
export interface SiteUnderTest {
  site: BuiltSite
  server: Served
  browser: Browser
  w: Watched
}

/**
 * Builds and serves a site and opens a watched page before the tests of the calling describe block, and closes
 * them after; the returned object is filled in by then.
 */
export function siteUnderTest(options: BuildOptions): SiteUnderTest {
  const t = {} as SiteUnderTest
  beforeAll(async () => {
    t.site = await buildSite(options)
    t.server = await serve(t.site.dir, t.site.base)
    t.browser = await launchBrowser()
    t.w = await watchedPage(t.browser)
  })
  afterAll(async () => {
    await t.browser?.close()
    await t.server?.close()
  })
  return t
}
