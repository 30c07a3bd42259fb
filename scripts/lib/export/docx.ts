// The official document → .docx (WordprocessingML) with the `docx` package.
// Every look is a named Word style (正文, 一级标题 …) so that an office adjusts the document the way it adjusts
// its own templates. Fonts are set on the styles, with the East Asian slot named explicitly: docx.js puts a
// plain font name on the Latin slots only, and Word then shows 黑体 text in the theme font (dolanmiu/docx#549).
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  PageNumber,
  WidthType,
  BorderStyle,
  LineRuleType,
  VerticalAlignTable,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { columnWeights, type Block, type OfficialDocument, type Run } from './model.ts'
import { CHAR_SPACE, FONTS, LINE_PITCH_TWIPS, PAGE_NUMBER_DASH, PAGE_TWIPS, SIZE_PT, mmToTwip, type FontKey } from './layout.ts'
import { fitImage } from './image.ts'

const half = (pt: number) => pt * 2

function font(key: FontKey) {
  const name = FONTS[key].name
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' }
}

/** Style ids (what the XML says) and the names an office sees in Word's style gallery. */
export const STYLE = {
  body: 'Normal',
  title: 'Title',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  h4: 'Heading4',
  mark: 'DraftMark',
  annexLabel: 'AnnexLabel',
  annexList: 'AnnexList',
  listItem: 'PlanListItem',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  noticeNumber: 'DocNumber',
  recipients: 'Recipients',
  signature: 'Signature',
  footer: 'Footer',
  plain: 'PlainText',
} as const

const INDENT_2 = { firstLineChars: 200, firstLine: 640 }
// One line of the grid: every paragraph sits on it, so a page holds 22 lines whatever the fonts' own heights.
const ON_GRID = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 }

function style(id: string, name: string, key: FontKey, sizePt: number, paragraph: IParagraphStyleOptions['paragraph'] = {}, run: Record<string, unknown> = {}): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: id === STYLE.body ? undefined : STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: font(key), size: half(sizePt), bold: false, italics: false, color: '000000', ...run },
    paragraph,
  }
}

export function docxStyles(): IParagraphStyleOptions[] {
  return [
    style(STYLE.body, 'Normal', 'body', SIZE_PT.body, { indent: INDENT_2, spacing: ON_GRID, alignment: AlignmentType.JUSTIFIED }),
    style(STYLE.title, 'Title', 'title', SIZE_PT.title, { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: ON_GRID }),
    style(STYLE.h1, 'heading 1', 'hei', SIZE_PT.body, { outlineLevel: 0, keepNext: true }),
    style(STYLE.h2, 'heading 2', 'kai', SIZE_PT.body, { outlineLevel: 1, keepNext: true }),
    style(STYLE.h3, 'heading 3', 'body', SIZE_PT.body, { outlineLevel: 2, keepNext: true }),
    style(STYLE.h4, 'heading 4', 'body', SIZE_PT.body, { outlineLevel: 3, keepNext: true }),
    style(STYLE.mark, '稿件标注 Draft mark', 'kai', SIZE_PT.body, { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } }),
    style(STYLE.annexLabel, '附件标识 Annex label', 'hei', SIZE_PT.body, { indent: { firstLine: 0, firstLineChars: 0 }, alignment: AlignmentType.LEFT }),
    style(STYLE.annexList, '附件说明 Annex list', 'body', SIZE_PT.body, { indent: { left: mmToTwip(0), firstLineChars: 200, firstLine: 640 } }),
    style(STYLE.listItem, '列表项 List item', 'body', SIZE_PT.body),
    style(STYLE.tableText, '表格文字 Table text', 'body', SIZE_PT.table, { indent: { firstLine: 0, firstLineChars: 0 }, alignment: AlignmentType.LEFT, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }),
    style(STYLE.tableHeader, '表头 Table header', 'hei', SIZE_PT.table, { indent: { firstLine: 0, firstLineChars: 0 }, alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }),
    style(STYLE.noticeNumber, '发文字号 Document number', 'body', SIZE_PT.body, { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } }),
    style(STYLE.recipients, '主送机关 Recipients', 'body', SIZE_PT.body, { indent: { firstLine: 0, firstLineChars: 0 } }),
    style(STYLE.signature, '署名和成文日期 Signature', 'body', SIZE_PT.body, { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0, right: 1280 } }),
    style(STYLE.footer, 'footer', 'song', SIZE_PT.pageNumber, { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }),
    style(STYLE.plain, '无缩进文字 Plain text', 'body', SIZE_PT.body, { indent: { firstLine: 0, firstLineChars: 0 } }),
  ]
}

function textRuns(runs: Run[]): ParagraphChild[] {
  return runs.map((r) => (r.br ? new TextRun({ break: 1 }) : new TextRun({ text: r.text, bold: r.bold || undefined, italics: r.italic || undefined })))
}

