// A plan as an official document (公文), before it is written as .docx or printed as PDF. Both writers read
// this one model, built from the loader's mdast tree (the same tree the site renders), so the two files
// never disagree on headings, annexes or tables. Nothing here knows about Word or HTML.
//
// Layout facts after GB/T 9704-2012《党政机关公文格式》: heading levels 一、 → （一） → 1. → （1）; 附件 listed
// after the body as "附件：1. …", each annex on a new page headed "附件1"; 发文字号 as 机关代字〔年份〕序号.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import type { Root, RootContent, PhrasingContent, ListItem, Table, Image, Heading } from 'mdast'
import { PLAN_STATUSES } from '../model/vocabulary.ts'
import { toString } from 'mdast-util-to-string'
import type { Plan } from '../model/plan.ts'
import type { Library } from '../model/library.ts'
import { planView, unitResolver, type PlanView } from '../site/model.ts'
import { imageInfo, type ImageInfo } from './image.ts'

export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  /** A line break inside the paragraph (Markdown hard break). */
  br?: boolean
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; indent?: number; plain?: boolean }
  | { kind: 'list-item'; label: string; runs: Run[]; depth: number }
  | { kind: 'table'; header: Run[][]; rows: Run[][][] }
  | { kind: 'image'; alt: string; image: ImageInfo }

export interface Annex {
  /** 1-based number shown as 附件1. */
  number: number
  title: string
  blocks: Block[]
}

/** What the export could not carry over (a missing image): said to the user, the document is still written. */
export interface ExportWarning {
  messageId: 'image-missing' | 'image-remote' | 'image-unsupported' | 'image-outside'
  url: string
  line: number
  column: number
}

export interface Notice {
  /** 发文字号, e.g. 示府办发〔2024〕12号. */
  number: string
  /** 发文机关署名. */
  office: string
  /** 主送机关, ending with a full-width colon. */
  recipients: string
  /** The notice's title: 〈office〉关于印发〈plan title〉的通知. */
  title: string
  paragraphs: string[]
  /** 成文日期 in the GB/T 9704 form: 2024年12月5日 (empty when the plan has no date for it). */
  date: string
}

export interface OfficialDocument {
  id: string
  title: string
  /** 征求意见稿 / 草案 / 已废止 …: a document not in force says so under its title. */
  mark?: string
  notice?: Notice
  body: Block[]
  annexes: Annex[]
  warnings: ExportWarning[]
}

export interface NoticeSettings {
  enabled?: boolean
  office?: string
  recipients?: string
  text?: string
}

export interface ExportOptions {
  /** A public build: contacts never appear. */
  public?: boolean
  /** Frontmatter appendix tables (units and duties, response levels, contacts). Default true. */
  appendices?: boolean
  /** The 印发通知 front page: on when the plan has a doc_number, unless settings say otherwise. */
  notice?: boolean
  noticeSettings?: NoticeSettings
}

// A draft's mark is the document's own word (草案, 征求意见稿); a plan no longer in force carries its status.
const MARKS: Record<string, string> = { draft: '草案', review: '征求意见稿', superseded: PLAN_STATUSES.superseded.zh, retired: PLAN_STATUSES.retired.zh }

const NUMBERING = /^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分篇]|[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇]+[、.．]|\d+(?:[.．]\d+)*[.．、]?)[\s\u3000]*/
const ANNEX = /^(附件|附录|附表)\s*([0-9０-９一二三四五六七八九十]*)\s*[：:．.、\s]*/

/** Chinese 成文日期: Arabic numerals, no leading zeros (GB/T 9704-2012 7.3.5.4). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ''
}

interface Ctx {
  plan: Plan
  root: string
  warnings: ExportWarning[]
  /** Depth of the shallowest heading of the part being built: it becomes level 一. */
  top: number
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

/**
 * Text as printed: a line break inside a paragraph next to Chinese text joins without a space
 * and other text with one; control characters, which make a .docx unreadable, are dropped.
 */
export function clean(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]*\r?\n[ \t]*/g, (_m, offset: number, all: string) => (CJK.test(all[offset - 1] ?? '') || CJK.test(all[offset + _m.length] ?? '') ? '' : ' '))
}

