// `yuanku build`: the site of the library in the current repository. The build itself is
// scripts/build-site.ts, run as a child process: it may restart itself with a larger heap for a large
// library, and Astro keeps state per process.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { EXIT, UsageError } from './errors.ts'
import { requireLibrary } from './library-path.ts'

const HELP = `用法 / Usage: yuanku build [--out 目录 DIR] [--base 路径 PATH] [--public] [--library 目录 DIR]

生成预案库的静态站点（默认：当前目录下的 plans/ → dist/）。
Builds the static site of the library (default: plans/ under the current folder → dist/).

  --out DIR        输出目录 / output folder (default dist/)
  --base PATH      站点在网站服务器上的路径，如 /yuanku/ / the path the site is served under (default: library.yaml site.base or /)
  --public         公开版：只含公开预案，不含联系方式 / public build: public plans only, no contacts
  --library DIR    预案库目录 / library folder (default plans/ or the current folder)
  --no-downloads   不生成 .docx/PDF 公文下载 / no .docx/PDF downloads (same as EXPORT=0)
  --no-cache       不用构建缓存（检查结果和预案正文的渲染）/ no build cache (lint results, rendered plan text)

构建缓存在 node_modules/.cache/yuanku/，删除该目录即清空。
The build cache lives in node_modules/.cache/yuanku/; delete that folder to clear it.`

const BUILD_SITE = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../build-site.js' : '../build-site.ts', import.meta.url))

export async function runBuild(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      base: { type: 'string' },
      public: { type: 'boolean', default: false },
      library: { type: 'string' },
      'no-downloads': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  })
  if (values.help) {
    console.log(HELP)
    return EXIT.ok
  }
  const root = requireLibrary(values.library, cwd, 'build')
  if (!existsSync(join(root, 'units.yaml'))) {
    throw new UsageError(`预案库“${root}”缺少单位名录 units.yaml，站点无法列出单位和职责；先建立它（yuanku init 生成的骨架可参考），未写入任何文件 / the library has no units.yaml; create it first (see the skeleton \`yuanku init\` writes). Nothing was written.`)
  }
  const out = resolve(cwd, values.out ?? 'dist')
  if (out === root || root.startsWith(`${out}/`)) throw new UsageError(`输出目录“${out}”包含预案库，构建会先清空它；请换一个目录 / the output folder contains the library and would be emptied first; choose another`)
  const env: NodeJS.ProcessEnv = { ...process.env, LIBRARY: root, OUT_DIR: out }
  if (values.base !== undefined) env.BASE = values.base
  if (values.public) env.PUBLIC = '1'
  if (values['no-downloads']) env.EXPORT = '0'
  if (values['no-cache']) env.CACHE = '0'
  // Astro resolves the packages of its prerender bundle from the working folder: run it in the package.
  const child = spawn(process.execPath, [BUILD_SITE], { stdio: 'inherit', env, cwd: fileURLToPath(new URL('../..', import.meta.url)) })
  return new Promise((resolveCode) => {
    child.on('exit', (code) => resolveCode(code === 0 ? EXIT.ok : EXIT.failure))
    child.on('error', () => resolveCode(EXIT.failure))
  })
}
