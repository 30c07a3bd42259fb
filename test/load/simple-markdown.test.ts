// The Markdown fast path must build exactly the tree of the full remark pipeline (positions included), or
// step aside (undefined). Differential over the repository's Markdown, a generated library and random documents.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseMarkdown, parseMarkdownFull } from '../../scripts/lib/load/markdown.ts'
import { parseFastMarkdown } from '../../scripts/lib/load/fast-markdown.ts'
import { parseBySections } from '../../scripts/lib/load/sectioned-markdown.ts'
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

/**
 * The fast tree if the fast path accepts `text` (and then it must equal the full tree), else undefined.
 * A refused text that can be parsed piece by piece must give the full tree that way too.
 */
function checked(text: string): ReturnType<typeof parseSimpleMarkdown> {
  const fast = parseSimpleMarkdown(text) ?? undefined
  sameAsRemark(text, fast ?? parseBySections(text, parseMarkdownFull))
  // the same file saved with Windows line breaks
  if (!text.includes('\r')) {
    const crlf = text.replaceAll('\n', '\r\n')
    sameAsRemark(crlf, parseFastMarkdown(crlf) ?? parseBySections(crlf, parseMarkdownFull))
  }
  return fast
}

function sameAsRemark(text: string, tree: ReturnType<typeof parseSimpleMarkdown>): void {
  if (tree === undefined) return
  const full = parseMarkdownFull(text)
  // isDeepStrictEqual is fast; toStrictEqual gives a readable difference when they differ
  if (!isDeepStrictEqual(tree, full)) expect(tree).toStrictEqual(full)
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
      '![图](a.png)', '<b>标签</b>', '<!-- 注释 -->',
      '甲 | 乙', '&amp;', '&#21704;', '~~删除~~', '转义\\*', '行尾反斜杠\\', '#无空格标题', '# 标题 #', '# 标题 ##',
      '#', '# ', '####### 七级', '+ 列表', '1.5 米', '> 引用',
      '    缩进代码', '\t制表符', '段\t落', '段落\n===', '段落\n---', '---', '***', '___', '段落  \n续行',
      '见 www.example.com', '见 WWW.example.com', '见 http://x.cn', '见 https://x.cn', 'a@b.cn', '时间 8:30',
      '```\n代码\n```', '~~~\n代码\n~~~', '[^1]', '脚注[^1]', '[id]: /url', '行\r\n', '\r', '\ufeff正文', '零宽\ufeff',
      '空\u0000字符', '控制\u0085字符', '{分值=10} !', '- [ ]', '- [ ] ', '- [x]  两个空格', '- [y] 任务', '- [x]任务', '- [\t] 任务', '- [ ]\t任务', '** **', '- ***', '- <br>', '- <br>项', '1. [ ] <br>', '__ __', '*** ', '_a_b', '段落\n<br>', '<br>\n段落', '<br>段落', '行内<br/>', '行内<b>', '多行<br>\n段落', ' <br>', '<br/>', '<BR>', '- 项\n<br>', '| a |\n| - |\n<br>', '**（一）**说明', '说明**（一）**',
      '***加粗强调***', '**加粗*', '*a **b** c*', '**a [b](c) d**', '[**b**](c)', '[a](<b>)', '[a](b c)', '[a](b\\c)',
      '[a](b&amp;c)', '[a]()', '[](b)', '[ a ](b)', "[a](b 't')", '[a](b "t\\"")', '``代码``', '` 代码 `', '`a', '\\`a`',
      '- - 嵌套', '-  两个空格', '1.列表', '- ', '-', '- # 标题', '  - 缩进', '* * *', '** **', '_ _ _',
      '| 甲 |\n| - |\n续行', '| 甲 | 乙 |\n| - |', '| 甲 |\n| -- | -- |', '甲 | 乙\n- | -', '| 甲 |\n|:=:|', '| 甲 |\n| - |\n| a \\| b |',
      '- 项\n续行', '1. 项\n2) 项', '- 项\n* 项', '- 项\n1. 项', '- 项\n\n  续段', '- 项\n\n  # 标题',
    ]
    for (const construct of risky) {
      // (inline syntax in a one-line paragraph and a list at the top level are accepted; see below)
      for (const text of [construct, `${FRONT}# 标题\n\n${construct}\n`, `${FRONT}正文\n${construct}\n\n尾`]) {
        expect(parseSimpleMarkdown(text), JSON.stringify(text)).toBeUndefined()
      }
    }
    // odd or missing frontmatter fences
    for (const text of ['---\na: 1\n', '---\na: 1', '--- \na: 1\n---\n', '---\na: 1\n--- \n', '---\na: 1\n----\n', '----\na: 1\n---\n', '---a\n---\n', '---']) {
      expect(parseSimpleMarkdown(text), JSON.stringify(text)).toBeUndefined()
    }
  })

  it('accepts flat lists, pipe tables and simple inline forms, exactly like remark', () => {
    const cases = [
      '- 甲\n- 乙',
      '- 甲  \n- 乙 \n\n- 丙\n\n\n# 标题',
      '* 甲\n* **乙**：说明\n',
      '1. 甲\n2. 乙\n10. 丙',
      '3) 甲\n\n4) 乙\n\n段落',
      '07. 从七开始',
      '段落\n- 列表打断段落\n- 第二项',
      '段落\n1. 编号 1 打断段落',
      '- [附件1](#附件1)：说明\n- [附件](annex.md "附件一")',
      '- **牵头单位**：市应急管理局',
      '**牵头单位**：市应急管理局（24小时值班）',
      '（**一**）标题',
      '**（一）**。',
      '说明*强调*说明 _强调_ 说明`代码`说明',
      '说明 __强调__ 说明',
      '字段 response_levels 与 a_b_c、3 * 4、2 ** 3 都是文字', '| 字段 | response_levels |\n| - | - |\n| * | ** |',
      '`a` `b` `c`',
      '| 队伍 | 人数 | 联系方式 |\n| :--- | ---: | :---: |\n| **消防** | 120 | [通讯录](#通讯录) |\n| 医疗 |  |\n|a|b|c|d|\n\n段落',
      '# 标题\n| 甲 |\n|---|\n# 下一个标题',
      '| 甲 |  \n|---|  \n| 乙 |  ',
      '| |\n|---|',
      '- 甲\n\n| 表 |\n| - |\n| 格 |',
      '- 甲\n\n1. 乙\n2. 丙\n\n* 丁\n\n3) 戊',
      '- [ ] 市地震局10分钟内完成正式速报 {分值=5 时限=10分钟 否决}\n- [x] **已完成**：说明\n- [X] [附件](a.md)\n- 普通项',
      '1. [ ] `代码`\n2. [x] *强调*后文',
      '段落\n\n<br>\n\n段落', '行内<br>换行<br>', '- 项<br>', '| a<br>b |\n| - |', '<br>', '<br>  \n', '# 标题\n<br>\n\n- 项\n\n<br>\n  \n1. 项',
    ]
    for (const text of cases) expect(checked(text), JSON.stringify(text)).toBeDefined()
    const item = (checked('- 甲\n\n- 乙\n')!.children[0] as import('mdast').List)
    expect(item).toMatchObject({ ordered: false, start: null, spread: true, children: [{ spread: false, checked: null }, { spread: false }] })
    const tasks = checked('- [ ] 甲\n- [x] **乙**\n')!.children[0] as import('mdast').List
    expect(tasks.children.map((i) => i.checked)).toEqual([false, true])
    // the paragraph starts after the check when text follows it, on the check otherwise (as remark has it)
    expect(tasks.children.map((i) => i.children[0].position!.start.column)).toEqual([7, 3])
    const table = checked('| a | b | c | d |\n| :-- | --: | :-: | - |\n')!.children[0] as import('mdast').Table
    expect(table.align).toEqual(['left', 'right', 'center', null])
  })

  it('decides CJK emphasis with CommonMark\'s flanking rules, like remark', () => {
    // A closing `**` after full-width punctuation and before a letter does not close: remark keeps the asterisks.
    const literal = parseMarkdownFull('**（一）**说明').children[0] as import('mdast').Paragraph
    expect(literal.children).toMatchObject([{ type: 'text', value: '**（一）**说明' }])
    expect(parseSimpleMarkdown('**（一）**说明')).toBeUndefined()
    // `_` inside a word (CJK has no spaces) neither opens nor closes: it stays text
    expect(checked('说明_强调_说明')!.children[0]).toMatchObject({ children: [{ type: 'text', value: '说明_强调_说明' }] })
    // Before full-width punctuation it closes: the label is strong.
    const strong = checked('**牵头单位**：市应急管理局')!.children[0] as import('mdast').Paragraph
    expect(strong.children).toMatchObject([{ type: 'strong', children: [{ value: '牵头单位' }] }, { type: 'text', value: '：市应急管理局' }])
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
        const wrong: string[] = []
        let refused = 0
        const files = markdownFiles(realistic)
        for (const file of files) {
          const text = readFileSync(file, 'utf8')
          // Nested lists, run-on items, quoted notes and hard breaks (the house style of about one plan in
          // seven) are left to remark; lists, tables, bold labels, links and the planted `<br>` are not.
          const rich = /\n   \S|\n> |  \n/.test(text)
          const accepted = checked(text) !== undefined
          if (!accepted) refused++
          if (accepted === rich) wrong.push(`${file}: ${rich ? 'rich but accepted' : 'simple but refused'}`)
        }
        expect(wrong).toEqual([])
        expect(refused).toBeGreaterThan(files.length / 20)
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

  describe('random documents with lists, tables and inline forms', () => {
    // tricky characters next to every construct: CJK punctuation beside `**`, nested brackets, trailing spaces,
    // tabs, `\\`, `<`, `|` in cells, indentation of 1–4 spaces, blank lines between items
    const cjk = fc.constantFrom(...'应急预案市局负责组织协调一二三四年月日', '：', '（', '）', '。', '，', '、', '“', '”', '《', '》', '；', '！', '？', '【', '】', '—', '…', '\u3000', '😀')
    const ascii = fc.constantFrom(...'abcwxyzW019 ,.()%/;?\'"$^{}-+=:#')
    const tricky = fc.constantFrom('a_b', ' * ', ' ** ', ' _ ', '<br>', '\n<br>\n', '\n\n<br>\n\n', '*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '\\', '<', '>', '|', '\t', '  ', '&amp;', '&', 'www.', 'http://a.cn', 'a@b.cn', '~', '~~', '!', '^', '[ ]', '[x]', '"', ' ')
    const word = fc.array(fc.oneof({ weight: 5, arbitrary: cjk }, { weight: 2, arbitrary: ascii }), { minLength: 1, maxLength: 5 }).map((a) => a.join(''))
    const url = fc.constantFrom('#附件1', 'annex.md', 'a_b.md', 'http://x.cn/a?b=1', '%20a', 'a(b)', 'a b', '', '<a>', 'a\\b', 'a&amp;b', 'a*b', '#', 'a"b', 'x:y', '附件.md')
    const title = fc.constantFrom('', ' "标题"', ' "a b"', ' "', " 't'", ' (t)', '  "t"', ' "a\\"b"', ' ""')
    const link = fc.tuple(fc.constantFrom('', '!', '^'), fc.oneof(word, fc.constant(''), word.map((w) => ` ${w} `), word.map((w) => `**${w}**`), word.map((w) => `^${w}`)), url, title).map(([b, t, u, ti]) => `${b}[${t}](${u}${ti})`)
    const delim = fc.constantFrom('*', '**', '_', '__', '`', '***', '~~')
    const wrapped = fc.tuple(delim, word, delim, fc.boolean()).map(([a, w, b, same]) => (same ? `${a}${w}${a}` : `${a}${w}${b}`))
    const atom = fc.oneof({ weight: 6, arbitrary: word }, { weight: 3, arbitrary: wrapped }, { weight: 2, arbitrary: link }, { weight: 2, arbitrary: tricky })
    const inline = fc.array(atom, { minLength: 1, maxLength: 6 }).map((a) => a.join(''))
    const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t')
    const trail = fc.constantFrom('', '', ' ', '  ', '\t')
    const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '01. ', '-  ', '-   ', '-     ', '- - ', '-\t', '1.', '-', '- [ ] ', '- [x] ', '> ', '# ', '## ', '####### ')
    const cell = fc.oneof(inline, fc.constant(''), fc.constant(' '))
    const row = fc.tuple(fc.constantFrom('|', '| ', ''), fc.array(cell, { minLength: 1, maxLength: 4 }), fc.constantFrom('|', ' |', '', '|  ', '| x')).map(([a, cs, z]) => a + cs.join(' | ') + z)
    const delimRow = fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-', ' --- ', ':', '', '-- -', '=='), { minLength: 1, maxLength: 4 }).chain((cs) => fc.constantFrom(`|${cs.join('|')}|`, `| ${cs.join(' | ')} |`, cs.join('|'), `|${cs.join('|')}| `))
    const table = fc.tuple(row, delimRow, fc.array(row, { maxLength: 3 })).map(([h, d, b]) => [h, d, ...b].join('\n'))
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(indent, marker, inline, trail).map(([a, m, t, z]) => a + m + t + z) },
      { weight: 4, arbitrary: fc.tuple(indent, inline, trail).map(([a, t, z]) => a + t + z) },
      { weight: 2, arbitrary: fc.constantFrom('', '', ' ', '---', '***', '===', '- ', '-', '1.') },
      { weight: 1, arbitrary: table },
    )
    const front = fc.constantFrom('', '---\nid: a\n---\n', '---\nid: a\n---\n\n')
    const doc = fc.tuple(front, fc.array(line, { maxLength: 10 }), fc.boolean()).map(([f, ls, nl]) => f + ls.join('\n') + (nl ? '\n' : ''))

    // mostly well-formed blocks, so that the accepted side is exercised too
    const punct = fc.constantFrom('_', ' * ', '<br>', '：', '（', '）', '。', '，', '、', '“', '”', '《', '》', '(', ')', '.', ',', '%', '-', '😀', '\u3000', ' ')
    const han = fc.constantFrom(...'牵头单位市应急管理局负责组织一二三四', 'abc', 'W', '12')
    const plain = fc.array(fc.oneof({ weight: 4, arbitrary: han }, { weight: 1, arbitrary: punct }), { minLength: 1, maxLength: 4 }).map((a) => a.join(''))
    const emph = fc.tuple(fc.constantFrom('**', '*', '_', '__'), plain).map(([d, t]) => `${d}${t}${d}`)
    const vlink = fc.tuple(plain, fc.constantFrom('#附件1', 'annex.md', './attachments/a_b.md', 'http://x.cn/a?b=1#c', '%E9%99%84'), fc.constantFrom('', ' "附件一"')).map(([t, u, ti]) => `[${t}](${u}${ti})`)
    const code = plain.map((t) => `\`${t}\``)
    const vinline = fc.array(fc.oneof({ weight: 4, arbitrary: plain }, { weight: 2, arbitrary: emph }, { weight: 1, arbitrary: vlink }, { weight: 1, arbitrary: code }), { minLength: 1, maxLength: 5 }).map((a) => a.join(''))
    const vitems = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '3) ', '1) ', '- [ ] ', '- [x] ', '1. [X] ', '- [ ]  '), fc.array(fc.tuple(vinline, fc.constantFrom('', '', ' ', '  '), fc.constantFrom('\n', '\n', '\n\n')), { minLength: 1, maxLength: 4 }))
      .map(([m, items]) => items.map(([t, z, sep], k) => `${/\d/.test(m) ? `${k + Number.parseInt(m, 10)}${m.slice(-2)}` : m}${t}${z}${sep}`).join(''))
    const vcells = (n: number) => fc.array(fc.oneof(vinline, fc.constant('')), { minLength: n, maxLength: n })
    const vtable = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.tuple(vcells(n), fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 1, max: 5 }).chain((m) => vcells(m)), { maxLength: 4 }), fc.constantFrom(' ', ''))
        .map(([h, d, rows, pad]) => [h, d, ...rows].map((cs) => `|${cs.map((c) => pad + c + pad).join('|')}|`).join('\n') + '\n'))
    const vblock = fc.oneof(
      fc.constantFrom('<br>\n', '<br>  \n', '<br>'),
  fc.tuple(fc.integer({ min: 1, max: 6 }), plain).map(([n, t]) => `${'#'.repeat(n)} ${t.trim() || '标题'}\n`),
      fc.tuple(fc.constantFrom('', ' ', '   '), vinline, fc.constantFrom('', ' ', '  ')).map(([a, t, z]) => `${a}${t}${z}\n`),
      vitems,
      vtable,
    )
    const vdoc = fc.tuple(fc.constantFrom('', '---\nid: a\n---\n'), fc.array(fc.tuple(vblock, fc.constantFrom('', '\n', '\n\n')), { maxLength: 8 })).map(([f, bs]) => f + bs.map(([b, s]) => b + s).join(''))

    it('never differs from remark when it accepts a document', () => {
      let accepted = 0
      fc.assert(fc.property(doc, (text) => void (checked(text) !== undefined && accepted++)), { numRuns: 4000 })
      fc.assert(fc.property(vdoc, (text) => void (checked(text) !== undefined && accepted++)), { numRuns: 4000 })
      expect(accepted).toBeGreaterThan(1000)
    }, 300_000)

    it('never differs from remark on lines of the example libraries, mutated and recombined', () => {
      const lines = [...new Set([...markdownFiles(join(ROOT, 'plans')), ...markdownFiles(join(ROOT, 'test/corpora/beiyuan'))].flatMap((file) => readFileSync(file, 'utf8').split('\n')))]
      const insert = fc.constantFrom('**', '*', '_', '`', '[', ']', '(', ')', '|', ' ', '  ', '\t', '\\', '<', '：', '（', '）', '- ', '1. ', '[a](b)', '\n', '\n\n', '    ')
      const mutated = fc.tuple(fc.constantFrom(...lines), fc.array(fc.tuple(fc.nat(), insert), { maxLength: 2 }), fc.constantFrom('', '', ' ', '  ', '   ')).map(([l, ins, indentation]) => {
        let s = l
        for (const [p, t] of ins) {
          const k = p % (s.length + 1)
          s = s.slice(0, k) + t + s.slice(k)
        }
        return indentation + s
      })
      const recombined = fc.array(mutated, { minLength: 1, maxLength: 12 }).map((ls) => `${FRONT}${ls.join('\n')}\n`)
      fc.assert(fc.property(recombined, (text) => void checked(text)), { numRuns: 4000 })
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
