import { parseArgs } from 'node:util'
import { relative, join } from 'node:path'
import { loadLibrary } from '../lib/load/library.ts'
import { lint } from '../lib/lint.ts'
import { formatters } from '../lib/report/index.ts'
import { rules } from '../lib/rules/index.ts'
import type { Locale } from '../lib/model/finding.ts'
import { EXIT, UsageError } from './errors.ts'
import { expandFiles, resolveTargets } from './library-path.ts'

export const lintHelp = `用法 / Usage: yuanku lint [路径或通配符 paths/globs…] [选项]

  --format stylish|json     输出格式（默认 stylish）/ output format
  --locale zh-CN|en         消息语言（默认取 library.yaml）/ message language
  --max-warnings N          警告超过 N 个时退出码为 1 / exit 1 when warnings exceed N
  --rule ID                 只运行该规则（可重复）/ run only this rule (repeatable)
  --today YYYY-MM-DD        以该日期为“今天”/ the date to treat as today
  -o, --output FILE         写入文件而非标准输出 / write to a file

退出码 / Exit codes: 0 无错误 no errors · 1 有错误 errors · 2 用法或内部错误 usage or internal failure`

export async function runLint(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      locale: { type: 'string' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      today: { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(lintHelp)
    return EXIT.ok
  }
  const formatter = formatters[values.format!]
  if (!formatter) throw new UsageError(`未知格式“${values.format}”，可用：${Object.keys(formatters).join(', ')} / unknown format`)
  if (values.locale && values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError(`--locale 只能是 zh-CN 或 en / --locale must be zh-CN or en`)
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today 应为 YYYY-MM-DD / --today must be YYYY-MM-DD')
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings 应为非负整数 / --max-warnings must be a whole number')
  for (const id of values.rule ?? []) {
    if (!rules.some((r) => r.id === id)) throw new UsageError(`未知规则“${id}” / unknown rule "${id}" (yuanku rules)`)
  }

  const target = resolveTargets(positionals)
  const library = loadLibrary(target.root)
  const allFiles = [...library.plans, ...library.drills, ...library.checklists].map((p) => p.path).concat(library.unreadable.map((u) => u.path))
  const files = expandFiles(target, allFiles)
  const locale = (values.locale ?? library.settings.locale) as Locale
  const result = lint(library, { locale, today: values.today, only: values.rule, files })

  const cwd = process.cwd()
  const output = formatter(result.findings, {
    locale,
    displayPath: (file) => relative(cwd, join(library.root, file)) || file,
    color: !values.output && process.stdout.isTTY && !process.env.NO_COLOR,
  })
  if (values.output) {
    const { writeFileAtomic } = await import('../lib/fs/atomic.ts')
    writeFileAtomic(values.output, output)
  } else process.stdout.write(output)

  for (const e of result.internalErrors) {
    process.stderr.write(`内部错误 / internal error in rule ${e.ruleId}${e.file ? ` (${e.file})` : ''}: ${e.message.split('\n')[0]}\n`)
  }
  if (result.internalErrors.length) return EXIT.failure
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const warnings = result.findings.length - errors
  if (errors > 0) return EXIT.findings
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`警告数 ${warnings} 超过 --max-warnings ${maxWarnings} / too many warnings\n`)
    return EXIT.findings
  }
  return EXIT.ok
}
