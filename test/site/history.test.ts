import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readGitHistory } from '../../scripts/lib/site/history.ts'

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=预案科 张三', '-c', 'user.email=z@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-02T03:04:05+08:00', GIT_COMMITTER_DATE: '2026-01-02T03:04:05+08:00' } })
}

describe('readGitHistory', () => {
  test('one pass gives each plan its revisions, newest first, paths relative to the library', () => {
    const repo = mkdtempSync(join(tmpdir(), 'yuanku-history-'))
    const lib = join(repo, 'plans')
    mkdirSync(join(lib, '城区'), { recursive: true })
    git(repo, 'init', '-q')
    writeFileSync(join(lib, '城区', '防汛.md'), 'a\n')
    writeFileSync(join(lib, 'other.md'), 'a\n')
    writeFileSync(join(repo, 'README.md'), 'x\n')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', '新增防汛预案')
    writeFileSync(join(lib, '城区', '防汛.md'), 'b\n')
    git(repo, 'commit', '-q', '-am', '修订响应分级')
    const history = readGitHistory(lib)
    expect([...history.keys()].sort()).toEqual(['other.md', '城区/防汛.md'])
    const revs = history.get('城区/防汛.md')!
    expect(revs.map((r) => r.subject)).toEqual(['修订响应分级', '新增防汛预案'])
    expect(revs[0].author).toBe('预案科 张三')
    expect(revs[0].date).toBe('2026-01-02T03:04:05+08:00')
    expect(revs[0].hash).toMatch(/^[0-9a-f]{40}$/)
  })

  test('a folder outside any repository has no history, and no error', () => {
    expect(readGitHistory(mkdtempSync(join(tmpdir(), 'yuanku-nogit-'))).size).toBe(0)
  })
})
