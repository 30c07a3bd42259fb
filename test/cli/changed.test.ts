// `yuanku lint --changed`: findings only for plans changed in Git and the plans one link away.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changedScope } from '../../scripts/lib/changed-scope.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { FIXTURE, git, gitRepo, TODAY, workspace, yuanku } from './helpers.ts'

const files = (stdout: string) => (JSON.parse(stdout).findings as { file: string; ruleId: string }[]).map((f) => `${f.file} ${f.ruleId}`)
const lint = (dir: string, ...extra: string[]) => yuanku(['lint', ...extra, '--format', 'json', '--today', TODAY, '--no-cache'], dir)

describe('changedScope', { timeout: 120_000 }, () => {
  const library = loadLibrary(FIXTURE)
  const scope = (...paths: string[]) => {
    const s = changedScope(library, new Set(paths))
    return s && [...s].sort()
  }
  it('adds the plans a changed plan links to and the plans that link to it', () => {
    expect(scope('city/forest.md')).toEqual(['city/forest.md', 'city/overall.md'])
    expect(scope('city/flood.md')).toEqual(['city/flood.md', 'city/overall.md'])
    expect(scope('city/overall.md')).toEqual(['city/flood.md', 'city/forest.md', 'city/overall.md'])
  })
  it('ignores deleted and unknown files; the registry or settings mean everything', () => {
    expect(scope('city/gone.md', 'README.md')).toEqual([])
    expect(scope('units.yaml')).toBeUndefined()
    expect(scope('library.yaml', 'city/flood.md')).toBeUndefined()
  })
  it('a changed drill record brings itself and its plan (and that plan’s links)', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'plans/drills'))
    writeFileSync(join(dir, 'plans/drills/2026-06-01-shili-fangxun.md'), '---\nid: d1\nplan: shili-fangxun\n---\n# 演练\n')
    const withDrill = loadLibrary(join(dir, 'plans'))
    expect([...changedScope(withDrill, new Set(['drills/2026-06-01-shili-fangxun.md']))!].sort()).toEqual(['city/flood.md', 'city/overall.md', 'drills/2026-06-01-shili-fangxun.md'])
  })
  it('a deleted plan brings the plans that linked to it', () => {
    expect([...changedScope(library, new Set(['city/gone.md']), ['shili-zongti'])!].sort()).toEqual(['city/flood.md', 'city/forest.md'])
  })
})

describe('yuanku lint --changed', { timeout: 120_000 }, () => {
  it('reports nothing when nothing changed since HEAD', async () => {
    const dir = workspace()
    gitRepo(dir)
    const r = await lint(dir, '--changed')
    expect(files(r.stdout)).toEqual([])
    expect(r.code).toBe(0)
  })

  it('a changed plan brings its parent but not its siblings', async () => {
    const dir = workspace()
    gitRepo(dir)
    appendFileSync(join(dir, 'plans/city/forest.md'), '\n过火林地恢复由林区所在乡镇组织。\n')
    const r = await lint(dir, '--changed')
    expect(files(r.stdout)).toEqual(['plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit'])
    expect(r.code).toBe(1)
  })

  it('a changed parent brings every plan that links to it', async () => {
    const dir = workspace()
    gitRepo(dir)
    appendFileSync(join(dir, 'plans/city/overall.md'), '\n本预案自印发之日起施行。\n')
    const r = await lint(dir, '--changed')
    expect(files(r.stdout)).toEqual(['plans/city/flood.md placeholder-text', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit'])
  })

  it('counts staged, committed-since-REF and untracked plans', async () => {
    const dir = workspace()
    gitRepo(dir)
    appendFileSync(join(dir, 'plans/city/flood.md'), '\n汛后开展总结评估。\n')
    git(['add', 'plans/city/flood.md'], dir)
    git(['commit', '-q', '--no-verify', '-m', 'flood'], dir)
    expect(files((await lint(dir, '--changed')).stdout)).toEqual([])
    expect(files((await lint(dir, '--changed=HEAD~1')).stdout)).toEqual(['plans/city/flood.md placeholder-text'])
    // `--changed REF` with a ref that is not a path also works.
    expect(files((await lint(dir, '--changed', 'HEAD~1')).stdout)).toEqual(['plans/city/flood.md placeholder-text'])
    writeFileSync(join(dir, 'plans/city/new.md'), '---\nid: shili-new\n---\n# 新预案\n')
    const untracked = await lint(dir, '--changed')
    expect(new Set(files(untracked.stdout).map((f) => f.split(' ')[0]))).toEqual(new Set(['plans/city/new.md']))
  })

  it('deleting a plan brings the plans that still link to it', async () => {
    const dir = workspace()
    gitRepo(dir)
    rmSync(join(dir, 'plans/city/overall.md'))
    const r = await lint(dir, '--changed', '--rule', 'unknown-parent')
    expect(files(r.stdout)).toEqual(['plans/city/flood.md unknown-parent', 'plans/city/forest.md unknown-parent'])
    expect(r.code).toBe(1)
  })

  it('a change to units.yaml or library.yaml checks the whole library', async () => {
    const dir = workspace()
    gitRepo(dir)
    appendFileSync(join(dir, 'plans/units.yaml'), '  - { id: shi-minzheng, name: 示例市民政局, kind: department, parent: shili-shi }\n')
    const r = await lint(dir, '--changed')
    expect(files(r.stdout)).toEqual(['plans/city/flood.md placeholder-text', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit'])
  })

  it('outside a Git repository, or with an unknown REF, is a usage error', async () => {
    const dir = workspace()
    const r = await yuanku(['lint', '--changed', '--today', TODAY], dir)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^yuanku lint: --changed 需要 Git 仓库：“.*\/plans”不在 Git 工作区中 \/ --changed needs a Git repository: ".*\/plans" is not in a Git work tree \(fatal: not a git repository/)
    gitRepo(dir)
    const bad = await yuanku(['lint', '--changed=no-such-branch', '--today', TODAY], dir)
    expect([bad.code, bad.stderr]).toEqual([2, 'yuanku lint: --changed：Git 中没有“no-such-branch”这个提交或分支 / --changed: "no-such-branch" is not a commit or branch in this repository\n'])
  })

  it('in a repository without commits, every file is new', async () => {
    const dir = workspace()
    git(['init', '-q', '.'], dir)
    git(['add', 'plans/city/flood.md'], dir)
    const r = await lint(dir, '--changed')
    expect(files(r.stdout)).toEqual(['plans/city/flood.md placeholder-text', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit', 'plans/city/forest.md dissolved-unit'])
  })
})
