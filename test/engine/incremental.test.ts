// A warm run replays each cross-file rule's findings while what the rule read is unchanged, and skips
// reading files whose stamp is unchanged. After every kind of edit it must give exactly what a cold
// lint of the edited library gives: these edits change cross-file findings, so a stale replay shows.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateLibrary } from '../../scripts/bench/generate.ts'
import { lintLibrary } from '../../scripts/lib/engine/index.ts'
import { LintCache } from '../../scripts/lib/engine/cache.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { lint } from '../../scripts/lib/lint.ts'
import { age, findingKey, tempDir, TODAY } from './support.ts'

describe('warm runs after edits that change cross-file findings', () => {
  const dir = tempDir('yuanku-incremental-')
  const cacheDir = tempDir('yuanku-incremental-cache-')
  generateLibrary(dir, 340, 7, { corpus: 'realistic' })
  age(dir)
  const cold = () => lint(loadLibrary(dir), { today: TODAY }).findings.map(findingKey)
  const warm = async () => (await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })).result.findings.map(findingKey)
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')))

  /** Runs the edit, then checks the warm run against a cold lint and that the edit did change the findings it names. */
  async function afterEdit(change: () => void, changes: RegExp): Promise<void> {
    const before = await warm()
    change()
    const expected = cold()
    const got = await warm()
    expect(got).toEqual(expected)
    const moved = [...expected.filter((k) => !before.includes(k)), ...before.filter((k) => !expected.includes(k))]
    expect(moved.some((k) => changes.test(k))).toBe(true)
    // And once more with nothing changed: the replay of what was just worked out.
    expect(await warm()).toEqual(expected)
  }

  it('starts equal to a cold lint, with the stamps vouching for every file', async () => {
    expect(await warm()).toEqual(cold())
    const { library } = await lintLibrary(dir, { today: TODAY, cacheDir, workers: 0 })
    // Nothing was read: the plans' text is still to be read on demand.
    expect(library.plans.every((p) => typeof Object.getOwnPropertyDescriptor(p, 'text')?.get === 'function')).toBe(true)
    expect(await warm()).toEqual(cold())
  })

  it('a plan renamed that others name as parent', async () => {
    await afterEdit(() => edit('county1/county1-overall.md', (t) => t.replace('id: county1-overall\n', 'id: county1-overall-2026\n')), / unknown-parent /)
  })

  it('a frontmatter comment that moves a cross-file finding without changing the data', async () => {
    // The child's unknown-parent finding (from the rename above) points at its parents key, two lines lower now.
    await afterEdit(() => edit('county1/special/county1-flood.md', (t) => t.replace('---\n', '---\n# 修订说明\n# 2026 年修订\n')), /county1-flood\.md:\d+:\d+-\d+:\d+ unknown-parent /)
    // The same comment moved below the parents: frontmatter data and body start as they were, the finding two lines up.
    await afterEdit(
      () => edit('county1/special/county1-flood.md', (t) => t.replace('# 修订说明\n# 2026 年修订\n', '').replace('\nstatus:', '\n# 修订说明\n# 2026 年修订\nstatus:')),
      /county1-flood\.md:\d+:\d+-\d+:\d+ unknown-parent /,
    )
  })

  it('a body edit that adds a broken link, and one that moves findings down', async () => {
    await afterEdit(() => appendFileSync(join(dir, 'county1/special/county1-earthquake.md'), '\n见[附件 9](附件/不存在.md)。\n'), / broken-link /)
    await afterEdit(() => edit('county1/special/county1-earthquake.md', (t) => t.replace(/\n---\n/, '\n---\n\n说明。\n\n说明。\n')), /county1-earthquake\.md:/)
  })

  it('an annex added, edited and removed while no plan changes', async () => {
    // The link added above points at a missing annex; creating it is the only change.
    const annex = join(dir, 'county1/special/附件/不存在.md')
    await afterEdit(() => {
      mkdirSync(join(dir, 'county1/special/附件'), { recursive: true })
      writeFileSync(annex, '# 应急联系表\n\n## 值班电话\n')
    }, / broken-link /)
    // A link to a heading the annex does not have yet…
    await afterEdit(() => appendFileSync(join(dir, 'county1/special/county1-earthquake.md'), '\n联系电话见[附件](附件/不存在.md#联系电话)。\n'), / broken-link /)
    // …and the annex gains it: only the annex changed.
    await afterEdit(() => writeFileSync(annex, '# 应急联系表\n\n## 联系电话\n'), / broken-link /)
    await afterEdit(() => rmSync(annex), / broken-link /)
  })

  it('a unit renamed in the registry', async () => {
    await afterEdit(() => edit('units.yaml', (t) => t.replace(/(- \{ id: county1-yingji, name: )[^,]+/, '$1第1县应急管理局（新）')), /county1/)
  })

  it('a drill record added and a plan deleted', async () => {
    // A drill record for a plan reported as not drilled lately.
    const overdue = lint(loadLibrary(dir), { today: TODAY }).findings.find((f) => f.ruleId === 'drill-overdue' && f.planId)!
    const drill = readdirSync(join(dir, 'drills'))[0]
    await afterEdit(() => {
      const text = readFileSync(join(dir, 'drills', drill), 'utf8')
      writeFileSync(
        join(dir, 'drills', `2026-11-01-${overdue.planId}.md`),
        text.replace(/^id: [^\n]+/m, `id: drill-2026-11-01-${overdue.planId}`).replace(/^plan: [^\n]+/m, `plan: ${overdue.planId}`).replace(/^date: [^\n]+/m, 'date: 2026-11-01'),
      )
    }, / drill-overdue /)
    await afterEdit(() => rmSync(join(dir, 'city/city-overall.md')), / (unknown-parent|missing-parent|jurisdiction-without-overall) /)
  })
})

describe('stamps', () => {
  it('vouch for a file only while its stamp is unchanged and older than the run that recorded it by the racy margin', () => {
    const dir = tempDir('yuanku-stamps-')
    const first = new LintCache(dir, 'v1')
    const started = Date.now()
    first.runStarted = started
    const old = started - 60_000
    first.stamp('a.md', [10, old, old, 1], 'hash-a', false)
    // Modified a moment before the run read it: its stamp could stay the same through another edit.
    first.stamp('b.md', [10, started - 500, started - 500, 2], 'hash-b', true)
    first.save()
    const next = new LintCache(dir, 'v1')
    expect(next.vouch('a.md', [10, old, old, 1])).toEqual({ hash: 'hash-a', bom: false })
    expect(next.vouch('a.md', [11, old, old, 1])).toBeUndefined()
    expect(next.vouch('a.md', [10, old, old + 1, 1])).toBeUndefined()
    expect(next.vouch('a.md', [10, old, old, 3])).toBeUndefined()
    expect(next.vouch('b.md', [10, started - 500, started - 500, 2])).toBeUndefined()
    expect(next.vouch('c.md', [10, old, old, 4])).toBeUndefined()
    // A damaged stamps file is ignored: every file is read again.
    writeFileSync(join(dir, 'lint-cache-v1.stamps.bin'), 'damaged')
    expect(new LintCache(dir, 'v1').vouch('a.md', [10, old, old, 1])).toBeUndefined()
  })
})
