// A plan's frontmatter is plain data. Anchors (even unused), aliases and explicit tags are refused where
// they are written, so that nothing a YAML loader could expand or construct ever reaches the model.
import { describe, expect, it } from 'vitest'
import { readFrontmatter } from '../../scripts/lib/load/frontmatter.ts'

const issuesOf = (text: string) =>
  readFrontmatter(text).issues.map((i) => ('start' in i ? `${i.kind} ${JSON.stringify(text.slice(i.start, i.end))}` : i.kind))

describe('YAML features a plan has no use for', () => {
  it('an anchor is refused at the anchor, even when no alias uses it', () => {
    expect(issuesOf('---\nid: &x b\ntitle: 标题\n---\n')).toEqual(['alias "&x"'])
  })
  it('an alias is refused at the alias (its anchor is not reported a second time)', () => {
    expect(issuesOf('---\nid: &x b\ntitle: *x\n---\n')).toEqual(['alias "*x"'])
  })
  it('explicit tags are refused at the tag, whatever they would construct', () => {
    expect(issuesOf('---\nid: a\ntitle: !!js/function "function(){}"\nunits: !custom {a: 1}\nversion: !!str 2024\n---\n')).toEqual([
      'tag "!!js/function"',
      'tag "!custom"',
      'tag "!!str"',
    ])
  })
  it('plain values are not tags: strings with ! inside them, quoted ! at the start', () => {
    expect(issuesOf('---\nid: a\ntitle: "!重要预案"\nversion: 2024版!\n---\n')).toEqual([])
  })
})
