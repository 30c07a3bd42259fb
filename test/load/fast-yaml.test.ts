// The frontmatter fast path must give exactly the data `yaml` gives, or step aside (undefined).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'yaml'
import { fastYaml } from '../../scripts/lib/load/fast-yaml.ts'
import { generateLibrary } from '../../scripts/bench/generate.ts'
import { yamlTexts } from './yaml-texts.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

const full = (text: string) => parse(text, { uniqueKeys: true, strict: true })

describe('fastYaml', () => {
  it('reads the plain subset exactly as yaml does', () => {
    const text = [
      'id: shili-flood',
      'title: 示例市防汛抗旱应急预案',
      'version: 2025版',
      'count: 12',
      'share: 0.5',
      'exp: 1e3',
      'neg: -7',
      'flag: true',
      'off: FALSE',
      'nothing:',
      'tilde: ~',
      "quoted: 'it''s'",
      'dq: "a: b"',
      'url: https://example.org/a?b=c',
      'list: [a, 2, "x y", null]',
      'empty: []',
      'map: { a: 1, b: two }',
      'nested: [[1, 2], { a: [x, "y, z"] }, {}]',
      "unit: { id: u1, name: 样本市应急管理局, aliases: [市应急管理局, '市''应急局'], high_risk: true }",
      'dates:',
      '  published: 2025-04-20',
      'units:',
      '  - unit: a',
      '    duties:',
      '      - 组织抢险',
      '  - unit: b',
      '    duties:',
      '    - 监测',
      'parents:',
      '- plan: x',
      '# a comment line',
      'last: 值, 含逗号',
    ].join('\n')
    const data = fastYaml(text)
    expect(data).toEqual(full(text))
    expect(data?.version).toBe('2025版')
    expect(data?.nothing).toBeNull()
  })

  it.each([
    ['anchor and alias', 'a: &x 1\nb: *x'],
    ['block scalar', 'a: |\n  text'],
    ['multi-line plain scalar', 'a: one\n  two'],
    ['comment after a value', 'a: 1 # one'],
    ['duplicate key', 'a: 1\na: 2'],
    ['tag', 'a: !!str 1'],
    ['escape in double quotes', 'a: "x\\ny"'],
    ['octal and hex', 'a: 0o17'],
    ['infinity', 'a: .inf'],
    ['tab', 'a:\t1'],
    ['top-level sequence', '- a\n- b'],
    ['a flow collection over two lines', 'a: [1,\n  2]'],
    ['key:value in a flow map', 'a: {b:1}'],
    ['unsafe integer', 'a: 12345678901234567890'],
    ['empty text', ''],
    ['key with a space before the colon', 'a : 1'],
    ['non-ASCII key', '名称: 1'],
  ])('steps aside on %s', (_, text) => {
    expect(fastYaml(text)).toBeUndefined()
  })

  it('agrees with yaml on every frontmatter of the fixtures, the example library and a generated library', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-fast-yaml-'))
    generateLibrary(dir, 120, 3)
    const texts = [...yamlTexts(new URL('..', import.meta.url).pathname), ...yamlTexts(new URL('../../plans', import.meta.url).pathname), ...yamlTexts(dir)]
    let used = 0
    for (const text of texts) {
      const data = fastYaml(text)
      if (data === undefined) continue
      used++
      expect(data, text).toEqual(full(text))
    }
    // The fast path must actually be taken for ordinary plans.
    expect(used).toBeGreaterThan(texts.length * 0.9)
  })

  it('on arbitrary line soups, either steps aside or agrees with yaml', () => {
    const atom = fc.constantFrom('a', 'b', 'id', 'x_1', '示例', '1', '-2', '0.5', 'true', 'null', '~', "'q'", '"d"', '[a, b]', '{ a: 1 }', '[]', '', ':', '- ', '#', ',', 'https://x.y/z', '[a, [b, c]]', '{ a: [b, "c, d"], e: {} }', '{ a: { b: 1 } }', '[a, ]', '{ a: 1, }', "['x''y']", '[,]', '{ : a }')
    const line = fc.tuple(fc.constantFrom('', '  ', '    ', '- ', '  - '), atom, fc.constantFrom(': ', ':', ' ', ''), atom).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const text = lines.join('\n')
        const data = fastYaml(text)
        if (data === undefined) return
        let expected: unknown
        try {
          expected = full(text)
        } catch {
          throw new Error(`fastYaml read text that yaml rejects:\n${text}`)
        }
        expect(data, text).toEqual(expected)
      }),
      { numRuns: 3000 },
    )
  })
})
