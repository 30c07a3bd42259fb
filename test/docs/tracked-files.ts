// The repository's tracked text files, line by line, for tests that check what the repository says about
// itself. Git decides what is tracked; node_modules and build output (dist) are skipped in case they were
// ever added, and binary files (a NUL byte) are not read as text.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface TrackedLine {
  file: string
  line: number
  text: string
}

export function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((f) => f && !/(^|\/)(node_modules|dist)\//.test(f))
}

/** Every line of every tracked text file for which `keep(file)` holds. */
export function* trackedLines(keep: (file: string) => boolean = () => true): Generator<TrackedLine> {
  for (const file of trackedFiles()) {
    if (!keep(file)) continue
    let text: string
    try {
      text = readFileSync(ROOT + file, 'utf8')
    } catch {
      continue // listed by git but deleted in the working tree
    }
    if (text.includes('\0')) continue
    const lines = text.split(/\r?\n/)
    for (let i = 0; i < lines.length; i++) yield { file, line: i + 1, text: lines[i] }
  }
}
