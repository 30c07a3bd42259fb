// Runs the real `yuanku` command as a child process on copies of fixture libraries.
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const YUANKU = fileURLToPath(new URL('../../scripts/yuanku.ts', import.meta.url))
export const FIXTURE = fileURLToPath(new URL('./fixtures/library/', import.meta.url))
export const TODAY = '2026-11-01'

/** Git that ignores the machine's own configuration (hooksPath, identity), as in a clean CI. */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function yuanku(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [YUANKU, ...args], { cwd, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** A fresh temp folder holding a copy of the fixture library as `plans/`; returns the temp folder. */
export function workspace(fixture = FIXTURE): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'yuanku-cli-')))
  cpSync(fixture, join(dir, 'plans'), { recursive: true })
  return dir
}

export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' })
}

/** Makes `dir` a Git repository with everything in it committed. */
export function gitRepo(dir: string): void {
  git(['init', '-q', '-b', 'main', '.'], dir)
  git(['add', '-A'], dir)
  git(['commit', '-q', '--no-verify', '-m', 'initial'], dir)
}
