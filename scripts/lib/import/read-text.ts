import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import type { Root } from 'mdast'
import { linesToTree } from './blocks.ts'
import { isPageNumber } from './page-furniture.ts'
import { ImportError, type ReadDocument } from './source.ts'

/**
 * Text files from Chinese offices come in UTF-8 (with or without BOM), GB18030/GBK or UTF-16. Unlike the
 * plan loader, which refuses anything but UTF-8, import reads them all: converting is its job.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' }
  // UTF-16 without a BOM: ASCII characters leave a NUL in every other byte.
  if (bytes.length >= 4) {
    const evenNul = bytes.filter((b, i) => i % 2 === 0 && b === 0).length
    const oddNul = bytes.filter((b, i) => i % 2 === 1 && b === 0).length
    if (oddNul > bytes.length / 8 && evenNul === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' }
    if (evenNul > bytes.length / 8 && oddNul === 0) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' }
  }
  if (bytes.includes(0)) throw new ImportError('不是文本文件（含有二进制内容）', 'not a text file (it holds binary data)')
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030/GBK' }
    } catch {
      throw new ImportError('无法识别文本编码（既不是 UTF-8，也不是 GB18030/GBK 或 UTF-16）', 'unknown text encoding (not UTF-8, GB18030/GBK or UTF-16)')
    }
  }
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/)

export function readText(bytes: Uint8Array): ReadDocument {
  const { text, encoding } = decodeText(bytes)
  const lines = splitLines(text).filter((l) => !isPageNumber(l) && l.trim() !== '\f')
  return { tree: linesToTree(lines.map((l) => l.replace(/\f/g, ''))), notes: encoding === 'UTF-8' ? [] : [`文本编码：${encoding}`], format: 'txt' }
}

export function readMarkdown(bytes: Uint8Array): ReadDocument {
  const { text, encoding } = decodeText(bytes)
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(text) as Root
  // An existing frontmatter block is replaced by the drafted one; its text is kept out of the body.
  tree.children = tree.children.filter((n) => n.type !== 'yaml')
  return { tree, notes: encoding === 'UTF-8' ? [] : [`文本编码：${encoding}`], format: 'md' }
}
