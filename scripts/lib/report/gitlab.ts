import { createHash } from 'node:crypto'
import type { Finding } from '../model/finding.ts'
import type { FormatContext } from './stylish.ts'

/**
 * GitLab's code-quality report (a subset of the Code Climate format): GitLab shows the findings in the
 * merge request, beside the changed lines. Paths are as shown to the user, so run lint from the top of the
 * repository. The fingerprint leaves out the line so that a finding keeps its identity when text above
 * it moves, and GitLab does not report it as new.
 */
export function formatGitlab(findings: Finding[], ctx: FormatContext): string {
  const seen = new Map<string, number>()
  const out = findings.map((f) => {
    const path = ctx.displayPath(f.file)
    const key = `${f.ruleId}\0${path}\0${f.message}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    return {
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      categories: ['Bug Risk'],
      severity: f.severity === 'error' ? 'major' : 'minor',
      fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex'),
      location: { path, lines: { begin: f.place.line, end: f.place.endLine } },
    }
  })
  return `${JSON.stringify(out, null, 2)}\n`
}
