// From a document's blocks to a plan body: the title found, a 印发通知 wrapper and a 目录 removed, and the
// Chinese official numbering turned into Markdown heading levels whether or not Word styles said so.
import type { Heading, List, ListItem, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { heading, paragraph } from './blocks.ts'
import { ANNEX, BULLET, readLabel, usesArabicChapters, type LabelOptions } from './labels.ts'
import { isPageNumber } from './page-furniture.ts'
import { parseChineseNumber, parseChineseYear } from './numerals.ts'

export interface Wrapper {
  /** 发文字号, e.g. 北府办发〔2021〕12号 */
  docNumber?: string
  /** 印发日期 as YYYY-MM-DD */
  date?: string
  /** The issuing office as signed, e.g. 北原市人民政府办公室 */
  issuer?: string
}

export interface Structured {
  title?: string
  wrapper?: Wrapper
  /** Dates written on a cover page or after the title (YYYY-MM-DD). */
  coverDate?: string
  body: Root
  notes: string[]
}

const squash = (s: string) => s.replace(/[\s　]+/g, '')
const textOf = (node: RootContent) => toString(node).trim()

const DOC_NUMBER = /([\p{Script=Han}]{1,16}[〔\[【（(﹝]\s*\d{4}\s*[〕\]】）)﹞]\s*\d{1,4}\s*号)/u
const DATE = /(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/

/** "2021年4月12日" or "二〇二一年四月十二日" → 2021-04-12. */
export function readDate(text: string): string | undefined {
  const m = text.match(DATE)
  if (!m) return undefined
  const year = /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseYear(m[1])
  const month = /^\d+$/.test(m[2]) ? Number(m[2]) : parseChineseNumber(m[2])
  const day = /^\d+$/.test(m[3]) ? Number(m[3]) : parseChineseNumber(m[3])
  if (!year || !month || !day || month > 12 || day > 31) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const NOTICE = /关于印发(.+?)的通知/
const OPENNESS = /^[（(]此件[^）)]{0,12}[)）]$/

/** Removes a 印发通知 in front of the plan; its number, date and signature go to the frontmatter. */
function unwrap(blocks: RootContent[]): { blocks: RootContent[]; title?: string; wrapper?: Wrapper } {
  const at = blocks.slice(0, 12).findIndex((b) => NOTICE.test(textOf(b)) && textOf(b).length < 120)
  if (at < 0) return { blocks }
  const title = textOf(blocks[at]).match(NOTICE)![1].replace(/[《》]/g, '').trim()
  const wrapper: Wrapper = {}
  for (const b of blocks.slice(0, at + 1)) wrapper.docNumber ??= textOf(b).match(DOC_NUMBER)?.[1].replace(/\s+/g, '')
  let end = blocks.findIndex((b, i) => i > at && squash(textOf(b)) === squash(title))
  const searchTo = end > 0 ? end : Math.min(blocks.length, at + 15)
  for (let i = at + 1; i < searchTo; i++) {
    const text = textOf(blocks[i])
    const date = text.length < 30 ? readDate(text) : undefined
    if (date) {
      wrapper.date = date
      const signer = textOf(blocks[i - 1] ?? blocks[i])
      if (i - 1 > at && signer.length < 30 && /(政府|办公室|委员会|指挥部|管理局|局|厅|公司)$/.test(signer)) wrapper.issuer = signer
      if (end < 0) end = i
    }
  }
  if (end < 0) return { blocks, title: undefined }
  let rest = blocks.slice(end)
  if (squash(textOf(rest[0])) === squash(title)) rest = rest.slice(1)
  else rest = rest.slice(1).filter((b, i) => !(i === 0 && OPENNESS.test(textOf(b))))
  rest = rest.filter((b, i) => !(i < 3 && OPENNESS.test(textOf(b))))
  return { blocks: rest, title, wrapper }
}

/** The title: a level-1 heading, else the first short line near the top that names a 预案 or 方案. */
function takeTitle(blocks: RootContent[]): { blocks: RootContent[]; title?: string; coverDate?: string } {
  const limit = Math.min(blocks.length, 8)
  let at = blocks.slice(0, limit).findIndex((b) => b.type === 'heading' && b.depth === 1)
  if (at < 0) at = blocks.slice(0, limit).findIndex((b) => /预案|方案/.test(textOf(b)) && textOf(b).length <= 60 && !readLabel(textOf(b)) && !/[。；]$/.test(textOf(b)))
  if (at < 0) return { blocks }
  let title = textOf(blocks[at])
  let next = at + 1
  // A long title broken over two lines (GB/T 9704 allows it): the next short line that ends the name.
  const second = blocks[next]
  if (second && second.type === blocks[at].type && !/预案|方案/.test(title) && /预案|方案$/.test(textOf(second)) && textOf(second).length < 30) {
    title += textOf(second)
    next++
  }
  let coverDate: string | undefined
  for (const b of [...blocks.slice(0, at), ...blocks.slice(next, next + 2)]) {
    const t = textOf(b)
    if (t.length < 30) coverDate ??= readDate(t)
  }
  // Cover lines before the title (issuer, date, 征求意见稿) and a date line right after it are not body text.
  let after = next
  while (after < blocks.length && after < next + 2 && textOf(blocks[after]).length < 30 && (readDate(textOf(blocks[after])) || /^[（(].*(稿|版)[)）]$/.test(textOf(blocks[after])))) after++
  return { blocks: blocks.slice(after), title: title.replace(/[\s　]+/g, ''), coverDate }
}

const LEADER = /[.．·…\s　]{2,}\d{1,4}$|\s\d{1,4}$/

/** Removes a 目录 (table of contents): its entries repeat later headings, usually with page numbers. */
function dropToc(blocks: RootContent[]): { blocks: RootContent[]; removed: boolean } {
  const at = blocks.slice(0, Math.max(10, blocks.length / 3)).findIndex((b) => /^目录$|^目次$/.test(squash(textOf(b))))
  if (at < 0) return { blocks, removed: false }
  const later = new Set(blocks.slice(at + 1).map((b) => squash(textOf(b))))
  let end = at + 1
  const isEntry = (b: RootContent) => {
    const t = textOf(b)
    if (b.type === 'list' || b.type === 'table') return true
    const bare = squash(t.replace(LEADER, ''))
    return LEADER.test(t) || (bare.length < 40 && [...later].some((l, i) => i > 0 && l === bare))
  }
  while (end < blocks.length && isEntry(blocks[end])) {
    // Stop at the first entry's real heading: the body begins when a line repeats the first entry.
    const bare = squash(textOf(blocks[end]).replace(LEADER, ''))
    const firstAgain = end > at + 1 && bare === squash(textOf(blocks[at + 1]).replace(LEADER, ''))
    if (firstAgain) break
    end++
  }
  return { blocks: [...blocks.slice(0, at), ...blocks.slice(end)], removed: true }
}

const firstSentence = (text: string) => {
  const m = text.match(/^([^。；！？]{1,24})[。；！？](.+)$/)
  return m ? { head: m[1], rest: m[2] } : undefined
}

const asDepth = (n: number) => Math.min(6, Math.max(2, n)) as 2 | 3 | 4 | 5 | 6

/** Paragraphs labelled 一、（一）1. become headings; （1）① become list items; 附件 start annexes. */
function levels(blocks: RootContent[]): RootContent[] {
  const options: LabelOptions = { arabicChapters: usesArabicChapters(blocks.filter((b) => b.type === 'heading' || b.type === 'paragraph').map(textOf)) }
  const out: RootContent[] = []
  let list: List | undefined
  const closeList = () => {
    if (list) out.push(list)
    list = undefined
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    const text = textOf(block)
    if (block.type === 'paragraph' && isPageNumber(text)) continue
    const annexLabel = text.length <= 40 ? text.match(ANNEX) : null
    // "附件：1. 职责任务清单" followed by "2. …": the list of annexes after the body (GB/T 9704), not headings.
    if (annexLabel && /^\d+[.．、]/.test(annexLabel[2])) {
      closeList()
      const entries = [annexLabel[2]]
      while (blocks[i + 1] && /^\d+[.．、]\s*\S/.test(textOf(blocks[i + 1])) && textOf(blocks[i + 1]).length <= 40) entries.push(textOf(blocks[++i]))
      out.push(paragraph(`附件：${entries.join('；')}`))
      continue
    }
    if ((block.type === 'heading' || block.type === 'paragraph') && annexLabel && !annexLabel[2] && !/[。；]/.test(text)) {
      // "附件1" on its own line with the annex title as the next line (a heading or a short paragraph).
      closeList()
      const next = blocks[i + 1]
      const title = next && (next.type === 'heading' || next.type === 'paragraph') && textOf(next).length <= 40 && !ANNEX.test(textOf(next)) ? textOf(next) : ''
      if (title) i++
      out.push(heading(2, title ? `${text} ${title}` : text))
      continue
    }
    if (block.type === 'heading') {
      closeList()
      const label = readLabel(text, options)
      const depth = label && label.depth > 0 ? label.depth : block.depth + 1
      out.push({ ...block, depth: asDepth(depth) } as Heading)
      continue
    }
    if (block.type === 'table' && block.children.length > 1 && block.children[0].children.every((c) => !textOf(c as never))) {
      // Word tables have no header cells: rehype-remark then invents an empty first row.
      closeList()
      out.push({ ...block, children: block.children.slice(1) })
      continue
    }
    if (block.type !== 'paragraph') {
      closeList()
      out.push(block)
      continue
    }
    const annex = text.length <= 40 ? text.match(ANNEX) : null
    if (annex && !/[。；]/.test(text)) {
      closeList()
      let name = text
      const next = blocks[i + 1]
      if (!annex[2] && next?.type === 'paragraph' && textOf(next).length <= 40 && !/[。；]/.test(textOf(next)) && !ANNEX.test(textOf(next))) {
        name = `${text.replace(/[：:]$/, '')} ${textOf(next)}`
        i++
      }
      out.push(heading(2, name))
      continue
    }
    if (BULLET.test(text)) {
      // A bullet typed as text (or left by an exported list): a list item without the bullet.
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph(text.replace(BULLET, ''))] }
      list ??= { type: 'list', ordered: false, spread: false, children: [] }
      list.children.push(item)
      continue
    }
    const label = readLabel(text, options)
    if (!label) {
      closeList()
      out.push(block)
      continue
    }
    if (label.depth === 0) {
      const item: ListItem = { type: 'listItem', spread: false, children: [block] }
      list ??= { type: 'list', ordered: false, spread: false, children: [] }
      list.children.push(item)
      continue
    }
    closeList()
    const short = text.length <= (label.depth === 2 ? 40 : 30) && !/[。；，,].+/.test(label.rest.replace(/[。；]$/, ''))
    if (short) {
      out.push(heading(asDepth(label.depth), text.replace(/[。；]$/, '')))
      continue
    }
    const split = firstSentence(label.rest)
    if (split) {
      out.push(heading(asDepth(label.depth), `${label.text}${split.head}`))
      out.push(paragraph(split.rest.trim()))
      continue
    }
    out.push(block)
  }
  closeList()
  return out
}

export function structure(tree: Root): Structured {
  const notes: string[] = []
  let blocks = tree.children.filter((b) => !(b.type === 'paragraph' && (isPageNumber(textOf(b)) || textOf(b) === '')))
  const unwrapped = unwrap(blocks)
  blocks = unwrapped.blocks
  if (unwrapped.wrapper) notes.push(`去掉了印发通知${unwrapped.wrapper.docNumber ? `（${unwrapped.wrapper.docNumber}）` : ''}`)
  let title = unwrapped.title
  let coverDate: string | undefined
  if (!title) {
    const taken = takeTitle(blocks)
    blocks = taken.blocks
    title = taken.title
    coverDate = taken.coverDate
  } else if (blocks[0]?.type === 'heading' && squash(textOf(blocks[0])) === squash(title)) blocks = blocks.slice(1)
  const toc = dropToc(blocks)
  if (toc.removed) notes.push('去掉了目录')
  blocks = levels(toc.blocks)
  return { title, wrapper: unwrapped.wrapper, coverDate, body: { type: 'root', children: blocks }, notes }
}
