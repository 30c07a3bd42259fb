import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeFileAtomic } from '../lib/fs/atomic.ts'
import { EXIT, UsageError } from './errors.ts'
import { git, workTreeTop } from './git.ts'
import { findLibraryRoot } from './library-path.ts'
import { displayPathFrom, isInside } from './display-path.ts'

export const hookHelp = `用法 / Usage: yuanku hook install [--force] [--library DIR] | yuanku hook uninstall

  install     写入 Git pre-commit 钩子：提交前运行 yuanku lint --changed，有错误时阻止提交（遵循 core.hooksPath）
              writes the Git pre-commit hook: runs yuanku lint --changed before each commit and blocks it on errors
  uninstall   删除本工具安装的钩子（其他钩子不动）/ removes the hook if yuanku installed it
  --force     覆盖不是本工具安装的已有钩子 / replace an existing hook that yuanku did not install
  --library   预案库文件夹（默认 plans）/ the library folder (default plans)`

/** The line that marks a hook as ours: uninstall and reinstall touch only files that carry it. */
export const HOOK_MARK = '# yuanku-pre-commit-hook'

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
const posix = (p: string) => p.split(sep).join('/')

export function hookScript(options: { node: string; yuanku: string; library: string }): string {
  return `#!/bin/sh
${HOOK_MARK} v1: installed by \`yuanku hook install\`; \`yuanku hook uninstall\` removes it.
# 提交前检查本次改动的预案及与其相互链接的预案，有错误时阻止提交（git commit --no-verify 可跳过）。
# Lints the plans changed since HEAD and the plans linked to them; errors block the commit (--no-verify skips).
NODE=${shellQuote(options.node)}
[ -x "$NODE" ] || NODE=node
exec "$NODE" ${shellQuote(options.yuanku)} lint --changed=HEAD ${shellQuote(options.library)}
`
}

async function hookPath(cwd: string): Promise<{ top: string; path: string }> {
  const top = await workTreeTop(cwd, 'yuanku hook')
  const hooks = resolve(cwd, (await git(['rev-parse', '--git-path', 'hooks'], cwd)).trim())
  return { top, path: join(hooks, 'pre-commit') }
}

const isOurs = (path: string) => existsSync(path) && readFileSync(path, 'utf8').includes(HOOK_MARK)

export async function runHook(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, library: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    console.log(hookHelp)
    return EXIT.ok
  }
  const [action, ...extra] = positionals
  if ((action !== 'install' && action !== 'uninstall') || extra.length) throw new UsageError(`用法：yuanku hook install|uninstall / usage: yuanku hook install|uninstall`)
  const cwd = process.cwd()
  const show = displayPathFrom(cwd)
  const { top, path } = await hookPath(cwd)
  if (existsSync(path) && !statSync(path).isFile()) throw new UsageError(`${show(path)} 不是文件，未改动 / ${show(path)} is not a file; left as it is`)

  if (action === 'uninstall') {
    if (!existsSync(path)) {
      console.log(`没有 pre-commit 钩子，无需删除 / no pre-commit hook to remove (${show(path)})`)
      return EXIT.ok
    }
    if (!isOurs(path)) throw new UsageError(`${show(path)} 不是 yuanku 安装的钩子，未删除 / ${show(path)} was not installed by yuanku; left as it is`)
    rmSync(path)
    console.log(`已删除 pre-commit 钩子 / removed the pre-commit hook: ${show(path)}`)
    return EXIT.ok
  }

  const libraryArg = values.library ?? (existsSync(join(cwd, 'plans')) ? 'plans' : '.')
  const root = findLibraryRoot(resolve(cwd, libraryArg))
  if (!root) throw new UsageError(`“${libraryArg}”不是预案库（找不到 library.yaml 或 units.yaml） / "${libraryArg}" is not a library (no library.yaml or units.yaml)`)
  const library = relative(top, root)
  if (!isInside(top, root)) throw new UsageError(`预案库“${root}”不在 Git 工作区“${top}”中 / the library is outside the Git work tree`)
  if (existsSync(path) && !isOurs(path) && !values.force) {
    throw new UsageError(`${show(path)} 已有其他 pre-commit 钩子；用 --force 覆盖 / ${show(path)} already holds another pre-commit hook; use --force to replace it`)
  }
  // Git runs hooks from the top of the work tree: inside it, paths stay relative so the hook survives a move.
  const script = realpathSync(fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../yuanku.js' : '../yuanku.ts', import.meta.url)))
  const inTree = relative(top, script)
  const yuanku = isInside(top, script) ? posix(inTree) : script
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileAtomic(path, hookScript({ node: process.execPath, yuanku, library: posix(library) || '.' }), { mode: 0o755 })
  console.log(`已安装 pre-commit 钩子 / installed the pre-commit hook: ${show(path)}\n  提交前运行 / runs before each commit: yuanku lint --changed ${posix(library) || '.'}`)
  return EXIT.ok
}
