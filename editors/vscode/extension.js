// A minimal VS Code client for `yuanku lsp`: starts the server of the workspace's own Yuanku (the installed
// package, or bin/yuanku.js in a copy of the Yuanku repository) for Markdown and YAML files.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { window, workspace } = require('vscode')
const { LanguageClient } = require('vscode-languageclient/node')

let client

function serverCommand(folder) {
  const configured = workspace.getConfiguration('yuanku').get('command')
  if (Array.isArray(configured) && configured.length > 0) return { command: configured[0], args: configured.slice(1) }
  for (const bin of ['node_modules/yuanku/bin/yuanku.js', 'bin/yuanku.js']) {
    if (existsSync(join(folder, bin))) return { command: 'node', args: [join(folder, bin), 'lsp', '--stdio'] }
  }
  return undefined
}

exports.activate = function activate(context) {
  const folder = workspace.workspaceFolders && workspace.workspaceFolders[0] && workspace.workspaceFolders[0].uri.fsPath
  const server = folder && serverCommand(folder)
  if (!server) {
    window.showWarningMessage('Yuanku：工作区中没有安装 yuanku（npm install --save-dev yuanku-….tgz）/ yuanku is not installed in this workspace')
    return
  }
  client = new LanguageClient(
    'yuanku',
    'Yuanku 预案库',
    { command: server.command, args: server.args, options: { cwd: folder } },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'yaml' },
      ],
      synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{md,yaml}') },
    },
  )
  context.subscriptions.push(client)
  return client.start()
}

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined
}
