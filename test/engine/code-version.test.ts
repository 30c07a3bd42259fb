// A lint cache written by other rules must not be trusted: its key follows the code, not only the version.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeVersion, hashOfFolders } from '../../scripts/lib/engine/code-version.ts'
import { version } from '../../scripts/lib/version.ts'

describe('cache key of the code', () => {
  it('changes when a rule file or a schema changes, and not otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-code-'))
    mkdirSync(join(dir, 'rules'))
    writeFileSync(join(dir, 'rules/a.ts'), 'export default 1\n')
    writeFileSync(join(dir, 'plan.schema.json'), '{}')
    const before = hashOfFolders([dir])
    expect(hashOfFolders([dir])).toBe(before)
    writeFileSync(join(dir, 'rules/a.ts'), 'export default 2\n')
    const edited = hashOfFolders([dir])
    expect(edited).not.toBe(before)
    writeFileSync(join(dir, 'plan.schema.json'), '{"type":"object"}')
    expect(hashOfFolders([dir])).not.toBe(edited)
  })

  it('starts with the tool version', () => {
    expect(codeVersion().startsWith(`${version}+`)).toBe(true)
  })
})
