// The Markdown fast path must build exactly the tree of the full remark pipeline (positions included), or
// step aside (undefined). Differential over the repository's Markdown, a generated library and random documents.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseMarkdown, parseMarkdownFull } from '../../scripts/lib/load/markdown.ts'
import { parseSimpleMarkdown } from '../../scripts/lib/load/simple-markdown.ts'
import { generateLibrary } from '../../scripts/bench/generate.ts'

const ROOT = join(import.meta.dirname, '../..')

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) markdownFiles(path, out)
    else if (name.endsWith('.md')) out.push(path)
  }
  return out
}

/** The fast tree if the fast path accepts `text` (and then it must equal the full tree), else undefined. */
function checked(text: string): ReturnType<typeof parseSimpleMarkdown> {
  const fast = parseSimpleMarkdown(text)
  if (fast !== undefined) {
    const full = parseMarkdownFull(text)
    // isDeepStrictEqual is fast; toStrictEqual gives a readable difference when they differ
    if (!isDeepStrictEqual(fast, full)) expect(fast).toStrictEqual(full)
  }
  return fast
}

const FRONT = '---\nid: shi-fangxun\ntitle: 示例市防汛应急预案\n---\n'

describe('parseSimpleMarkdown', () => {
  it('builds the full tree of a simple plan, positions included', () => {
    const text = `${FRONT}# 示例市防汛应急预案\n\n## 一、总则\n\n   本预案适用于本市行政区域内的洪涝灾害。 \n 市应急管理局负责综合协调（24小时值班）。\n\n### （一）编制目的  \n\n最后一段  \n`
    const fast = checked(text)
    expect(fast).toBeDefined()
    expect(fast!.children.map((n) => n.type)).toEqual(['yaml', 'heading', 'heading', 'paragraph', 'heading', 'paragraph'])
    const paragraph = fast!.children[3] as import('mdast').Paragraph
    const from = text.indexOf('本预案')
    const to = text.indexOf('值班）。') + 4
    expect(paragraph.children).toStrictEqual([
      {
        type: 'text',
        value: '本预案适用于本市行政区域内的洪涝灾害。\n市应急管理局负责综合协调（24小时值班）。',
        position: { start: { line: 9, column: 4, offset: from }, end: { line: 10, column: 23, offset: to } },
      },
    ])
    expect(paragraph.position).toStrictEqual({ start: { line: 9, column: 4, offset: from }, end: { line: 10, column: 23, offset: to } })
    expect(fast!.children[4]).toMatchObject({ depth: 3, position: { start: { line: 12, column: 1 }, end: { line: 12, column: 14 } } })
    expect(fast!.position).toStrictEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 15, column: 1, offset: text.length } })
  })

  it('handles edge layouts exactly like remark', () => {
    const cases = [
      '',
      '\n\n',
      '---\n---',
      '---\n---\n',
      '---\n\n---\n# 标题',
      '---\na: 1\n\nb: 2\n---',
      '---\na: 1\n---\n\n\n',
      '---\na: 1\n---\n正文',
      '无 frontmatter 的段落\n# 标题\n紧跟的段落',
      '#   多个空格   \n',
      '   ### 缩进三格的标题',
      '###### 六级',
      '# 1. 总则',
      'a 1. b',
      '段落\n      \n段落',
      '段落末尾两个空格  \n\n下一段',
      '段落末尾两个空格  \n# 标题',
      '单个空格 \n续行 \n末行    ',
      '😀 表情\n😀 续行 😀\n# 😀',
    ]
    for (const text of cases) expect(checked(text), JSON.stringify(text)).toBeDefined()
  })

  it('refuses every construct it does not model', () => {
    const risky = [
      '*强调*', '**加粗**', '_强调_', '`代码`', '[链接](a.md)', '![图](a.png)', '<b>标签</b>', '<!-- 注释 -->',
      '甲 | 乙', '&amp;', '&#21704;', '~~删除~~', '转义\\*', '行尾反斜杠\\', '#无空格标题', '# 标题 #', '# 标题 ##',
      '#', '# ', '####### 七级', '- 列表', '+ 列表', '* 列表', '1. 列表', '1) 列表', '12. 列表', '1.5 米', '> 引用',
      '    缩进代码', '\t制表符', '段\t落', '段落\n===', '段落\n---', '---', '***', '___', '段落  \n续行',
      '见 www.example.com', '见 WWW.example.com', '见 http://x.cn', '见 https://x.cn', 'a@b.cn', '时间 8:30',
      '```\n代码\n```', '~~~\n代码\n~~~', '[^1]', '脚注[^1]', '[id]: /url', '行\r\n', '\r', '\ufeff正文', '零宽\ufeff',
      '空\u0000字符', '控制\u0085字符', '{分值=10} !', '- [ ] 任务',
    ]
    for (const construct of risky) {
      for (const text of [construct, `${FRONT}# 标题\n\n${construct}\n`, `${FRONT}正文\n${construct}\n\n尾`]) {
        expect(parseSimpleMarkdown(text), JSON.stringify(text)).toBeUndefined()
      }
    }
    // odd or missing frontmatter fences
    for (const text of ['---\na: 1\n', '---\na: 1', '--- \na: 1\n---\n', '---\na: 1\n--- \n', '---\na: 1\n----\n', '----\na: 1\n---\n', '---a\n---\n', '---']) {
      expect(parseSimpleMarkdown(text), JSON.stringify(text)).toBeUndefined()
    }
  })

  it('agrees with remark on every Markdown file of the repository', () => {
    const files = [...markdownFiles(join(ROOT, 'test')), ...markdownFiles(join(ROOT, 'plans'))]
    expect(files.length).toBeGreaterThan(100)
    let accepted = 0
    for (const file of files) if (checked(readFileSync(file, 'utf8')) !== undefined) accepted++
    expect(accepted).toBeGreaterThan(0)
  })

  describe('generated library', () => {
    let dir = ''
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it('accepts the plain corpus and agrees with remark on every one', () => {
      dir = mkdtempSync(join(tmpdir(), 'yuanku-simple-md-'))
      generateLibrary(dir, 2000, undefined, { corpus: 'plain' })
      const files = markdownFiles(dir)
      expect(files.length).toBeGreaterThan(2000)
      const refused: string[] = []
      for (const file of files) {
        const text = readFileSync(file, 'utf8')
        if (checked(text) === undefined) {
          refused.push(file)
          // only the plans the generator gives a link get the full parse
          expect(text, file).toContain('](./attachments/')
        }
      }
      expect(refused.length).toBeLessThan(files.length / 20)
    }, 300_000)

    it('on the realistic corpus (lists, tables, emphasis, links) agrees with remark wherever it accepts a plan', () => {
      const realistic = mkdtempSync(join(tmpdir(), 'yuanku-simple-md-real-'))
      try {
        generateLibrary(realistic, 300)
        let accepted = 0
        for (const file of markdownFiles(realistic)) if (checked(readFileSync(file, 'utf8')) !== undefined) accepted++
        // Drill records and a few plans are plain; plans with lists and tables take the full parse.
        expect(accepted).toBeGreaterThan(0)
      } finally {
        rmSync(realistic, { recursive: true, force: true })
      }
    }, 300_000)
  })

  describe('random documents', () => {
    const chinese = fc.constantFrom(...'应急预案市局负责组织协调抢险救援工作，。、；：（）“”《》？！０１２３４５６７８９一二三四五六七八九十年月日时分')
    const safeAscii = fc.constantFrom(...'abcwxyzWABC0123456789 ,.()%/;?\'"$^{}-+=')
    const risky = fc.constantFrom(...'\\`*_[]<>!|&~#:@\t\r\u0000\u00a0\u3000\ufeff', 'www.', 'www.a.cn', 'http://', 'http://a.cn', 'a@b.cn', '1. ', '- ', '  ', '😀', '&amp;', '    ')
    // delimiter pairs around text, so that emphasis, strikethrough, code, links… actually form
    const wrapped = fc
      .tuple(fc.constantFrom('*', '**', '_', '__', '~', '~~', '`', '[', '<', '!['), fc.constantFrom('预案', 'a', '0', ' 预案 '))
      .map(([d, w]) => (({ '[': `[${w}](a.md)`, '<': `<${w}>`, '![': `![${w}](a.png)` }) as Record<string, string>)[d] ?? `${d}${w}${d}`)
    const char = fc.oneof({ weight: 6, arbitrary: chinese }, { weight: 3, arbitrary: safeAscii }, { weight: 1, arbitrary: risky }, { weight: 1, arbitrary: wrapped })
    const safeChar = fc.oneof({ weight: 3, arbitrary: chinese }, { weight: 1, arbitrary: safeAscii.filter((c) => !'-+='.includes(c)) })
    const words = (c: fc.Arbitrary<string>) => fc.array(c, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''))
    const spaces = fc.constantFrom('', ' ', '  ', '   ', '    ')
    const line = (c: fc.Arbitrary<string>) =>
      fc.oneof(
        fc.tuple(spaces, fc.integer({ min: 1, max: 7 }), spaces, words(c), spaces).map(([a, n, b, t, z]) => `${a}${'#'.repeat(n)} ${b}${t}${z}`),
        fc.tuple(spaces, words(c), spaces).map(([a, t, z]) => `${a}${t}${z}`),
        spaces,
      )
    const front = fc.constantFrom('', '---\n---\n', '---\nid: a\n---\n', '---\nid: a\n\ntitle: 标题\n---\n', '---\nid: a\n---', '---\nid: a\n--- \n', '---\nid: a\n')
    const doc = (c: fc.Arbitrary<string>) =>
      fc.tuple(front, fc.array(line(c), { maxLength: 14 }), fc.boolean()).map(([f, ls, nl]) => f + ls.join('\n') + (nl ? '\n' : ''))

    it('never differs from remark when it accepts a document', () => {
      fc.assert(fc.property(doc(char), (text) => void checked(text)), { numRuns: 3000 })
    }, 300_000)

    it('accepts documents of headings, paragraph lines and blank lines', () => {
      // safe text, 0–3 leading spaces, at most one trailing space except on a paragraph's last line, headings of 1–6 #
      const plainWords = words(safeChar).filter((t) => t.trim() === t)
      const plainLine = fc.oneof(
        fc.tuple(fc.constantFrom('', ' ', '   '), fc.integer({ min: 1, max: 6 }), fc.constantFrom(' ', '  '), plainWords, fc.constantFrom('', '  ')).map(([a, n, b, t, z]) => `${a}${'#'.repeat(n)}${b}${t}${z}`),
        fc.tuple(fc.constantFrom('', ' ', '   '), plainWords, fc.constantFrom('', ' ')).map(([a, t, z]) => `${a}${t}${z}`),
        fc.constantFrom('', ' ', '     '),
      )
      const plainDoc = fc.tuple(fc.constantFrom('', '---\nid: a\n---\n'), fc.array(plainLine, { maxLength: 14 }), fc.boolean()).map(([f, ls, nl]) => f + ls.join('\n') + (nl ? '\n' : ''))
      fc.assert(
        fc.property(plainDoc, (text) => {
          fc.pre(!/^\s*[0-9]+[.)]/m.test(text) && !/www\./i.test(text))
          expect(checked(text), JSON.stringify(text)).toBeDefined()
        }),
        { numRuns: 2000 },
      )
    }, 300_000)
  })

  it('parseMarkdown gives the full tree of simple and of other files', () => {
    const text = `${FRONT}# 标题\n\n正文\n`
    expect(parseMarkdown(text)).toStrictEqual(parseMarkdownFull(text))
    const complex = `${FRONT}# 标题\n\n- 列表 *强调*\n`
    expect(parseMarkdown(complex)).toStrictEqual(parseMarkdownFull(complex))
    expect(parseMarkdown(complex).children[2].type).toBe('list')
  })
})
