// A library full of the files real offices produce: every bad file gets a finding that names it and a
// place, nothing crashes, no stack trace reaches the user, and every good file is still linted.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const BASE = new URL('../rules/_base/', import.meta.url).pathname
const GOOD = readFileSync(new URL('../rules/dissolved-unit/ok/forest.md', import.meta.url), 'utf8')

interface JsonFinding {
  file: string
  line: number
  column: number
  ruleId: string
  message: string
}

function plan(id: string, extra = ''): string {
  return GOOD.replace('id: shili-forest-fire', `id: ${id}`) + extra
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const cases: [file: string, content: string | Buffer, expectRule?: RegExp][] = [
  ['yaml-unclosed-flow.md', '---\nid: a1\ntitle: [未闭合\n---\n# 标题\n', /schema/],
  ['yaml-bad-indent.md', '---\nid: a2\nunits:\n  - unit: x\n   role: lead\n---\n', /schema/],
  ['yaml-unclosed-quote.md', '---\nid: a3\ntitle: "未闭合\n---\n', /schema/],
  ['yaml-tabs.md', '---\nid: a4\nunits:\n\t- unit: x\n---\n', /schema/],
  ['yaml-duplicate-keys.md', plan('a5').replace('status: draft', 'status: draft\nstatus: published'), /schema/],
  ['yaml-alias-bomb.md', '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n', /schema/],
  ['wrong-types.md', '---\nid: 123\ntitle: [a, b]\ntype: special\njurisdiction: {x: 1}\ncategory: natural\nhazards: flood\nissuer: 5\nlead_unit: true\nunits: x\nparents: {plan: y}\nstatus: 1\nversion: 2024\ndates: 2024-01-01\nresponse_levels: [1, 2]\n---\n# 标题\n', /schema/],
  ['empty.md', '', /schema/],
  ['whitespace.md', '   \n\n\t\n', /schema/],
  ['unclosed-fence.md', '---\nid: a6\ntitle: 标题\n# 正文\n', /schema/],
  ['no-frontmatter.md', '# 只有正文\n\n正文内容。\n', /schema/],
  ['gbk.md', Buffer.from([...Buffer.from('---\nid: gbk\ntitle: '), 0xd4, 0xa4, 0xb0, 0xb8, 0x0a, ...Buffer.from('---\n')]), /encoding/],
  ['utf16le.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan('u16'), 'utf16le')]), /encoding/],
  ['utf16be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(plan('u16be'), 'utf16le').swap16()]), /encoding/],
  ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /encoding/],
  ['huge.md', plan('huge', '\n' + '本段为超长预案正文。'.repeat(700_000)), /encoding/],
  ['path-traversal.md', plan('../../etc/passwd'), /schema/],
  // Valid but extreme: each ends with a dissolved unit's name, to show the file was linted.
  ['long-list.md', plan('long-list', '\n市安监局配合。\n').replace('duties: [督促检查]', `duties: [${Array.from({ length: 10_000 }, (_, i) => `职责${i}`).join(', ')}]`)],
  ['long-line.md', plan('long-line', `\n${'很长的一行'.repeat(200_000)}市安监局配合。\n`)],
]

describe('bad input battery', () => {
  let dir: string
  let findings: JsonFinding[]
  let result: ReturnType<typeof run>

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yuanku-bad-'))
    cpSync(join(BASE, 'units.yaml'), join(dir, 'units.yaml'))
    cpSync(join(BASE, 'library.yaml'), join(dir, 'library.yaml'))
    mkdirSync(join(dir, 'bad'))
    for (const [file, content] of cases) writeFileSync(join(dir, 'bad', file), content)
    // Good files around the bad ones must still be linted: each names a dissolved unit on purpose.
    writeFileSync(join(dir, 'good-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan('good-bom', '\n市安监局配合。\n'))]))
    writeFileSync(join(dir, 'good-crlf.md'), plan('good-crlf', '\n市安监局配合。\n').replace(/\n/g, '\r\n'))
    writeFileSync(join(dir, 'good-mixed.md'), plan('good-mixed', '\n市安监局配合。\n').split('\n').map((l, i) => (i % 3 ? l : `${l}\r`)).join('\n'))
    mkdirSync(join(dir, 'links'))
    symlinkSync(join(dir, 'good-bom.md'), join(dir, 'links', 'symlinked.md'))
    symlinkSync(join(dir, 'links'), join(dir, 'links', 'loop'))
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'links', 'dangling.md'))
    result = run(['lint', dir, '--format', 'json'], dir)
    findings = JSON.parse(result.stdout).findings
  })

  it('exits 1 with findings, no stack trace', () => {
    expect(result.code).toBe(1)
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  for (const [file, , rule] of cases) {
    it(`${file}: a finding that names the file, with a valid place`, () => {
      const own = findings.filter((f) => f.file.endsWith(`bad/${file}`))
      expect(own.length).toBeGreaterThan(0)
      for (const f of own) {
        expect(f.line).toBeGreaterThanOrEqual(1)
        expect(f.column).toBeGreaterThanOrEqual(1)
      }
      if (rule) expect(own.map((f) => f.ruleId).join(' ')).toMatch(rule)
    })
  }

  it('aliases are refused, not expanded', () => {
    const own = findings.filter((f) => f.file.endsWith('yaml-alias-bomb.md'))
    expect(own.some((f) => /别名/.test(f.message))).toBe(true)
  })

  it('non-UTF-8 files get one clear encoding finding each, never garbage text', () => {
    const enc = findings.filter((f) => f.ruleId === 'encoding' && /gbk|utf16|binary|huge/.test(f.file))
    expect(enc.map((f) => `${f.file.split('/').pop()} ${f.message}`).sort()).toEqual([
      'binary.md 文件含有 NUL 字节，不是文本文件',
      'gbk.md 文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8',
      'huge.md 文件过大（20 MB，上限 8 MB），未检查',
      'utf16be.md 文件是 UTF-16 编码，请另存为 UTF-8',
      'utf16le.md 文件是 UTF-16 编码，请另存为 UTF-8',
    ])
  })

  it('good files next to bad ones are still linted (BOM, CRLF, mixed endings)', () => {
    for (const name of ['good-bom.md', 'good-crlf.md', 'good-mixed.md']) {
      const own = findings.filter((f) => f.file.endsWith(name) && f.ruleId === 'dissolved-unit')
      expect(own.map((f) => `${f.line}:${f.column}`)).toEqual(['27:1'])
    }
  })

  it('symlinks are not followed (a loop cannot hang the linter) and are reported', () => {
    const links = findings.filter((f) => f.file.includes('links/'))
    expect(links.map((f) => f.file.split('/').pop()).sort()).toEqual(['dangling.md', 'loop', 'symlinked.md'])
  })
})

describe('broken or missing registry and settings', () => {
  function libraryWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-meta-'))
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    writeFileSync(join(dir, 'plan.md'), plan('shili-forest-fire'))
    return dir
  }

  it('broken units.yaml: a finding at the YAML error, other files still linted', () => {
    const dir = libraryWith({ 'units.yaml': 'units:\n  - { id: a, name: [未闭合\n', 'library.yaml': '' })
    const r = run(['lint', dir, '--format', 'json'], dir)
    expect(r.code).toBe(1)
    const f = JSON.parse(r.stdout).findings as JsonFinding[]
    expect(f.some((x) => x.file.endsWith('units.yaml') && x.ruleId === 'schema' && x.line === 3)).toBe(true)
    expect(r.stderr).toBe('')
  })

  it('broken library.yaml: a finding, defaults used', () => {
    const dir = libraryWith({ 'units.yaml': readFileSync(join(BASE, 'units.yaml'), 'utf8'), 'library.yaml': 'locale: fr\nrulez: {}\n' })
    const r = run(['lint', dir, '--format', 'json'], dir)
    const f = JSON.parse(r.stdout).findings as JsonFinding[]
    expect(f.filter((x) => x.file.endsWith('library.yaml')).map((x) => `${x.line}:${x.column}`)).toEqual(['1:9', '2:1'])
  })

  it('missing units.yaml and library.yaml: still runs, exit code is about findings only', () => {
    const dir = libraryWith({})
    const r = run(['lint', dir, '--format', 'json'], dir)
    expect([0, 1]).toContain(r.code)
    expect(r.stderr).toBe('')
  })
})
