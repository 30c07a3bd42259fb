import { createHash } from 'node:crypto'

const keys = new WeakMap<object, string>()

/**
 * A short key for a file's content, once per file object: for RuleContext.memo keys. SHA-1 of the
 * text, unless the lint engine seeded the hash of the file's bytes it computed already (either way the
 * key is a function of the content alone; only the cache compares keys, and it always gets seeded ones).
 */
export function contentKey(file: { text: string }): string {
  observer?.(file)
  let key = keys.get(file)
  if (key === undefined) keys.set(file, (key = createHash('sha1').update(file.text).digest('base64url')))
  return key
}

let observer: ((file: object) => void) | undefined

/**
 * Lets the lint engine see which files' contents a rule keyed a memo by: a key stands for the content,
 * so asking for it counts as reading the file.
 */
export function observeContentKeys(fn: ((file: object) => void) | undefined): void {
  observer = fn
}

export function seedContentKey(file: object, key: string): void {
  keys.set(file, key)
}

/** One key for a list of files in order, with their paths: for a memo of a whole-library outcome. */
export function contentKeyOfAll(files: { path: string; text: string }[]): string {
  const hash = createHash('sha1')
  for (const file of files) hash.update(`${file.path}\u0000${contentKey(file)}\n`)
  return hash.digest('base64url')
}
