// Git as the CLI needs it: run without a shell (arguments never pass through one), errors worded for people.
import { execFile } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { isInside } from './display-path.ts'
import { UsageError } from './errors.ts'

export class GitError extends Error {
  override name = 'GitError'
  readonly stderr: string
  readonly notFound: boolean
  constructor(message: string, stderr: string, notFound = false) {
    super(message)
    this.stderr = stderr
    this.notFound = notFound
  }
}

export function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout)
      const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT'
      reject(new GitError(stderr.trim().split('\n')[0] || error.message, stderr, notFound))
    })
  })
}

/** The top folder of the work tree `dir` is in; a UsageError when there is none. */
export async function workTreeTop(dir: string, what: string): Promise<string> {
  try {
    return realpathSync((await git(['rev-parse', '--show-toplevel'], dir)).trim())
  } catch (error) {
    const e = error as GitError
    if (e.notFound) throw new UsageError(`${what} 需要 git，但找不到 git 命令 / ${what} needs git, which was not found`)
    throw new UsageError(`${what} 需要 Git 仓库：“${dir}”不在 Git 工作区中 / ${what} needs a Git repository: "${dir}" is not in a Git work tree (${e.message})`)
  }
}

const splitZ = (out: string) => out.split('\0').filter(Boolean)

/**
 * Files under `root` changed in Git since `ref` (committed, staged or not) plus untracked ones, as
 * POSIX paths relative to `root`. Deleted files are included: the caller drops what no longer exists.
 */
export async function changedSince(root: string, ref: string): Promise<Set<string>> {
  const top = await workTreeTop(root, '--changed')
  const realRoot = realpathSync(root)
  let hasRef = true
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], realRoot)
  } catch {
    hasRef = false
  }
  const paths: string[] = []
  if (hasRef) {
    paths.push(...splitZ(await git(['diff', '--name-only', '-z', '--no-renames', ref, '--', '.'], realRoot)))
  } else if (ref === 'HEAD') {
    // A repository without commits yet: everything in the index is new.
    paths.push(...splitZ(await git(['ls-files', '-z', '--full-name', '--', '.'], realRoot)))
  } else {
    throw new UsageError(`--changed：Git 中没有“${ref}”这个提交或分支 / --changed: "${ref}" is not a commit or branch in this repository`)
  }
  paths.push(...splitZ(await git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', '.'], realRoot)))
  const out = new Set<string>()
  for (const p of paths) {
    const abs = join(top, p)
    if (abs !== realRoot && isInside(realRoot, abs)) out.add(relative(realRoot, abs).split(sep).join('/'))
  }
  return out
}

/**
 * Ids of plans deleted since `ref` (paths that Git knows at `ref` and that are gone now), read from
 * their frontmatter at `ref`: the plans that still link to them have to be checked too.
 */
export async function deletedPlanIds(root: string, ref: string, changed: Set<string>): Promise<string[]> {
  const realRoot = realpathSync(root)
  const ids: string[] = []
  for (const path of changed) {
    if (!path.endsWith('.md') || existsSync(join(realRoot, path))) continue
    try {
      const text = await git(['show', `${ref}:./${path}`], realRoot)
      const id = /^---\r?\n(?:[^\n]*\n)*?id:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?\r?$/m.exec(text)?.[1]
      if (id) ids.push(id)
    } catch {
      // Not in `ref` either (created and deleted since): nothing links to it from there.
    }
  }
  return ids
}
