// The Markdown fast path against CommonMark's own examples (the commonmark-spec package, every example of
// the spec) and against copies with Chinese text and Unicode spaces put in: wherever parseSimpleMarkdown
// returns a tree it must be exactly the tree of the full remark pipeline (positions included), otherwise it
// must return undefined and hand over.
import { createRequire } from 'node:module'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseMarkdownFull } from '../../scripts/lib/load/markdown.ts'
import { parseSimpleMarkdown } from '../../scripts/lib/load/simple-markdown.ts'

const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; example: number; section: string }[] }

function agreeOrHandOver(text: string): 'fast' | 'handed-over' {
  const fast = parseSimpleMarkdown(text)
  if (fast === undefined) return 'handed-over'
  const full = parseMarkdownFull(text)
  if (!isDeepStrictEqual(fast, full)) expect(fast, JSON.stringify(text)).toStrictEqual(full)
  return 'fast'
}

const CHINESE = ['应急', '预案', '示例市应急管理局', '防汛抗旱', '值班']
const SPACES = ['\u3000', '\u00a0', '\u2002', '\u205f', '\u1680', '\u202f']

/** The example with every ASCII word replaced by Chinese text (the Markdown syntax around it stays). */
function chinese(markdown: string, k: number): string {
  let i = k
  return markdown.replace(/[A-Za-z]+/g, () => CHINESE[i++ % CHINESE.length])
}

describe('parseSimpleMarkdown against the CommonMark spec examples', () => {
  it('covers the whole spec', () => {
    expect(tests.length).toBeGreaterThan(600)
  })

  it('agrees with remark on every example it accepts and hands the rest over', () => {
    let fast = 0
    for (const t of tests) if (agreeOrHandOver(t.markdown) === 'fast') fast++
    expect(fast).toBeGreaterThan(10)
  })

  it('agrees or hands over on every example with Chinese text substituted, with and without frontmatter', () => {
    let fast = 0
    for (const t of tests) {
      for (let k = 0; k < CHINESE.length; k++) {
        const text = chinese(t.markdown, k)
        if (agreeOrHandOver(text) === 'fast') fast++
        if (agreeOrHandOver(`---\nid: a\n---\n${text}`) === 'fast') fast++
      }
    }
    expect(fast).toBeGreaterThan(100)
  })

  it('agrees or hands over with Unicode spaces at the start and end of every line', () => {
    let fast = 0
    for (const t of tests) {
      const text = chinese(t.markdown, t.example)
      for (const space of SPACES) {
        for (const v of [text.replace(/^/gm, space), text.replace(/$/gm, space), text.replace(/^(#+ )/gm, `$1${space}`), text.replace(/([^\n])$/gm, `$1${space}${space}`)]) {
          if (agreeOrHandOver(v) === 'fast') fast++
        }
      }
    }
    expect(fast).toBeGreaterThan(100)
  })
})
