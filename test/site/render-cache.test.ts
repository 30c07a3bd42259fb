// The site build's render cache: a rebuild renders only what changed, a damaged entry is rendered again,
// and anything that changes how a plan renders changes the key.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prewarm } from '../../scripts/lib/site/prewarm.ts'
import { RenderCache, renderCacheContext, type RenderSettings } from '../../scripts/lib/site/render-cache.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'

const EXAMPLE = fileURLToPath(new URL('../../plans', import.meta.url))
const SETTINGS: RenderSettings = { base: '/yuan/', public: false, locale: 'zh-CN' }

let work: string
let library: string
let cacheDir: string

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'yuanku-render-cache-'))
  library = join(work, 'plans')
  cacheDir = join(work, 'cache')
  cpSync(EXAMPLE, library, { recursive: true })
  // The city's plans are enough, and keep each pass short.
  for (const dir of ['dongcheng', 'xishan', 'township', 'enterprise']) rmSync(join(library, dir), { recursive: true, force: true })
})

afterEach(() => rmSync(work, { recursive: true, force: true }))

/** One site build's rendering pass over the library; returns the cache's counts and the HTML of one plan. */
async function build(settings = SETTINGS): Promise<{ stats: RenderCache['stats']; cache: RenderCache; html: (path: string) => string }> {
  const warm = prewarm(library)
  const cache = new RenderCache(cacheDir, renderCacheContext(warm.shell, settings))
  await warm.run(cache, settings)
  cache.prune()
  const lib = loadLibrary(library)
  const html = (path: string) => {
    const plan = lib.plans.find((p) => p.path === path)!
    const ids = new Set(lib.plans.map((p) => String((p.data as { id?: string }).id)))
    return cache.render('plan', plan, { path, planHref: (id) => (ids.has(id) ? `${settings.base}plans/${id}/` : undefined), planIdAtPath: () => undefined }, () => {
      throw new Error(`${path} should come from the cache`)
    }).html
  }
  return { stats: cache.stats, cache, html }
}

function entryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? entryFiles(join(dir, name)) : [join(dir, name)]))
}

const documents = () => {
  const lib = loadLibrary(library)
  return lib.plans.length + lib.drills.length
}

describe('render cache', () => {
  test('a rebuild after one changed plan renders that plan only', async () => {
    const total = documents()
    const first = await build()
    expect(first.stats).toEqual({ hits: 0, rendered: total, ignored: 0 })

    const second = await build()
    expect(second.stats).toEqual({ hits: total, rendered: 0, ignored: 0 })

    appendFileSync(join(library, 'city/special/shi-anquan.md'), '\n新增一段：每季度组织一次隐患排查。\n')
    const third = await build()
    expect(third.stats).toEqual({ hits: total - 1, rendered: 1, ignored: 0 })
    expect(third.html('city/special/shi-anquan.md')).toContain('每季度组织一次隐患排查')
    // The old rendering of the changed plan is deleted; one entry per document remains.
    expect(entryFiles(cacheDir)).toHaveLength(total)
  })

  test('a damaged entry is ignored and rendered again', async () => {
    const first = await build()
    const before = first.html('city/overall.md')
    for (const [i, file] of entryFiles(cacheDir).slice(0, 2).entries()) writeFileSync(file, i === 0 ? '{"format":1,"html":' : '{"format":1}')
    const second = await build()
    expect(second.stats.ignored).toBe(2)
    expect(second.stats.rendered).toBe(2)
    expect(second.html('city/overall.md')).toBe(before)
    const third = await build()
    expect(third.stats).toMatchObject({ rendered: 0, ignored: 0 })
  })

  test('a plan that links to another is rendered again when the target leaves the site', async () => {
    appendFileSync(join(library, 'city/special/shi-anquan.md'), '\n见[总体预案](plan:shi-zongti)。\n')
    const first = await build()
    expect(first.html('city/special/shi-anquan.md')).toContain('<a href="/yuan/plans/shi-zongti/">总体预案</a>')
    // The overall plan gets a malformed id: it has no page any more, and the link becomes text.
    const overall = join(library, 'city/overall.md')
    writeFileSync(overall, readFileSync(overall, 'utf8').replace('id: shi-zongti', 'id: Shi_Zongti'))
    const second = await build()
    // The linking plan; the overall plan itself has no page to render.
    expect(second.stats.rendered).toBe(1)
    expect(second.html('city/special/shi-anquan.md')).toContain('<span class="dead-link">总体预案</span>')
  })

  test('the key changes with every setting that changes the rendering, and only with them', () => {
    const lib = loadLibrary(library)
    const key = (settings: RenderSettings, l = lib) => new RenderCache(undefined, renderCacheContext(l, settings)).key('plan', 'a.md', '# 标题\n')
    const base = key(SETTINGS)
    expect(key({ ...SETTINGS })).toBe(base)
    expect(key({ ...SETTINGS, base: '/' })).not.toBe(base)
    expect(key({ ...SETTINGS, public: true })).not.toBe(base)
    expect(key({ ...SETTINGS, locale: 'en' })).not.toBe(base)
    expect(key(SETTINGS, { ...lib, settings: { ...lib.settings, drill_section: { title: '评估要点', aliases: [] } } as typeof lib.settings })).not.toBe(base)
    expect(key(SETTINGS, { ...lib, unitsFile: { ...lib.unitsFile!, text: `${lib.unitsFile!.text}\n` } })).not.toBe(base)
    expect(key(SETTINGS, { ...lib, checklists: lib.checklists.map((c) => ({ ...c, text: `${c.text}\n- [ ] 新增检查项\n` })) })).not.toBe(base)
    const cache = new RenderCache(undefined, renderCacheContext(lib, SETTINGS))
    expect(cache.key('plan', 'a.md', '# 标题\n')).not.toBe(cache.key('plan', 'b.md', '# 标题\n'))
    expect(cache.key('plan', 'a.md', '# 标题\n')).not.toBe(cache.key('plan', 'a.md', '# 标题！\n'))
  })
})
