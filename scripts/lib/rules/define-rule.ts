import type { Fix, Locale, Place, RelatedPlace, Severity } from '../model/finding.ts'
import type { Message, MessageData } from '../model/message.ts'
import type { Library } from '../model/library.ts'
import type { Plan, SourceFile } from '../model/plan.ts'

export type RuleFamily = 'form' | 'linkage' | 'coverage' | 'responsibility' | 'operability' | 'lifecycle'

/** Names of the rule families, in catalogue order, with the motto offices know them by. */
export const RULE_FAMILIES: Record<RuleFamily, { zh: string; en: string; motto?: string }> = {
  form: { zh: '形式', en: 'Form' },
  linkage: { zh: '纵向衔接', en: 'Vertical linkage', motto: '纵向到底' },
  coverage: { zh: '横向覆盖', en: 'Horizontal coverage', motto: '横向到边' },
  responsibility: { zh: '职责', en: 'Responsibility' },
  operability: { zh: '可操作性', en: 'Operability' },
  lifecycle: { zh: '动态管理', en: 'Lifecycle' },
}

export { message, type Message, type MessageData } from '../model/message.ts'

export interface Bilingual {
  zh: string
  en: string
}

export interface RuleDocs {
  /** One line: what the rule catches. */
  summary: Bilingual
  /** Why it matters, with its source: the regulation's name, number and article, or Yuanku's own reason (docs/regulations.md). */
  why: Bilingual
  /** How to fix a finding. */
  fix: Bilingual
  /** What the rule deliberately does NOT report (its exemptions), so that authors can trust a silence. */
  notReported?: Bilingual
  /** Options the rule takes, described. */
  options?: Bilingual
  /** A bad and a good example (Markdown plan or YAML snippet). */
  bad: string
  good: string
}

/** A finding as a rule reports it; `messageId` is one of the rule's `messages` (`default` when left out). */
export interface Report<M extends string = string> {
  file: SourceFile
  place: Place
  messageId?: M
  data?: MessageData
  cause?: RelatedPlace
  fix?: Fix
}

export interface RuleContext<O, M extends string = string> {
  library: Library
  /** Plans whose frontmatter passed the schema: the ones cross-file rules can trust. */
  plans: Plan[]
  options: O
  /** "Today" as YYYY-MM-DD (`--today`), so date rules are deterministic in tests. */
  today: string
  locale: Locale
  /** Every rule of Yuanku, whichever run (the schema rule checks library.yaml's settings against them). */
  rules: readonly Rule<any>[]
  report(report: Report<M>): void
  /** The result of this rule's preparePlan for a plan (computed now when not cached). */
  prepared<T = unknown>(plan: Plan): T
  /**
   * Results a cross-file rule keeps between runs (in the lint cache, under the tool version, settings
   * and registry), for work that depends only on the contents of the files involved: key them by those
   * contents (contentKey). Absent when there is no cache.
   */
  memo?: RuleMemo
}

export interface RuleMemo {
  get(key: string): unknown
  /** Values must be structured-clonable. */
  set(key: string, value: unknown): void
}

export interface Rule<O = Record<string, unknown>, M extends string = string> {
  id: string
  /**
   * A short name readers know the rule by (缺少上级预案): the label on the site and in stylish output.
   * The id stays the stable key (JSON, SARIF, --rule, configuration).
   */
  name: Bilingual
  family: RuleFamily
  severity: Severity | 'off'
  /** When true, checkPlan also runs on plans whose frontmatter failed the schema. */
  anyPlan?: boolean
  /**
   * 'file': checkPlan reads only its plan, the registry and the settings (never other plans), so its
   * findings can be computed in a worker thread and cached by the plan's content hash.
   */
  scope?: 'file' | 'library'
  /**
   * Per-plan precomputation for a library rule (e.g. MinHash signatures): reads only its plan, the
   * registry and the settings, returns structured-clonable data; runs in workers and is cached.
   * The rule reads it back with ctx.prepared(plan).
   */
  preparePlan?(plan: Plan, ctx: RuleContext<O, M>): unknown
  /** Default options; library.yaml's options for the rule are merged over them. */
  options: O
  /**
   * The JSON Schema of the options object (as ESLint's meta.schema). library.yaml's options are checked
   * against it: bad ones are a schema finding at their key, and the rule runs with its defaults. A rule
   * without one takes no options.
   */
  optionsSchema?: Record<string, unknown>
  docs: RuleDocs
  /** The rule's messages by id; a report names one (`default` when it names none). */
  messages: Record<M, Message<any>>
  checkPlan?(plan: Plan, ctx: RuleContext<O, M>): void
  checkLibrary?(ctx: RuleContext<O, M>): void
}

/**
 * Declares a rule. The ids of its `messages` type the `messageId` of its reports, so a misspelt id fails
 * to compile; one that slips through (a computed id) throws when the finding is worded, as in ESLint.
 */
export function defineRule<O extends Record<string, unknown> = Record<string, never>, M extends string = string>(rule: Rule<O, M>): Rule<O, M> {
  return rule
}

/** The wording of a rule's message in a locale; an id the rule does not define is a bug in the rule. */
export function formatMessage(rule: Rule<any>, messageId: string | undefined, data: MessageData, locale: Locale): string {
  const id = messageId ?? 'default'
  const message = Object.hasOwn(rule.messages, id) ? rule.messages[id] : undefined
  if (!message) throw new Error(`Rule "${rule.id}" reported an unknown messageId "${id}"; its messages are: ${Object.keys(rule.messages).join(', ')}`)
  return locale === 'en' ? message.en(data) : message.zh(data)
}


/**
 * The rule's documentation. With `site.url` in library.yaml: the rule's help page on the library's
 * published site (what an office's users can open on their intranet). Otherwise the rule's page in the
 * docs/ folder of this installation, as a file: URI: SARIF's helpUri must be an absolute URI (the 2.1.0
 * schema says format "uri"), so a relative path is not allowed, and editors (VS Code's SARIF viewer, the
 * language server's code links) open a file: URI directly. No address on a host that may not exist.
 */
export function helpUri(ruleId: string, siteUrl?: string): string {
  if (siteUrl) return `${siteUrl.replace(/\/*$/, '/')}help/rules/${ruleId}/`
  return new URL(`../../../docs/rules/${ruleId}.md`, import.meta.url).href
}

/** Where docs/ starts: the published site's help section, or the installed docs folder's index. */
export function docsUri(siteUrl?: string): string {
  if (siteUrl) return `${siteUrl.replace(/\/*$/, '/')}help/`
  return new URL('../../../docs/README.md', import.meta.url).href
}
