// `yuanku import` on documents built the way offices' files look: the exact Markdown structure and the
// drafted frontmatter, the CLI's files and report, and every kind of bad input refused file by file.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { convertDocument } from '../../scripts/lib/import/index.ts'
import { checkDocxZip } from '../../scripts/lib/import/zip-guard.ts'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { hasBrowser, launchBrowser, ROOT } from '../e2e/support.ts'
import { autoNumberedDocx, planHtml, PLAN_LINES, styledDocx, wrappedDocx } from './build-fixtures.ts'

const run = promisify(execFile)
const YUANKU = join(ROOT, 'scripts/yuanku.ts')
const TODAY = '2026-12-04'
const library = loadLibrary(join(ROOT, 'plans'))

async function convert(bytes: Uint8Array, name: string) {
  return convertDocument(bytes, name, { library, today: TODAY, takenIds: new Set(library.planById.keys()) })
}

const frontmatter = (markdown: string) => parse(markdown.split(/^---$/m)[1]) as Record<string, any>
const body = (markdown: string) => markdown.split(/^---$/m).slice(2).join('---').trim()
const headings = (markdown: string) => body(markdown).split('\n').filter((l) => l.startsWith('#'))

const EXPECTED_HEADINGS = [
  '# 西山县防汛抗旱应急预案',
  '## 一、总则',
  '### （一）编制目的',
  '### （二）编制依据',
  '### （三）适用范围',
  '## 二、组织指挥体系',
  '### （一）成员单位职责',
  '## 三、监测预警',
  '## 四、应急响应',
  '### （一）Ⅰ级响应',
  '### （二）Ⅳ级响应',
  '## 五、后期处置',
  '## 六、应急保障',
  '## 七、预案管理',
]

