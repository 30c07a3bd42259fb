// `yuanku lsp` spoken to over stdio, as an editor would: diagnostics with exact ranges, a fix as a code
// action, completion of unit ids with their names, hover, go to definition, and bad input.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LspClient, type Message } from '../../scripts/bench/lsp-client.ts'

const LIBRARY = new URL('./library/', import.meta.url).pathname
const DISSOLVED = '单位“示例市林业局”已于 2019-01-15 撤销，应改为“示例市自然资源和规划局”（shi-ziran）'

let dir: string
let client: LspClient
let forestUri: string
let forestText: string

const diagnosticsFor = (uri: string, version?: number) => (m: Message) =>
  m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yuanku-lsp-'))
  cpSync(LIBRARY, join(dir, 'plans'), { recursive: true })
  forestUri = pathToFileURL(join(dir, 'plans/city/forest.md')).href
  forestText = readFileSync(join(dir, 'plans/city/forest.md'), 'utf8')
  client = new LspClient(dir)
  const init = await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} })
  expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, completionProvider: {}, codeActionProvider: {} })
  client.notify('initialized', {})
})

afterAll(async () => {
  await client?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('yuanku lsp', { timeout: 60_000 }, () => {
  let diagnostic: any

  it('publishes the findings of an opened plan with their exact ranges', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: forestUri, languageId: 'markdown', version: 1, text: forestText } })
    const published = await client.waitFor(diagnosticsFor(forestUri, 1))
    expect(published.params.diagnostics.map((d: any) => ({ range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message }))).toEqual([
      { range: { start: { line: 8, character: 11 }, end: { line: 8, character: 20 } }, severity: 1, code: 'dissolved-unit', source: 'yuanku', message: DISSOLVED },
    ])
    diagnostic = published.params.diagnostics[0]
  })

  it('offers the fix of a fixable finding as a code action', async () => {
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: forestUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })
    const quickFix = actions.find((a: any) => a.kind === 'quickfix')
    expect(quickFix.title).toBe(`修复 / fix: ${DISSOLVED}`)
    expect(quickFix.edit.changes[forestUri]).toEqual([{ range: { start: { line: 8, character: 11 }, end: { line: 8, character: 20 } }, newText: 'shi-ziran' }])
  })

  it('completes unit ids after lead_unit: with their Chinese names, without dissolved units', async () => {
    const items = await client.request('textDocument/completion', { textDocument: { uri: forestUri }, position: { line: 8, character: 11 } })
    expect(items.map((i: any) => [i.label, i.detail])).toEqual([
      ['shili-shi', '示例市'],
      ['shi-zhengfu', '示例市人民政府'],
      ['shi-yingji', '示例市应急管理局'],
      ['shi-ziran', '示例市自然资源和规划局'],
    ])
  })

  it('completes plan ids under parents, hazards and enum values with their names', async () => {
    const parents = await client.request('textDocument/completion', { textDocument: { uri: forestUri }, position: { line: 17, character: 10 } })
    expect(parents.map((i: any) => [i.label, i.detail])).toEqual([['shili-overall', '示例市突发事件总体应急预案']])
    const hazards = await client.request('textDocument/completion', { textDocument: { uri: forestUri }, position: { line: 6, character: 9 } })
    expect(hazards.find((i: any) => i.label === 'flood')?.detail).toBe('洪涝灾害')
    const types = await client.request('textDocument/completion', { textDocument: { uri: forestUri }, position: { line: 3, character: 6 } })
    expect(types.slice(0, 3).map((i: any) => [i.label, i.detail])).toEqual([['overall', '总体'], ['special', '专项'], ['department', '部门']])
  })

  it('shows the name of a unit or plan on hover', async () => {
    const unit = await client.request('textDocument/hover', { textDocument: { uri: forestUri }, position: { line: 7, character: 10 } })
    expect(unit.contents.value).toBe('**示例市人民政府**（单位 unit `shi-zhengfu`）\n\n简称：市政府')
    const plan = await client.request('textDocument/hover', { textDocument: { uri: forestUri }, position: { line: 17, character: 12 } })
    expect(plan.contents.value).toBe('**示例市突发事件总体应急预案**（预案 plan `shili-overall`）\n\ncity/overall.md')
  })

  it('goes from a parent id to the plan file and from a unit id to its units.yaml entry', async () => {
    const plan = await client.request('textDocument/definition', { textDocument: { uri: forestUri }, position: { line: 17, character: 12 } })
    expect(plan.uri).toBe(pathToFileURL(join(dir, 'plans/city/overall.md')).href)
    const unit = await client.request('textDocument/definition', { textDocument: { uri: forestUri }, position: { line: 7, character: 10 } })
    expect(unit).toEqual({ uri: pathToFileURL(join(dir, 'plans/units.yaml')).href, range: { start: { line: 2, character: 10 }, end: { line: 2, character: 21 } } })
  })

  it('clears the diagnostics once an edit fixes the plan, without the file being saved', async () => {
    const since = client.notifications.length
    const fixed = forestText.replace('lead_unit: shi-linye', 'lead_unit: shi-ziran')
    client.notify('textDocument/didChange', { textDocument: { uri: forestUri, version: 2 }, contentChanges: [{ text: fixed }] })
    const published = await client.waitFor((m) => diagnosticsFor(forestUri, 2)(m) && m.params.diagnostics.length === 0, since)
    expect(published.params.diagnostics).toEqual([])
    // The editor's text was linted, the file on disk is untouched.
    expect(readFileSync(join(dir, 'plans/city/forest.md'), 'utf8')).toBe(forestText)
  })

  it('says so, and checks nothing, when a file outside any library is opened', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'yuanku-lsp-outside-'))
    const uri = pathToFileURL(join(outside, 'note.md')).href
    const since = client.notifications.length
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# 笔记\n' } })
    const shown = await client.waitFor((m) => m.method === 'window/showMessage', since)
    expect(shown.params.message).toContain('不在预案库中')
    expect(shown.params.message).toContain('not inside a library')
    // A request after the notification is answered after it: no diagnostics were sent for the file.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })
    expect(client.notifications.slice(since).filter(diagnosticsFor(uri))).toEqual([])
    rmSync(outside, { recursive: true, force: true })
  })

  it('warns about a library without units.yaml and still checks its plans', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'yuanku-lsp-bare-'))
    mkdirSync(join(bare, 'city'))
    writeFileSync(join(bare, 'library.yaml'), 'name: 无名录的库\n')
    writeFileSync(join(bare, 'city/forest.md'), forestText)
    const uri = pathToFileURL(join(bare, 'city/forest.md')).href
    const since = client.notifications.length
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: forestText } })
    const shown = await client.waitFor((m) => m.method === 'window/showMessage', since)
    expect(shown.params.message).toContain('缺少单位名录 units.yaml')
    const published = await client.waitFor(diagnosticsFor(uri, 1), since)
    expect(published.params.diagnostics.some((d: any) => d.code === 'unknown-unit')).toBe(true)
    rmSync(bare, { recursive: true, force: true })
  })
})
