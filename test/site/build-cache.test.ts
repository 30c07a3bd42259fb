// The whole site build twice, with one plan edited in between: the second build renders that one plan
// (its page and its checklist page show the edit) and takes every other plan from the build cache.
import { beforeAll, afterAll, describe, expect, test } from 'vitest'
import { execFile } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
let work: string
const logs: string[] = []

function build(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts/build-site.ts')],
      { cwd: ROOT, env: { ...process.env, LIBRARY: join(work, 'plans'), OUT_DIR: join(work, 'dist'), CACHE_DIR: join(work, 'cache'), BASE: '/yuan/', TODAY: '2026-11-22', EXPORT: '0' }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(`${stdout}${stderr}`)),
    )
  })
}

const renderLine = (log: string) => /渲染缓存 render cache: (\d+) 份新渲染 rendered, (\d+) 份取自缓存/.exec(log)?.slice(1).map(Number)

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yuanku-build-cache-'))
  cpSync(join(ROOT, 'plans'), join(work, 'plans'), { recursive: true })
  for (const dir of ['dongcheng', 'xishan', 'township', 'enterprise']) rmSync(join(work, 'plans', dir), { recursive: true, force: true })
  logs.push(await build())
  appendFileSync(join(work, 'plans/city/special/shi-anquan.md'), '\n## 演练评估要点\n\n### 补充\n\n- [ ] 每季度组织一次隐患排查 {分值=3}\n')
  logs.push(await build())
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('site build cache', () => {
  test('the first build renders every plan and drill record, the second only the edited plan', () => {
    const [rendered, hits] = renderLine(logs[0])!
    expect(rendered).toBeGreaterThan(10)
    expect(hits).toBe(0)
    expect(renderLine(logs[1])).toEqual([1, rendered - 1])
  })

  test('the edited plan shows its new text, and its checklist the new item', () => {
    const page = readFileSync(join(work, 'dist/plans/shi-anquan/index.html'), 'utf8')
    expect(page).toContain('每季度组织一次隐患排查')
    const checklist = readFileSync(join(work, 'dist/plans/shi-anquan/drill/index.html'), 'utf8')
    expect(checklist).toContain('每季度组织一次隐患排查')
  })

  test('a plan taken from the cache is published as before', () => {
    expect(readFileSync(join(work, 'dist/plans/shi-zongti/index.html'), 'utf8')).toContain('示例市突发事件总体应急预案')
  })
})
