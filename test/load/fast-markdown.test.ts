// Files saved with Windows line breaks take the fast path too, with remark's positions and values.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFastMarkdown } from '../../scripts/lib/load/fast-markdown.ts'
import { parseMarkdownFull } from '../../scripts/lib/load/markdown.ts'

const ROOT = join(import.meta.dirname, '../..')

describe('parseFastMarkdown', () => {
  it('parses a plan saved with CRLF line breaks exactly as remark does', () => {
    const lf = readFileSync(join(ROOT, 'plans/city/special/shi-anquan.md'), 'utf8')
    const crlf = lf.replaceAll('\n', '\r\n')
    const tree = parseFastMarkdown(crlf)
    expect(tree).toBeDefined()
    expect(tree).toStrictEqual(parseMarkdownFull(crlf))
    // the frontmatter keeps its CRs, as remark keeps them
    expect((tree!.children[0] as { value: string }).value).toContain('\r\n')
  })

  it('keeps the CRs inside multi-line paragraphs and moves every offset by one per line break', () => {
    const text = '# 标题\r\n\r\n第一行\r\n第二行\r\n\r\n- 甲\r\n- 乙\r\n'
    const tree = parseFastMarkdown(text)!
    expect(tree).toStrictEqual(parseMarkdownFull(text))
    expect(tree.children[1]).toMatchObject({ type: 'paragraph', children: [{ value: '第一行\r\n第二行' }], position: { start: { line: 3, column: 1, offset: 8 } } })
  })

  it('leaves files that mix LF and CRLF, or have lone CRs, to the other paths', () => {
    expect(parseFastMarkdown('# 标题\r\n\r\n正文\n')).toBeUndefined()
    expect(parseFastMarkdown('# 标题\r\r正文\r\n')).toBeUndefined()
  })
})
