// A run with nothing changed since the last one replays its findings from a small file of their own:
// it reads the stamps, the settings and the findings, not the cache's entries (tens of MB at 10,000 plans).
// The library it returns still has every plan, built when asked for.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateLibrary } from '../../scripts/bench/generate.ts'
import { lintLibrary } from '../../scripts/lib/engine/index.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { age, findingKey, tempDir, TODAY } from './support.ts'

describe('a run with nothing changed', () => {
  const dir = tempDir('yuanku-replay-')
  const cacheDir = tempDir('yuanku-replay-cache-')
  const generated = generateLibrary(dir, 120, 11, { corpus: 'realistic' })
  age(dir)
  const base = join(cacheDir, 'lint-cache-v1.bin')
  const cold = (today = TODAY) => lint(loadLibrary(dir), { today }).findings.map(findingKey)
  const warm = async (today = TODAY) => lintLibrary(dir, { today, cacheDir, workers: 0 })

  it('replays the first run\'s findings without reading the cache entries, and builds the plans on demand', async () => {
    const first = await warm()
    expect(first.result.findings.length).toBeGreaterThan(100)
    expect(existsSync(join(cacheDir, 'lint-cache-v1.result.bin'))).toBe(true)
    // The entries are gone: a run that needed them would parse every plan again and write a new base.
    rmSync(base)
    const again = await warm()
    expect(again.result.findings.map(findingKey)).toEqual(cold())
    expect(existsSync(base)).toBe(false)
    expect(again.library.plans).toHaveLength(generated.plans)
    expect(again.library.planById.get('city-overall')?.data.title).toBe(first.library.planById.get('city-overall')?.data.title)
    expect(again.library.drills.length).toBe(first.library.drills.length)
  })

  it('lints again when a plan, today or the settings differ from the last run', async () => {
    const victim = join(dir, 'city/city-overall.md')
    writeFileSync(victim, readFileSync(victim, 'utf8').replace(/\nstatus: \w+/, '\nstatus: 作废'))
    const edited = await warm()
    expect(edited.result.findings.map(findingKey)).toEqual(cold())
    expect(edited.result.findings.some((f) => f.file === 'city/city-overall.md' && f.ruleId === 'schema')).toBe(true)
    expect((await warm('2031-06-30')).result.findings.map(findingKey)).toEqual(cold('2031-06-30'))
    expect((await warm()).result.findings.map(findingKey)).toEqual(cold())
    const settings = join(dir, 'library.yaml')
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('locale: zh-CN', 'locale: en'))
    const english = await warm()
    expect(english.result.findings.map(findingKey)).toEqual(cold())
    expect(english.result.findings.map((f) => f.message)).not.toEqual(edited.result.findings.map((f) => f.message))
  })

  it('lints as usual when the last result is damaged: cut short, or not ours', async () => {
    const result = join(cacheDir, 'lint-cache-v1.result.bin')
    await warm()
    const whole = readFileSync(result)
    writeFileSync(result, whole.subarray(0, whole.length - 1000))
    expect((await warm()).result.findings.map(findingKey)).toEqual(cold())
    writeFileSync(result, 'yuanku-lint-cache result\nnot a key\n')
    expect((await warm()).result.findings.map(findingKey)).toEqual(cold())
    writeFileSync(result, whole.subarray(0, 40))
    expect((await warm()).result.findings.map(findingKey)).toEqual(cold())
  })
})