function runs(nodes: PhrasingContent[], ctx: Ctx, style: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const out: Run[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: clean(node.value), ...style })
        break
      case 'strong':
        out.push(...runs(node.children, ctx, { ...style, bold: true }))
        break
      case 'emphasis':
        out.push(...runs(node.children, ctx, { ...style, italic: true }))
        break
      case 'delete':
        out.push(...runs(node.children, ctx, style))
        break
      case 'inlineCode':
        out.push({ text: node.value, ...style })
        break
      case 'break':
        out.push({ text: '', br: true })
        break
      case 'link': {
        const text = toString(node)
        out.push(...runs(node.children, ctx, style))
        // Paper has no links: a web address is printed beside its text; links between plans keep their text only.
        if (/^(https?|mailto):/i.test(node.url) && text.trim() !== node.url.replace(/^mailto:/i, '')) out.push({ text: `（${node.url.replace(/^mailto:/i, '')}）`, ...style })
        break
      }
      case 'linkReference':
        out.push(...runs(node.children, ctx, style))
        break
      case 'image':
        out.push({ text: node.alt ? `［图：${node.alt}］` : '［图］', ...style })
        break
      case 'html':
        out.push({ text: node.value, ...style })
        break
      case 'footnoteReference':
        out.push({ text: `［注${node.identifier}］`, ...style })
        break
      default:
        if ('children' in node) out.push(...runs((node as { children: PhrasingContent[] }).children, ctx, style))
        else if ('value' in node) out.push({ text: String((node as { value: unknown }).value), ...style })
    }
  }
  return out
}

