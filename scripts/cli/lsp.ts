// `yuanku lsp`: a Language Server on stdio for any LSP editor. Diagnostics come from the same engine as
// `yuanku lint`: the file-scope rules of the edited plan run at once against the last full run; the whole
// library (cross-file rules) is linted again shortly after typing stops, through the lint cache, with the
// editors' unsaved text in place of the files on disk. Nothing is ever written to the library.
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  MessageType,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { EXIT } from './errors.ts'
import { findLibraryRoot } from './library-path.ts'
import { defaultCacheDir } from './lint.ts'
import { lintLibrary } from '../lib/engine/index.ts'
import { applyFixes } from '../lib/fix.ts'
import { lint } from '../lib/lint.ts'
import { todayIso } from '../lib/dates.ts'
import { decodeSourceFile } from '../lib/load/file.ts'
import { parsePlanFrontmatter, planFromParsed } from '../lib/load/library.ts'
import { schemas } from '../lib/load/schemas.ts'
import type { Finding, Fix } from '../lib/model/finding.ts'
import type { Library } from '../lib/model/library.ts'
import { rules as allRules } from '../lib/rules/index.ts'
import { helpUri } from '../lib/rules/define-rule.ts'

const HELP = `用法 / Usage: yuanku lsp [--stdio]

语言服务器（Language Server Protocol，经标准输入输出通信），供 VS Code、Neovim、Helix 等编辑器启动：
编辑时实时显示检查结果，补全单位、预案、事件种类编号，悬停显示名称，快速修复，跳转到定义。
A Language Server on stdio for VS Code, Neovim, Helix and any LSP editor (see docs/editor.md).`

/** Quiet time after the last keystroke before the whole library is linted again. */
const LIBRARY_DEBOUNCE_MS = 250
const FILE_RULES = allRules.filter((r) => r.scope === 'file')
const ID_CHARS = /[a-z0-9-]/

interface LibraryState {
  root: string
  cacheDir: string
  library?: Library
  findings: Finding[]
  timer?: ReturnType<typeof setTimeout>
  running?: Promise<void>
  again?: boolean
}

const toPosix = (p: string) => p.split(sep).join('/')

/** The plan files are everything in the library except the settings, the registry, drills and checklists. */
function isPlanPath(rel: string): boolean {
  return rel.endsWith('.md') && !rel.startsWith('drills/') && !rel.startsWith('checklists/')
}

function toRange(f: { place: Finding['place'] }) {
  return { start: { line: f.place.line - 1, character: f.place.column - 1 }, end: { line: f.place.endLine - 1, character: Math.max(0, f.place.endColumn - 1) } }
}

function toDiagnostic(f: Finding, siteUrl?: string): Diagnostic {
  return {
    range: toRange(f),
    severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: f.ruleId,
    codeDescription: { href: helpUri(f.ruleId, siteUrl) },
    source: 'yuanku',
    message: f.message,
    ...(f.fix ? { data: { fix: f.fix } } : {}),
  }
}

/** Value → Chinese name of every enum in the plan schema, by property key ("type" → overall 总体 …). */
function enumNames(): Map<string, { value: string; name: string }[]> {
  const out = new Map<string, { value: string; name: string }[]>()
  const visit = (node: unknown, key?: string) => {
    if (!node || typeof node !== 'object') return
    const schema = node as Record<string, unknown>
    const items = schema.items as Record<string, unknown> | undefined
    const values = (schema.enum ?? items?.enum) as unknown[] | undefined
    if (key && Array.isArray(values) && !out.has(key)) {
      const description = String(schema.description ?? '')
      out.set(
        key,
        values.map((v) => {
          const value = String(v)
          // Descriptions read "overall 总体 · special 专项 …": the words after a value are its name.
          const match = new RegExp(`(?:^|[·\\s])${value.replace(/[-]/g, '\\-')}\\s+([^·。/]+)`).exec(description)
          return { value, name: match ? match[1].trim() : '' }
        }),
      )
    }
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') for (const [pk, pv] of Object.entries(v)) visit(pv, pk)
      else if (k !== 'enum' && typeof v === 'object') visit(v, k === 'items' ? key : undefined)
    }
  }
  visit(schemas.plan)
  return out
}

/** The frontmatter lines of a Markdown document: [first, last] 0-based, or undefined. */
function frontmatterLines(doc: TextDocument): [number, number] | undefined {
  const lines = doc.getText().split(/\r?\n/)
  if (lines[0]?.replace(/^\uFEFF/, '') !== '---') return undefined
  for (let i = 1; i < lines.length; i++) if (lines[i] === '---' || lines[i] === '...') return [1, i - 1]
  return [1, lines.length - 1]
}

