// `yuanku import`: one document (Word, PDF, text) → one drafted plan file and a conversion report.
import { extname } from 'node:path'
import type { Library } from '../model/library.ts'
import { draftFrontmatter, type Draft } from './draft.ts'
import { renderBody, renderFrontmatter } from './render.ts'
import { ImportError, type ReadDocument } from './source.ts'
import { structure } from './structure.ts'

export { ImportError } from './source.ts'

/** Plans are a few hundred KB at most; a larger file is a scan, a bundle or a mistake. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export const SUPPORTED = ['.docx', '.doc', '.pdf', '.txt', '.md']

export interface Conversion {
  id: string
  markdown: string
  draft: Draft
  format: ReadDocument['format']
  notes: string[]
  headings: number
}

async function read(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const ext = extname(name).toLowerCase()
  switch (ext) {
    case '.docx':
      return (await import('./read-docx.ts')).readDocx(bytes)
    case '.doc': {
      // A .docx saved with a .doc name is common; so is the reverse.
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) return (await import('./read-docx.ts')).readDocx(bytes)
      return (await import('./read-doc.ts')).readDoc(bytes)
    }
    case '.pdf':
      return (await import('./read-pdf.ts')).readPdf(bytes)
    case '.txt':
      return (await import('./read-text.ts')).readText(bytes)
    case '.md':
    case '.markdown':
      return (await import('./read-text.ts')).readMarkdown(bytes)
    case '.wps':
    case '.wpt':
      throw new ImportError('不支持 WPS 文字格式（.wps）：请在 WPS 中“另存为” .docx 后再导入', 'WPS documents (.wps) are not supported: save it as .docx in WPS and import that')
    case '.rtf':
    case '.odt':
    case '.pages':
      throw new ImportError(`不支持 ${ext} 格式：请另存为 .docx 后再导入`, `${ext} is not supported: save it as .docx and import that`)
    default:
      throw new ImportError(`不支持的文件类型“${ext || '（无扩展名）'}”：支持 ${SUPPORTED.join('、')}`, `unsupported file type "${ext}": use ${SUPPORTED.join(', ')}`)
  }
}

export interface ConvertOptions {
  library: Library
  jurisdiction?: string
  status?: string
  today: string
  takenIds: Set<string>
}

export async function convertDocument(bytes: Uint8Array, name: string, options: ConvertOptions): Promise<Conversion> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(`文件过大（${(bytes.length / 1024 / 1024).toFixed(0)} MB，上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）：预案正文不会这么大，可能含有大量图片或是扫描件`, `the file is too large (${(bytes.length / 1024 / 1024).toFixed(0)} MB, limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`)
  }
  const doc = await read(bytes, name)
  const structured = structure(doc.tree)
  const headings = structured.body.children.filter((b) => b.type === 'heading').length
  if (!structured.title && headings === 0 && structured.body.children.length === 0) throw new ImportError('文档中没有可导入的文字', 'the document holds no text to import')
  const draft = draftFrontmatter(structured, options.library, { jurisdiction: options.jurisdiction, status: options.status, today: options.today, takenIds: options.takenIds })
  const markdown = `${renderFrontmatter(draft, name, options.today)}\n\n${renderBody(structured.title, structured.body)}`
  return { id: draft.id, markdown, draft, format: doc.format, notes: [...doc.notes, ...structured.notes], headings }
}
