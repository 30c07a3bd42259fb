// The .docx an office opens in Word: page setup in twips, the named styles and their fonts, the headings
// in order, the tables' content, annexes, marks and the notice page, read back from the zip's XML.
import { describe, expect, it, beforeAll } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { exportPlans, exportSettings, type ExportedPlan } from '../../scripts/lib/export/index.ts'
import type { Library } from '../../scripts/lib/model/library.ts'

const LIB = fileURLToPath(new URL('./fixtures/lib/', import.meta.url))

interface Docx {
  files: Record<string, Uint8Array>
  xml(name: string): string
}

function openDocx(path: string): Docx {
  const files = unzipSync(new Uint8Array(readFileSync(path)))
  return { files, xml: (name) => strFromU8(files[name]) }
}

const attr = (xml: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1]

/** A style's XML by id. */
function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)
  if (!m) throw new Error(`no style ${id}`)
  return m[0]
}

function paragraphs(documentXml: string): { style: string; text: string; xml: string }[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    xml: m[0],
  }))
}

function tables(documentXml: string): { rows: string[][]; headerRows: number }[] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => {
    const rows = [...t[0].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('')))
    return { rows, headerRows: (t[0].match(/<w:tblHeader\/>/g) ?? []).length }
  })
}

async function exportDocx(library: Library, id: string, options: { public?: boolean } = {}): Promise<{ doc: Docx; result: ExportedPlan; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-docx-'))
  const settings = exportSettings(library)
  const { results } = await exportPlans({ plans: [library.planById.get(id)!], library, formats: ['docx'], outDir: dir, options: { ...options, noticeSettings: settings.notice } })
  return { doc: openDocx(join(dir, `${id}.docx`)), result: results[0], dir }
}

