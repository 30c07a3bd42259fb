// Plan text → safe HTML for the site. One pipeline for every plan: the loader's mdast tree (parsed once,
// shared with the rules) → remark-rehype → rehype-sanitize → rehype-slug → rehype-stringify.
// Raw HTML never reaches the page: it is shown as escaped text (the raw-html rule reports it at lint time),
// and sanitising runs after every step that could produce markup. Images are replaced by their alt text:
// a plan must not make the browser fetch anything, inside or outside the intranet.
import { unified } from 'unified'
import remarkRehype from 'remark-rehype'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import { visit } from 'unist-util-visit'
import type { Root as MdRoot, Link, Image, Html, Definition, ImageReference, LinkReference } from 'mdast'
import type { Root as HRoot, Element, ElementContent, Text } from 'hast'
import { linkTarget } from '../text/links.ts'
import { parseAttributes, splitAttributes } from '../drill/attributes.ts'

export interface TocEntry {
  depth: number
  id: string
  text: string
}

/** A block's source line and the element id it carries. */
export type Block = [line: number, id: string]

/** A plan body as HTML, independent of findings: what the site's render cache keeps. */
export interface RenderedBody {
  html: string
  toc: TocEntry[]
  /** The first block element of each source line that starts one, in line order. */
  blocks: Block[]
}

export interface RenderedPlan {
  html: string
  toc: TocEntry[]
  /** For each requested line, the element id to link to (a heading slug or an `L<line>` anchor). */
  lineAnchors: Map<number, string>
}

export interface RenderContext {
  /** Site URL of a plan page, or undefined when the plan is not on the site (unknown or left out). */
  planHref(id: string): string | undefined
  /** Plan id of a library-relative Markdown path the link resolves to, if it is a plan. */
  planIdAtPath(path: string): string | undefined
  /** Library-relative POSIX path of the plan being rendered (to resolve relative links). */
  path: string
  /** Lines findings point at, to get anchors for. */
  lines?: number[]
  /** Where a link goes instead of the plan rules above (the help pages link between documents). */
  link?(url: string): string | undefined
}

const SAFE_SCHEME = /^(https?|mailto|tel):/i

/** The part of mdast-util-to-hast's handler state the handlers use. */
interface H {
  all(node: unknown): unknown[]
  definitionById: Map<string, unknown>
}

function text(value: string): Text {
  return { type: 'text', value }
}

function resolvePath(from: string, rel: string): string {
  const parts = from.split('/').slice(0, -1)
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.' && seg !== '') parts.push(seg)
  }
  return parts.join('/')
}

/** Where a plan link goes on the site: a plan page, a fragment, a web address, or nowhere (rendered as text). */
function siteHref(url: string, ctx: RenderContext): string | undefined {
  const target = linkTarget(url)
  if (target.kind === 'skip') return SAFE_SCHEME.test(url.trim()) ? url.trim() : undefined
  if (target.kind === 'self') return target.fragment ? `#${target.fragment}` : undefined
  const frag = (f: string) => (f ? `#${f}` : '')
  if (target.kind === 'plan') {
    const href = ctx.planHref(target.id)
    return href && href + frag(target.fragment)
  }
  const id = ctx.planIdAtPath(resolvePath(ctx.path, target.path))
  const href = id ? ctx.planHref(id) : undefined
  return href && href + frag(target.fragment)
}

function handlers(ctx: RenderContext) {
  const link = (state: H, node: Link | LinkReference, url: string | undefined): ElementContent => {
    const children = state.all(node) as ElementContent[]
    const href = url === undefined ? undefined : ctx.link ? ctx.link(url) : siteHref(url, ctx)
    if (!href) return { type: 'element', tagName: 'span', properties: { className: ['dead-link'] }, children }
    const external = SAFE_SCHEME.test(href)
    const properties: Element['properties'] = { href }
    if (external) properties.rel = ['noopener', 'noreferrer', 'nofollow']
    return { type: 'element', tagName: 'a', properties, children }
  }
  const definitionUrl = (state: H, id: string) => (state.definitionById.get(id.toUpperCase()) as Definition | undefined)?.url
  const alt = (value: string | null | undefined): ElementContent => ({ type: 'element', tagName: 'span', properties: { className: ['image-alt'] }, children: [text(value ? `［图：${value}］` : '［图］')] })
  return {
    html: (_state: H, node: Html): ElementContent => ({ type: 'element', tagName: 'code', properties: { className: ['raw-html'] }, children: [text(node.value)] }),
    image: (_state: H, node: Image) => alt(node.alt),
    imageReference: (_state: H, node: ImageReference) => alt(node.alt),
    link: (state: H, node: Link) => link(state, node, node.url),
    linkReference: (state: H, node: LinkReference) => link(state, node, definitionUrl(state, node.identifier)),
  }
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'blockquote', 'pre', 'table', 'hr'])

const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
    a: [...(defaultSchema.attributes?.a ?? []), 'rel'],
    span: [['className', 'dead-link', 'image-alt']],
    code: [['className', 'raw-html', /^language-./]],
  },
}

/** Marks block elements with the source line they start on (the hast keeps mdast positions). */
/**
 * A checklist item's trailing attributes `{分值=5 时限=30分钟 否决}` become badges (5分 · 时限 30分钟 · 否决项),
 * as the checklist page shows them. Attributes that do not parse are left as written, so a reader sees
 * exactly what the author typed.
 */
