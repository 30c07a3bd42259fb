// More of the bad-input battery (bad-input.test.ts has the first half): more kinds of broken YAML,
// billion laughs, GB18030 four-byte sequences, UTF-16 without a BOM, a FIFO and a folder named like a
// plan, unreadable files, a plan that links to itself, duplicate ids in different folders, ids that
// try path traversal, aliases in drill records and checklists, exact positions with mixed line
// endings, and a broken or unreadable units.yaml/library.yaml. Each case asserts the exact finding(s):
// file, line:column-endLine:endColumn, rule and message; the run exits 1 without a stack trace, and the
// good plans around the bad files are still linted.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeSourceFile } from '../../scripts/lib/load/file.ts'
import { readFrontmatter } from '../../scripts/lib/load/frontmatter.ts'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const BASE = new URL('../rules/_base/', import.meta.url).pathname
const GOOD = readFileSync(new URL('../rules/dissolved-unit/ok/forest.md', import.meta.url), 'utf8')
const IS_ROOT = process.getuid?.() === 0
if (IS_ROOT) console.warn('bad-input-more: running as root, so chmod 000 cannot make a file unreadable; that case is SKIPPED (it runs as any other user).')

interface JsonFinding {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  ruleId: string
  message: string
}

const plan = (id: string, extra = '') => GOOD.replace('id: shili-forest-fire', `id: ${id}`) + extra
/** A valid plan whose body names the dissolved 市安监局 at line 27, column `col`: proof that it was linted. */
const sentinel = (id: string, prefix = '') => plan(id, `\n${prefix}市安监局配合。\n`)
const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex')
const row = (f: JsonFinding) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`

function run(args: string[], cwd: string, timeout = 120_000) {
  const started = Date.now()
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout, env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started }
}

function library(files: Record<string, string | Buffer>, base = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-bad2-'))
  if (base) for (const name of ['units.yaml', 'library.yaml']) cpSync(join(BASE, name), join(dir, name))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

function lintJson(dir: string) {
  const r = run(['lint', '.', '--format', 'json', '--today', '2026-11-01', '--no-cache'], dir)
  return { ...r, findings: (r.stdout ? JSON.parse(r.stdout).findings : []) as JsonFinding[] }
}

// Ten levels of ten aliases: 10^10 strings if anything expanded it.
const BILLION_LAUGHS = ['---', 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`), '---', ''].join('\n')

const FILES: Record<string, string | Buffer> = {
  // YAML broken in more ways
  'bad/yaml-colon.md': '---\nid: y1\ntitle: 标题: 副标题\nstatus: draft\n---\n',
  'bad/yaml-flow-map.md': '---\nid: y3\nunits: [{unit: a, role: lead]\n---\n',
  'bad/yaml-seq-at-top.md': '---\n- a\n- b\n---\n',
  'bad/yaml-scalar.md': '---\n就是一句话\n---\n',
  'bad/yaml-block-indent.md': '---\nid: y8\nunits:\n- unit: a\n    role: lead\n---\n',
  'bad/billion-laughs.md': BILLION_LAUGHS,
  // links and ids
  'bad/self-link.md': plan('self-link').replace('plan: shili-overall', 'plan: self-link'),
  'bad/parent-traversal.md': plan('parent-traversal').replace('plan: shili-overall', 'plan: ../../etc/passwd'),
  'folder-a/flood.md': plan('same-id'),
  'folder-b/nested/flood.md': plan('same-id'),
  'drills/traversal.md': '---\nid: ../../x\nplan: shili-forest-fire\ndate: 2026-01-01\nkind: tabletop\nscenario: x\norganizer: shi-yingji\nevaluators: [甲]\nchecklist: []\nscore: 0\ngrade: 不合格\nfindings: []\n---\n',
  'drills/alias.md': '---\nid: d1\nplan: &p shili-forest-fire\nscenario: *p\n---\n',
  'checklists/alias.md': '---\nid: c1\ntitle: &t 模板\ndescription: *t\n---\n',
  // encodings: GB18030 four-byte sequences (𠀀 95 32 82 36, ༀ 81 32 E8 34), alone and among two-byte text (市示例市…)
  'bad/gb18030-4byte.md': Buffer.concat([Buffer.from('---\nid: gb4\ntitle: '), hex('95 32 82 36 81 32 e8 34'), Buffer.from('\n---\n')]),
  'bad/gb18030-mixed.md': Buffer.concat([Buffer.from('---\nid: gbm\ntitle: '), hex('cad0'), hex('cabe c0fd cad0'.repeat(14)), hex('9532 8236'), hex('d4a4 b0b8'), Buffer.from('\n---\n')]),
  'bad/utf16le-nobom.md': Buffer.from(plan('u16n'), 'utf16le'),
  // old-Mac line ends only: read as line breaks, like CommonMark and YAML do
  'bad/cr-only.md': plan('cr-only').replace(/\n/g, '\r'),
  'endings/cr-valid.md': sentinel('cr-valid', '这里提到').replace(/\n/g, '\r'),
  // mixed line endings: positions must be those of the same file with LF only
  'endings/lf-invalid.md': plan('lf-invalid').replace('role: lead', 'role: leader'),
  'endings/mixed-invalid.md': plan('mixed-invalid').replace('role: lead', 'role: leader').split('\n').map((l, i) => (i % 2 ? `${l}\r` : l)).join('\n'),
  'endings/lf-valid.md': sentinel('lf-valid', '这里提到'),
  'endings/mixed-valid.md': sentinel('mixed-valid', '这里提到').split('\n').map((l, i) => (i % 3 === 1 ? `${l}\r` : l)).join('\n'),
  'endings/crlf-valid.md': sentinel('crlf-valid', '这里提到').replace(/\n/g, '\r\n'),
  // a folder named like a plan is a folder: the plan inside it is linted
  'folder.md/inside.md': sentinel('inside-folder'),
  // good plans beside all of it
  'good/one.md': sentinel('good-one'),
  'good/two.md': sentinel('good-two'),
}

