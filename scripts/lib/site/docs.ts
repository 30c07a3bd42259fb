// The site's help section: every Markdown file of docs/ (the one-page-per-rule reference included) rendered
// through the same pipeline as plan text, so that an intranet without the repository still has the documentation.
// Links between documents become the site's own pages; links to other files of the repository, which the site
// does not publish, become plain text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toString } from 'mdast-util-to-string'
import type { Root } from 'mdast'
import { parseMarkdownFull } from '../load/markdown.ts'
import { renderPlanBody, type TocEntry } from './render.ts'

export const DOCS_DIR = fileURLToPath(new URL('../../../docs/', import.meta.url))

export interface DocPage {
  /** docs-relative POSIX path of the source, e.g. rules/placeholder-text.md */
  source: string
  /** Path under help/: '' for docs/README.md, 'rules' for docs/rules/README.md, 'rules/placeholder-text'. */
  slug: string
  title: string
  html: string
  toc: TocEntry[]
}

/** Every Markdown file of docs/, docs-relative, README first in each folder. */
export function docSources(dir = DOCS_DIR, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  const names = readdirSync(dir).sort((a, b) => (a === 'README.md' ? -1 : b === 'README.md' ? 1 : a.localeCompare(b)))
  return names.flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return docSources(path, `${prefix}${name}/`)
    return name.endsWith('.md') ? [`${prefix}${name}`] : []
  })
}

export function docSlug(source: string): string {
  return source.replace(/(^|\/)README\.md$/, '').replace(/\.md$/, '')
}

/** A docs-relative path resolved from the folder of `from`; undefined when it leaves docs/. */
function resolve(from: string, rel: string): string | undefined {
  const parts = from.split('/').slice(0, -1)
  for (const seg of rel.split('/')) {
    if (seg === '..') {
      if (!parts.length) return undefined
      parts.pop()
    } else if (seg !== '.' && seg !== '') parts.push(seg)
  }
  return parts.join('/') + (rel.endsWith('/') && parts.length ? '/' : '')
}

/**
 * Where a link in a document goes on the site: another help page (fragment kept), a fragment of this page, a web
 * address, or nowhere (undefined: rendered as text) for files the site does not publish.
 */
export function docLink(url: string, from: string, sources: Set<string>, helpHref: (slug: string) => string): string | undefined {
  const trimmed = url.trim()
  if (/^(https?|mailto|tel):/i.test(trimmed)) return trimmed
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return undefined
  if (trimmed.startsWith('#')) return trimmed
  const [path, fragment] = trimmed.split('#', 2)
  let target = resolve(from, decodeURIComponent(path))
  if (target === undefined) return undefined
  if (target === '' || target.endsWith('/')) target += 'README.md'
  if (!sources.has(target)) return undefined
  return helpHref(docSlug(target)) + (fragment ? `#${fragment}` : '')
}

/** Drops raw HTML (the generated files' comments): the help pages show documents, not their markup. */
function withoutHtml(tree: Root): Root {
  const strip = (node: { children?: { type: string }[] }) => {
    if (!node.children) return
    node.children = node.children.filter((c) => c.type !== 'html')
    for (const c of node.children) strip(c as never)
  }
  strip(tree as never)
  return tree
}

/** Every document of docs/ as a help page; `helpHref('rules/x')` is the site URL of a page. */
export function docPages(helpHref: (slug: string) => string, dir = DOCS_DIR): DocPage[] {
  const list = docSources(dir)
  const sources = new Set(list)
  return list.map((source) => {
    const tree = withoutHtml(parseMarkdownFull(readFileSync(join(dir, source), 'utf8')))
    const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1)
    const rendered = renderPlanBody(tree, {
      path: source,
      planHref: () => undefined,
      planIdAtPath: () => undefined,
      link: (url) => docLink(url, source, sources, helpHref),
    })
    return { source, slug: docSlug(source), title: h1 ? toString(h1) : source, html: rendered.html, toc: rendered.toc }
  })
}