function para(styleId: string, runs: Run[] | string, extra: Record<string, unknown> = {}): Paragraph {
  const children = typeof runs === 'string' ? [new TextRun(runs)] : textRuns(runs)
  return new Paragraph({ style: styleId, children, ...extra })
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const width = PAGE_TWIPS.width - PAGE_TWIPS.left - PAGE_TWIPS.right
  const weights = columnWeights(block)
  const total = weights.reduce((a, w) => a + w, 0) || 1
  const columnWidths = weights.map((w) => Math.floor((width * w) / total))
  const cell = (runs: Run[], header: boolean, i: number) =>
    new TableCell({
      width: { size: columnWidths[i], type: WidthType.DXA },
      children: [para(header ? STYLE.tableHeader : STYLE.tableText, runs)],
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
    })
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    rows: [
      // The header row repeats at the top of every page a long table runs onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((c, i) => cell(c, true, i)) }),
      ...block.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) })),
    ],
  })
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [para([STYLE.h1, STYLE.h2, STYLE.h3, STYLE.h4][block.level - 1], block.runs)]
    case 'paragraph':
      return [para(block.plain ? STYLE.plain : STYLE.body, block.runs, block.indent ? { indent: { left: 640 * block.indent, firstLineChars: 200, firstLine: 640 } } : {})]
    case 'list-item':
      return [para(STYLE.listItem, [{ text: `${block.label}${block.label.length > 1 || /[☑□]/.test(block.label) ? ' ' : ' '}` }, ...block.runs], block.depth ? { indent: { left: 640 * block.depth, firstLineChars: 200, firstLine: 640 } } : {})]
    case 'table':
      return [table(block), new Paragraph({ style: STYLE.plain, children: [] })]
    case 'image': {
      const size = fitImage(block.image)
      return [
        new Paragraph({
          style: STYLE.plain,
          alignment: AlignmentType.CENTER,
          // An exact line height would clip the picture to one line.
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [new ImageRun({ type: block.image.type, data: block.image.data, transformation: { width: (size.width * 96) / 72, height: (size.height * 96) / 72 }, altText: { name: block.alt || 'image', description: block.alt, title: block.alt } })],
        }),
      ]
    }
  }
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  // One character in from the text block's outer edge: odd pages right, even pages left (GB/T 9704-2012 7.5).
  const indent = align === 'right' ? { right: 280 } : { left: 280 }
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { firstLine: 0, firstLineChars: 0, ...indent },
        children: [new TextRun({ children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`] })],
      }),
    ],
  })
}

function documentChildren(doc: OfficialDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  const blank = () => new Paragraph({ style: STYLE.plain, children: [] })
  if (doc.notice) {
    const n = doc.notice
    out.push(para(STYLE.noticeNumber, n.number), blank(), para(STYLE.title, n.title), blank())
    if (n.recipients) out.push(para(STYLE.recipients, n.recipients))
    for (const p of n.paragraphs) out.push(para(STYLE.body, p))
    out.push(blank(), blank(), para(STYLE.signature, n.office))
    if (n.date) out.push(para(STYLE.signature, n.date))
    out.push(new Paragraph({ style: STYLE.plain, children: [new PageBreak()] }))
  }
  out.push(para(STYLE.title, doc.title))
  if (doc.mark) out.push(para(STYLE.mark, `（${doc.mark}）`))
  out.push(blank())
  for (const b of doc.body) out.push(...blockToDocx(b))
  if (doc.annexes.length) {
    out.push(blank())
    doc.annexes.forEach((a, i) => out.push(para(STYLE.annexList, i === 0 ? `附件：${a.number}. ${a.title}` : `　　　${a.number}. ${a.title}`)))
  }
  for (const a of doc.annexes) {
    out.push(para(STYLE.annexLabel, `附件${a.number}`, { pageBreakBefore: true }), blank(), para(STYLE.title, a.title), blank())
    for (const b of a.blocks) out.push(...blockToDocx(b))
  }
  return out
}

/** The font table Word reads to substitute a missing face: each named font with the Windows font to use instead. */
function fontTable(): string {
  const entries = Object.values(FONTS)
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/><w:family w:val="${f.fallback === 'SimHei' ? 'modern' : 'roman'}"/><w:pitch w:val="fixed"/></w:font>`)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
}

/** docx.js writes a font table of embedded fonts only; ours names the fonts the styles use and their substitutes. */
function withFontTable(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes)
  files['word/fontTable.xml'] = strToU8(fontTable())
  const rels = 'word/_rels/document.xml.rels'
  let relXml = strFromU8(files[rels])
  if (!relXml.includes('fontTable.xml')) {
    relXml = relXml.replace('</Relationships>', '<Relationship Id="rIdYuankuFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>')
    files[rels] = strToU8(relXml)
    const types = '[Content_Types].xml'
    const typesXml = strFromU8(files[types])
    if (!typesXml.includes('/word/fontTable.xml')) files[types] = strToU8(typesXml.replace('</Types>', '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>'))
  }
  return zipSync(files, { level: 6 })
}

export async function writeDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const document = new Document({
    title: doc.title,
    creator: 'Yuanku',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font('body'), size: half(SIZE_PT.body) } } },
      paragraphStyles: docxStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            // The page number's line sits 7 mm below the text block (GB/T 9704-2012 7.5): footer distance ≈ 35 − 7 − 5 mm.
            margin: { top: PAGE_TWIPS.top, bottom: PAGE_TWIPS.bottom, left: PAGE_TWIPS.left, right: PAGE_TWIPS.right, header: mmToTwip(15), footer: mmToTwip(23), gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: documentChildren(doc),
      },
    ],
  })
  const buffer = await Packer.toBuffer(document)
  return withFontTable(new Uint8Array(buffer))
}
