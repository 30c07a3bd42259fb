import JSZip from 'jszip'
import mammoth from 'mammoth'
import { unified } from 'unified'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import type { Root } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'
import { checkDocxZip, MAX_UNCOMPRESSED } from './zip-guard.ts'
import { renderNumberingLabels } from './docx-numbering.ts'
import { ImportError, type ReadDocument } from './source.ts'

// Word's built-in heading styles map to h1–h6 in mammoth already; offices' templates also use 标题/Title.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"]

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const check = checkDocxZip(bytes)
  if (!check.ok) {
    switch (check.problem) {
      case 'encrypted-or-ole':
        throw new ImportError('文件已加密（设有打开密码），或是另存为 .docx 扩展名的旧版 .doc：请在 Word 中取消密码后另存为 .docx', 'the file is encrypted (password-protected), or an old .doc renamed to .docx: remove the password in Word and save it as .docx')
      case 'too-large':
        throw new ImportError(`解压后超过 ${MAX_UNCOMPRESSED / 1024 / 1024} MB，疑似压缩炸弹，已拒绝`, `it would inflate to more than ${MAX_UNCOMPRESSED / 1024 / 1024} MB (a zip bomb?); refused`)
      case 'no-document':
        throw new ImportError('不是 Word 文档：压缩包中没有 word/document.xml', 'not a Word document: the archive has no word/document.xml')
      default:
        throw new ImportError('文件已损坏或不是 .docx 文档（不是有效的 ZIP 包）', 'the file is damaged or not a .docx (not a valid ZIP archive)')
    }
  }
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new ImportError('文件已损坏，无法解压', 'the file is damaged and cannot be unpacked')
  }
  const notes: string[] = []
  const documentXml = await zip.file('word/document.xml')!.async('string')
  const numberingXml = await zip.file('word/numbering.xml')?.async('string')
  const { xml, labelled } = renderNumberingLabels(documentXml, numberingXml)
  if (labelled) {
    zip.file('word/document.xml', xml)
    notes.push(`还原了 ${labelled} 个 Word 自动编号`)
  }
  const buffer = labelled ? await zip.generateAsync({ type: 'nodebuffer' }) : Buffer.from(bytes)
  let html: string
  try {
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true })
    html = result.value
  } catch (error) {
    throw new ImportError(`Word 文档内容无法解析（${(error as Error).message}）`, `the Word document cannot be parsed (${(error as Error).message})`)
  }
  const tree = (await unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).run(unified().use(rehypeParse, { fragment: true }).parse(html))) as Root
  let images = 0
  visit(tree, (node, index, parent) => {
    if ((node.type === 'image' || node.type === 'imageReference') && parent && index !== undefined) {
      images++
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    return undefined
  })
  if (images) notes.push(`${images} 张图片未导入（请另行放入附件）`)
  return { tree, notes, format: 'docx' }
}
