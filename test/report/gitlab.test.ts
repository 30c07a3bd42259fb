// GitLab's code-quality report: the fields GitLab reads, and fingerprints that survive moved lines.
import { describe, expect, test } from 'vitest'
import { formatGitlab } from '../../scripts/lib/report/gitlab.ts'
import type { Finding } from '../../scripts/lib/model/finding.ts'

const finding = (line: number, message = '缺少必备章节“总则”'): Finding => ({
  ruleId: 'required-section',
  severity: 'error',
  message,
  file: 'city/flood.md',
  place: { line, column: 1, endLine: line, endColumn: 5 },
})
const ctx = { locale: 'zh-CN' as const, displayPath: (f: string) => `plans/${f}` }

describe('--format gitlab', () => {
  test('one issue per finding with the rule, message, severity and repository-relative place', () => {
    const [issue] = JSON.parse(formatGitlab([finding(23)], ctx))
    expect(issue).toEqual({
      type: 'issue',
      check_name: 'required-section',
      description: '缺少必备章节“总则”',
      categories: ['Bug Risk'],
      severity: 'major',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      location: { path: 'plans/city/flood.md', lines: { begin: 23, end: 23 } },
    })
    expect(JSON.parse(formatGitlab([{ ...finding(1), severity: 'warn' }], ctx))[0].severity).toBe('minor')
  })

  test('a finding keeps its fingerprint when text above it moves; equal findings get distinct ones', () => {
    const before = JSON.parse(formatGitlab([finding(23)], ctx))[0].fingerprint
    const after = JSON.parse(formatGitlab([finding(30)], ctx))[0].fingerprint
    expect(after).toBe(before)
    const twice = JSON.parse(formatGitlab([finding(23), finding(40)], ctx)).map((i: { fingerprint: string }) => i.fingerprint)
    expect(new Set(twice).size).toBe(2)
  })
})
