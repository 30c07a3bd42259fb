// Parsing a refused file piece by piece must give exactly remark's tree of the whole file, positions
// included; where a construct reaches across pieces, the piecewise parse must decline.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateLibrary } from '../../scripts/bench/generate.ts'
import { parseMarkdown, parseMarkdownFull } from '../../scripts/lib/load/markdown.ts'
import { parseBySections } from '../../scripts/lib/load/sectioned-markdown.ts'

const ROOT = join(import.meta.dirname, '../..')
const FRONT = '---\nid: shi-fangxun\ntitle: 示例市防汛应急预案\n---\n'

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) continue
    if (statSync(path).isDirectory()) markdownFiles(path, out)
    else if (name.endsWith('.md')) out.push(path)
  }
  return out
}

/** The piecewise tree (which must equal remark's) or undefined when it declines. */
function pieced(text: string) {
  const tree = parseBySections(text, parseMarkdownFull)
  if (tree !== undefined) {
    const full = parseMarkdownFull(text)
    if (!isDeepStrictEqual(tree, full)) expect(tree).toStrictEqual(full)
  }
  return tree
}

describe('parseBySections', () => {
  it('equals remark on nested lists, run-on items, quotes and hard breaks between simple blocks', () => {
    const text = `${FRONT}\n# 标题\n\n正文第一段。\n\n1. **主要职责**\n   - 甲负责乙。\n   - 丙负责丁。\n2. 第二项\n   接续的一行。\n\n> **注**：第一行\n> 第二行\n\n第一句。  \n第二句。\n\n## 二、组织\n\n| 名称 | 单位 |\n| --- | --- |\n| 队伍 | 市局 |\n\n- 甲\n\n  乙段落\n\n后文。\n`
    const tree = pieced(text)
    expect(tree).toBeDefined()
    expect(tree!.children.map((n) => n.type)).toEqual(['yaml', 'heading', 'paragraph', 'list', 'blockquote', 'paragraph', 'heading', 'table', 'list', 'paragraph'])
    expect(tree!.children.at(-1)!.position!.start).toEqual({ line: 32, column: 1, offset: text.lastIndexOf('后文') })
  })

  it('does not cut where the next line continues a list or a quote', () => {
    // a second item after a blank line keeps the list (and makes it loose); `>` after a blank line starts
    // a new quote, but a cut is never made before `>`, `-`, `+`, `*`, `1.`, `1)`, `<` or an indented line
    for (const text of ['- 甲\n\n- 乙\n\n正文\n', '1. 甲\n\n2. 乙\n\n正文\n', '> 甲\n\n> 乙\n\n正文\n', '- 甲\n\n  乙\n\n正文\n', '10) 甲\n\n11) 乙\n\n正文\n', '* 甲\n\n*乙*\n', '-\n\n甲\n', '<div>\n\n甲\n']) {
      const tree = pieced(text)
      expect(tree, JSON.stringify(text)).toBeDefined()
    }
    const loose = pieced('- 甲\n\n- 乙\n\n正文\n')!
    expect(loose.children[0]).toMatchObject({ type: 'list', spread: true })
  })

  it('declines files with definitions, footnotes, fences, HTML blocks that span blank lines, a BOM or lone CRs', () => {
    for (const text of [
      '[甲][a]\n\n正文\n\n[a]: http://x.cn\n',
      '正文[^1]\n\n- 甲\n  乙\n\n[^1]: 注释\n',
      '```\n# 不是标题\n\n正文\n```\n',
      '~~~\n甲\n\n乙\n~~~\n',
      '<!--\n\n# 注释里\n\n-->\n',
      '<pre>\n\n甲\n</pre>\n',
      '\ufeff---\nid: a\n---\n\n- 甲\n  乙\n\n正文\n',
      '甲\r\r乙\n\n- 丙\n  丁\n',
      '---\nid: a\n',
      '- 甲\n  乙\n',
    ]) expect(pieced(text), JSON.stringify(text)).toBeUndefined()
  })

  it('never cuts inside the frontmatter, whose YAML comments look like headings', () => {
    const text = '---\nid: a\n\n# 以下为单位\nunits: []\n---\n\n# 标题\n\n- 甲\n  乙\n\n正文\n'
    const tree = pieced(text)!
    expect(tree.children.map((n) => n.type)).toEqual(['yaml', 'heading', 'list', 'paragraph'])
    expect(parseMarkdown(text)).toStrictEqual(parseMarkdownFull(text))
  })

  it('equals remark on every refused Markdown file of the repository and of generated libraries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-sectioned-'))
    try {
      generateLibrary(join(dir, 'a'), 300)
      generateLibrary(join(dir, 'b'), 300, 99, { findingsPerPlan: 15 })
      let cut = 0
      for (const file of [...markdownFiles(join(ROOT, 'plans')), ...markdownFiles(join(ROOT, 'test')), ...markdownFiles(join(ROOT, 'docs')), ...markdownFiles(dir)]) {
        if (pieced(readFileSync(file, 'utf8')) !== undefined) cut++
      }
      // the generated libraries' house style with nested lists and quotes (about one plan in seven)
      expect(cut).toBeGreaterThan(50)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 300_000)

  it('never differs from remark on random sequences of blocks', () => {
    const word = fc.array(fc.constantFrom(...'应急预案市局负责组织一二三', '：', '（', '）', '。', 'a', 'W', '1', '**', '*', '_', '`', '[', ']', '(x)', '\\', '|', '<br>', '  ', '\t', '~', '&amp;', '\ufeff', '\u0000', '&#35;'), { minLength: 1, maxLength: 6 }).map((a) => a.join(''))
    const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-\t')
    const indent = fc.constantFrom('', '', ' ', '  ', '   ', '    ', '\t')
    const line = fc.oneof(
      fc.tuple(indent, marker, word).map(([i, m, w]) => i + m + w),
      fc.tuple(indent, word).map(([i, w]) => i + w),
      fc.tuple(fc.constantFrom('> ', '>', '> > ', '> - '), word).map(([q, w]) => q + w),
      word.map((w) => `${w}  `),
      fc.constantFrom('---', '***', '===', '# 标题', '## 二、组织', '#标题', '####### 七', '| a | b |', '| --- | --- |', '<div>', '</div>', '<br>', '-', '1.', '>'),
    )
    const block = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'))
    const gap = fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\n  \n', '\n\t\n', '\r\n\r\n', '\n\r\n')
    const doc = fc.tuple(fc.constantFrom('', FRONT, `${FRONT}\n`), fc.array(fc.tuple(block, gap), { minLength: 1, maxLength: 10 })).map(([f, bs]) => f + bs.map(([b, g]) => b + g).join(''))
    let cut = 0
    fc.assert(fc.property(doc, (text) => void (pieced(text) !== undefined && cut++)), { numRuns: 3000 })
    expect(cut).toBeGreaterThan(1000)
  }, 300_000)
})
