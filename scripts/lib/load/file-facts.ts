// What a rule learnt from the file system beyond the library's plans: whether a linked file exists, which
// files a folder holds, what an annex says. The lint cache replays a rule's findings only while every such
// fact still holds (engine/index.ts), so adding, removing or editing an annex re-runs broken-link even
// when no plan changed. Recorded by whoever observes, like the content reads of content-reads.ts.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'

export type FileFactKind = 'exists' | 'listing' | 'content'
/** A fact as observed: its kind, the absolute path, and what was found. */
export type FileFact = [kind: FileFactKind, path: string, value: string]

let observer: ((fact: FileFact) => void) | undefined

export function observeFileFacts(fn: ((fact: FileFact) => void) | undefined): void {
  observer = fn
}

/** What the file system says now about a fact of this kind and path. */
export function factValue(kind: FileFactKind, path: string): string {
  try {
    if (kind === 'exists') return existsSync(path) ? '1' : '0'
    if (kind === 'listing') return readdirSync(path).sort().join('\n')
    return createHash('sha1').update(readFileSync(path)).digest('base64url')
  } catch {
    return '-'
  }
}

/** Whether the file or folder exists, noted as a fact. */
export function fileExists(path: string): boolean {
  const value = factValue('exists', path)
  observer?.(['exists', path, value])
  return value === '1'
}

/** The names in a folder (undefined when it cannot be read), noted as a fact. */
export function folderNames(path: string): string[] | undefined {
  const value = factValue('listing', path)
  observer?.(['listing', path, value])
  return value === '-' ? undefined : value === '' ? [] : value.split('\n')
}

/** Notes that a rule used the content of a file outside the plans (its hash is taken now). */
export function noteFileContent(path: string): void {
  if (observer) observer(['content', path, factValue('content', path)])
}
