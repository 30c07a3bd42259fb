// Writes never tear a user's file: a write killed halfway leaves the original intact, and new files
// are never clobbered.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
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

  // A preload records every open/fsync/rename/link of the child process (Node's builtin ESM exports are
  // synced, so atomic.ts's named imports see the wrappers): the directory must be synced after the
  // rename, or a power cut can bring back the old file although the call returned.
  const TRACE = `
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
const log = []
const { openSync, fsyncSync, renameSync, linkSync, writeFileSync } = fs
const names = new Map()
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(fs, path, ...rest)
  names.set(fd, String(path))
  log.push(['open', String(path)])
  return fd
}
fs.fsyncSync = function (fd) {
  log.push(['fsync', names.get(fd)])
  return fsyncSync.call(fs, fd)
}
fs.renameSync = function (from, to) {
  log.push(['rename', String(to)])
  return renameSync.call(fs, from, to)
}
fs.linkSync = function (from, to) {
  log.push(['link', String(to)])
  return linkSync.call(fs, from, to)
}
syncBuiltinESMExports()
process.on('exit', () => writeFileSync(process.env.TRACE_OUT, JSON.stringify(log)))
`

  function trace(call: string): { dir: string; steps: string[][] } {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-atomic-'))
    const preload = join(dir, 'trace.mjs')
    writeFileSync(preload, TRACE)
    const out = join(dir, 'trace.json')
    const work = join(dir, 'lib')
    mkdirSync(work)
    writeFileSync(join(work, 'plan.md'), 'old')
    const script = `import { writeFileAtomic, createFileAtomic } from ${JSON.stringify(ATOMIC)}; ${call.replaceAll('DIR', JSON.stringify(work))}`
    const r = spawnSync(process.execPath, ['--import', preload, '--input-type=module', '-e', script], { env: { ...process.env, TRACE_OUT: out }, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    const steps = (JSON.parse(readFileSync(out, 'utf8')) as string[][]).filter(([, p]) => p?.startsWith(work))
    return { dir: work, steps: steps.map(([op, p]) => [op, p === work ? '<dir>' : p.endsWith('.tmp') ? '<tmp>' : p.slice(work.length + 1)]) }
  }

  it('writeFileAtomic syncs the data, renames, then syncs the folder', () => {
    const { dir, steps } = trace(`writeFileAtomic(DIR + '/plan.md', 'new')`)
    expect(steps).toEqual([
      ['open', '<tmp>'],
      ['fsync', '<tmp>'],
      ['rename', 'plan.md'],
      ['open', '<dir>'],
      ['fsync', '<dir>'],
    ])
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('new')
  })

  it('createFileAtomic syncs the folder after linking the new name', () => {
    const { dir, steps } = trace(`createFileAtomic(DIR + '/drill.md', 'new')`)
    expect(steps).toEqual([
      ['open', '<tmp>'],
      ['fsync', '<tmp>'],
      ['link', 'drill.md'],
      ['open', '<dir>'],
      ['fsync', '<dir>'],
    ])
    expect(readdirSync(dir).sort()).toEqual(['drill.md', 'plan.md'])
  })
})
