// drill-score-mismatch beyond expected.txt: English messages; no --fix (a drill record is evidence), and the
// explicit `yuanku drill score --write` instead.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { findingLine, lintFixture } from '../helpers/library.ts'

const CLI = new URL('../../scripts/yuanku.ts', import.meta.url).pathname
const NOT_OK = new URL('../rules/drill-score-mismatch/not-ok', import.meta.url).pathname

describe('drill-score-mismatch', () => {
  it('speaks English', () => {
    expect(lintFixture(NOT_OK, { only: ['drill-score-mismatch'], locale: 'en' }).map(findingLine)).toEqual([
      'drills/2026-05-12-score.md:42:8-42:10 The recorded score 90 is not what the items compute: 75 (grade should be "合格")',
      'drills/2026-05-13-timed.md:19:14-19:15 Item "plan-1a2b3c4d" is rated "met" and took 45分钟, over its 30分钟 limit: it earns 0, recorded 5',
      'drills/2026-05-13-timed.md:43:8-43:10 The recorded grade "良好" is not the grade of score 61.5: "不合格" (a critical item failed)',
      'drills/2026-06-02-unrated.md:41:8-41:12 The recorded score empty is not what the items compute: 38.5 (grade should be "不合格")',
      'drills/2026-06-02-unrated.md:43:10-43:11 The record says 0 items are unrated; 3 are',
    ])
  })

  it('never carries a fix: lint --fix does not touch a drill record', () => {
    const findings = lintFixture(NOT_OK, { only: ['drill-score-mismatch'] })
    expect(findings.length).toBe(5)
    expect(findings.filter((f) => f.fix)).toEqual([])
  })

  it('yuanku drill score --write sets score and grade to the computed values, value spans only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-dsm-'))
    cpSync(NOT_OK, dir, { recursive: true })
    const path = join(dir, 'drills/2026-05-12-score.md')
    const before = readFileSync(path, 'utf8')
    const r = spawnSync(process.execPath, [CLI, 'drill', 'score', 'drills/2026-05-12-score.md', '--write'], { cwd: dir, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n').slice(-4)).toEqual(['已写入 drills/2026-05-12-score.md：', '  score: 90 → 75', '  grade: 优秀 → 合格', ''])
    expect(r.status).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(before.replace('\nscore: 90\n', '\nscore: 75\n').replace('\ngrade: 优秀\n', '\ngrade: 合格\n'))
    expect(lintFixture(dir, { only: ['drill-score-mismatch'] }).filter((f) => f.file === 'drills/2026-05-12-score.md')).toEqual([])
    // Without --write nothing is written.
    const timed = join(dir, 'drills/2026-05-13-timed.md')
    const timedBefore = readFileSync(timed, 'utf8')
    expect(spawnSync(process.execPath, [CLI, 'drill', 'score', 'drills/2026-05-13-timed.md'], { cwd: dir, encoding: 'utf8' }).status).toBe(1)
    expect(readFileSync(timed, 'utf8')).toBe(timedBefore)
  })

  it('--write refuses a value it cannot replace with certainty and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-dsm-'))
    cpSync(NOT_OK, dir, { recursive: true })
    const path = join(dir, 'drills/2026-05-12-score.md')
    // The grade is quoted: replacing it could change what the quotes meant, so the whole write is refused.
    writeFileSync(path, readFileSync(path, 'utf8').replace('\ngrade: 优秀\n', '\ngrade: "优秀"\n'))
    const before = readFileSync(path, 'utf8')
    const r = spawnSync(process.execPath, [CLI, 'drill', 'score', 'drills/2026-05-12-score.md', '--write'], { cwd: dir, encoding: 'utf8' })
    expect(r.stderr).toBe('drills/2026-05-12-score.md：“grade”的写法无法确定地替换，未写入；请手工修改\n')
    expect(r.status).toBe(1)
    expect(readFileSync(path, 'utf8')).toBe(before)
  })
})
