import { isAbsolute, relative, sep } from 'node:path'

/** Is `path` inside `dir` (or `dir` itself)? A name like `..notes` inside is still inside. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
}

/** Inside the working folder a path is shown relative to it; outside, absolute (a `../../x` helps nobody). */
export function displayPathFrom(cwd: string): (abs: string) => string {
  return (abs) => (isInside(cwd, abs) ? relative(cwd, abs) || '.' : abs)
}
