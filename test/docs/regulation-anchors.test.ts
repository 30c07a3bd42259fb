// Rule docs, schema descriptions and comments point at sections of docs/regulations.md by anchor
// (docs/regulations.md#filing). Every such anchor must exist there, as an explicit <a id> or as a heading's
// GitHub slug, so that a reader who follows the reference lands on the fact it names.
import { readFileSync } from 'node:fs'
import GithubSlugger from 'github-slugger'
import { describe, expect, it } from 'vitest'
import { rules } from '../../scripts/lib/rules/index.ts'
import { ROOT, trackedLines } from './tracked-files.ts'

const REFERENCE = /regulations\.md#([\p{L}\p{N}_-]+)/gu

function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const ids = new Set<string>()
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) ids.add(m[1])
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) ids.add(slugger.slug(m[1]))
  return ids
}

const doc = readFileSync(ROOT + 'docs/regulations.md', 'utf8')
const known = anchors(doc)

describe('references to docs/regulations.md', () => {
  it('every anchor referenced from a tracked file exists', () => {
    const missing: string[] = []
    for (const { file, line, text } of trackedLines((f) => f !== 'docs/regulations.md')) {
      for (const m of text.matchAll(REFERENCE)) if (!known.has(m[1])) missing.push(`${file}:${line}: #${m[1]}`)
    }
    expect(missing).toEqual([])
  })

  it('the rules that rest on a regulation point at the section that states it', () => {
    // The rules whose "why" depends on a regulatory fact, and the section of docs/regulations.md it is in.
    const expected: Record<string, string> = {
      'not-filed': 'filing',
      'review-overdue': 'evaluation-cycle',
      'drill-overdue': 'drill-intervals',
      'not-expert-reviewed': 'drafting',
      'level-without-commander': 'content',
      'missing-parent': 'reach',
      'coverage-gap': 'reach',
      'stale-parent': 'revision-triggers',
      'revise-after-drill': 'revision-triggers',
      'open-findings': 'drill-evaluation',
      'lead-conflict': 'reorganisation',
      'unknown-hazard': 'categories',
    }
    for (const [id, anchor] of Object.entries(expected)) {
      const rule = rules.find((r) => r.id === id)
      expect(rule, id).toBeDefined()
      for (const text of [rule!.docs.why.zh, rule!.docs.why.en]) expect(text, id).toContain(`docs/regulations.md#${anchor}`)
    }
  })

  it('a missing anchor is caught', () => {
    expect(known.has('filing')).toBe(true)
    expect(known.has('no-such-section')).toBe(false)
  })
})
