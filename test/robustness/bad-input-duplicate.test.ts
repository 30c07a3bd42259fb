// Bad-input battery: two in-force copies of one plan — the same title and text left in the tree under a
// new id, in the same jurisdiction — give one duplicate-plan error that names the other copy as its cause.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const PLANS = new URL('../../plans/', import.meta.url).pathname

describe('bad input: a plan copied under a new id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-dup-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is one duplicate-plan error on the pair, with the other copy as cause; exit 1, no stack trace', () => {
    cpSync(PLANS, dir, { recursive: true })
    const original = readFileSync(join(dir, 'city/special/shi-fangxun.md'), 'utf8')
    writeFileSync(join(dir, 'city/special/shi-fangxun-fuben.md'), original.replace(/^id: shi-fangxun$/m, 'id: shi-fangxun-fuben'))
    const r = spawnSync(process.execPath, [CLI, 'lint', '.', '--rule', 'duplicate-plan', '--no-cache', '--today', '2026-11-23', '--format', 'json'], { cwd: dir, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const { findings } = JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; ruleId: string; message: string; cause?: { file: string; line: number; column: number } }[] }
    const rel = (file: string) => (file.startsWith(dir) ? file.slice(dir.length + 1) : file)
    expect(findings.map((f) => ({ file: rel(f.file), at: `${f.line}:${f.column}`, rule: f.ruleId, cause: f.cause && `${rel(f.cause.file)}:${f.cause.line}:${f.cause.column}` }))).toEqual([
      { file: 'city/special/shi-fangxun.md', at: '2:5', rule: 'duplicate-plan', cause: 'city/special/shi-fangxun-fuben.md:2:5' },
    ])
    expect(findings[0].message).toBe('本预案与“shi-fangxun-fuben”标题和正文相同，同为示例市在用的专项应急预案：像是复制后留在库中的副本，请删除其一或标为 superseded')
  })
})
