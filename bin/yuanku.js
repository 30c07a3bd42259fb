#!/usr/bin/env node
// The `yuanku` command's entry point. Plain JavaScript in the oldest syntax any Node still in use parses,
// so that a Node too old for Yuanku gets a clear message instead of a stack trace
// (ERR_UNKNOWN_FILE_EXTENSION or ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING).
// Installed (inside node_modules) it runs the JavaScript compiled beside the sources when the package was
// packed (Node ≥ 22.12); a checkout runs the TypeScript sources through Node's type stripping (Node ≥ 22.18),
// so a stale compiled file left in a checkout is never run.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

var compiled = fileURLToPath(new URL('../scripts/yuanku.js', import.meta.url))
var source = fileURLToPath(new URL('../scripts/yuanku.ts', import.meta.url))
var installed = /[\\/]node_modules[\\/]/.test(compiled)
var useCompiled = installed && existsSync(compiled)
var need = useCompiled ? [22, 12] : [22, 18]

function tooOld(version, minimum) {
  var parts = version.replace(/^v/, '').split('.').map(Number)
  return parts[0] < minimum[0] || (parts[0] === minimum[0] && parts[1] < minimum[1])
}

if (tooOld(process.versions.node, need)) {
  var wanted = need.join('.')
  process.stderr.write(
    'Yuanku 需要 Node.js ' + wanted + ' 或更高版本，当前是 ' + process.version + '。\n' +
      '  请安装 Node.js 24 LTS（或 22 LTS 的最新版本）：https://nodejs.org/zh-cn/download ，\n' +
      '  或用版本管理工具：nvm install 24 && nvm use 24（fnm、Volta 同理）；内网可从单位的软件源或镜像安装。\n' +
      'Yuanku needs Node.js ' + wanted + ' or newer; this is ' + process.version + '.\n' +
      '  Install Node.js 24 LTS (or the latest 22 LTS) from https://nodejs.org/en/download,\n' +
      '  or with a version manager: nvm install 24 && nvm use 24 (fnm and Volta work the same way).\n'
  )
  process.exit(2)
}

if (installed && !useCompiled) {
  process.stderr.write(
    '这份 Yuanku 安装缺少编译后的 JavaScript（scripts/yuanku.js）：Node 不会运行 node_modules 中的 TypeScript。\n' +
      '  请安装用 npm pack 打包的 .tgz 文件；从 Git 地址安装时，npm 须允许运行本包的 prepack 脚本。\n' +
      'This Yuanku installation lacks its compiled JavaScript (scripts/yuanku.js): Node does not run TypeScript inside node_modules.\n' +
      '  Install the .tgz made by npm pack; when installing from a Git URL, npm must be allowed to run this package\'s prepack script.\n'
  )
  process.exit(2)
}

var entry = useCompiled ? compiled : source
import(pathToFileURL(entry).href).then(function (mod) {
  return mod.run(process.argv.slice(2))
})
