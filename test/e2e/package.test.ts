// The second way to use Yuanku, as a new office would: `npm pack` this repository, install the tarball into
// a fresh Git repository, `yuanku init`, write plans, lint, build, and open the site `yuanku preview`
// serves in Chromium. The installed package runs compiled JavaScript from node_modules.
// The install fetches the dependencies from the npm registry (or npm's cache: --prefer-offline).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { hasBrowser, launchBrowser, offsite, ROOT, watchedPage } from './support.ts'

const PACKED = ['bin', 'scripts', 'site', 'schema', 'data', 'templates', 'editors', 'docs', 'astro.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'README.md']

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr }),
    )
  })
}

describe('installed from an npm pack tarball into an office repository', { timeout: 600_000 }, () => {
  let work: string
  let repo: string
  let tarball: string
  let preview: ChildProcess | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yuanku-package-'))
    // Pack a copy, so that the compiled JavaScript never lands in this checkout (its tests run the sources).
    const source = join(work, 'source')
    mkdirSync(source)
    for (const name of PACKED) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(source, name), { recursive: true, filter: (p) => !(p.startsWith(join(ROOT, 'scripts')) && p.endsWith('.js')) })
    symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'))
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', work], source)
    expect(packed.code, packed.stderr).toBe(0)
    tarball = join(work, packed.stdout.trim().split('\n').pop()!)
    repo = join(work, 'office')
    mkdirSync(repo)
    expect((await run('git', ['init', '-q'], repo)).code).toBe(0)
    const installed = await run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], repo)
    expect(installed.code, installed.stderr).toBe(0)
  })

  afterAll(async () => {
    preview?.kill('SIGTERM')
    await browser?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  test('the package carries compiled JavaScript, the site sources, the schemas and the templates', () => {
    const pkg = join(repo, 'node_modules/yuanku')
    for (const file of ['bin/yuanku.js', 'scripts/yuanku.js', 'scripts/build-site.js', 'scripts/lib/engine/worker-entry.js', 'site/pages/index.astro', 'schema/plan.schema.json', 'templates/init/gitlab-ci.yml', 'templates/init/checklists/aqt9009-generic.md', 'editors/vscode/extension.js', 'docs/editor.md', 'docs/rules/placeholder-text.md', 'docs/README.md']) {
      expect(existsSync(join(pkg, file)), file).toBe(true)
    }
    expect(existsSync(join(pkg, 'plans')), 'the example library stays out of the package').toBe(false)
  })

  test('init, new, lint, build and preview, then the site opens in Chromium', async () => {
    const yuanku = (args: string[]) => run('npx', ['--no-install', 'yuanku', ...args], repo)
    const init = await yuanku(['init', '--level', 'county', '--name', '西山县'])
    expect(init.code, init.stderr).toBe(0)
    expect(init.stdout).toContain('已建立预案库 / library started: plans（county，西山县）')
    for (const file of ['plans/library.yaml', 'plans/units.yaml', 'plans/checklists/aqt9009-generic.md', '.gitlab-ci.yml', '.github/workflows/yuanku.yml', '.gitignore']) expect(existsSync(join(repo, file)), file).toBe(true)
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
    expect(pkg.scripts).toEqual({ lint: 'yuanku lint', build: 'yuanku build', preview: 'yuanku preview' })
    expect(Object.keys(pkg.devDependencies)).toEqual(['yuanku'])

    const again = await yuanku(['init'])
    expect([again.code, again.stderr]).toEqual([2, 'yuanku init: “plans”中已有预案库（library.yaml），未写入任何文件 / "plans" already holds a library (library.yaml); nothing was written\n'])

    expect((await yuanku(['new', '--type', 'overall', '--jurisdiction', 'xian', '--today', '2026-11-01'])).code).toBe(0)
    const flood = await yuanku(['new', '--type', 'special', '--jurisdiction', 'xian', '--hazard', 'flood', '--lead', 'xian-shuili', '--today', '2026-11-01'])
    expect(flood.stdout).toContain('已创建 plans/xian-flood.md（西山县洪涝灾害应急预案，草案）')

    // Warnings only (placeholders to fill in, coverage still to write): exit 0, and the flood plan is named.
    const lint = await run('npm', ['run', '--silent', 'lint', '--', '--format', 'json', '--today', '2026-11-01'], repo)
    expect(lint.code, lint.stderr).toBe(0)
    const report = JSON.parse(lint.stdout)
    expect(report.errorCount).toBe(0)
    expect(report.findings.some((f: { file: string; ruleId: string }) => f.file === 'plans/xian-flood.md' && f.ruleId === 'placeholder-text')).toBe(true)
    const gitlab = await yuanku(['lint', '--format', 'gitlab', '--today', '2026-11-01'])
    const issues = JSON.parse(gitlab.stdout)
    expect(issues.length).toBe(report.findings.length)
    expect(issues[0]).toMatchObject({ type: 'issue', check_name: report.findings[0].ruleId, description: report.findings[0].message, location: { path: report.findings[0].file, lines: { begin: report.findings[0].line } } })

    const build = await run('npm', ['run', 'build', '--', '--base', '/xishan/'], repo, { TODAY: '2026-11-01' })
    expect(build.code, build.stderr).toBe(0)
    expect(build.stdout).toMatch(new RegExp(`站点已生成 site written to ${join(repo, 'dist').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(base /xishan/\\): \\d+ 个页面入索引 pages indexed`))
    expect(readdirSync(join(repo, 'dist'))).toContain('index.html')

    // The installed command itself (not through npx), so that stopping it stops the server.
    preview = spawn(process.execPath, [join(repo, 'node_modules/.bin/yuanku'), 'preview', '--port', '0'], { cwd: repo })
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      preview!.stdout!.on('data', (chunk) => {
        out += chunk
        const m = /http:\/\/127\.0\.0\.1:\d+\/xishan\//.exec(out)
        if (m) resolve(m[0])
      })
      preview!.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${out}`)))
    })

    if (!hasBrowser) return
    browser = await launchBrowser()
    const { page, requests, pageErrors } = await watchedPage(browser)
    await page.goto(`${url}plans/xian-flood/`)
    await expect(page.locator('h1').first().textContent()).resolves.toContain('西山县洪涝灾害应急预案')
    await page.goto(url)
    await expect(page.title()).resolves.toContain('西山县应急预案库')
    const origin = new URL(url).origin
    expect(offsite(requests, origin)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})

describe('this repository as a template, with plans/ replaced', { timeout: 600_000 }, () => {
  let work: string
  let preview: ChildProcess | undefined
  let browser: Browser | undefined

  afterAll(async () => {
    preview?.kill('SIGTERM')
    await browser?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  test('init in the copy, npm run lint, npm run build, npm run preview, and the site opens in Chromium', async () => {
    work = mkdtempSync(join(tmpdir(), 'yuanku-template-'))
    const copy = join(work, 'office')
    mkdirSync(copy)
    for (const name of PACKED) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(copy, name), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'))
    expect((await run('git', ['init', '-q'], copy)).code).toBe(0)

    const init = await run(process.execPath, ['bin/yuanku.js', 'init', '--level', 'township', '--name', '青石镇'], copy)
    expect(init.code, init.stderr).toBe(0)
    const scripts = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).scripts
    expect([scripts.lint, scripts.build, scripts.preview]).toEqual(['node bin/yuanku.js lint', 'node bin/yuanku.js build', 'node bin/yuanku.js preview'])
    expect(readFileSync(join(copy, '.gitlab-ci.yml'), 'utf8')).toContain('node bin/yuanku.js lint --format gitlab')
    expect((await run(process.execPath, ['bin/yuanku.js', 'new', '--type', 'overall', '--jurisdiction', 'zhen', '--today', '2026-11-01'], copy)).code).toBe(0)

    const lint = await run('npm', ['run', '--silent', 'lint', '--', '--format', 'json', '--today', '2026-11-01'], copy)
    expect(lint.code, lint.stderr).toBe(0)
    expect(JSON.parse(lint.stdout).errorCount).toBe(0)
    const build = await run('npm', ['run', 'build', '--', '--base', '/qingshi/'], copy, { TODAY: '2026-11-01' })
    expect(build.code, build.stderr).toBe(0)
    expect(build.stdout).toMatch(new RegExp(`站点已生成 site written to ${join(copy, 'dist').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(base /qingshi/\\): \\d+ 个页面入索引 pages indexed`))

    preview = spawn(process.execPath, ['bin/yuanku.js', 'preview', '--port', '0'], { cwd: copy })
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      preview!.stdout!.on('data', (chunk) => {
        out += chunk
        const m = /http:\/\/127\.0\.0\.1:\d+\/qingshi\//.exec(out)
        if (m) resolve(m[0])
      })
      preview!.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${out}`)))
    })
    if (!hasBrowser) return
    browser = await launchBrowser()
    const { page, requests, pageErrors } = await watchedPage(browser)
    await page.goto(`${url}plans/zhen-overall/`)
    await expect(page.locator('h1').first().textContent()).resolves.toContain('青石镇突发事件总体应急预案')
    expect(offsite(requests, new URL(url).origin)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
