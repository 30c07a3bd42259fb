import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import { toString } from 'mdast-util-to-string'
import type { Heading, Root } from 'mdast'
import { sectionName, type Section } from '../model/plan.ts'
import { parseBySections } from './sectioned-markdown.ts'
import { parseFastMarkdown } from './fast-markdown.ts'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

/**
 * Parses the whole file (frontmatter included) so that node positions are file positions. Simple files
 * (headings, paragraphs, flat lists, tables, plain inline forms; LF or CRLF) take the line-scan fast path;
 * other files are parsed block by block where they allow it, simple blocks on the fast path. Every way
 * builds remark's tree.
 */
export function parseMarkdown(text: string): Root {
  return parseFastMarkdown(text) ?? parseBySections(text, parseMarkdownFull) ?? processor.parse(text)
}

/** The reference parse: the full remark pipeline, for every file. */
export function parseMarkdownFull(text: string): Root {
  return processor.parse(text)
}

/** Splits the tree into sections by heading. */
export function sectionsOf(tree: Root, textLength: number): Section[] {
  const children = tree.children
  const sections: Section[] = []
  children.forEach((node, index) => {
    if (node.type !== 'heading') return
    const heading = node as Heading
    let endIndex = children.length
    for (let j = index + 1; j < children.length; j++) {
      const next = children[j]
      if (next.type === 'heading' && next.depth <= heading.depth) {
        endIndex = j
        break
      }
    }
    const title = toString(heading).trim()
    sections.push({
      title,
      name: sectionName(title),
      depth: heading.depth,
      heading,
      start: heading.position?.start.offset ?? 0,
      bodyStart: heading.position?.end.offset ?? 0,
      end: endIndex < children.length ? (children[endIndex].position?.start.offset ?? textLength) : textLength,
      nodes: children.slice(index + 1, endIndex),
    })
  })
  return sections
}
