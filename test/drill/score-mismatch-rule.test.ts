// drill-score-mismatch beyond expected.txt: English messages and the --fix edit of the score.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findingLine, lintFixture } from '../helpers/library.ts'

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

  it('fixes the score value with the recomputed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-dsm-'))
    cpSync(NOT_OK, dir, { recursive: true })
    const findings = lintFixture(dir, { only: ['drill-score-mismatch'] })
    const scoreFinding = findings.find((f) => f.file === 'drills/2026-05-12-score.md')!
    expect(scoreFinding.fix).toEqual({ start: expect.any(Number), end: expect.any(Number), text: '75' })
    const path = join(dir, scoreFinding.file)
    const text = readFileSync(path, 'utf8')
    expect(text.slice(scoreFinding.fix!.start, scoreFinding.fix!.end)).toBe('90')
    writeFileSync(path, text.slice(0, scoreFinding.fix!.start) + scoreFinding.fix!.text + text.slice(scoreFinding.fix!.end))
    // The grade 优秀 was wrong too: once the score is right, the grade is what is left.
    expect(lintFixture(dir, { only: ['drill-score-mismatch'] }).filter((f) => f.file === scoreFinding.file).map(findingLine)).toEqual([
      'drills/2026-05-12-score.md:43:8-43:10 记录的等级“优秀”与得分 75 对应的等级“合格”不符',
    ])
  })
})
