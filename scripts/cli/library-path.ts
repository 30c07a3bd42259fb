import { existsSync, statSync, globSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { UsageError } from './errors.ts'

const MARKERS = ['library.yaml', 'units.yaml']

/** The library folder a path belongs to: the nearest folder upwards holding library.yaml or units.yaml. */
export function findLibraryRoot(path: string): string | undefined {
  let dir = resolve(path)
  if (existsSync(dir) && statSync(dir).isFile()) dir = dirname(dir)
  for (;;) {
    if (MARKERS.some((m) => existsSync(join(dir, m)))) return dir
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
}

export interface Target {
  root: string
  /** Library-relative files to report on; undefined = the whole library. */
  files?: Set<string>
}

const toPosix = (p: string) => p.split(sep).join('/')

/** Resolves the command's path and glob arguments to one library and the files in it to report on. */
export function resolveTargets(args: string[], cwd = process.cwd()): Target {
  const inputs = args.length ? args : [existsSync(join(cwd, 'plans')) ? 'plans' : '.']
  const paths: string[] = []
  for (const input of inputs) {
    if (/[*?[{]/.test(input)) {
      const matches = globSync(input, { cwd })
      if (!matches.length) throw new UsageError(`没有文件匹配“${input}” / No files match "${input}"`)
      paths.push(...matches.map((m) => resolve(cwd, m)))
    } else {
      const abs = resolve(cwd, input)
      if (!existsSync(abs)) throw new UsageError(`找不到“${input}” / "${input}" does not exist`)
      paths.push(abs)
    }
  }
  const roots = new Set(paths.map((p) => findLibraryRoot(p) ?? (statSync(p).isDirectory() ? p : dirname(p))))
  if (roots.size > 1) throw new UsageError(`参数属于不同的预案库：${[...roots].join('、')} / Arguments belong to different libraries`)
  const root = [...roots][0]
  const whole = paths.some((p) => resolve(p) === root)
  if (whole) return { root }
  const files = new Set<string>()
  for (const p of paths) {
    const rel = toPosix(relative(root, p))
    if (statSync(p).isDirectory()) files.add(`${rel}/`)
    else files.add(rel)
  }
  return { root, files }
}

/** Expands folder entries ("dir/") of a target against the library's actual files. */
export function expandFiles(target: Target, allFiles: string[]): Set<string> | undefined {
  if (!target.files) return undefined
  const out = new Set<string>()
  for (const f of allFiles) {
    for (const t of target.files) if (t.endsWith('/') ? f.startsWith(t) : f === t) out.add(f)
  }
  return out
}

/**
 * The library a command works on: --library, else plans/ under the folder, else the folder itself; a
 * clear message when there is none (the command then writes nothing).
 */
export function requireLibrary(option: string | undefined, cwd: string, command: string): string {
  const start = resolve(cwd, option ?? (existsSync(join(cwd, 'plans')) ? 'plans' : '.'))
  if (!existsSync(start)) throw new UsageError(`找不到“${option}” / "${option}" does not exist`)
  const root = findLibraryRoot(start)
  if (!root) {
    throw new UsageError(
      `“${start}”不在预案库中（向上找不到 library.yaml 或 units.yaml）；在预案库所在的仓库里运行，或先运行 yuanku init 建立预案库 / ` +
        `"${start}" is not inside a library (no library.yaml or units.yaml above it); run \`yuanku ${command}\` in the library's repository, or start one with \`yuanku init\``,
    )
  }
  return root
}