function attributeBadges() {
  const badge = (label: string, extra?: string): Element => ({ type: 'element', tagName: 'span', properties: { className: ['badge', 'cl-attr', ...(extra ? [extra] : [])] }, children: [{ type: 'text', value: label }] })
  const lastText = (el: Element): Text | undefined => {
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]
      if (c.type === 'text') return c.value.trim() ? c : undefined
      if (c.type === 'element') return c.tagName === 'ul' || c.tagName === 'ol' ? undefined : lastText(c)
    }
    return undefined
  }
  return (tree: HRoot) => {
    visit(tree, 'element', (li: Element) => {
      if (li.tagName !== 'li') return
      // Only the item's own text: before a nested list, in the item or its paragraph.
      const own = li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')))
      const holder: Element = { ...li, children: own }
      const node = lastText(holder)
      if (!node) return
      const { text, raw } = splitAttributes(node.value)
      if (raw === undefined) return
      const { attributes, problems } = parseAttributes(raw)
      if (problems.length || Object.keys(attributes).length === 0) return
      const badges: Element[] = []
      if (attributes.points !== undefined) badges.push(badge(`${attributes.points}分`))
      if (attributes.critical) badges.push(badge('否决项', 'sev-critical'))
      if (attributes.within !== undefined) badges.push(badge(`时限 ${attributes.within}`))
      const found = findParent(holder, node)
      if (!found) return
      // The holder is a filtered view of the item: edit the item itself.
      const parent = found === holder ? li : found
      const at = parent.children.indexOf(node)
      const kept = node.value.slice(0, node.value.length - node.value.trimStart().length) + text
      parent.children.splice(at, 1, { type: 'text', value: `${kept} ` }, ...badges.flatMap((b, i) => (i ? [{ type: 'text' as const, value: ' ' }, b] : [b])))
    })
  }
}

function findParent(el: Element, target: Text): Element | undefined {
  if (el.children.includes(target)) return el
  for (const c of el.children) if (c.type === 'element') {
    const found = findParent(c, target)
    if (found) return found
  }
  return undefined
}

function markLines() {
  return (tree: HRoot) => {
    visit(tree, 'element', (node: Element) => {
      const line = node.position?.start.line
      if (line && BLOCKS.has(node.tagName)) node.properties = { ...node.properties, dataLine: line }
    })
  }
}

function hastText(node: ElementContent | HRoot): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' || node.type === 'root') return (node.children as ElementContent[]).map(hastText).join('')
  return ''
}

/**
 * Every block element that is the first to start on its source line gets an id (its heading slug, or
 * `L<line>`), so that the HTML does not depend on which lines findings point at: a plan's rendering can
 * be cached by its text alone, and any line maps to an anchor afterwards (anchorsFor).
 */
function collect(result: { toc: TocEntry[]; blocks: Block[] }) {
  return () => (tree: HRoot) => {
    let last = 0
    visit(tree, 'element', (el: Element) => {
      const m = /^h([1-6])$/.exec(el.tagName)
      if (m && typeof el.properties?.id === 'string' && Number(m[1]) <= 3) result.toc.push({ depth: Number(m[1]), id: el.properties.id, text: hastText(el) })
      const line = Number(el.properties?.dataLine)
      // Block lines only grow in document order; the first element of a line is the outermost one.
      if (!line || line <= last) return
      last = line
      if (typeof el.properties.id !== 'string') el.properties.id = `L${line}`
      result.blocks.push([line, el.properties.id as string])
    })
  }
}

/** For each line, the id of the last block starting at or before it (blocks sorted by line). */
export function anchorsFor(blocks: readonly Block[], lines: readonly number[]): Map<number, string> {
  const out = new Map<number, string>()
  for (const line of lines) {
    let lo = 0
    let hi = blocks.length - 1
    let best = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (blocks[mid][0] <= line) {
        best = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (best >= 0) out.set(line, blocks[best][1])
  }
  return out
}

/**
 * GFM task items render as disabled checkboxes without a label (an accessibility failure, and nothing a
 * reader can tick on a published plan): show them as ☐ / ☑ with a spoken name instead.
 */
function taskMarks() {
  return (tree: HRoot) => {
    visit(tree, 'element', (el: Element, index, parent) => {
      if (el.tagName !== 'input' || el.properties?.type !== 'checkbox' || !parent || index === undefined) return
      const checked = Boolean(el.properties.checked)
      parent.children[index] = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['task-mark'], role: 'img', ariaLabel: checked ? '已完成' : '未完成' },
        children: [{ type: 'text', value: checked ? '☑' : '☐' }],
      }
    })
  }
}

/** Renders a body (the loader's tree; the frontmatter node is skipped by remark-rehype), whatever its findings. */
export function renderBody(tree: MdRoot, ctx: RenderContext): RenderedBody {
  const result = { toc: [] as TocEntry[], blocks: [] as Block[] }
  const processor = unified()
    .use(remarkRehype, { handlers: handlers(ctx) as never })
    .use(markLines)
    .use(rehypeSanitize, schema as never)
    .use(attributeBadges)
    .use(rehypeSlug)
    .use(taskMarks)
    .use(collect(result))
    .use(rehypeStringify)
  const hast = processor.runSync(tree as never) as HRoot
  return { html: processor.stringify(hast), ...result }
}

/** Renders a plan's body with anchors for the lines its findings point at. */
export function renderPlanBody(tree: MdRoot, ctx: RenderContext): RenderedPlan {
  const body = renderBody(tree, ctx)
  return { html: body.html, toc: body.toc, lineAnchors: anchorsFor(body.blocks, [...new Set(ctx.lines ?? [])]) }
}
