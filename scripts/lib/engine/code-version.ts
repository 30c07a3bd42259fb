// The lint cache holds what the rules and the loader computed; a tool version alone does not change when
// a checkout's rules do (a developer's edit, a branch switch, a patched install), and a cache of another
// rule's results would then be trusted. Its key therefore includes a hash of the code that computes them.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { version } from '../version.ts'

let memo: string | undefined

function hashTree(dir: string, rel: string, hash: ReturnType<typeof createHash>): void {
  let names: string[]
  try {
    names = readdirSync(join(dir, rel)).sort()
  } catch {
    return
  }
  for (const name of names) {
    const path = rel ? `${rel}/${name}` : name
    if (/\.(?:[cm]?[jt]s|json)$/.test(name)) {
      hash.update(`${path}\u0000`).update(readFileSync(join(dir, path))).update('\u0000')
    } else if (!name.includes('.')) hashTree(dir, path, hash)
  }
}

/** Tool version plus a hash of the core's code (scripts/lib, or its compiled copy), the JSON Schemas and data/. */
export function codeVersion(): string {
  const lib = fileURLToPath(new URL('..', import.meta.url))
  // data/: the catalogue of cited documents that repealed-basis and stale-parent read.
  memo ??= `${version}+${hashOfFolders([lib, join(lib, '../../schema'), join(lib, '../../data')])}`
  return memo
}

/** A short hash of the code and JSON files under the folders (names and contents). */
export function hashOfFolders(dirs: string[]): string {
  const hash = createHash('sha1')
  for (const dir of dirs) hashTree(dir, '', hash)
  return hash.digest('base64url').slice(0, 16)
}