describe('bad input battery, part two', () => {
  let dir: string
  let result: ReturnType<typeof lintJson>
  let stylish: ReturnType<typeof run>
  const own = (file: string, rules = ['schema', 'encoding', 'parent-cycle', 'duplicate-id', 'dissolved-unit']) =>
    result.findings.filter((f) => f.file === file && rules.includes(f.ruleId)).map(row)

  beforeAll(() => {
    dir = library(FILES)
    execFileSync('mkfifo', [join(dir, 'bad/fifo.md')])
    if (!IS_ROOT) {
      writeFileSync(join(dir, 'bad/unreadable.md'), plan('unreadable'))
      chmodSync(join(dir, 'bad/unreadable.md'), 0o000)
      mkdirSync(join(dir, 'locked'))
      writeFileSync(join(dir, 'locked/hidden.md'), plan('hidden'))
      chmodSync(join(dir, 'locked'), 0o000)
    }
    result = lintJson(dir)
    stylish = run(['lint', '.', '--today', '2026-11-01', '--no-cache'], dir)
  })

  it('exits 1 with findings, nothing on stderr, no stack trace; the FIFO did not hang the run', () => {
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(stylish.code).toBe(1)
    expect(stylish.stderr).toBe('')
    expect(stylish.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it('every bad file is named in the stylish report with a line and column', () => {
    const bad = [...Object.keys(FILES).filter((f) => f.startsWith('bad/')), 'bad/fifo.md', ...(IS_ROOT ? [] : ['bad/unreadable.md'])]
    const missing = bad.filter((f) => !new RegExp(`^  ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  `, 'm').test(stylish.stdout))
    expect(missing).toEqual([])
  })

  it('broken YAML of more kinds: a YAML finding at the broken spot', () => {
    expect(own('bad/yaml-colon.md')).toEqual(['bad/yaml-colon.md:3:8-3:9 schema YAML 语法错误：同一行里出现了第二个“键: 值”。值里有英文冒号加空格（“: ”）时，请给整个值加引号，如 title: "示例市: 防汛预案"，或改用中文冒号“：”；不是这种情况时请检查缩进'])
    expect(own('bad/yaml-flow-map.md')).toEqual([
      'bad/yaml-flow-map.md:3:29-3:30 schema YAML 语法错误：花括号映射 { … }没有闭合，或下一行缩进不够。请在该项末尾补上“}”',
      'bad/yaml-flow-map.md:3:30-4:1 schema YAML 语法错误：方括号列表 [ … ]没有闭合，或下一行缩进不够。请在该项末尾补上“]”',
    ])
    expect(own('bad/yaml-seq-at-top.md')).toEqual(['bad/yaml-seq-at-top.md:2:1-4:1 schema 前言应为“键: 值”映射'])
    expect(own('bad/yaml-scalar.md')).toEqual(['bad/yaml-scalar.md:2:1-2:6 schema 前言应为“键: 值”映射'])
    expect(own('bad/yaml-block-indent.md')).toEqual([
      'bad/yaml-block-indent.md:4:9-4:10 schema YAML 语法错误：同一行里出现了第二个“键: 值”。值里有英文冒号加空格（“: ”）时，请给整个值加引号，如 title: "示例市: 防汛预案"，或改用中文冒号“：”；不是这种情况时请检查缩进',
      'bad/yaml-block-indent.md:4:9-5:9 schema YAML 语法错误：键必须写在一行内，并以“: ”（冒号加空格）与值分开。检查上一行是否缺少“: ”，或冒号后是否漏了空格；值里有冒号时请加引号',
    ])
  })

  it('billion laughs: every alias is refused where it stands, nothing is expanded', () => {
    const f = own('bad/billion-laughs.md')
    // 90 aliases, plus the anchor &j that no alias uses (refused where it stands too).
    expect(f).toHaveLength(91)
    expect(f[0]).toBe('bad/billion-laughs.md:3:8-3:10 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值')
    expect(f.filter((x) => x.includes('11:44-11:46'))).toEqual(['bad/billion-laughs.md:11:44-11:46 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值'])
    expect(f.filter((x) => x.includes('11:4-11:6'))).toEqual(['bad/billion-laughs.md:11:4-11:6 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值'])
    // In-process: nothing is expanded, so no data comes out at all.
    const read = readFrontmatter(BILLION_LAUGHS)
    expect(read.data).toBeUndefined()
    expect(read.issues.filter((i) => i.kind === 'alias')).toHaveLength(91)
  })

  it('aliases are refused in drill records and checklist templates too', () => {
    expect(own('drills/alias.md')).toEqual(['drills/alias.md:4:11-4:13 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值'])
    expect(own('checklists/alias.md')).toEqual(['checklists/alias.md:4:14-4:16 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值'])
  })

  it('a plan that names itself as its parent: a parent-cycle finding at that link', () => {
    expect(own('bad/self-link.md')).toEqual(['bad/self-link.md:18:11-18:20 parent-cycle 预案把自己（self-link）列为上位预案'])
  })

  it('the same id in two folders: a duplicate-id finding at the second, naming the first', () => {
    expect(own('folder-a/flood.md', ['duplicate-id'])).toEqual([])
    expect(own('folder-b/nested/flood.md', ['duplicate-id'])).toEqual(['folder-b/nested/flood.md:2:5-2:12 duplicate-id 预案编号“same-id”重复，已用于 folder-a/flood.md'])
  })

  it('ids that try path traversal are findings at the value, never paths', () => {
    expect(own('bad/parent-traversal.md', ['schema', 'unknown-parent'])).toEqual(['bad/parent-traversal.md:18:11-18:27 unknown-parent 上位预案“../../etc/passwd”在库中不存在'])
    expect(own('drills/traversal.md', ['schema'])).toEqual(['drills/traversal.md:2:5-2:12 schema “../../x”格式不正确（id 应匹配 ^[a-z0-9][a-z0-9-]*$）'])
  })

  it('GB18030 four-byte sequences and UTF-16 without a BOM: one encoding finding at the first byte that is not UTF-8', () => {
    // (A file of four-byte sequences only is not recognised as GB18030: the message then makes no guess.)
    expect(own('bad/gb18030-4byte.md')).toEqual([expect.stringMatching(/^bad\/gb18030-4byte\.md:3:8-3:9 encoding 文件不是 UTF-8 编码(（看起来是 GBK\/GB18030）)?，请另存为 UTF-8$/)])
    expect(own('bad/gb18030-mixed.md')).toEqual(['bad/gb18030-mixed.md:3:8-3:9 encoding 文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8'])
    expect(own('bad/utf16le-nobom.md')).toEqual(['bad/utf16le-nobom.md:1:2-1:3 encoding 文件是 UTF-16 编码，请另存为 UTF-8'])
  })

  it('a FIFO named like a plan is reported and never opened; a folder named like a plan is walked', () => {
    expect(own('bad/fifo.md')).toEqual(['bad/fifo.md:1:1-1:1 encoding 不是普通文件，未读取'])
    expect(own('folder.md/inside.md')).toEqual(['folder.md/inside.md:27:1-27:5 dissolved-unit 正文提到已撤销的单位“市安监局”，应改为“示例市应急管理局”'])
  })

  it.skipIf(IS_ROOT)('an unreadable file: an encoding finding naming the error', () => {
    expect(own('bad/unreadable.md')).toEqual(['bad/unreadable.md:1:1-1:2 encoding 无法读取文件（EACCES）'])
  })

  it.skipIf(IS_ROOT)('an unreadable sub-folder: reported, its plans not silently dropped', () => {
    expect(own('locked')).toEqual(['locked:1:1-1:1 encoding 无法读取文件夹（EACCES），其中的预案未检查'])
  })

  it('old-Mac CR-only line ends: read as line breaks, the findings at the lines of the LF plan', () => {
    const lf = result.findings.filter((x) => x.file === 'good/one.md').map((x) => `${x.line}:${x.column} ${x.ruleId}`)
    const cr = result.findings.filter((x) => x.file === 'bad/cr-only.md').map((x) => `${x.line}:${x.column} ${x.ruleId}`)
    expect(cr.length).toBeGreaterThan(0)
    // good/one.md is the same plan plus a sentinel line at 27 (dissolved-unit); everything else is at the same place.
    expect(cr).toEqual(lf.filter((x) => !x.endsWith('dissolved-unit')))
  })

  it('mixed line endings: every position is the one of the same plan with LF only', () => {
    const strip = (rows: string[], id: string) => rows.map((r) => r.replace(`endings/${id}.md:`, ''))
    expect(strip(own('endings/lf-invalid.md'), 'lf-invalid')).toEqual(['12:11-12:17 schema “leader”不是“units.role”的有效取值，是否应为“lead”？允许：lead, member, support'])
    expect(strip(own('endings/mixed-invalid.md'), 'mixed-invalid')).toEqual(strip(own('endings/lf-invalid.md'), 'lf-invalid'))
    const valid = ['27:5-27:9 dissolved-unit 正文提到已撤销的单位“市安监局”，应改为“示例市应急管理局”']
    expect(strip(own('endings/lf-valid.md'), 'lf-valid')).toEqual(valid)
    expect(strip(own('endings/mixed-valid.md'), 'mixed-valid')).toEqual(valid)
    expect(strip(own('endings/crlf-valid.md'), 'crlf-valid')).toEqual(valid)
    expect(strip(own('endings/cr-valid.md'), 'cr-valid')).toEqual(valid)
  })

  it('the good plans around the bad files are all still linted', () => {
    for (const file of ['good/one.md', 'good/two.md']) {
      expect(own(file, ['dissolved-unit'])).toEqual([`${file}:27:1-27:5 dissolved-unit 正文提到已撤销的单位“市安监局”，应改为“示例市应急管理局”`])
    }
  })
})

describe('units.yaml and library.yaml broken, unreadable or hostile', () => {
  const planFindings = (findings: JsonFinding[]) => findings.filter((f) => f.file === 'p.md' && f.ruleId === 'dissolved-unit').map((f) => `${f.line}:${f.column}`)
  const meta = (findings: JsonFinding[], file: string) => findings.filter((f) => f.file === file).map(row)
  const cases: [name: string, files: Record<string, string | Buffer>, file: string, expected: string[]][] = [
    ['units.yaml in GBK', { 'units.yaml': Buffer.concat([Buffer.from('units:\n  - { id: a, name: '), hex('d4a4b0b8'), Buffer.from(' }\n')]) }, 'units.yaml', ['units.yaml:2:21-2:22 encoding 文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8']],
    ['units.yaml with an alias', { 'units.yaml': 'units:\n  - &u { id: a, name: b, kind: department }\n  - *u\n' }, 'units.yaml', ['units.yaml:3:5-3:7 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值']],
    ['units.yaml with wrong types', { 'units.yaml': 'units: {a: 1}\n' }, 'units.yaml', ['units.yaml:1:8-1:14 schema “units”应为列表']],
    ['library.yaml with a NUL byte', { 'library.yaml': 'name: x\x00\n' }, 'library.yaml', ['library.yaml:1:8-1:9 encoding 文件含有 NUL 字节，不是文本文件']],
    ['library.yaml with an alias', { 'library.yaml': 'name: &n 库\nsite: {title: *n}\n' }, 'library.yaml', ['library.yaml:2:15-2:17 schema 不允许使用 YAML 锚点和别名（*别名），请直接写出取值']],
    ['library.yaml whitespace only (valid: every key has a default)', { 'library.yaml': '   \n\t\n' }, 'library.yaml', []],
  ]
  for (const [name, files, file, expected] of cases) {
    it(`${name}: ${expected.length ? 'a finding at the place' : 'no finding'}; the plan is still linted; exit 1, no stack trace`, () => {
      const dir = library({ ...files, 'p.md': sentinel('p') })
      const r = lintJson(dir)
      expect([r.code, r.stderr]).toEqual([1, ''])
      expect(meta(r.findings, file).filter((x) => !/coverage-gap|jurisdiction-without-overall/.test(x))).toEqual(expected)
      // With the registry unusable, the dissolved unit is unknown: the plan is still read and checked.
      expect(r.findings.some((f) => f.file === 'p.md')).toBe(true)
      if (file === 'library.yaml') expect(planFindings(r.findings)).toEqual(['27:1'])
    })
  }

  it('units.yaml is a folder: a not-a-file finding, the plan still linted', () => {
    const dir = library({ 'p.md': sentinel('p') })
    execFileSync('rm', [join(dir, 'units.yaml')])
    mkdirSync(join(dir, 'units.yaml'))
    const r = lintJson(dir)
    expect([r.code, r.stderr]).toEqual([1, ''])
    expect(meta(r.findings, 'units.yaml')).toEqual(['units.yaml:1:1-1:2 encoding 不是普通文件，未读取'])
    expect(r.findings.filter((f) => f.file === 'p.md').length).toBeGreaterThan(0)
  })

  // Regression: units.yaml and library.yaml used to be read without checking that they are regular files,
  // so a FIFO there blocked `yuanku lint` forever.
  it('units.yaml is a FIFO: a finding, never a hang', () => {
    const dir = library({ 'p.md': sentinel('p') })
    execFileSync('rm', [join(dir, 'units.yaml')])
    execFileSync('mkfifo', [join(dir, 'units.yaml')])
    const r = run(['lint', '.', '--format', 'json', '--today', '2026-11-01', '--no-cache'], dir, 20_000)
    expect(r.signal).toBeNull()
    expect(r.code).toBe(1)
    expect((JSON.parse(r.stdout).findings as JsonFinding[]).filter((f) => f.file === 'units.yaml').map(row)).toEqual(['units.yaml:1:1-1:2 encoding 不是普通文件，未读取'])
  })
})

describe('the first byte that is not UTF-8', () => {
  const at = (bytes: Buffer) => {
    const r = decodeSourceFile(bytes, '/x.md', 'x.md')
    return r.ok ? 'ok' : `${r.issue.messageId} ${r.issue.place.line}:${r.issue.place.column}`
  }
  it('lone, truncated and invalid lead bytes are found where they are', () => {
    expect(at(Buffer.concat([Buffer.from('---\nid: a\ntitle: '), hex('c0 80'), Buffer.from('\n---\n')]))).toBe('not-utf8 3:8')
    expect(at(Buffer.concat([Buffer.from('---\nid: a\ntitle: 预'), hex('e6 88'), Buffer.from('\n---\n')]))).toBe('not-utf8 3:9')
    expect(at(Buffer.concat([Buffer.from('---\nid: a\n'), hex('80'), Buffer.from('\n')]))).toBe('not-utf8 3:1')
  })

  // Regression: firstInvalidUtf8 used to accept what TextDecoder refuses (encoded surrogates ED A0–BF,
  // overlongs E0 80–9F / F0 80–8F, code points above U+10FFFF F4 90+), so the finding pointed past the
  // last line instead of at the bad byte.
  it('surrogates, overlongs and code points above U+10FFFF are found where they are', () => {
    for (const bad of ['ed a0 80', 'e0 80 80', 'f0 80 80 80', 'f4 90 80 80']) {
      expect(at(Buffer.concat([Buffer.from('---\nid: a\ntitle: '), hex(bad), Buffer.from('\n---\n# 正文\n')])), bad).toBe('not-utf8 3:8')
    }
  })
})
