import { parseArgs } from 'node:util'
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { lintLibrary } from '../lib/engine/index.ts'
import type { LintResult } from '../lib/lint.ts'
import { todayIso } from '../lib/dates.ts'
import { formatters } from '../lib/report/index.ts'
import { planLookup } from '../lib/report/triage.ts'
import { rules } from '../lib/rules/index.ts'
import { closest } from '../lib/text/closest.ts'
import { changedScope } from '../lib/changed-scope.ts'
import type { Finding, Locale, Place } from '../lib/model/finding.ts'
import type { Library } from '../lib/model/library.ts'
import { EXIT, UsageError, todayOption } from './errors.ts'
import { resolveTargets, type Target } from './library-path.ts'
import { applyChangedFixes, fixSummary, sourceOf, type LintRun } from './lint-fix.ts'
import { displayPathFrom, isInside } from './display-path.ts'

export { displayPathFrom }

export const lintHelp = `用法 / Usage: yuanku lint [路径或通配符 paths/globs…] [选项]

  --format stylish|json|sarif|gitlab  输出格式（默认 stylish；gitlab = GitLab 代码质量报告）/ output format (gitlab: GitLab code quality)
  --locale zh-CN|en            消息语言（默认取 library.yaml）/ message language
  --max-warnings N             警告超过 N 个时退出码为 1 / exit 1 when warnings exceed N
  --rule ID                    只运行该规则（可重复）/ run only this rule (repeatable)
  --changed[=REF]              只报告自 REF（默认 HEAD）以来 Git 中改动的文件及与其相互链接的预案
                               / only files changed in Git since REF (default HEAD) and the plans linked to or from them
  --fix                        自动修复能确定的问题，并逐文件列出每处改动（见 docs/fix.md）/ apply the fixes that are certain and list each change per file
  --fix-dry-run                列出 --fix 将做的改动，不写入文件 / list the changes --fix would make, write nothing
                               （与 --rule 同用时只修复所列规则 / with --rule, only the named rules' fixes）
  --sarif-base DIR             SARIF 文件路径相对于 DIR（如仓库根目录，GitHub 代码扫描需要），默认相对于预案库
                               / SARIF artifact URIs relative to DIR (e.g. the repository root, for GitHub code scanning)
  --no-cache                   不读写缓存 / do not use the cache
  --cache-location DIR         缓存目录 / cache folder (default node_modules/.cache/yuanku/…)
  --today YYYY-MM-DD           以该日期为“今天”/ the date to treat as today
  -o, --output FILE            写入文件而非标准输出 / write to a file

退出码 / Exit codes: 0 无错误 no errors · 1 有错误 errors · 2 用法或内部错误 usage or internal failure`

/**
 * `--changed` takes an optional REF: `--changed=REF` always, `--changed REF` when the next word is not
 * an option and names no existing path (so `yuanku lint --changed plans` still means the folder).
 */
export function splitChanged(argv: string[], cwd: string): { args: string[]; changed?: string } {
  const args: string[] = []
  let changed: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      args.push(...argv.slice(i))
      break
    }
    if (a.startsWith('--changed=')) {
      changed = a.slice('--changed='.length)
      if (!changed) throw new UsageError('--changed= 后应为 Git 提交或分支 / --changed= needs a commit or branch')
    } else if (a === '--changed') {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('-') && !existsSync(resolve(cwd, next)) && !/[*?[{]/.test(next)) {
        changed = next
        i++
      } else changed = 'HEAD'
    } else args.push(a)
  }
  return { args, changed }
}

/**
 * node_modules/.cache/yuanku/<hash of the library path> under the nearest node_modules above the
 * working folder (where ESLint and Babel keep theirs), else the system's temp folder.
 */
export function defaultCacheDir(root: string, cwd: string): string {
  const key = createHash('sha1').update(resolve(root)).digest('hex').slice(0, 16)
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const nm = join(dir, 'node_modules')
    if (existsSync(nm) && statSync(nm).isDirectory()) return join(nm, '.cache', 'yuanku', key)
    if (dirname(dir) === dir) break
  }
  return join(tmpdir(), 'yuanku-cache', key)
}

/** Does a library-relative path fall under the files the arguments named? */
function inTarget(target: Target): (path: string) => boolean {
  if (!target.files) return () => true
  const files = target.files
  const dirs = [...files].filter((f) => f.endsWith('/'))
  return (path) => files.has(path) || dirs.some((d) => path.startsWith(d))
}

function unknownRule(id: string): UsageError {
  const guess = closest(id, rules.map((r) => r.id))
  return new UsageError(
    guess
      ? `未知规则“${id}”，是否要找“${guess}”？ / unknown rule "${id}"; did you mean "${guess}"? (yuanku rules)`
      : `未知规则“${id}” / unknown rule "${id}" (yuanku rules 列出全部规则 lists them all)`,
  )
}

