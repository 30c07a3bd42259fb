// A warm run that takes the cross-file findings from the cache runs no rule, so it reads none of the rules'
// memos (unknown-parent's did-you-mean, for one). Those memos must survive it: dropping them rewrote the
// whole cache file on that run and made the next edit recompute them (10 s at 10,000 plans).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { LintCache } from '../../scripts/lib/engine/cache.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

it('keeps the memos of a context still in use through a run that reads none of them, and drops those of an old context', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-memos-'))
  dirs.push(dir)
  const first = new LintCache(dir, 'v1')
  for (let i = 0; i < 200; i++) first.memo('ctx-a', 'unknown-parent').set(`missing-${i}`, `suggestion-${i}`)
  first.memo('ctx-a', 'findings:all').set('fingerprint', ['finding'])
  first.save()
  const file = join(dir, 'lint-cache-v1.bin')
  const written = statSync(file).mtimeMs

  // The warm run: only the cross-file findings memo is read, nothing is set.
  const warm = new LintCache(dir, 'v1')
  expect(warm.memo('ctx-a', 'findings:all').get('fingerprint')).toEqual(['finding'])
  warm.save()
  expect(statSync(file).mtimeMs).toBe(written)

  const next = new LintCache(dir, 'v1')
  expect(next.memo('ctx-a', 'unknown-parent').get('missing-7')).toBe('suggestion-7')

  // A run in another context (settings or registry changed) no longer keeps them.
  const other = new LintCache(dir, 'v1')
  other.memo('ctx-b', 'findings:all').set('fingerprint', [])
  other.save()
  const later = new LintCache(dir, 'v1')
  expect(later.memo('ctx-a', 'unknown-parent').get('missing-7')).toBeUndefined()
})
