import type { Paragraph, Root, Heading, Table, TableRow } from 'mdast'

export const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })
export const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, text: string): Heading => ({ type: 'heading', depth, children: [{ type: 'text', value: text }] })

export function table(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length))
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: cells[i] ? [{ type: 'text', value: cells[i] }] : [] })),
  })
  return { type: 'table', children: rows.map(row) }
}

/** Lines of plain text (one paragraph per line, as Word's "save as text" writes them) as a tree. */
export function linesToTree(lines: string[]): Root {
  const children: Root['children'] = []
  let rows: string[][] = []
  const flushTable = () => {
    if (rows.length >= 2) children.push(table(rows))
    else for (const r of rows) children.push(paragraph(r.join(' ')))
    rows = []
  }
  for (const raw of lines) {
    const line = raw.replace(/[\s　]+$/, '')
    // Tab-separated cells: Word's text export and word-extractor write table rows that way.
    if (line.includes('\t') && line.split('\t').filter((c) => c.trim()).length >= 2) {
      rows.push(line.split('\t').map((c) => c.trim()))
      continue
    }
    flushTable()
    const text = line.trim()
    if (text) children.push(paragraph(text))
  }
  flushTable()
  return { type: 'root', children }
}