describe('yuanku export --format docx', () => {
  let library: Library
  let doc: Docx
  let result: ExportedPlan
  let body: string
  beforeAll(async () => {
    library = loadLibrary(LIB)
    ;({ doc, result } = await exportDocx(library, 'xishan-fangxun-zq'))
    body = doc.xml('word/document.xml')
  })

  it('sets A4 with the GB/T 9704 margins and a 22 × 28 grid, in twips', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(body)![0]
    expect(attr(sect, 'w:pgSz', 'w')).toBe('11906')
    expect(attr(sect, 'w:pgSz', 'h')).toBe('16838')
    expect({ top: attr(sect, 'w:pgMar', 'top'), bottom: attr(sect, 'w:pgMar', 'bottom'), left: attr(sect, 'w:pgMar', 'left'), right: attr(sect, 'w:pgMar', 'right') }).toEqual({ top: '2098', bottom: '1984', left: '1587', right: '1474' })
    expect(attr(sect, 'w:docGrid', 'type')).toBe('linesAndChars')
    // 225 mm / 22 lines; 156 mm / 28 characters of 16 pt, in Word's 1/4096 pt units.
    expect(attr(sect, 'w:docGrid', 'linePitch')).toBe('579')
    expect(attr(sect, 'w:docGrid', 'charSpace')).toBe('-848')
  })

  it('names the fonts on named styles, East Asian slot included, at 2号/3号/4号', () => {
    const styles = doc.xml('word/styles.xml')
    const fontOf = (id: string) => {
      const s = styleXml(styles, id)
      return { eastAsia: attr(s, 'w:rFonts', 'eastAsia'), ascii: attr(s, 'w:rFonts', 'ascii'), size: attr(s, 'w:sz', 'val') }
    }
    expect(fontOf('Normal')).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: '32' })
    expect(fontOf('Title')).toEqual({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', size: '44' })
    expect(fontOf('Heading1')).toEqual({ eastAsia: '黑体', ascii: '黑体', size: '32' })
    expect(fontOf('Heading2')).toEqual({ eastAsia: '楷体_GB2312', ascii: '楷体_GB2312', size: '32' })
    expect(fontOf('Heading3')).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: '32' })
    expect(fontOf('Heading4')).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: '32' })
    expect(fontOf('AnnexLabel')).toEqual({ eastAsia: '黑体', ascii: '黑体', size: '32' })
    expect(fontOf('Footer')).toEqual({ eastAsia: '宋体', ascii: '宋体', size: '28' })
    expect(attr(styleXml(styles, 'Title'), 'w:jc', 'val')).toBe('center')
    expect(styleXml(styles, 'Heading1')).toContain('<w:name w:val="heading 1"/>')
    // Body paragraphs: two characters of first-line indent.
    expect(attr(styleXml(styles, 'Normal'), 'w:ind', 'firstLineChars')).toBe('200')
    // Word substitutes a missing face by the font table's alternative name.
    const fonts = doc.xml('word/fontTable.xml')
    for (const [name, alt] of [['方正小标宋简体', 'SimSun'], ['仿宋_GB2312', 'FangSong'], ['黑体', 'SimHei'], ['楷体_GB2312', 'KaiTi']]) {
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`)
    }
  })

  it('puts the headings in order on the four heading styles, whatever the numbering', () => {
    const headings = paragraphs(body).filter((p) => /^Heading\d$/.test(p.style)).map((p) => `${p.style} ${p.text}`)
    expect(headings).toEqual(['Heading1 一、总则', 'Heading2 （一）编制目的', 'Heading2 （二）适用范围', 'Heading3 1. 洪涝灾害', 'Heading4 （1）山洪', 'Heading1 二、组织指挥体系'])
  })

  it('starts with the issuing notice, then the title with its 征求意见稿 mark', () => {
    const ps = paragraphs(body).filter((p) => p.text)
    expect(ps.slice(0, 7).map((p) => `${p.style}|${p.text}`)).toEqual([
      'DocNumber|西政办发〔2026〕7号',
      'Title|示例市人民政府办公室关于印发西山县防汛抗旱应急预案的通知',
      'Recipients|各县（区）人民政府，市政府各部门：',
      'Normal|《西山县防汛抗旱应急预案》已经市人民政府同意，现印发给你们，请认真贯彻执行。',
      'Signature|示例市人民政府办公室',
      'Signature|2026年10月8日',
      'Title|西山县防汛抗旱应急预案',
    ])
    expect(ps[7]).toMatchObject({ style: 'DraftMark', text: '（征求意见稿）' })
    // The notice ends with a page break: the plan starts on a page of its own.
    expect(body.indexOf('<w:br w:type="page"/>')).toBeGreaterThan(body.indexOf('2026年10月8日'))
    expect(body.indexOf('<w:br w:type="page"/>')).toBeLessThan(body.indexOf('>西山县防汛抗旱应急预案<'))
  })

  it('keeps tables with their content, and repeats the header row of a long one', () => {
    const t = tables(body)
    expect(t.map((x) => x.rows[0])).toEqual([
      ['响应级别', '启动条件', '指挥'],
      ['序号', '物资', '存放地点', '数量'],
      ['单位', '角色', '职责任务'],
      ['响应级别', '启动条件', '指挥'],
      ['单位', '岗位', '电话'],
    ])
    expect(t[0].rows).toEqual([['响应级别', '启动条件', '指挥'], ['Ⅰ级', '西山水库出现垮坝险情', '县长'], ['Ⅳ级', '主要河道超警戒水位', '县水利局局长']])
    expect(t[1].rows).toHaveLength(61)
    expect(t[1].rows[60]).toEqual(['60', '抢险物资60号：编织袋、救生衣、冲锋舟', '县防汛物资仓库第60库位', '600'])
    expect(t.every((x) => x.headerRows === 1)).toBe(true)
    expect(t[2].rows.slice(1)).toEqual([
      ['西山县水利局', '牵头', '1. 承担县防汛抗旱指挥部办公室日常工作2. 组织水情监测和洪水预报'],
      ['西山县应急管理局', '成员', '组织协调抢险救灾'],
    ])
    expect(t[3].rows[2]).toEqual(['Ⅳ级', '主要河道超警戒水位', '—'])
    expect(t[4].rows[1]).toEqual(['西山县水利局', '县防汛办值班室', '0000-77120110'])
  })

  it('numbers the annexes, lists them after the body, each on a new page headed 附件N', () => {
    const ps = paragraphs(body)
    expect(ps.filter((p) => p.style === 'AnnexList').map((p) => p.text)).toEqual(['附件：1. 防汛物资储备清单', '　　　2. 职责任务清单', '　　　3. 响应分级、启动条件和指挥', '　　　4. 应急联络方式'])
    const labels = ps.filter((p) => p.style === 'AnnexLabel')
    expect(labels.map((p) => p.text)).toEqual(['附件1', '附件2', '附件3', '附件4'])
    expect(labels.every((p) => p.xml.includes('<w:pageBreakBefore/>'))).toBe(true)
    const titles = ps.filter((p) => p.style === 'Title').map((p) => p.text)
    expect(titles.slice(2)).toEqual(['防汛物资储备清单', '职责任务清单', '响应分级、启动条件和指挥', '应急联络方式'])
  })

  it('keeps lists, emphasis and links (as text with the address)', () => {
    const ps = paragraphs(body)
    expect(ps.filter((p) => p.style === 'PlanListItem').map((p) => p.text)).toEqual(['1. 县水利局：负责水情监测预报。', '2. 县应急管理局：负责抢险救灾的组织协调。', '• 调度县级防汛物资；', '• 协调消防救援力量。'])
    expect(ps.find((p) => p.text.startsWith('为做好'))!.text).toContain('参照国家防汛抗旱应急预案（https://www.mem.gov.cn/fw/flfgbz/ya/）编制。')
    expect(body).toMatch(/<w:b\/>[\s\S]{0,120}<w:t[^>]*>最大程度<\/w:t>/)
    expect(body).toMatch(/<w:i\/>[\s\S]{0,120}<w:t[^>]*>江河洪水<\/w:t>/)
  })

  it('puts page numbers "— n —" right on odd pages and left on even pages', () => {
    expect(doc.xml('word/settings.xml')).toContain('<w:evenAndOddHeaders/>')
    const rels = doc.xml('word/_rels/document.xml.rels')
    const footer = (type: string) => {
      const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(body)![1]
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]
      return doc.xml(`word/${target}`)
    }
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const xml = footer(type)
      expect(attr(xml, 'w:jc', 'val')).toBe(side)
      expect(xml).toMatch(/>— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/)
      expect(attr(xml, 'w:ind', side)).toBe('280')
    }
  })

  it('embeds an image that exists, and says where the missing one was', () => {
    expect(Object.keys(doc.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1)
    expect(body).toContain('descr="西山县山洪危险区分布图"')
    expect(body).toContain('［图：青石镇转移路线图］')
    expect(result.warnings).toEqual([{ messageId: 'image-missing', url: 'img/route.png', line: 62, column: 1 }])
  })

  it('leaves contacts out of a public edition', async () => {
    const pub = await exportDocx(library, 'xishan-fangxun-zq', { public: true })
    const xml = pub.doc.xml('word/document.xml')
    expect(xml).not.toContain('0000-77120110')
    expect(xml).not.toContain('应急联络方式')
    expect(tables(xml)).toHaveLength(4)
  })

  it('replaces an existing file atomically and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-docx-'))
    writeFileSync(join(dir, 'grid-sample.docx'), 'old')
    await exportPlans({ plans: [library.planById.get('grid-sample')!], library, formats: ['docx'], outDir: dir })
    expect(readdirSync(dir)).toEqual(['grid-sample.docx'])
    const x = openDocx(join(dir, 'grid-sample.docx')).xml('word/document.xml')
    // A published plan carries no mark and, without a doc_number, no notice.
    expect(paragraphs(x).filter((p) => p.text)[0]).toMatchObject({ style: 'Title', text: '版心网格样例预案' })
    expect(x).not.toContain('DraftMark')
  })
})
