// The costly parts of a library file's text, each parsed on first use and only once, as ESLint's SourceCode
// holds a file's AST and tokens. The loader's fast paths leave them unparsed: positions are needed only for
// the files a finding points into, and a getter nobody reads costs nothing.
import type { Root } from 'mdast'
import type { Section, SourceFile } from '../model/plan.ts'
import { frontmatterForPlaces, yamlFileForPlaces, type Frontmatter } from './frontmatter.ts'
import { parseMarkdown, sectionsOf } from './markdown.ts'

/** The parts a loaded file may read from its source. */
export type SourcePart = 'tree' | 'sections' | 'frontmatter'

export class PlanSource {
  /** The whole file, read on first use when the lint cache vouched for the file without reading it. */
  private readonly textOf: () => string
  private readonly yamlOf: (text: string) => Frontmatter | undefined
  private parsedTree: Root | undefined
  private parsedSections: Section[] | undefined
  /** Set once the positioned YAML is known (it may be known to be absent). */
  private yaml: { frontmatter: Frontmatter | undefined } | undefined

  /**
   * @param text the whole file
   * @param yamlOf how to read the positioned YAML: a Markdown file's frontmatter, or a whole YAML file
   * @param frontmatter a positioned YAML document the caller parsed already, kept as it is
   */
  private constructor(textOf: () => string, yamlOf: (text: string) => Frontmatter | undefined, frontmatter: Frontmatter | undefined) {
    this.textOf = textOf
    this.yamlOf = yamlOf
    if (frontmatter) this.yaml = { frontmatter }
  }

  /** A plan's, drill record's or checklist's source: Markdown with YAML frontmatter. */
  static ofMarkdown(file: SourceFile): PlanSource {
    return new PlanSource(() => file.text, frontmatterForPlaces, file.frontmatter)
  }

  /** A whole YAML file's source (units.yaml, library.yaml). */
  static ofYaml(text: string): PlanSource {
    return new PlanSource(() => text, yamlFileForPlaces, undefined)
  }

  get text(): string {
    return this.textOf()
  }

  /** The Markdown tree. */
  get tree(): Root {
    return (this.parsedTree ??= parseMarkdown(this.text))
  }

  /** The sections of the Markdown tree. */
  get sections(): Section[] {
    return (this.parsedSections ??= sectionsOf(this.tree, this.text.length))
  }

  /** The positioned YAML document (undefined when the file has none), for placing findings. */
  get frontmatter(): Frontmatter | undefined {
    return (this.yaml ??= { frontmatter: this.yamlOf(this.text) }).frontmatter
  }

  set frontmatter(frontmatter: Frontmatter | undefined) {
    this.yaml = { frontmatter }
  }

  /**
   * Gives `target` the listed parts as enumerable properties read from this source: the model's files
   * (Plan, DrillRecord, SourceFile) keep them as plain properties, so rules read `plan.tree` as before.
   */
  attach<T extends object>(target: T, parts: readonly SourcePart[]): T {
    for (const part of parts) {
      Object.defineProperty(target, part, {
        get: () => this[part],
        ...(part === 'frontmatter' ? { set: (v: Frontmatter | undefined) => (this.frontmatter = v) } : {}),
        enumerable: true,
        configurable: true,
      })
    }
    return target
  }
}