/** The YAML key a value at the cursor belongs to: on the same line ("lead_unit: "), or the list above ("hazards:" / "- "). */
function keyAt(lines: string[], line: number, character: number): string | undefined {
  const before = lines[line].slice(0, character)
  const inline = /([A-Za-z_][\w-]*)\s*:\s*(?:\[[^\]]*)?[^:{}[\]]*$/.exec(before)
  if (inline) return inline[1]
  if (/^\s*-\s*[^:]*$/.test(before)) {
    const indent = before.search(/\S/)
    for (let i = line - 1; i >= 0; i--) {
      const m = /^(\s*)([A-Za-z_][\w-]*)\s*:\s*$/.exec(lines[i])
      if (m && m[1].length <= indent) return m[2]
      if (/^\S/.test(lines[i]) && !m) return undefined
    }
  }
  return undefined
}

function wordAt(doc: TextDocument, position: Position): { word: string; start: number; end: number } | undefined {
  const text = doc.getText()
  const offset = doc.offsetAt(position)
  let start = offset
  let end = offset
  while (start > 0 && ID_CHARS.test(text[start - 1])) start--
  while (end < text.length && ID_CHARS.test(text[end])) end++
  return end > start ? { word: text.slice(start, end), start, end } : undefined
}

export async function runLsp(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { stdio: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false })
  if (values.help) {
    console.log(HELP)
    return EXIT.ok
  }
  const connection = createConnection(process.stdin, process.stdout)
  // Anything printed would corrupt the protocol stream: route the console to the client's log.
  console.log = (...a: unknown[]) => connection.console.log(a.join(' '))
  console.error = (...a: unknown[]) => connection.console.error(a.join(' '))
  startServer(connection)
  connection.listen()
  await new Promise<void>((resolve) => connection.onExit(() => resolve()))
  return EXIT.ok
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const libraries = new Map<string, LibraryState>()
  const warned = new Set<string>()
  const enums = enumNames()
  let today = todayIso()

  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return
    warned.add(key)
    void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message })
  }

  function stateFor(uri: string): { state: LibraryState; rel: string } | undefined {
    if (!uri.startsWith('file:')) return undefined
    const path = fileURLToPath(uri)
    const root = findLibraryRoot(path)
    if (!root) {
      warnOnce(`outside:${path}`, `Yuanku：${path} 不在预案库中（向上找不到 library.yaml 或 units.yaml），不做检查 / this file is not inside a library (no library.yaml or units.yaml above it); it is not checked`)
      return undefined
    }
    let state = libraries.get(root)
    if (!state) {
      if (!existsSync(join(root, 'units.yaml'))) {
        warnOnce(`units:${root}`, `Yuanku：预案库 ${root} 缺少单位名录 units.yaml，单位编号无法补全，单位相关的检查会报告未登记 / the library has no units.yaml: unit ids cannot be completed and unit checks report them as unknown`)
      }
      state = { root, cacheDir: defaultCacheDir(root, root), findings: [] }
      libraries.set(root, state)
    }
    return { state, rel: toPosix(relative(root, path)) }
  }

  function overlayOf(state: LibraryState): Map<string, string> {
    const overlay = new Map<string, string>()
    for (const doc of documents.all()) {
      if (!doc.uri.startsWith('file:')) continue
      const path = fileURLToPath(doc.uri)
      if (path.startsWith(state.root + sep)) overlay.set(toPosix(relative(state.root, path)), doc.getText())
    }
    return overlay
  }

  function publish(state: LibraryState, rel: string, findings: Finding[]): void {
    const uri = pathToFileURL(join(state.root, rel)).href
    const doc = documents.get(uri) ?? documents.all().find((d) => d.uri.startsWith('file:') && fileURLToPath(d.uri) === join(state.root, rel))
    void connection.sendDiagnostics({ uri: doc?.uri ?? uri, version: doc?.version, diagnostics: findings.map((f) => toDiagnostic(f, state.library?.settings.site.url)) })
  }

  function publishOpen(state: LibraryState): void {
    for (const doc of documents.all()) {
      const found = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : ''
      if (!found.startsWith(state.root + sep)) continue
      const rel = toPosix(relative(state.root, found))
      publish(state, rel, state.findings.filter((f) => f.file === rel))
    }
  }

  /** The whole library, with the open documents' text: every rule, through the cache. */
  async function lintAll(state: LibraryState): Promise<void> {
    if (state.running) {
      state.again = true
      return state.running
    }
    state.running = (async () => {
      do {
        state.again = false
        try {
          today = todayIso()
          const { library, result } = await lintLibrary(state.root, { cacheDir: state.cacheDir, overlay: overlayOf(state), today })
          state.library = library
          state.findings = result.findings
          for (const e of result.internalErrors) connection.console.error(`yuanku: internal error in rule ${e.ruleId}: ${e.message.split('\n')[0]}`)
        } catch (error) {
          connection.console.error(`yuanku: ${(error as Error).message}`)
        }
      } while (state.again)
      publishOpen(state)
    })().finally(() => {
      state.running = undefined
    })
    return state.running
  }

  function scheduleAll(state: LibraryState): void {
    clearTimeout(state.timer)
    state.timer = setTimeout(() => void lintAll(state), LIBRARY_DEBOUNCE_MS)
  }

  /** At once: the file-scope rules of the edited plan, against the last full run's registry and settings. */
  function lintFile(state: LibraryState, rel: string, text: string): void {
    const library = state.library
    if (!library || !isPlanPath(rel)) return
    const read = decodeSourceFile(Buffer.from(text, 'utf8'), join(state.root, rel), rel)
    if (!read.ok) return
    const plan = planFromParsed(read.file, parsePlanFrontmatter(read.file))
    const plans = library.plans.some((p) => p.path === rel) ? library.plans.map((p) => (p.path === rel ? plan : p)) : [...library.plans, plan]
    const result = lint({ ...library, plans }, { rules: FILE_RULES, files: new Set([rel]), today })
    const fileRuleIds = new Set(FILE_RULES.map((r) => r.id))
    // Cross-file findings stay as the last full run left them until the debounced run replaces them.
    const others = state.findings.filter((f) => f.file === rel && !fileRuleIds.has(f.ruleId))
    publish(state, rel, [...result.findings, ...others])
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [' ', ':', '-', ','] },
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
    },
    serverInfo: { name: 'yuanku' },
  }))

  documents.onDidOpen((event) => {
    const found = stateFor(event.document.uri)
    if (!found) return
    if (!found.state.library) void lintAll(found.state)
    else {
      lintFile(found.state, found.rel, event.document.getText())
      scheduleAll(found.state)
    }
  })
  documents.onDidChangeContent((event) => {
    const found = stateFor(event.document.uri)
    if (!found || !found.state.library) return
    lintFile(found.state, found.rel, event.document.getText())
    scheduleAll(found.state)
  })
  documents.onDidClose((event) => {
    const found = stateFor(event.document.uri)
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] })
    // The file on disk counts again, not the closed editor's text.
    if (found) scheduleAll(found.state)
  })
  connection.onDidChangeWatchedFiles(() => {
    for (const state of libraries.values()) scheduleAll(state)
  })

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    const actions: CodeAction[] = []
    const edit = (fixes: Fix[]) => ({ changes: { [doc.uri]: fixes.map((fix) => ({ range: { start: doc.positionAt(fix.start), end: doc.positionAt(fix.end) }, newText: fix.text })) } })
    for (const d of params.context.diagnostics) {
      const fix = (d.data as { fix?: Fix } | undefined)?.fix
      if (d.source !== 'yuanku' || !fix) continue
      actions.push({ title: `修复 / fix: ${d.message}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit([fix]) })
    }
    const found = stateFor(doc.uri)
    const all = found ? found.state.findings.filter((f) => f.file === found.rel && f.fix).map((f) => f.fix!) : []
    if (all.length > 1) {
      // Only the fixes that do not overlap, exactly as `yuanku lint --fix` applies them in one pass.
      const { applied } = applyFixes(doc.getText(), all)
      actions.push({ title: `修复本文件全部可自动修复的问题（${applied.length}）/ fix all auto-fixable problems`, kind: CodeActionKind.SourceFixAll, edit: edit(applied) })
    }
    return actions
  })

  connection.onCompletion((params): CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri)
    const found = doc && stateFor(doc.uri)
    if (!doc || !found) return []
    const fm = frontmatterLines(doc)
    const line = params.position.line
    if (!fm || line < fm[0] || line > fm[1]) return []
    const lines = doc.getText().split(/\r?\n/)
    const key = keyAt(lines, line, params.position.character)
    const library = found.state.library
    if (!key) return []
    if (['lead_unit', 'issuer', 'jurisdiction', 'unit', 'organizer', 'replaced_by'].includes(key)) {
      const units = library ? library.units.units : []
      const wantJurisdiction = key === 'jurisdiction'
      return units
        .filter((u) => u.status !== 'dissolved')
        .map((u) => ({
          label: u.id,
          kind: CompletionItemKind.Reference,
          detail: u.name,
          labelDetails: { description: u.name },
          filterText: `${u.id} ${u.name} ${(u.aliases ?? []).join(' ')}`,
          // Jurisdictions and enterprises first where a jurisdiction belongs, the rest after.
          sortText: `${wantJurisdiction && !['jurisdiction', 'enterprise'].includes(u.kind) ? '1' : '0'}${u.id}`,
          documentation: [u.name, ...(u.aliases?.length ? [`简称 aliases: ${u.aliases.join('、')}`] : [])].join('\n'),
        }))
    }
    if (['plan', 'parents', 'related', 'supersedes'].includes(key)) {
      const self = found.rel
      return (library?.plans ?? [])
        .filter((p) => p.path !== self && typeof p.data?.id === 'string')
        .map((p) => ({ label: p.data.id, kind: CompletionItemKind.Reference, detail: p.data.title, labelDetails: { description: p.data.title }, filterText: `${p.data.id} ${p.data.title ?? ''}`, documentation: p.path }))
    }
    if (key === 'hazards') {
      return [...(library?.taxonomy.hazards.values() ?? [])].map((h) => ({ label: h.id, kind: CompletionItemKind.EnumMember, detail: h.name, labelDetails: { description: h.name }, filterText: `${h.id} ${h.name}` }))
    }
    const values = enums.get(key)
    if (values) return values.map((v) => ({ label: v.value, kind: CompletionItemKind.EnumMember, detail: v.name, labelDetails: { description: v.name }, filterText: `${v.value} ${v.name}` }))
    return []
  })

  connection.onHover((params): Hover | null => {
    const doc = documents.get(params.textDocument.uri)
    const found = doc && stateFor(doc.uri)
    const library = found?.state.library
    if (!doc || !library) return null
    const word = wordAt(doc, params.position)
    if (!word) return null
    const range = { start: doc.positionAt(word.start), end: doc.positionAt(word.end) }
    const unit = library.units.get(word.word)
    if (unit) {
      const status = unit.status === 'dissolved' ? `\n\n已撤销 dissolved${unit.replaced_by ? `，由 ${library.units.get(unit.replaced_by)?.name ?? unit.replaced_by}（${unit.replaced_by}）承接` : ''}` : ''
      return { range, contents: { kind: 'markdown', value: `**${unit.name}**（单位 unit \`${unit.id}\`）${unit.aliases?.length ? `\n\n简称：${unit.aliases.join('、')}` : ''}${status}` } }
    }
    const plan = library.planById.get(word.word)
    if (plan) return { range, contents: { kind: 'markdown', value: `**${plan.data.title}**（预案 plan \`${word.word}\`）\n\n${plan.path}` } }
    const hazard = library.taxonomy.get(word.word)
    if (hazard) return { range, contents: { kind: 'markdown', value: `**${hazard.name}**（事件种类 hazard \`${hazard.id}\`）` } }
    return null
  })

  connection.onDefinition((params): Location | null => {
    const doc = documents.get(params.textDocument.uri)
    const found = doc && stateFor(doc.uri)
    const library = found?.state.library
    if (!doc || !found || !library) return null
    const word = wordAt(doc, params.position)
    if (!word) return null
    const plan = library.planById.get(word.word)
    if (plan) return { uri: pathToFileURL(join(found.state.root, plan.path)).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }
    if (library.units.has(word.word)) {
      const file = join(found.state.root, 'units.yaml')
      const text = documents.get(pathToFileURL(file).href)?.getText() ?? (existsSync(file) ? readFileSync(file, 'utf8') : '')
      const lines = text.split(/\r?\n/)
      const pattern = new RegExp(`\\bid:\\s*["']?${word.word}["']?\\s*(?:[,}#]|$)`)
      const index = lines.findIndex((l) => pattern.test(l))
      if (index >= 0) {
        const column = lines[index].indexOf(word.word, lines[index].search(/\bid:/))
        return { uri: pathToFileURL(file).href, range: { start: { line: index, character: column }, end: { line: index, character: column + word.word.length } } }
      }
    }
    return null
  })

  documents.listen(connection)
}
