// How plan text written in other house styles becomes the document: chapters as `#`, numbered 附件 chapters,
// soft line breaks in Chinese text, stray control characters, marks by status.
import { describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadLibrary } from '../../scripts/lib/load/library.ts'
import { chineseDate, clean, officialDocument, type Block, type OfficialDocument } from '../../scripts/lib/export/model.ts'

const LIB = fileURLToPath(new URL('./fixtures/lib/', import.meta.url))

function docOf(body: string, front: Record<string, string> = {}): OfficialDocument {
  const dir = mkdtempSync(join(tmpdir(), 'yuanku-model-'))
  for (const f of ['units.yaml', 'library.yaml']) cpSync(join(LIB, f), join(dir, f))
  const fm = { status: 'published', ...front }
  writeFileSync(
    join(dir, 'p.md'),
    `---\nid: p\ntitle: 青石镇地质灾害应急预案\ntype: special\njurisdiction: qingshi-zhen\ncategory: [natural]\nhazards: [geological]\nissuer: qingshi-zhengfu\nunits: []\nparents: []\nstatus: ${fm.status}\nversion: v1\ndates: {}\n---\n${body}`,
  )
  const library = loadLibrary(dir)
  return officialDocument(library.planById.get('p')!, library, { appendices: false })
}

const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === 'heading').map((b) => `${(b as { level: number }).level} ${(b as { runs: { text: string }[] }).runs.map((r) => r.text).join('')}`)

describe('the document model', () => {
  it('takes the shallowest heading as level 一 when chapters are written with #', () => {
    const doc = docOf('# 第一章 总则\n\n## 第一条 目的\n\n正文。\n\n### 一、细则\n\n# 第二章 组织机构\n')
    expect(headings(doc.body)).toEqual(['1 第一章 总则', '2 第一条 目的', '3 一、细则', '1 第二章 组织机构'])
  })

  it('drops a first # heading that repeats the title, and keeps one that does not', () => {
    expect(headings(docOf('# 青石镇 地质灾害应急预案\n\n## 一、总则\n').body)).toEqual(['1 一、总则'])
    expect(headings(docOf('# 附：修订说明\n\n## 一、总则\n').body)).toEqual(['1 附：修订说明', '2 一、总则'])
  })

  it('reads a numbered 附件 chapter whose sub-headings are the annexes', () => {
    const doc = docOf('## 1 总则\n\n正文。\n\n## 9 附件\n\n1. 物资清单\n2. 路线图\n\n### 9.1 应急物资清单\n\n| 物资 | 数量 |\n| --- | --- |\n| 沙袋 | 500 |\n\n### 附件2：转移路线\n\n沿镇道向东。\n\n#### 集合点\n\n镇中学操场。\n')
    expect(headings(doc.body)).toEqual(['1 1 总则'])
    expect(doc.annexes.map((a) => `${a.number} ${a.title}`)).toEqual(['1 应急物资清单', '2 转移路线'])
    expect(doc.annexes[1].blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(headings(doc.annexes[1].blocks)).toEqual(['1 集合点'])
  })

  it('joins soft-wrapped Chinese lines without a space and drops control characters', () => {
    expect(clean('各乡镇应当\n及时报告，\nand report\nin time\u0007。')).toBe('各乡镇应当及时报告，and report in time。')
    const p = docOf('## 一、总则\n\n各乡镇应当\n及时报告。\n').body[1]
    expect(p).toEqual({ kind: 'paragraph', runs: [{ text: '各乡镇应当及时报告。' }] })
  })

  it('marks a draft 草案 and a plan under review 征求意见稿, not a published one', () => {
    expect(docOf('正文。', { status: 'draft' }).mark).toBe('草案')
    expect(docOf('正文。', { status: 'review' }).mark).toBe('征求意见稿')
    expect(docOf('正文。').mark).toBeUndefined()
  })

  it('writes 成文日期 with Arabic numerals and no leading zeros', () => {
    expect(chineseDate('2024-02-05')).toBe('2024年2月5日')
    expect(chineseDate('')).toBe('')
  })
})