/** GBK bytes of a string, from the inverse of the platform's GBK decoder. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (!table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else out.push(...(table.get(ch) ?? [0x3f]))
  }
  return new Uint8Array(out)
}

describe('Word documents', () => {
  it('heading styles: the title, 一、/（一） levels, a table of teams and the annex', async () => {
    const c = await convert(await styledDocx(), '西山县防汛抗旱应急预案.docx')
    expect(headings(c.markdown)).toEqual(EXPECTED_HEADINGS)
    // The list of annexes after the body (附件：1. …) stays a paragraph, as GB/T 9704 writes it.
    expect(body(c.markdown).endsWith('附件：1. 西山县防汛抗旱指挥部成员名单')).toBe(true)
    expect(body(c.markdown)).toContain('| 队伍      | 人数 | 驻地  |\n| ------- | -- | --- |\n| 县消防救援大队 | 45 | 城关镇 |\n| 县防汛抢险队  | 60 | 青石镇 |')
    const fm = frontmatter(c.markdown)
    expect(fm).toMatchObject({
      id: 'xishan-xian-flood',
      title: '西山县防汛抗旱应急预案',
      type: 'special',
      jurisdiction: 'xishan-xian',
      category: ['natural'],
      hazards: ['flood', 'drought'],
      issuer: 'xishan-zhengfu',
      lead_unit: 'xishan-yingji',
      status: 'draft',
      dates: { drafted: TODAY },
      parents: [{ plan: 'shi-fangxun' }, { plan: 'xishan-zongti' }],
    })
    expect(fm.units).toEqual([
      { unit: 'xishan-shuili', role: 'member', duties: ['负责组织防汛会商和洪水调度', '负责水利工程险情抢护技术指导'] },
      { unit: 'xishan-yingji', role: 'lead', duties: ['统筹调度抢险救援力量和物资', '组织受灾群众转移安置'] },
    ])
    expect(fm.response_levels).toEqual([
      { level: 'I', trigger: '县城区段洪水超过保证水位时，启动Ⅰ级响应，由县长统一指挥', commander: '县长' },
      { level: 'IV', trigger: '主要河道超过警戒水位时，启动Ⅳ级响应，由县水利局局长组织指挥', commander: '县水利局局长' },
    ])
    // Every guess is marked, and a name missing from the registry comes with a did-you-mean.
    expect(c.markdown).toContain('lead_unit: xishan-yingji  # 推测（把握：低）')
    expect(c.markdown).toContain('# TODO（待人工确认）：“县卫生局”不在 units.yaml 中，是否为“西山县卫生健康局”？')
  })

  it('Word auto-numbering without styles: labels rendered, levels from the labels, the 目录 removed', async () => {
    const c = await convert(await autoNumberedDocx(), 'auto.docx')
    expect(headings(c.markdown)).toEqual(EXPECTED_HEADINGS)
    expect(body(c.markdown)).not.toMatch(/^目\s*录$/m)
    expect(body(c.markdown)).not.toContain('……')
    expect(c.notes).toEqual(['还原了 13 个 Word 自动编号', '去掉了目录'])
  })

  it('a 印发通知 wrapper is removed; its 发文字号 and date go into the frontmatter', async () => {
    const c = await convert(await wrappedDocx(), 'wrapped.docx')
    expect(headings(c.markdown)).toEqual(EXPECTED_HEADINGS)
    const text = body(c.markdown)
    for (const gone of ['印发给你们', '此件公开发布', '— 3 —', '西政办发']) expect(text).not.toContain(gone)
    const fm = frontmatter(c.markdown)
    expect(fm.dates).toEqual({ drafted: TODAY, published: '2021-04-12' })
    expect(fm.version).toBe('2021版')
    expect(c.markdown).toContain('# 原印发通知发文字号：西政办发〔2021〕12号')
    expect(c.markdown).toContain('issuer: xishan-zhengfu  # 推测（把握：高）：印发通知落款“西山县人民政府办公室”')
  })
})

describe('text files', () => {
  it('GBK text: decoded, numbering turned into headings, page numbers dropped', async () => {
    const text = ['西山县防汛抗旱应急预案', '', ...PLAN_LINES.flatMap((l) => [l, '']), '- 2 -'].join('\r\n')
    const c = await convert(encodeGbk(text), 'plan.txt')
    expect(headings(c.markdown)).toEqual(EXPECTED_HEADINGS)
    expect(c.notes).toContain('文本编码：GB18030/GBK')
    expect(body(c.markdown)).not.toContain('- 2 -')
    expect(frontmatter(c.markdown).jurisdiction).toBe('xishan-xian')
  })

  it('UTF-16 text with a BOM', async () => {
    const text = `\ufeff西山县防汛抗旱应急预案\n一、总则\n本预案适用于西山县。\n`
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'))
    const c = await convert(bytes, 'plan.txt')
    expect(headings(c.markdown)).toEqual(['# 西山县防汛抗旱应急预案', '## 一、总则'])
  })

  it('（1） items become list items and inline heads "1.信息报告。…" a heading and its paragraph', async () => {
    const text = ['西山县防汛抗旱应急预案', '四、应急响应', '1.信息报告。事发地乡镇人民政府应当在30分钟内向县应急管理局报告。', '（1）报告时间；', '（2）报告内容。'].join('\n')
    const c = await convert(new TextEncoder().encode(text), 'plan.txt')
    expect(body(c.markdown)).toBe(
      ['# 西山县防汛抗旱应急预案', '## 四、应急响应', '#### 1.信息报告', '事发地乡镇人民政府应当在30分钟内向县应急管理局报告。', '- （1）报告时间；\n- （2）报告内容。'].join('\n\n'),
    )
  })
})

describe.skipIf(!hasBrowser)('PDF printed from HTML in Chromium', () => {
  let pdf: Buffer
  beforeAll(async () => {
    const browser = await launchBrowser()
    const page = await browser.newPage()
    await page.setContent(planHtml())
    pdf = await page.pdf({
      format: 'A4',
      margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    })
    await browser.close()
  }, 60_000)

  it('paragraphs rebuilt across line breaks, headings from the labels, page numbers gone', async () => {
    const c = await convert(pdf, 'plan.pdf')
    expect(headings(c.markdown)).toEqual(EXPECTED_HEADINGS)
    const text = body(c.markdown)
    expect(text).toContain('为及时有效应对西山县境内洪涝灾害，最大程度减少人员伤亡和财产损失，制定本预案。')
    expect(text).not.toMatch(/— \d —/)
    // Kangxi radicals from the PDF's font map are folded back into the ordinary characters.
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/)
    expect(frontmatter(c.markdown).units[1].duties).toEqual(['统筹调度抢险救援力量和物资', '组织受灾群众转移安置'])
  })

  it('a PDF without a text layer says it needs OCR', async () => {
    const browser = await launchBrowser()
    const page = await browser.newPage()
    await page.setContent('<svg width="400" height="400"><rect width="300" height="300" fill="#888"/></svg>')
    const scan = await page.pdf({ format: 'A4' })
    await browser.close()
    await expect(convert(scan, 'scan.pdf')).rejects.toMatchObject({ zh: expect.stringContaining('需要先做文字识别（OCR）') })
  })
})

describe('bad input', () => {
  it('refuses a zip bomb by its declared size, before inflating anything', () => {
    // A central directory entry declaring 4 GB uncompressed.
    const name = Buffer.from('word/document.xml')
    const central = Buffer.alloc(46 + name.length)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt32LE(0xfffffff0, 24)
    central.writeUInt16LE(name.length, 28)
    name.copy(central, 46)
    const eocd = Buffer.alloc(22)
    eocd.writeUInt32LE(0x06054b50, 0)
    eocd.writeUInt16LE(1, 8)
    eocd.writeUInt16LE(1, 10)
    eocd.writeUInt32LE(central.length, 12)
    eocd.writeUInt32LE(4, 16)
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04'), central, eocd])
    expect(checkDocxZip(bytes)).toMatchObject({ ok: false, problem: 'too-large' })
  })

  it('an encrypted .docx (an OLE container) is named as such', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])
    await expect(convert(ole, 'secret.docx')).rejects.toMatchObject({ zh: expect.stringContaining('文件已加密') })
  })

  it('a .wps file is told to be saved as .docx', async () => {
    await expect(convert(new Uint8Array([1, 2, 3]), 'plan.wps')).rejects.toMatchObject({ zh: expect.stringContaining('另存为” .docx') })
  })
})

describe('yuanku import (CLI)', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yuanku-import-'))
    cpSync(join(ROOT, 'plans'), join(dir, 'lib'), { recursive: true })
    const input = join(dir, 'in')
    cpSync(join(ROOT, 'plans/README.md'), join(dir, 'keep.md'))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(input)
    writeFileSync(join(input, 'a-styled.docx'), await styledDocx())
    writeFileSync(join(input, 'b-wrapped.docx'), await wrappedDocx())
    writeFileSync(join(input, 'c-broken.docx'), Buffer.from('PK\x03\x04 not really a zip'))
    writeFileSync(join(input, 'd-old.wps'), Buffer.from('WPS'))
    writeFileSync(join(input, '~$a-styled.docx'), Buffer.from('lock file'))
    // A 200 MB document: refused by its size without being read.
    const { openSync, ftruncateSync, closeSync } = await import('node:fs')
    const fd = openSync(join(input, 'e-huge.docx'), 'w')
    ftruncateSync(fd, 200 * 1024 * 1024)
    closeSync(fd)
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('imports a folder: good files written, bad ones reported, exit 1; then lints the new files', async () => {
    const result = await run(process.execPath, [YUANKU, 'import', 'in', '--library', 'lib', '--today', TODAY, '--report', 'report.json'], { cwd: dir }).catch((e) => e)
    expect(result.code).toBe(1)
    expect(readdirSync(join(dir, 'lib/imported')).sort()).toEqual(['xishan-xian-flood-2.md', 'xishan-xian-flood.md'])
    const out: string = result.stdout
    expect(out).toContain('✔ in/a-styled.docx → lib/imported/xishan-xian-flood.md（docx，13 个标题）')
    expect(out).toContain('✖ in/c-broken.docx\n    文件已损坏或不是 .docx 文档（不是有效的 ZIP 包）')
    expect(out).toContain('✖ in/d-old.wps\n    不支持 WPS 文字格式（.wps）')
    expect(out).toContain('✖ in/e-huge.docx\n    文件过大（200 MB，上限 50 MB）')
    expect(out).toContain('导入 5 个文件：2 个成功，3 个失败')
    expect(out).toContain('检查结果 / findings in the imported files:')
    expect(out).not.toContain('~$')
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
    expect(report.map((r: { file: string; ok: boolean }) => [r.file, r.ok])).toEqual([
      ['in/a-styled.docx', true],
      ['in/b-wrapped.docx', true],
      ['in/c-broken.docx', false],
      ['in/d-old.wps', false],
      ['in/e-huge.docx', false],
    ])
    expect(report[0].draft.jurisdiction).toMatchObject({ value: 'xishan-xian', confidence: 'high' })
  }, 120_000)

  it('never overwrites: a second import takes the next free id; --dry-run writes nothing', async () => {
    const before = readFileSync(join(dir, 'lib/imported/xishan-xian-flood.md'), 'utf8')
    await run(process.execPath, [YUANKU, 'import', 'in/a-styled.docx', '--library', 'lib', '--today', TODAY, '--no-lint'], { cwd: dir })
    expect(readFileSync(join(dir, 'lib/imported/xishan-xian-flood.md'), 'utf8')).toBe(before)
    expect(existsSync(join(dir, 'lib/imported/xishan-xian-flood-3.md'))).toBe(true)
    const dry = await run(process.execPath, [YUANKU, 'import', 'in/a-styled.docx', '--library', 'lib', '--today', TODAY, '--dry-run'], { cwd: dir })
    expect(dry.stdout).toContain('将写入 lib/imported/xishan-xian-flood-4.md')
    expect(dry.stdout).toContain('----- lib/imported/xishan-xian-flood-4.md -----\n---\n')
    expect(existsSync(join(dir, 'lib/imported/xishan-xian-flood-4.md'))).toBe(false)
  }, 120_000)

  it('usage errors exit 2 with a message, no stack trace', async () => {
    const missing = await run(process.execPath, [YUANKU, 'import', 'nowhere.docx', '--library', 'lib'], { cwd: dir }).catch((e) => e)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('找不到“nowhere.docx”')
    expect(missing.stderr).not.toMatch(/\n\s+at /)
    const jurisdiction = await run(process.execPath, [YUANKU, 'import', 'in/a-styled.docx', '--library', 'lib', '--jurisdiction', 'nowhere'], { cwd: dir }).catch((e) => e)
    expect(jurisdiction.code).toBe(2)
    expect(jurisdiction.stderr).toContain('units.yaml 中没有“nowhere”')
  }, 60_000)
})

describe('round trip: a plan of the example library exported as .docx, then imported', () => {
  it('keeps every heading at its level, the owner, type, hazards, lead and responsible units', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuanku-roundtrip-'))
    try {
      const exported = await run(process.execPath, [YUANKU, 'export', 'shi-fangxun', '--format', 'docx', '--out', dir, '--library', join(ROOT, 'plans')], { cwd: ROOT })
      expect(exported.stdout).toContain('shi-fangxun.docx')
      const original = readFileSync(join(ROOT, 'plans/city/special/shi-fangxun.md'), 'utf8')
      const c = await convert(readFileSync(join(dir, 'shi-fangxun.docx')), 'shi-fangxun.docx')
      const imported = headings(c.markdown)
      const before = headings(original)
      // The body's outline comes back unchanged; the export's annexes (职责任务清单…) follow it.
      expect(imported.slice(0, before.length)).toEqual(before)
      expect(imported.slice(before.length)).toEqual(['## 附件1 职责任务清单', '## 附件2 响应分级、启动条件和指挥', '## 附件3 应急联络方式'])
      const fm = frontmatter(c.markdown)
      const was = frontmatter(original)
      expect({ title: fm.title, type: fm.type, jurisdiction: fm.jurisdiction, hazards: fm.hazards, lead_unit: fm.lead_unit }).toEqual({
        title: was.title,
        type: was.type,
        jurisdiction: was.jurisdiction,
        hazards: was.hazards,
        lead_unit: was.lead_unit,
      })
      expect(fm.units.map((u: { unit: string }) => u.unit).sort()).toEqual(was.units.map((u: { unit: string }) => u.unit).sort())
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

