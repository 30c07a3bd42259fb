// Revision history of every plan from one `git log --name-only` pass over the library (never one git call per
// file: 10,000 plans would mean 10,000 processes). No Git, no repository, or an unreadable log → no history.
import { spawnSync } from 'node:child_process'

export interface Revision {
  hash: string
  author: string
  /** ISO 8601 author date. */
  date: string
  subject: string
}

const RS = '\x1e'
const US = '\x1f'

/** Library-relative path → revisions touching it, newest first. */
export function readGitHistory(root: string, options: { maxPerFile?: number } = {}): Map<string, Revision[]> {
  const history = new Map<string, Revision[]>()
  let out: ReturnType<typeof spawnSync>
  try {
    out = spawnSync('git', ['-c', 'core.quotepath=off', 'log', '--no-merges', '--relative', '--name-only', `--format=${RS}%H${US}%an${US}%aI${US}%s`, '--', '.'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
  } catch {
    return history
  }
  if (out.status !== 0 || typeof out.stdout !== 'string') return history
  const max = options.maxPerFile ?? 50
  for (const chunk of out.stdout.split(RS)) {
    if (!chunk.trim()) continue
    const [head, ...files] = chunk.split('\n')
    const [hash, author, date, subject] = head.split(US)
    if (!hash || !date) continue
    const revision = { hash, author: author ?? '', date, subject: subject ?? '' }
    for (const file of files) {
      const path = file.trim()
      if (!path.endsWith('.md')) continue
      const list = history.get(path) ?? []
      if (list.length < max) list.push(revision)
      history.set(path, list)
    }
  }
  return history
}
