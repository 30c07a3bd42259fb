// Writes never tear a user's file: a write killed halfway leaves the original intact, and new files
// are never clobbered.
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileAtomic, writeFileAtomic } from '../../scripts/lib/fs/atomic.ts'

const ATOMIC = new URL('../../scripts/lib/fs/atomic.ts', import.meta.url).pathname

describe('atomic writes', () => {
  it('replaces content and keeps the file mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-atomic-'))
    const file = join(dir, 'plan.md')
    writeFileSync(file, 'old')
    chmodSync(file, 0o640)
    writeFileAtomic(file, '新内容')
    expect(readFileSync(file, 'utf8')).toBe('新内容')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['plan.md'])
  })

  it('createFileAtomic refuses to overwrite and leaves the existing file alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-atomic-'))
    const file = join(dir, 'drill.md')
    writeFileSync(file, 'evaluator A')
    expect(() => createFileAtomic(file, 'evaluator B')).toThrow(/EEXIST/)
    expect(readFileSync(file, 'utf8')).toBe('evaluator A')
    expect(readdirSync(dir)).toEqual(['drill.md'])
    createFileAtomic(join(dir, 'new.md'), 'x')
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('x')
  })

  it('a writer killed halfway leaves the original intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-atomic-'))
    const file = join(dir, 'plan.md')
    const original = '---\nid: keep-me\n---\n# 原文\n'
    writeFileSync(file, original)
    const marker = join(dir, 'started')
    // The child writes ~400 MB through writeFileAtomic; we kill it while it is still writing.
    const script = `import { writeFileSync } from 'node:fs'; import { writeFileAtomic } from ${JSON.stringify(ATOMIC)}; const data = Buffer.alloc(400 * 1024 * 1024, 65); writeFileSync(${JSON.stringify(marker)}, ''); writeFileAtomic(${JSON.stringify(file)}, data)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' })
    while (!readdirSync(dir).includes('started')) await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 40))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    expect(readFileSync(file, 'utf8')).toBe(original)
    // The half-written data went to a temp file beside it, never into the plan.
    expect(readdirSync(dir).some((n) => n.startsWith('.plan.md.') && n.endsWith('.tmp'))).toBe(true)
  })
})
