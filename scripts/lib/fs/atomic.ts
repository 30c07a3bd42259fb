import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync, linkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

function writeTemp(target: string, data: string | Uint8Array, mode?: number): string {
  const tmp = tempPath(target)
  const fd = openSync(tmp, 'wx', mode ?? 0o644)
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return tmp
}

/**
 * Writes a file so that readers see either the old or the new content, never a torn one:
 * temp file in the same folder, fsync, rename. The original keeps its mode.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  let mode = options.mode
  if (mode === undefined) {
    try {
      mode = statSync(target).mode & 0o777
    } catch {
      mode = undefined
    }
  }
  const tmp = writeTemp(target, data, mode)
  try {
    renameSync(tmp, target)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}

/** Creates a new file atomically and refuses to replace an existing one (link(2) fails on EEXIST). */
export function createFileAtomic(target: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  const tmp = writeTemp(target, data, options.mode)
  try {
    linkSync(tmp, target)
  } finally {
    rmSync(tmp, { force: true })
  }
}
