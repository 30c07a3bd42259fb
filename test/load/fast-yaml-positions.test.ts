// Findings on plain frontmatter are placed from the fast path's positions, without the positioned `yaml`
// parse: every key and value must land exactly where `yaml` puts it, or the fast path must step aside.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fastYaml, type Positions } from '../../scripts/lib/load/fast-yaml.ts'
import { parseYamlBlock, rangeAt, type Frontmatter, type YamlPath } from '../../scripts/lib/load/frontmatter.ts'
import { generateLibrary } from '../../scripts/bench/generate.ts'
import { yamlTexts } from './yaml-texts.ts'

/** Every path of the data, plus paths one step past each (a missing key, an index past the end). */
function paths(value: unknown, prefix: YamlPath = [], out: YamlPath[] = []): YamlPath[] {
  out.push([...prefix, 'missing'], [...prefix, 99])
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([...prefix, k]), paths(v, [...prefix, k], out)
  return out
}

/** The ranges of every path by both ways, as `path which: start-end` lines; undefined when the fast path steps aside. */
function compare(text: string, base = 7): { fast: string[]; full: string[] } | undefined {
  const positions: Positions = new Map()
  const data = fastYaml(text, positions)
  if (!data) return undefined
  const full = parseYamlBlock(text, base).frontmatter!
  const fast: Frontmatter = { fenceStart: 0, yamlStart: base, yamlEnd: base + text.length, positions, doc: full.doc }
  const lines = (fm: Frontmatter) => paths(data).flatMap((p) => (['key', 'value'] as const).map((w) => `${JSON.stringify(p)} ${w}: ${rangeAt(fm, p, w).join('-')}`))
  return { fast: lines(fast), full: lines(full) }
}

describe('fast-path positions', () => {
  it('equal yaml’s on the fixtures, the example library and a generated library', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-fast-positions-'))
    generateLibrary(dir, 60, undefined, { corpus: 'realistic', findingsPerPlan: 15 })
    const texts = [...yamlTexts(new URL('..', import.meta.url).pathname), ...yamlTexts(new URL('../../plans', import.meta.url).pathname), ...yamlTexts(dir)]
    let compared = 0
    for (const text of texts) {
      const r = compare(text)
      if (!r) continue
      compared++
      expect(r.fast, text).toEqual(r.full)
    }
    // Most of them take the fast path (else this test would prove little).
    expect(compared).toBeGreaterThan(texts.length / 2)
  })

  it('equal yaml’s on shapes a hand-written file may have', () => {
    const texts = [
      'a: 1\nb:\nc: x  \n',
      'a:\n  - x\n  - y\n\nb: 2\n',
      'a:\n- x\n- { k: v, l: [1, 2] }\n',
      'm:\n  k: 1\n  # note\n  j:\n    - p: 1\n      q:   two\n\n    - p: 2\nz: end',
      'list: [ a ,  b  , { c:  d } ]\nempty: {}\nnone: []\n',
      "q: 'it''s'\nd: \"x y\"   \n",
      'units:\n  - unit: a\n    duties:\n      - 组织\n  - unit: b\n',
    ]
    for (const text of texts) {
      const r = compare(text)
      expect(r, text).toBeDefined()
      expect(r!.fast, text).toEqual(r!.full)
    }
  })

  it('equal yaml’s on arbitrary line soups the fast path accepts', () => {
    const atom = fc.constantFrom('a', 'b', 'id', 'x_1', '示例', '1', '-2', 'true', 'null', '~', "'q'", '"d"', '[a, b]', '{ a: 1 }', '[]', '{}', '', '[a, [b, c]]', '{ a: [b, "c, d"], e: {} }', '{ a: { b: 1 } }', '[a, ]')
    const line = fc.tuple(fc.constantFrom('', '  ', '    ', '- ', '  - ', '    - '), atom, fc.constantFrom(': ', ':', ':  ', ''), atom, fc.constantFrom('', ' ', '\n')).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const r = compare(lines.join('\n'))
        if (r) expect(r.fast).toEqual(r.full)
      }),
      { numRuns: 3000 },
    )
  })
})
