// `yuanku hook`: a pre-commit hook that blocks commits with errors in changed plans, never clobbering another hook.
import { execFile } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GIT_ENV, git, gitRepo, workspace, yuanku, YUANKU } from './helpers.ts'

const commit = (dir: string, message: string): Promise<{ code: number; out: string }> =>
  new Promise((resolve) => {
    execFile('git', ['commit', '-q', '-m', message], { cwd: dir, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1' }, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr })
    })
  })

describe('yuanku hook', { timeout: 120_000 }, () => {
  it('installs an executable pre-commit hook that runs lint --changed on the library', async () => {
    const dir = workspace()
    gitRepo(dir)
    const r = await yuanku(['hook', 'install'], dir)
    expect(r.stdout).toBe('已安装 pre-commit 钩子 / installed the pre-commit hook: .git/hooks/pre-commit\n  提交前运行 / runs before each commit: yuanku lint --changed plans\n')
    expect(r.code).toBe(0)
    const hook = join(dir, '.git/hooks/pre-commit')
    expect(statSync(hook).mode & 0o777).toBe(0o755)
    const text = readFileSync(hook, 'utf8')
    expect(text.split('\n')[0]).toBe('#!/bin/sh')
    expect(text).toContain('# yuanku-pre-commit-hook v1')
    expect(text).toContain(`NODE='${process.execPath}'`)
    expect(text).toContain(`exec "$NODE" '${YUANKU}' lint --changed=HEAD 'plans'\n`)
  })

  it('blocks a commit whose changed plan has errors and lets a clean one through', async () => {
    const dir = workspace()
    // Fix the library's one error first so that only what the commit adds decides.
    const forest = join(dir, 'plans/city/forest.md')
    writeFileSync(forest, readFileSync(forest, 'utf8').replace(/shi-linye/g, 'shi-ziran').replace('"shi-anjian"', 'shi-yingji'))
    gitRepo(dir)
    await yuanku(['hook', 'install'], dir)

    appendFileSync(join(dir, 'plans/city/flood.md'), '\n汛后组织总结评估。\n')
    git(['add', '-A'], dir)
    const clean = await commit(dir, 'flood: evaluation')
    expect(clean.code).toBe(0)
    expect(clean.out).toContain('plans/city/flood.md:56:8  警告  占位文字未填  正文中留有未填写的占位符“待定”  placeholder-text')

    writeFileSync(forest, readFileSync(forest, 'utf8').replace('lead_unit: shi-ziran', 'lead_unit: shi-anjian'))
    git(['add', '-A'], dir)
    const blocked = await commit(dir, 'forest: old lead')
    expect(blocked.code).toBe(1)
    // The error that blocks the commit comes first, under the summary, not after the warnings.
    expect(blocked.out).toMatch(/^检查结果：1 个错误，涉及 1 份预案。\n\n错误（1）\nplans\/city\/forest.md  示例市森林火灾应急预案\n/)
    expect(blocked.out).toContain('plans/city/forest.md:9:12  错误  单位已撤销  单位“示例市安全生产监督管理局”已于 2019-01-15 撤销，应改为“示例市应急管理局”（shi-yingji）  〔可 --fix〕  dissolved-unit')
    expect(git(['log', '--format=%s'], dir)).toBe('flood: evaluation\ninitial\n')
  })

  it('respects core.hooksPath', async () => {
    const dir = workspace()
    gitRepo(dir)
    git(['config', 'core.hooksPath', '.githooks'], dir)
    const r = await yuanku(['hook', 'install'], join(dir, 'plans'))
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe(`已安装 pre-commit 钩子 / installed the pre-commit hook: ${join(dir, '.githooks/pre-commit')}`)
    expect(readFileSync(join(dir, '.githooks/pre-commit'), 'utf8')).toContain("lint --changed=HEAD 'plans'")
    expect(existsSync(join(dir, '.git/hooks/pre-commit'))).toBe(false)
  })

  it('leaves a hook that is not ours alone unless --force; uninstall removes only ours', async () => {
    const dir = workspace()
    gitRepo(dir)
    const hook = join(dir, '.git/hooks/pre-commit')
    mkdirSync(join(dir, '.git/hooks'), { recursive: true })
    writeFileSync(hook, '#!/bin/sh\necho theirs\n', { mode: 0o755 })
    const refused = await yuanku(['hook', 'install'], dir)
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, '', 'yuanku hook: .git/hooks/pre-commit 已有其他 pre-commit 钩子；用 --force 覆盖 / .git/hooks/pre-commit already holds another pre-commit hook; use --force to replace it\n'])
    const notOurs = await yuanku(['hook', 'uninstall'], dir)
    expect([notOurs.code, notOurs.stderr]).toEqual([2, 'yuanku hook: .git/hooks/pre-commit 不是 yuanku 安装的钩子，未删除 / .git/hooks/pre-commit was not installed by yuanku; left as it is\n'])
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho theirs\n')

    expect((await yuanku(['hook', 'install', '--force'], dir)).code).toBe(0)
    expect(readFileSync(hook, 'utf8')).toContain('# yuanku-pre-commit-hook')
    expect((await yuanku(['hook', 'install'], dir)).code).toBe(0) // reinstalling ours needs no --force
    const removed = await yuanku(['hook', 'uninstall'], dir)
    expect([removed.code, removed.stdout]).toEqual([0, '已删除 pre-commit 钩子 / removed the pre-commit hook: .git/hooks/pre-commit\n'])
    expect(existsSync(hook)).toBe(false)
    const nothing = await yuanku(['hook', 'uninstall'], dir)
    expect([nothing.code, nothing.stdout]).toEqual([0, '没有 pre-commit 钩子，无需删除 / no pre-commit hook to remove (.git/hooks/pre-commit)\n'])
  })

  it('outside a Git repository or with a wrong action: exit 2', async () => {
    const dir = workspace()
    const r = await yuanku(['hook', 'install'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^yuanku hook: yuanku hook 需要 Git 仓库：“.*”不在 Git 工作区中 \/ yuanku hook needs a Git repository/)
    const wrong = await yuanku(['hook', 'instal'], dir)
    expect([wrong.code, wrong.stderr]).toEqual([2, 'yuanku hook: 用法：yuanku hook install|uninstall / usage: yuanku hook install|uninstall\n'])
  })
})
