// The fast path (cache + workers) must give exactly what a plain sequential lint gives.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateLibrary } from '../../scripts/bench/generate.ts'
import { lintLibrary } from '../../scripts/lib/engine/index.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'

const TODAY = '2026-11-22'
const key = (f: Finding) => `${f.file}:${f.place.line}:${f.place.column} ${f.ruleId} ${f.message}`

function library(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-engine-'))
  generateLibrary(dir, count, 7)
  // A gap the file-scope rules find: a dissolved unit in the text of one plan.
  const units = readFileSync(join(dir, 'units.yaml'), 'utf8')
  writeFileSync(join(dir, 'units.yaml'), `${units}  - { id: old-bureau, name: 样本市安全生产监督管理局, kind: department, parent: city, aliases: [市安监局], status: dissolved, dissolved_on: 2019-01-15, replaced_by: city-yingji }\n`)
  appendFileSync(join(dir, 'city/city-overall.md'), '\n市安监局负责安全生产监督。\n')
  return dir
}

describe('lint engine', () => {
  const dir = library(340)
  const sequential = lint(loadLibrary(dir), { today: TODAY }).findings.map(key)

  it('worker threads give the same findings as a sequential run', async () => {
    const { result } = await lintLibrary(dir, { today: TODAY, workers: 2 })
    expect(result.findings.map(key)).toEqual(sequential)
    expect(sequential.some((k) => k.includes('dissolved-unit'))).toBe(true)
  })

  it('a warm cache gives the same findings, and a changed plan is re-linted', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'yuanku-cache-'))
    const cold = await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })
    expect(cold.result.findings.map(key)).toEqual(sequential)
    expect(existsSync(join(cacheDir, 'lint-cache-v1.bin'))).toBe(true)
    const warm = await lintLibrary(dir, { today: TODAY, cacheDir })
    expect(warm.result.findings.map(key)).toEqual(sequential)

    const target = join(dir, 'city/special/city-flood.md')
    const before = readFileSync(target, 'utf8')
    writeFileSync(target, `${before}\n市安监局配合。\n`)
    const changed = await lintLibrary(dir, { today: TODAY, cacheDir })
    const added = changed.result.findings.map(key).filter((k) => !sequential.includes(k))
    expect(added).toEqual([expect.stringMatching(/^city\/special\/city-flood\.md:\d+:1 dissolved-unit /)])
    writeFileSync(target, before)
  })

  it('a few changed files go to the journal; a corrupt journal is ignored; many changes rewrite the base', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'yuanku-cache-'))
    const base = join(cacheDir, 'lint-cache-v1.bin')
    const journal = join(cacheDir, 'lint-cache-v1.journal.bin')
    await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })
    const baseBytes = readFileSync(base)
    expect(existsSync(journal)).toBe(false)

    const target = join(dir, 'city/special/city-flood.md')
    const before = readFileSync(target, 'utf8')
    writeFileSync(target, `${before}\n市安监局配合。\n`)
    try {
      const changed = await lintLibrary(dir, { today: TODAY, cacheDir })
      expect(readFileSync(base).equals(baseBytes)).toBe(true)
      expect(existsSync(journal)).toBe(true)
      const again = await lintLibrary(dir, { today: TODAY, cacheDir })
      expect(again.result.findings.map(key)).toEqual(changed.result.findings.map(key))
      expect(again.result.findings.map(key).filter((k) => !sequential.includes(k))).toEqual([expect.stringMatching(/^city\/special\/city-flood\.md:\d+:1 dissolved-unit /)])

      writeFileSync(journal, 'not a journal')
      const afterCorrupt = await lintLibrary(dir, { today: TODAY, cacheDir })
      expect(afterCorrupt.result.findings.map(key)).toEqual(changed.result.findings.map(key))
    } finally {
      writeFileSync(target, before)
    }
    // A new today changes the context of every plan: the base is rewritten and the journal dropped.
    const other = await lintLibrary(dir, { today: '2026-11-23', cacheDir })
    expect(other.result.findings.length).toBeGreaterThan(0)
    expect(readFileSync(base).equals(baseBytes)).toBe(false)
    expect(existsSync(journal)).toBe(false)
  })

  it('drill records come from the cache too, and a changed record is read again', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'yuanku-cache-'))
    await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })
    const drill = join(dir, 'drills', readdirSync(join(dir, 'drills')).sort()[0])
    const before = readFileSync(drill, 'utf8')
    writeFileSync(drill, before.replace(/^score: .*$/m, 'score: 99'))
    try {
      const { result } = await lintLibrary(dir, { today: TODAY, cacheDir })
      const fresh = lint(loadLibrary(dir), { today: TODAY }).findings.map(key)
      expect(result.findings.map(key)).toEqual(fresh)
      expect(fresh.some((k) => k.includes('drill-score-mismatch'))).toBe(true)
    } finally {
      writeFileSync(drill, before)
    }
  })

  it('a rule that is off is not worked out ahead, and --rule still runs it on a warm cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'yuanku-cache-'))
    const only = ['no-time-limit']
    const expected = lint(loadLibrary(dir), { today: TODAY, only }).findings.map(key)
    expect(expected.length).toBeGreaterThan(0)
    expect(sequential.some((k) => k.includes('no-time-limit'))).toBe(false)
    await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })
    const warm = await lintLibrary(dir, { today: TODAY, cacheDir, only })
    expect(warm.result.findings.map(key)).toEqual(expected)
    const inWorkers = await lintLibrary(dir, { today: TODAY, only, workers: 2 })
    expect(inWorkers.result.findings.map(key)).toEqual(expected)
  })

  it('a corrupt or foreign cache is ignored and rebuilt', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'yuanku-cache-'))
    writeFileSync(join(cacheDir, 'lint-cache-v1.bin'), 'garbage that is not a cache')
    const first = await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })
    expect(first.result.findings.map(key)).toEqual(sequential)
    const { serialize } = await import('node:v8')
    writeFileSync(join(cacheDir, 'lint-cache-v1.bin'), serialize({ magic: 'yuanku-lint-cache', version: '0.0.0-other', entries: new Map([['x', { poisoned: true }]]) }))
    const second = await lintLibrary(dir, { today: TODAY, cacheDir })
    expect(second.result.findings.map(key)).toEqual(sequential)
  })
})
