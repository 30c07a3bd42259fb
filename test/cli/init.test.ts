// `yuanku init`, `yuanku build`, `yuanku preview` and the Node version gate: what they write, and that bad
// input gets a clear message and leaves every file as it was.
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { yuanku } from './helpers.ts'

const BIN = fileURLToPath(new URL('../../bin/yuanku.js', import.meta.url))
const tmp = () => realpathSync(mkdtempSync(join(tmpdir(), 'yuanku-init-')))

/** Every file under a folder with its contents: to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`)
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8')
    }
  }
  walk(dir, '')
  return out
}

describe('yuanku init', { timeout: 120_000 }, () => {
  test('writes the layout, the registry skeleton, CI examples and the scripts, and the new library lints clean of errors', async () => {
    const dir = tmp()
    const r = await yuanku(['init', 'office', '--level', 'township', '--name', '青石镇'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(Object.keys(snapshot(join(dir, 'office'))).sort()).toEqual([
      '.github/workflows/yuanku.yml',
      '.gitignore',
      '.gitlab-ci.yml',
      'package.json',
      'plans/checklists/aqt9009-generic.md',
      'plans/drills/.gitkeep',
      'plans/library.yaml',
      'plans/units.yaml',
    ])
    const units = readFileSync(join(dir, 'office/plans/units.yaml'), 'utf8')
    expect(units).toContain('- { id: zhen, name: 青石镇, kind: jurisdiction, level: township }')
    expect(units).toContain('- { id: zhen-yingji-ban, name: 青石镇应急管理办公室, kind: township, parent: zhen, aliases: [镇应急办] }')
    expect(readFileSync(join(dir, 'office/.gitlab-ci.yml'), 'utf8')).toContain('npx yuanku lint --format gitlab --output gl-code-quality-report.json')
    expect(readFileSync(join(dir, 'office/.github/workflows/yuanku.yml'), 'utf8')).toContain('github/codeql-action/upload-sarif')
    expect(JSON.parse(readFileSync(join(dir, 'office/package.json'), 'utf8')).scripts).toEqual({ lint: 'yuanku lint', build: 'yuanku build', preview: 'yuanku preview' })
    const lint = await yuanku(['lint', '--format', 'json', '--today', '2026-11-01'], join(dir, 'office'))
    const report = JSON.parse(lint.stdout)
    // An empty library: only what it still lacks (the township's overall plan), no error in the files init wrote.
    expect([lint.code, report.errorCount]).toEqual([0, 0])
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['jurisdiction-without-overall'])
  })

  test.each(['city', 'county', 'enterprise'])('the %s skeleton is a valid registry', async (level) => {
    const dir = tmp()
    expect((await yuanku(['init', '--level', level], dir)).code).toBe(0)
    const lint = await yuanku(['lint', '--format', 'json', '--today', '2026-11-01'], dir)
    expect(JSON.parse(lint.stdout).findings.filter((f: { file: string; ruleId: string }) => f.file === 'plans/units.yaml' && f.ruleId !== 'coverage-gap' && f.ruleId !== 'jurisdiction-without-overall')).toEqual([])
    const units = readFileSync(join(dir, 'plans/units.yaml'), 'utf8')
    // Names after the 2018–2019 reform, never the dissolved bureaus (except in the commented example).
    if (level !== 'enterprise') {
      expect(units).toContain('应急管理局, kind: department')
      expect(units).toContain('自然资源')
      expect(units).toMatch(/卫生健康(委员会|局)/)
      expect(units).toMatch(/消防救援(支队|大队)/)
      expect(units.split('\n').filter((l) => /安全生产监督管理局|环境保护局|卫生和计划生育/.test(l.replace(/#.*$/, '')))).toEqual([])
    }
  })

  test('adds only the missing .gitignore lines and scripts to an existing repository', async () => {
    const dir = tmp()
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n*.log')
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'office', scripts: { build: 'make site' }, devDependencies: { yuanku: '0.1.0' } }, null, 2))
    const r = await yuanku(['init'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n*.log\ndist/\n.astro/\n')
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({ name: 'office', scripts: { build: 'make site', lint: 'yuanku lint', preview: 'yuanku preview' }, devDependencies: { yuanku: '0.1.0' } })
    expect(r.stdout).toContain('保留 / kept    package.json 中已有的脚本 / existing scripts: build')
  })

  test('refuses a folder that already holds a library, and writes nothing', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'plans'))
    writeFileSync(join(dir, 'plans/units.yaml'), 'units: []\n')
    writeFileSync(join(dir, 'package.json'), '{"name":"office"}\n')
    const before = snapshot(dir)
    const r = await yuanku(['init', '--level', 'city'], dir)
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'yuanku init: “plans”中已有预案库（units.yaml），未写入任何文件 / "plans" already holds a library (units.yaml); nothing was written\n'])
    expect(snapshot(dir)).toEqual(before)
    const inside = await yuanku(['init', 'plans'], dir)
    expect(inside.stderr).toBe('yuanku init: “plans”中已有预案库（units.yaml），未写入任何文件 / "plans" already holds a library (units.yaml); nothing was written\n')
    expect(snapshot(dir)).toEqual(before)
  })

  test('refuses an unknown level and a package.json it cannot read, writing nothing', async () => {
    const dir = tmp()
    writeFileSync(join(dir, 'package.json'), '{ broken')
    const level = await yuanku(['init', '--level', 'province'], dir)
    expect([level.code, level.stderr]).toEqual([2, 'yuanku init: --level 应为 city、county、township、enterprise 之一，而不是“province” / --level must be one of city, county, township, enterprise\n'])
    const pkg = await yuanku(['init'], dir)
    expect(pkg.code).toBe(2)
    expect(pkg.stderr).toMatch(/^yuanku init: package\.json 不是有效的 JSON，未写入任何文件/)
    expect(snapshot(dir)).toEqual({ 'package.json': '{ broken' })
  })
})

describe('yuanku build and preview: bad input', { timeout: 60_000 }, () => {
  test('build outside a library says so and writes nothing', async () => {
    const dir = tmp()
    const r = await yuanku(['build'], dir)
    expect([r.code, r.stdout]).toEqual([2, ''])
    expect(r.stderr).toBe(`yuanku build: “${dir}”不在预案库中（向上找不到 library.yaml 或 units.yaml）；在预案库所在的仓库里运行，或先运行 yuanku init 建立预案库 / "${dir}" is not inside a library (no library.yaml or units.yaml above it); run \`yuanku build\` in the library's repository, or start one with \`yuanku init\`\n`)
    expect(readdirSync(dir)).toEqual([])
  })

  test('build of a library without units.yaml says what is missing and writes nothing', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'plans'))
    writeFileSync(join(dir, 'plans/library.yaml'), 'name: 测试\n')
    const r = await yuanku(['build'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('缺少单位名录 units.yaml')
    expect(r.stderr).toContain('Nothing was written.')
    expect(snapshot(dir)).toEqual({ 'plans/library.yaml': 'name: 测试\n' })
  })

  test('preview without a built site says to build first', async () => {
    const dir = tmp()
    const r = await yuanku(['preview'], dir)
    expect([r.code, r.stderr]).toEqual([2, `yuanku preview: “${join(dir, 'dist')}”中没有已生成的站点；先运行 yuanku build（或 npm run build） / no built site in "${join(dir, 'dist')}"; run \`yuanku build\` (or npm run build) first\n`])
  })

  test('preview serves a site under the base path it was built for and prints the URL', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'dist/_astro'), { recursive: true })
    writeFileSync(join(dir, 'dist/index.html'), '<link rel="stylesheet" href="/yjj/_astro/a.css"><h1>首页</h1>')
    writeFileSync(join(dir, 'dist/_astro/a.css'), 'h1{}')
    const child = spawn(process.execPath, [BIN, 'preview', '--port', '0'], { cwd: dir })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (c) => {
          out += c
          const m = /http:\/\/127\.0\.0\.1:\d+\/yjj\//.exec(out)
          if (m) resolve(m[0])
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}`)))
      })
      const home = await fetch(url)
      expect([home.status, home.headers.get('content-type'), await home.text()]).toEqual([200, 'text/html; charset=utf-8', '<link rel="stylesheet" href="/yjj/_astro/a.css"><h1>首页</h1>'])
      const root = await fetch(new URL('/', url), { redirect: 'manual' })
      expect([root.status, root.headers.get('location')]).toEqual([302, '/yjj/'])
      expect((await fetch(new URL('/yjj/../../etc/passwd', url))).status).not.toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  })
})

const OLD_NODE = '/usr/bin/node'
function nodeVersion(path: string): Promise<string | undefined> {
  return new Promise((resolve) => execFile(path, ['--version'], (error, stdout) => resolve(error ? undefined : stdout.trim())))
}

describe('a Node older than Yuanku needs', () => {
  test('gets a Chinese and English message with the version needed, not a stack trace', async (ctx) => {
    const version = existsSync(OLD_NODE) ? await nodeVersion(OLD_NODE) : undefined
    const [major, minor] = (version ?? 'v99.0').slice(1).split('.').map(Number)
    if (major > 22 || (major === 22 && minor >= 18)) {
      ctx.skip()
      return
    }
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(OLD_NODE, [BIN, 'lint'], { encoding: 'utf8' }, (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }))
    })
    expect([r.code, r.stdout]).toEqual([2, ''])
    expect(r.stderr.split('\n')[0]).toBe(`Yuanku 需要 Node.js 22.18 或更高版本，当前是 ${version}。`)
    expect(r.stderr).toContain(`Yuanku needs Node.js 22.18 or newer; this is ${version}.`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
