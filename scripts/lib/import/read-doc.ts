import WordExtractor from 'word-extractor'
import { linesToTree } from './blocks.ts'
import { isPageNumber } from './page-furniture.ts'
import { ImportError, type ReadDocument } from './source.ts'

/** Old binary Word (.doc, Word 97–2003): text only; styles and auto-numbering labels are not in it. */
export async function readDoc(bytes: Uint8Array): Promise<ReadDocument> {
  let body: string
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes))
    body = doc.getBody()
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    if (/encrypt/i.test(message)) throw new ImportError('文件已加密（设有打开密码）：请在 Word 中取消密码后另存为 .docx', 'the file is encrypted: remove the password in Word and save it as .docx')
    throw new ImportError(`无法读取 .doc 文件（${message}）；请在 Word 或 WPS 中另存为 .docx 后再导入`, `cannot read the .doc file (${message}); save it as .docx and import that`)
  }
  const lines = body.split(/\r\n|\r|\n/).filter((l) => !isPageNumber(l))
  return { tree: linesToTree(lines), notes: ['.doc 格式不含自动编号和标题样式，层级按中文编号推断'], format: 'doc' }
}
