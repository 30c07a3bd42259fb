import type { Heading, Root, RootContent } from 'mdast'
import { rangeAt, type Frontmatter, type YamlPath } from './yaml-place.ts'
import type { LineIndex } from '../text/line-index.ts'
import type { Fix, Place } from './finding.ts'
import type { PlanFrontmatter, DrillRecordFrontmatter, ChecklistFrontmatter } from './schema-types.ts'

export type { PlanFrontmatter }
export type { PlanStatus, PlanType } from './vocabulary.ts'

/** A problem found while reading a file, before it is worded in a locale. */
export interface LoadIssue {
  rule: 'schema' | 'encoding' | 'enum-alias'
  messageId: string
  data: Record<string, string | number>
  place: Place
  /** A certain edit that resolves the issue (enum-alias: write the canonical id). */
  fix?: Fix
}

/** A decoded text file of the library. */
export interface SourceFile {
  /** Library-relative POSIX path. */
  path: string
  absPath: string
  text: string
  bom: boolean
  lines: LineIndex
  frontmatter?: Frontmatter
  issues: LoadIssue[]
}

/** A heading and the text under it up to the next heading of the same or a higher level. */
export interface Section {
  title: string
  /** The title with its numbering (一、 1.2 （三） 第一章) and spaces stripped. */
  name: string
  depth: number
  heading: Heading
  /** Offset of the heading's first character. */
  start: number
  /** Offset right after the heading. */
  bodyStart: number
  /** Offset where the section ends. */
  end: number
  /** Nodes after the heading until the section ends, including sub-headings. */
  nodes: RootContent[]
}

export interface Plan extends SourceFile {
  kind: 'plan'
  /** The frontmatter as parsed; matches the schema only when `valid`. */
  data: PlanFrontmatter
  valid: boolean
  tree: Root
  sections: Section[]
  /** Offset where the Markdown body starts (after the closing fence). */
  bodyStart: number
}

export interface DrillRecord extends SourceFile {
  kind: 'drill'
  data: DrillRecordFrontmatter
  valid: boolean
  tree: Root
}

export interface ChecklistTemplate extends SourceFile {
  kind: 'checklist'
  data: ChecklistFrontmatter
  valid: boolean
  tree: Root
  sections: Section[]
}

/** Place of a YAML key or value in a file's frontmatter (the fence when there is none). */
export function yamlPlace(file: SourceFile, path: YamlPath, which: 'key' | 'value' = 'value'): Place {
  if (!file.frontmatter) return file.lines.place(0, Math.min(3, file.text.length))
  const [start, end] = rangeAt(file.frontmatter, path, which)
  return file.lines.place(start, end)
}

/** File offsets [start, end) of a YAML key or value, or undefined when the file has no frontmatter. */
export function yamlRange(file: SourceFile, path: YamlPath, which: 'key' | 'value' = 'value'): [number, number] | undefined {
  return file.frontmatter ? rangeAt(file.frontmatter, path, which) : undefined
}

/** Place of a whole-file finding: the opening fence. */
export function filePlace(file: SourceFile): Place {
  const firstLineEnd = file.text.indexOf('\n')
  const end = firstLineEnd === -1 ? file.text.length : firstLineEnd
  return file.lines.place(0, Math.max(0, Math.min(end, file.text[end - 1] === '\r' ? end - 1 : end)))
}

export function nodePlace(file: SourceFile, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Place {
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? start
  return file.lines.place(start, end)
}

const NUMBERING = /^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节条部分篇]|[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇]+[、.．]|\d+(?:[.．]\d+)*[.．、]?|[IVX]+[.．、])\s*/

/** A plan's title for a message, or its id when the frontmatter gives no usable title (a broken file). */
export function titleOf(plan: { data: { id?: unknown; title?: unknown } }): string {
  const { title, id } = plan.data
  return typeof title === 'string' && title.trim() ? title : String(id ?? '')
}

/** Section title → comparable name: numbering, spaces and trailing punctuation removed. */
export function sectionName(title: string): string {
  return title.replace(NUMBERING, '').replace(/[\s\u3000]+/g, '').replace(/[:：。.]+$/, '')
}

export function findSection(sections: Section[], spec: { title: string; aliases?: string[] }): Section | undefined {
  const names = new Set([spec.title, ...(spec.aliases ?? [])].map(sectionName))
  return sections.find((s) => names.has(s.name))
}