export async function runLint(argv: string[]): Promise<number> {
  const cwd = process.cwd()
  const split = splitChanged(argv, cwd)
  const { values, positionals } = parseArgs({
    args: split.args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      locale: { type: 'string' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      today: { type: 'string' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      'cache-location': { type: 'string' },
      'sarif-base': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(lintHelp)
    return EXIT.ok
  }
  const formatter = formatters[values.format!]
  if (!formatter) throw new UsageError(`未知格式“${values.format}”，可用：${Object.keys(formatters).join(', ')} / unknown format "${values.format}"; use ${Object.keys(formatters).join(', ')}`)
  if (values.locale && values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError(`--locale 只能是 zh-CN 或 en / --locale must be zh-CN or en`)
  todayOption(values.today)
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings 应为非负整数 / --max-warnings must be a whole number')
  for (const id of values.rule ?? []) if (!rules.some((r) => r.id === id)) throw unknownRule(id)
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用 / --fix and --fix-dry-run exclude each other')
  if (values['no-cache'] && values['cache-location']) throw new UsageError('--no-cache 与 --cache-location 不能同时使用 / --no-cache and --cache-location exclude each other')

  const target = resolveTargets(positionals, cwd)
  const sarifBase = values['sarif-base'] === undefined ? undefined : resolve(cwd, values['sarif-base'])
  if (sarifBase !== undefined) {
    if (values.format !== 'sarif') throw new UsageError('--sarif-base 只用于 --format sarif / --sarif-base goes with --format sarif')
    if (!isInside(sarifBase, target.root)) throw new UsageError(`预案库不在 --sarif-base 文件夹“${values['sarif-base']}”中 / the library is not inside the --sarif-base folder`)
  }
  const cacheDir = values['no-cache'] ? undefined : values['cache-location'] ? resolve(cwd, values['cache-location']) : defaultCacheDir(target.root, cwd)
  const today = values.today ?? todayIso()
  const named = inTarget(target)
  let changed: { paths: Set<string>; deletedIds: string[] } | undefined
  if (split.changed !== undefined) {
    const { changedSince, deletedPlanIds } = await import('./git.ts')
    const paths = await changedSince(target.root, split.changed)
    changed = { paths, deletedIds: await deletedPlanIds(target.root, split.changed, paths) }
  }

  const run = async (): Promise<LintRun> => {
    const { library, result, timings } = await lintLibrary(target.root, { locale: values.locale as Locale | undefined, today, only: values.rule, cacheDir })
    if (timings) process.stderr.write(timings)
    const scope = changed ? changedScope(library, changed.paths, changed.deletedIds) : undefined
    const findings = result.findings.filter((f) => named(f.file) && (!scope || scope.has(f.file)))
    return { library, result, findings }
  }

  let current = await run()
  const locale = (values.locale ?? current.library.settings.locale) as Locale
  const show = displayPathFrom(cwd)
  // Asked once per finding: tens of thousands of times for a few thousand files.
  const shown = new Map<string, string>()
  const displayPath = (file: string) => {
    let path = shown.get(file)
    if (path === undefined) shown.set(file, (path = show(join(current.library.root, file))))
    return path
  }
  const toStdout = !values.output && values.format === 'stylish'

  if (values.fix || values['fix-dry-run']) {
    const dryRun = Boolean(values['fix-dry-run'])
    const outcome = await applyChangedFixes(current, run, { dryRun })
    current = outcome.run
    const report = fixSummary(outcome, locale, displayPath, dryRun)
    if (report.length) (toStdout ? process.stdout : process.stderr).write(`${report.join('\n')}\n${toStdout ? '\n' : ''}`)
  }

  const { library, result, findings } = current
  const output = formatter(findings, {
    locale,
    displayPath,
    color: !values.output && process.stdout.isTTY && !process.env.NO_COLOR,
    root: library.root,
    sarifBase,
    siteUrl: library.settings.site.url,
    placeOf: (file, start, end) => placeIn(library, file, start, end),
    plans: planLookup(library),
  })
  if (values.output) {
    const { writeFileAtomic } = await import('../lib/fs/atomic.ts')
    const { mkdirSync } = await import('node:fs')
    const file = resolve(cwd, values.output)
    mkdirSync(dirname(file), { recursive: true })
    writeFileAtomic(file, typeof output === 'string' ? output : output.map((text) => ({ utf8: text })))
  } else if (typeof output === 'string') process.stdout.write(output)
  else for (const piece of output) process.stdout.write(piece)

  for (const e of result.internalErrors) {
    process.stderr.write(`内部错误 / internal error in rule ${e.ruleId}${e.file ? ` (${e.file})` : ''}: ${e.message.split('\n')[0]}\n`)
  }
  if (result.internalErrors.length) return EXIT.failure
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.length - errors
  if (errors > 0) return EXIT.findings
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`警告数 ${warnings} 超过 --max-warnings ${maxWarnings} / too many warnings (${warnings} > ${maxWarnings})\n`)
    return EXIT.findings
  }
  return EXIT.ok
}

function placeIn(library: Library, file: string, start: number, end: number): Place | undefined {
  return sourceOf(library, file)?.lines.place(start, end)
}
