// What a link in a plan points at, and the anchors a plan's headings get: read by the broken-link rule
// and by the site, which must resolve links and number headings exactly as the rule checks them.
import type { Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
// The slugger rehype-slug uses (a dependency of it, pinned through rehype-slug 6.0.0): the site's
// heading ids and GitHub's anchors come from the same algorithm, so a link that passes here works there.
import GithubSlugger from 'github-slugger'
import { eachNode } from './plan-text.ts'

export type LinkTarget =
  | { kind: 'skip' }
  | { kind: 'self'; fragment: string }
  | { kind: 'plan'; id: string; fragment: string }
  | { kind: 'file'; path: string; fragment: string }

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** What a link points at. Web links, mail and site-absolute paths are not the library's to check. */
export function linkTarget(url: string): LinkTarget {
  const u = url.trim()
  if (u === '' || u === '#') return { kind: 'skip' }
  if (u.startsWith('#')) return { kind: 'self', fragment: decode(u.slice(1)) }
  const hash = u.indexOf('#')
  const before = hash === -1 ? u : u.slice(0, hash)
  const fragment = hash === -1 ? '' : decode(u.slice(hash + 1))
  if (/^plan:/i.test(before)) return { kind: 'plan', id: before.slice(5), fragment }
  if (SCHEME.test(u) || u.startsWith('/')) return { kind: 'skip' }
  const path = decode(before.replace(/\?.*$/, ''))
  return path === '' ? { kind: 'self', fragment } : { kind: 'file', path, fragment }
}

/** Heading ids as the site and GitHub make them: slugged in document order, repeats numbered -1, -2… */
export function headingSlugs(tree: Root): string[] {
  const slugger = new GithubSlugger()
  const slugs: string[] = []
  eachNode(tree as Nodes, (node) => {
    if (node.type === 'heading') slugs.push(slugger.slug(toString(node, { includeImageAlt: false })))
  })
  return slugs
}
