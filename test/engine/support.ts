// What the engine tests share: a finding as one comparable line, temporary folders, and aged files.
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import type { Finding } from '../../scripts/lib/model/finding.ts'

export const TODAY = '2026-11-22'

/** A finding as one line: place, rule, message and the place of its cause. */
export const findingKey = (f: Finding) => `${f.file}:${f.place.line}:${f.place.column}-${f.place.endLine}:${f.place.endColumn} ${f.ruleId} ${f.message}${f.cause ? ` ← ${f.cause.file}:${f.cause.place.line}:${f.cause.place.column}` : ''}`

/** A temporary folder, removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Sets every file's modification time an hour back, so that the cache may vouch for them by their stamps. */
export function age(dir: string): void {
  const past = new Date(Date.now() - 3_600_000)
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), past, past)
  }
}
