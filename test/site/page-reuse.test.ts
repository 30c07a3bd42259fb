// Unchanged pages taken over from the previous build (scripts/lib/site/page-reuse.ts): after every edit the
// site shows the edit on every page that shows what was edited, and after a sequence of edits the site is
// the one a cold build writes, byte for byte.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { execFile } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
let work: string

function build(out: string, cache: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts/build-site.ts')],
      { cwd: ROOT, env: { ...process.env, LIBRARY: join(work, 'plans'), OUT_DIR: join(work, out), CACHE_DIR: join(work, cache), BASE: '/yuan/', TODAY: '2026-11-22', EXPORT: '0' }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(`${stdout}${stderr}`)),
    )
  })
}

const kept = (log: string) => Number(/页面 pages: (\d+) 个未变的页面沿用上次构建/.exec(log)?.[1])
const page = (route: string, out = 'dist') => readFileSync(join(work, out, route, 'index.html'), 'utf8')
const mtime = (route: string) => statSync(join(work, 'dist', route, 'index.html')).mtimeMs
const edit = (file: string, from: string | RegExp, to: string) => {
  const path = join(work, 'plans', file)
  const text = readFileSync(path, 'utf8')
  const next = text.replace(from, to)
  if (next === text) throw new Error(`${file}: ${from} not found`)
  writeFileSync(path, next)
}

function files(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out
}

const steps: Record<string, { log: string; pages: Record<string, string>; mtimes: Record<string, number> }> = {}
async function step(name: string, routes: string[]): Promise<void> {
  const log = await build('dist', 'cache')
  steps[name] = { log, pages: Object.fromEntries(routes.map((r) => [r, page(r)])), mtimes: Object.fromEntries(routes.map((r) => [r, mtime(r)])) }
}

const watched = ['plans/shi-anquan/', 'plans/shi-anquan/drill/', 'plans/shi-zongti/', 'plans/shi-senlin/', 'units/shi-yingji/']

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yuanku-page-reuse-'))
  cpSync(join(ROOT, 'plans'), join(work, 'plans'), { recursive: true })
  for (const dir of ['dongcheng', 'xishan', 'township', 'enterprise']) rmSync(join(work, 'plans', dir), { recursive: true, force: true })
  await step('cold', watched)
  // A plan's body.
  appendFileSync(join(work, 'plans/city/special/shi-anquan.md'), '\n## 演练评估要点\n\n### 补充\n\n- [ ] 每季度组织一次隐患排查 {分值=3}\n')
  await step('body', watched)
  // A parent's title: its children's pages show it.
  edit('city/overall.md', 'title: 示例市突发事件总体应急预案', 'title: 示例市突发事件总体应急预案（2026年修订）')
  await step('parent title', watched)
  // A unit's name in the registry.
  edit('units.yaml', 'name: 示例市应急管理局,', 'name: 示例市应急管理局（新）,')
  await step('units.yaml', watched)
  // A plan deleted.
  rmSync(join(work, 'plans/city/special/shi-senlin.md'))
  steps.deleted = { log: await build('dist', 'cache'), pages: {}, mtimes: {} }
  // Nothing changed.
  steps.again = { log: await build('dist', 'cache'), pages: {}, mtimes: {} }
  // The same library built from nothing.
  await build('cold', 'cold-cache')
}, 1_800_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('unchanged pages taken over from the previous build', () => {
  test('the first build renders every page; an edit to one plan\'s body re-renders that plan\'s pages and keeps the others', () => {
    expect(kept(steps.cold.log)).toBe(0)
    expect(kept(steps.body.log)).toBeGreaterThan(20)
    expect(steps.body.pages['plans/shi-anquan/']).toContain('每季度组织一次隐患排查')
    expect(steps.body.pages['plans/shi-anquan/drill/']).toContain('每季度组织一次隐患排查')
    expect(steps.body.mtimes['plans/shi-anquan/']).not.toBe(steps.cold.mtimes['plans/shi-anquan/'])
    // Kept: the very file the first build wrote.
    expect(steps.body.mtimes['plans/shi-senlin/']).toBe(steps.cold.mtimes['plans/shi-senlin/'])
    expect(steps.body.pages['plans/shi-senlin/']).toBe(steps.cold.pages['plans/shi-senlin/'])
  })

  test('a parent\'s new title shows on its children\'s pages', () => {
    expect(steps['parent title'].pages['plans/shi-zongti/']).toContain('示例市突发事件总体应急预案（2026年修订）')
    expect(steps['parent title'].pages['plans/shi-anquan/']).toContain('示例市突发事件总体应急预案（2026年修订）')
    expect(steps['parent title'].pages['plans/shi-senlin/']).toContain('示例市突发事件总体应急预案（2026年修订）')
  })

  test('a unit renamed in units.yaml shows on the plans, checklists and unit pages that name it', () => {
    const after = steps['units.yaml'].pages
    expect(kept(steps['units.yaml'].log)).toBe(0)
    expect(after['units/shi-yingji/']).toContain('示例市应急管理局（新）')
    expect(after['plans/shi-anquan/']).toContain('示例市应急管理局（新）')
    expect(after['plans/shi-anquan/drill/']).toContain('示例市应急管理局（新）')
  })

  test('a deleted plan\'s pages are gone', () => {
    expect(() => page('plans/shi-senlin/')).toThrow()
    expect(() => page('plans/shi-senlin/drill/')).toThrow()
    expect(page('plans/')).not.toContain('plans/shi-senlin/')
  })

  test('a build with nothing changed keeps every plan, checklist, drill and unit page', () => {
    const pages = files(join(work, 'dist')).filter((f) => /^(plans|drills|units)\/[^/]+\/(drill\/)?index\.html$/.test(f))
    expect(kept(steps.again.log)).toBe(pages.length)
  })

  test('after the edits the site is the one a cold build writes, byte for byte', () => {
    const built = files(join(work, 'dist'))
    expect(built).toEqual(files(join(work, 'cold')))
    const differ = built.filter((f) => !readFileSync(join(work, 'dist', f)).equals(readFileSync(join(work, 'cold', f))))
    expect(differ).toEqual([])
  })
})
