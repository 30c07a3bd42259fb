import type { Root } from 'mdast'

/** What a reader made of one document, before structure and frontmatter are worked out. */
export interface ReadDocument {
  /** Blocks in reading order: headings only where the source said so (Word heading styles, PDF title size). */
  tree: Root
  /** Facts about the conversion worth telling the user (pages garbled, images dropped, labels rendered…). */
  notes: string[]
  format: 'docx' | 'doc' | 'pdf' | 'txt' | 'md'
}

/** A file that cannot be imported, with the reason in both languages and what to do. */
export class ImportError extends Error {
  readonly zh: string
  constructor(zh: string, en: string) {
    super(en)
    this.zh = zh
  }
}
