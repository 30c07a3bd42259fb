// A cached lint in Chinese followed by one with --locale en must word every finding in English: the
// per-plan results in the cache were keyed without the locale, and repealed-basis puts the current
// version's description, worded in the run's language, into a finding's data.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { lintLibrary } from '../../scripts/lib/engine/index.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'

const TODAY = '2026-11-22'
const dir = mkdtempSync(join(tmpdir(), 'yuanku-locale-switch-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const line = (f: Finding) => `${f.file}:${f.place.line}:${f.place.column} ${f.ruleId} ${f.message}`

it('a run with --locale en after a cached run in Chinese gives what an uncached English run gives', async () => {
  const cacheDir = join(dir, 'cache')
  const zh = await lintLibrary('plans', { today: TODAY, cacheDir, workers: 0 })
  const en = await lintLibrary('plans', { today: TODAY, cacheDir, workers: 0, locale: 'en' })
  const expected = lint(loadLibrary('plans'), { today: TODAY, locale: 'en' }).findings.map(line)
  expect(en.result.findings.map(line)).toEqual(expected)
  // The library has the finding whose data carries wording of its own.
  const repealed = en.result.findings.filter((f) => f.ruleId === 'repealed-basis' && / version /.test(f.message))
  expect(repealed.length).toBeGreaterThan(0)
  for (const f of repealed) expect(f.message).not.toMatch(/[\u4e00-\u9fff]{2,}版/)
  expect(zh.result.findings.map(line)).not.toEqual(expected)
})
