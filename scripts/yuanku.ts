#!/usr/bin/env node
// The `yuanku` command. Runs from source with Node's type stripping (Node ≥ 22.18), no build step; an
// installed package runs the same code compiled to JavaScript (bin/yuanku.js checks the Node version first).
import { enableCompileCache } from 'node:module'
import { EXIT, UsageError } from './cli/errors.ts'

// Node's on-disk compile cache, type-stripped TypeScript included: the commands are imported after it is
// on, which saves ~0.2 s of start-up per run (and per lint worker thread).
enableCompileCache?.()

const HELP = `yuanku — 预案库 contingency-plan library tool

用法 / Usage: yuanku <命令 command> [选项 options]

  lint [路径…]        检查预案库（缺口报告）/ check the library (gap report)
  rules [规则编号]     列出规则或显示一条规则的说明 / list rules or show one rule
  coverage            覆盖矩阵：行政区 × 事件种类 / jurisdiction × hazard coverage matrix
  new                 按模板新建预案 / scaffold a new plan
  drill score|add     演练记录评分、收录 / score or add a drill record
  export <预案…>      导出 GB/T 9704 版式公文（.docx、PDF）/ export plans as official documents (.docx, PDF)
  import 文件…        从 Word、PDF、文本导入预案 / import plans from Word, PDF and text
  hook install|uninstall  安装或删除 Git pre-commit 钩子 / install or remove the Git pre-commit hook
  init [目录]          新建预案库（目录结构、单位名录、CI 示例）/ start a library (layout, registry, CI examples)
  build               生成站点 / build the site
  preview             在本机预览已生成的站点 / serve the built site on 127.0.0.1
  lsp                 语言服务器（编辑器实时提示）/ language server for editors (stdio)

yuanku <命令> --help 显示该命令的选项 / shows a command's options.`

type Command = (argv: string[]) => Promise<number>

const commands: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./cli/lint.ts')).runLint,
  rules: async () => (await import('./cli/rules.ts')).runRules,
  coverage: async () => (await import('./cli/coverage.ts')).runCoverage,
  new: async () => (await import('./cli/new.ts')).runNew,
  drill: async () => (await import('./cli/drill.ts')).runDrill,
  export: async () => (await import('./cli/export.ts')).runExport,
  hook: async () => (await import('./cli/hook.ts')).runHook,
  import: async () => (await import('./cli/import.ts')).runImport,
  init: async () => (await import('./cli/init.ts')).runInit,
  build: async () => (await import('./cli/build.ts')).runBuild,
  preview: async () => (await import('./cli/preview.ts')).runPreview,
  lsp: async () => (await import('./cli/lsp.ts')).runLsp,
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP)
    return name ? EXIT.ok : EXIT.failure
  }
  if (name === '--version' || name === '-v') {
    const { version } = await import('./lib/version.ts')
    console.log(version)
    return EXIT.ok
  }
  const load = commands[name]
  if (!load) {
    console.error(`未知命令“${name}” / unknown command "${name}"\n\n${HELP}`)
    return EXIT.failure
  }
  try {
    return await (await load())(rest)
  } catch (error) {
    const e = error as Error & { code?: string }
    if (e instanceof UsageError) {
      console.error(`yuanku ${name}: ${e.message}`)
      return EXIT.failure
    }
    if (e.code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's argument parser speaks English only; say what kind of mistake it is in Chinese first.
      const kind = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? '未知选项' : e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? '多余的参数' : '选项用法有误'
      console.error(`yuanku ${name}: ${kind}（yuanku ${name} --help 查看用法）/ ${e.message}`)
      return EXIT.failure
    }
    if (typeof (e as NodeJS.ErrnoException).syscall === 'string' && typeof e.code === 'string') {
      // The file system said no (a folder where a file should be, no permission, disk full): the message names the path.
      console.error(`yuanku ${name}: 文件操作失败 / file system error: ${e.message}`)
      if (process.env.YUANKU_DEBUG) console.error(e.stack)
      return EXIT.failure
    }
    console.error(`yuanku ${name}: 内部错误 / internal error: ${e.message ?? e}`)
    if (process.env.YUANKU_DEBUG) console.error(e.stack)
    else console.error('设置 YUANKU_DEBUG=1 可显示详细信息 / set YUANKU_DEBUG=1 for details')
    return EXIT.failure
  }
}

/** Runs the command line and sets the exit code (bin/yuanku.js calls this after checking the Node version). */
export function run(argv: string[]): Promise<void> {
  // `yuanku lint | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  return main(argv).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      console.error(error)
      process.exitCode = EXIT.failure
    },
  )
}

const isMain = import.meta.url === `file://${process.argv[1]}` || /\/scripts\/yuanku\.[jt]s$/.test(process.argv[1] ?? '')
if (isMain) void run(process.argv.slice(2))
