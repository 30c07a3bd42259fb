// Bad-input battery, part three: the cases of the reliability review. Full-width and no-break spaces from
// Word (the lint result must not depend on whether the frontmatter takes the fast path), a key "indented"
// with U+3000, a drill score with a trailing full-width space, old-Mac CR-only line ends, a plan listing
// itself in supersedes/related, a unit listed twice, and --fix next to a drill record whose score is wrong
// (evidence: never rewritten). Each case asserts the exact findings through the CLI, as a user runs it.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const BASE = new URL('../rules/_base/', import.meta.url).pathname
const GOOD = readFileSync(new URL('../rules/dissolved-unit/ok/forest.md', import.meta.url), 'utf8')
const DRILL = readFileSync(new URL('../rules/drill-score-mismatch/not-ok/drills/2026-05-12-score.md', import.meta.url), 'utf8')

interface JsonFinding {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  ruleId: string
  message: string
}

const plan = (id: string) => GOOD.replace('id: shili-forest-fire', `id: ${id}`)
const row = (f: JsonFinding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`
const RULES = ['schema', 'unknown-unit', 'fullwidth-space', 'self-reference', 'duplicate-unit', 'dissolved-unit', 'drill-score-mismatch']

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function library(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-bad3-'))
  for (const name of ['units.yaml', 'library.yaml']) cpSync(join(BASE, name), join(dir, name))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

const FILES: Record<string, string> = {
  // The same trailing U+3000 with and without a comment elsewhere (a comment sends the file to the full parser).
  'space/lead.md': plan('space-lead').replace('lead_unit: shi-ziran', 'lead_unit: shi-ziran\u3000'),
  'space/lead-comment.md': plan('space-lead-comment').replace('lead_unit: shi-ziran', 'lead_unit: shi-ziran\u3000').replace('status: draft', 'status: draft # 草稿'),
  'space/indented-key.md': plan('space-indented').replace('dates: {}', 'dates:\n\u3000published: 2025-01-01'),
  'space/nbsp-status.md': plan('space-nbsp').replace('status: draft', 'status: draft\u00a0'),
  'drills/2026-05-12-space.md': DRILL.replace('score: 90', 'score: 75\u3000').replace('grade: 优秀', 'grade: 合格').replace('id: score-edited', 'id: score-space'),
  'self/supersedes.md': plan('self-sup').replace('status: draft', 'supersedes: [self-sup]\nrelated:\n  - plan: self-sup\n    relation: neighbour\nstatus: draft'),
  'units/twice.md': plan('units-twice').replace('  - unit: shi-yingji\n    role: member\n    duties: [督促检查]', '  - unit: shi-yingji\n    role: member\n    duties: [督促检查]\n  - unit: shi-ziran\n    role: member'),
  'endings/cr-only.md': plan('cr-only').replace('lead_unit: shi-ziran', 'lead_unit: shi-ziran\u3000').replace(/\n/g, '\r'),
}

describe('bad input battery, part three', () => {
  let dir: string
  let findings: JsonFinding[]
  let code: number | null
  let stderr: string
  const own = (file: string) => findings.filter((f) => f.file === file && RULES.includes(f.ruleId)).map(row)

  beforeAll(() => {
    dir = library(FILES)
    const r = run(['lint', '.', '--format', 'json', '--today', '2026-11-01', '--no-cache'], dir)
    code = r.code
    stderr = r.stderr
    findings = JSON.parse(r.stdout).findings
  })

  it('exits 1, nothing on stderr', () => {
    expect(stderr).toBe('')
    expect(code).toBe(1)
  })

  it('a trailing full-width space: the same findings with and without a comment in the frontmatter', () => {
    const expected = [
      '9:12-9:22 fullwidth-space “lead_unit”的值结尾有全角空格，YAML 会把它当作值的一部分',
      '9:12-9:22 unknown-unit 单位编号“shi-ziran　”未在 units.yaml 中登记，是否应为“shi-ziran”（示例市自然资源和规划局）？',
    ]
    expect(own('space/lead.md')).toEqual(expected)
    expect(own('space/lead-comment.md')).toEqual(expected)
  })

  it('a key "indented" with U+3000 is a key of its own (schema), not a nested one', () => {
    expect(own('space/indented-key.md').map((r) => r.split('，')[0])).toEqual(['21:7-21:7 schema “dates”应为映射（键: 值）', '22:1-22:11 schema 未知的键“　published”'])
  })

  it('a no-break space after a status: the schema finding and the reason', () => {
    expect(own('space/nbsp-status.md').map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual(['19:9-19:15 fullwidth-space', '19:9-19:15 schema'])
  })

  it('a drill score with a full-width space is not a number, on every path (lint and drill score agree)', () => {
    expect(own('drills/2026-05-12-space.md').map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual(['42:8-42:11 fullwidth-space', '42:8-42:11 schema'])
    const score = run(['drill', 'score', 'drills/2026-05-12-space.md'], dir)
    expect(score.code).not.toBe(0)
    expect(score.stderr).toContain('不是有效的演练记录')
  })

  it('a plan listing itself in supersedes and related', () => {
    expect(own('self/supersedes.md')).toEqual([
      '19:14-19:22 self-reference 预案把自己（self-sup）列为被替代的预案',
      '21:11-21:19 self-reference 预案把自己（self-sup）列为关联预案',
    ])
  })

  it('a unit listed twice', () => {
    expect(own('units/twice.md')).toEqual(['17:11-17:20 duplicate-unit 单位“示例市自然资源和规划局”（shi-ziran）在责任单位（units）中已列出（第 11 行），应合并为一项'])
  })

  it('CR-only line ends: findings at their real lines', () => {
    expect(own('endings/cr-only.md')).toEqual(own('space/lead.md'))
    expect(own('endings/cr-only.md')[0]).toMatch(/^9:12-9:22 fullwidth-space/)
  })

  it('--fix rewrites the plans it can and never a drill record, even with a wrong score', () => {
    // The record also names a unit by its name where an id belongs: unknown-unit offers a fix, --fix declines it.
    const drill = DRILL.replace('findings: []', 'findings:\n  - { text: 通信中断, severity: minor, unit: 示例市应急管理局, action: 配备卫星电话, due: 2026-06-01, status: open, requires_revision: false }')
    const fixDir = library({ 'drills/2026-05-12-score.md': drill, 'units/twice.md': FILES['units/twice.md'] })
    const drillBefore = readFileSync(join(fixDir, 'drills/2026-05-12-score.md'), 'utf8')
    const r = run(['lint', '.', '--fix', '--today', '2026-11-01', '--no-cache'], fixDir)
    expect(r.stdout).toContain('units/twice.md：已修复 1 处\n  17:1  duplicate-unit')
    expect(r.stdout).toContain('drills/2026-05-12-score.md:42:8  错误  演练得分不符  记录的得分 90 与评估项重新计算的得分 75 不符（等级应为“合格”）  drill-score-mismatch')
    expect(r.stdout).not.toContain('drills/2026-05-12-score.md：已修复')
    expect(r.stdout).toContain('drills/2026-05-12-score.md：演练记录是评估凭证，--fix 不修改（得分见 yuanku drill score --write，其余请手工修改）')
    expect(r.stdout).toMatch(/drills\/2026-05-12-score\.md:\d+:\d+  错误  .*示例市应急管理局.*unknown-unit/)
    expect(readFileSync(join(fixDir, 'drills/2026-05-12-score.md'), 'utf8')).toBe(drillBefore)
    // The second shi-ziran (member, no duties) folds into the first (lead): only its lines go.
    expect(readFileSync(join(fixDir, 'units/twice.md'), 'utf8')).toBe(plan('units-twice'))
  })
})