function imageBlock(node: Image, ctx: Ctx): Block | undefined {
  const line = node.position?.start.line ?? 0
  const column = node.position?.start.column ?? 0
  const warn = (messageId: ExportWarning['messageId']) => {
    ctx.warnings.push({ messageId, url: node.url, line, column })
    return undefined
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) return warn('image-remote')
  let path: string
  try {
    path = resolve(dirname(ctx.plan.absPath), decodeURIComponent(node.url.replace(/[?#].*$/, '')))
  } catch {
    return warn('image-missing')
  }
  const rel = relative(ctx.root, path)
  // A plan may only bring in files of its own library: a shared library must not leak the machine's files.
  if (rel.startsWith('..') || rel.split(sep)[0] === '..' || resolve(ctx.root, rel) !== path) return warn('image-outside')
  if (!existsSync(path) || !statSync(path).isFile()) return warn('image-missing')
  const info = imageInfo(readFileSync(path))
  if (!info) return warn('image-unsupported')
  return { kind: 'image', alt: node.alt ?? '', image: info }
}

/** A paragraph that is only an image (and spaces) becomes an image block; any other image stays as its alt text. */
function paragraph(children: PhrasingContent[], ctx: Ctx): Block[] {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break')
  if (meaningful.length > 0 && meaningful.every((c) => c.type === 'image')) {
    return meaningful.map((img) => imageBlock(img as Image, ctx) ?? { kind: 'paragraph', runs: runs([img], ctx), plain: true })
  }
  const r = runs(children, ctx)
  return r.length ? [{ kind: 'paragraph', runs: r }] : []
}

function listBlocks(items: ListItem[], ordered: boolean, start: number, depth: number, ctx: Ctx): Block[] {
  const out: Block[] = []
  items.forEach((item, i) => {
    const label = item.checked === true ? '☑' : item.checked === false ? '□' : ordered ? `${start + i}.` : '•'
    let first = true
    for (const child of item.children) {
      if (child.type === 'paragraph' && first) {
        out.push({ kind: 'list-item', label, runs: runs(child.children, ctx), depth })
        first = false
      } else if (child.type === 'list') {
        if (first) out.push({ kind: 'list-item', label, runs: [], depth })
        first = false
        out.push(...listBlocks(child.children, child.ordered === true, child.start ?? 1, depth + 1, ctx))
      } else {
        for (const b of blocks([child], ctx)) out.push(b.kind === 'paragraph' ? { ...b, indent: depth + 1 } : b)
        first = false
      }
    }
    if (first) out.push({ kind: 'list-item', label, runs: [], depth })
  })
  return out
}

function tableBlock(node: Table, ctx: Ctx): Block {
  const cells = node.children.map((row) => row.children.map((cell) => runs(cell.children, ctx)))
  const width = Math.max(...cells.map((r) => r.length))
  const pad = (r: Run[][]) => [...r, ...Array.from({ length: width - r.length }, () => [] as Run[])]
  return { kind: 'table', header: pad(cells[0] ?? []), rows: cells.slice(1).map(pad) }
}

function blocks(nodes: RootContent[], ctx: Ctx): Block[] {
  const out: Block[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(4, Math.max(1, node.depth - ctx.top + 1)) as 1 | 2 | 3 | 4
        out.push({ kind: 'heading', level, runs: runs(node.children, ctx) })
        break
      }
      case 'paragraph':
        out.push(...paragraph(node.children, ctx))
        break
      case 'list':
        out.push(...listBlocks(node.children, node.ordered === true, node.start ?? 1, 0, ctx))
        break
      case 'table':
        out.push(tableBlock(node, ctx))
        break
      case 'blockquote':
        for (const b of blocks(node.children, ctx)) out.push(b.kind === 'paragraph' ? { ...b, indent: (b.indent ?? 0) + 1 } : b)
        break
      case 'code':
        for (const line of node.value.split('\n')) out.push({ kind: 'paragraph', runs: [{ text: line }], plain: true })
        break
      case 'html':
        out.push({ kind: 'paragraph', runs: [{ text: node.value }] })
        break
      case 'footnoteDefinition':
        out.push({ kind: 'paragraph', runs: [{ text: `注${node.identifier}：` }, ...blocks(node.children, ctx).flatMap((b) => ('runs' in b ? b.runs : []))] })
        break
      default:
        // yaml (the frontmatter), thematic breaks and definitions print nothing.
        break
    }
  }
  return out
}

interface Split {
  body: RootContent[]
  annexes: { title: string; nodes: RootContent[] }[]
}

/**
 * Separates the plan body from its annexes: a level-2 heading "附件1 …" (or 附录/附表) starts one, and a bare
 * "附件" heading whose level-3 headings are the annexes holds several.
 */
function splitAnnexes(tree: Root, title: string): Split {
  const nodes = tree.children.filter((n) => n.type !== 'yaml')
  // The first level-1 heading repeats the title the document already prints in its own style.
  const h1 = nodes.findIndex((n) => n.type === 'heading' && n.depth === 1)
  if (h1 !== -1 && nodes.slice(0, h1).every((n) => n.type === 'html' || n.type === 'definition')) {
    const squash = (t: string) => t.replace(/[\s\u3000]+/g, '')
    if (squash(toString(nodes[h1])) === squash(title)) nodes.splice(h1, 1)
  }
  const split: Split = { body: [], annexes: [] }
  let current: { title: string; nodes: RootContent[] } | undefined
  let holder = false
  for (const node of nodes) {
    const heading = node.type === 'heading' ? (node as Heading) : undefined
    // "9 附件" and "九、附件" are annex headings too: the numbering is stripped before matching.
    const text = heading ? toString(heading).trim().replace(NUMBERING, '') : ''
    if (heading && heading.depth <= 2) {
      current = undefined
      holder = false
      if (ANNEX.test(text)) {
        const rest = text.replace(ANNEX, '').trim()
        if (rest === '' || /^(列表|清单)$/.test(rest)) holder = true
        else split.annexes.push((current = { title: rest, nodes: [] }))
        continue
      }
    } else if (heading && holder && heading.depth === 3) {
      split.annexes.push((current = { title: text.replace(ANNEX, '').trim() || text, nodes: [] }))
      continue
    }
    if (current) current.nodes.push(heading && holder ? { ...heading, depth: Math.max(2, heading.depth - 1) as Heading['depth'] } : node)
    else if (!holder) split.body.push(node)
  }
  return split
}

const ROLE: Record<string, string> = { lead: '牵头', member: '成员', support: '支持' }
const LEVEL: Record<string, string> = { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' }

/** The frontmatter's lists as annex tables: a printed plan carries its 职责任务清单 and 分级响应 with it. */
function frontmatterAnnexes(view: PlanView, unitName: (id: string) => string, options: ExportOptions): Omit<Annex, 'number'>[] {
  const cell = (text: string): Run[] => [{ text }]
  const out: Omit<Annex, 'number'>[] = []
  if (view.units.length) {
    out.push({
      title: '职责任务清单',
      blocks: [{ kind: 'table', header: [cell('单位'), cell('角色'), cell('职责任务')], rows: view.units.map((u) => [cell(unitName(u.unit)), cell(ROLE[u.role] ?? u.role), u.duties.length ? u.duties.flatMap((d, i) => (i ? [{ text: '', br: true }, { text: `${i + 1}. ${d}` }] : [{ text: u.duties.length > 1 ? `1. ${d}` : d }])) : cell('—')]) }],
    })
  }
  if (view.responseLevels.length) {
    out.push({
      title: '响应分级、启动条件和指挥',
      blocks: [{ kind: 'table', header: [cell('响应级别'), cell('启动条件'), cell('指挥')], rows: view.responseLevels.map((r) => [cell(LEVEL[r.level] ?? r.level), cell(r.trigger), cell(r.commander || '—')]) }],
    })
  }
  if (view.contacts.length && !options.public) {
    out.push({
      title: '应急联络方式',
      blocks: [{ kind: 'table', header: [cell('单位'), cell('岗位'), cell('电话')], rows: view.contacts.map((c) => [cell(unitName(c.unit)), cell(c.role), cell(c.phone)]) }],
    })
  }
  return out
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m)
}

function buildNotice(plan: Plan, view: PlanView, unitName: (id: string) => string, settings: NoticeSettings): Notice | undefined {
  const data = plan.data as unknown as Record<string, unknown>
  const number = typeof data.doc_number === 'string' ? data.doc_number.trim() : ''
  if (!number) return undefined
  const office = settings.office?.trim() || unitName(view.issuer)
  const values = { title: view.title, office, number }
  const text = settings.text ?? '现将《{title}》印发给你们，请认真贯彻执行。'
  return {
    number,
    office,
    recipients: settings.recipients?.trim() ?? '',
    title: `${office}关于印发${view.title}的通知`,
    paragraphs: fill(text, values).split(/\n+/).map((p) => p.trim()).filter(Boolean),
    date: chineseDate(view.dates.published ?? view.dates.approved ?? ''),
  }
}

/** A plan of the library → the official document both writers print. */
export function officialDocument(plan: Plan, library: Library, options: ExportOptions = {}): OfficialDocument {
  const view = planView(plan)
  const resolveUnit = unitResolver(library)
  const unitName = (text: string) => library.units.get(resolveUnit(text))?.name ?? text
  const ctx: Ctx = { plan, root: library.root, warnings: [], top: 2 }
  const split = splitAnnexes(plan.tree, view.title)
  const top = (nodes: RootContent[]) => Math.min(6, ...nodes.filter((n) => n.type === 'heading').map((n) => (n as Heading).depth))
  const annexes: Annex[] = split.annexes.map((a) => ({ title: a.title, blocks: blocks(a.nodes, { ...ctx, top: top(a.nodes) }), number: 0 }))
  const body = blocks(split.body, { ...ctx, top: top(split.body) })
  if (options.appendices !== false) annexes.push(...frontmatterAnnexes(view, unitName, options).map((a) => ({ ...a, number: 0 })))
  annexes.forEach((a, i) => (a.number = i + 1))
  const noticeSettings = options.noticeSettings ?? {}
  const wantNotice = options.notice ?? noticeSettings.enabled ?? true
  return {
    id: view.id,
    title: view.title,
    mark: MARKS[view.status],
    notice: wantNotice ? buildNotice(plan, view, unitName, noticeSettings) : undefined,
    body,
    annexes,
    warnings: ctx.warnings,
  }
}

/**
 * Relative column widths from the text the columns hold: a 序号 column stays narrow, a duties column gets the
 * room. Each column gets at least its header (header cells never wrap) and at most about half the width.
 */
export function columnWeights(block: { header: Run[][]; rows: Run[][][] }): number[] {
  const len = (cell: Run[]) => Math.max(0, ...cell.map((r) => r.text).join('').split('\n').map((t) => [...t].length))
  return block.header.map((h, i) => Math.min(24, Math.max(2, len(h), ...block.rows.map((r) => Math.min(24, len(r[i] ?? []))))))
}

/** Every heading's text in document order (notice, title, body, annex labels and titles): what a reader scans. */
export function headingTexts(doc: OfficialDocument): string[] {
  const text = (r: Run[]) => r.map((x) => x.text).join('')
  return [
    doc.title,
    ...doc.body.filter((b) => b.kind === 'heading').map((b) => text((b as { runs: Run[] }).runs)),
    ...doc.annexes.flatMap((a) => [a.title, ...a.blocks.filter((b) => b.kind === 'heading').map((b) => text((b as { runs: Run[] }).runs))]),
  ]
}
