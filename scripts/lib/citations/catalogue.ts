// The catalogue of cited documents (data/catalogue.json) and its merge with library.yaml: which
// version of a law, regulation, order, standard or national plan is current, and what each older
// version was cited as.
import shipped from '../../../data/catalogue.json' with { type: 'json' }

export type DocumentKind = 'law' | 'regulation' | 'order' | 'normative' | 'standard' | 'plan'
export type Change = 'enacted' | 'revised' | 'amended' | 'replaced'

export interface CatalogueVersion {
  label: string
  title?: string
  change: Change
  numbers: string[]
  issued?: string
  in_force?: string
  note?: string
  confirmed?: boolean
  numbers_confirmed?: boolean
}

export interface CatalogueDocument {
  id: string
  kind: DocumentKind
  name: string
  short?: string[]
  name_en?: string
  versions: CatalogueVersion[]
  withdrawn?: string
  sources?: string[]
}

export interface Catalogue {
  documents: CatalogueDocument[]
}

export const SHIPPED: Catalogue = shipped as unknown as Catalogue

export interface CitationSettings {
  documents?: CatalogueDocument[]
  disable?: string[]
}

/** The date a version took effect: in force, else issued. */
export function versionDate(v: CatalogueVersion): string | undefined {
  return v.in_force ?? v.issued
}

/** The current version, or undefined when the document was withdrawn without a replacement. */
export function currentVersion(doc: CatalogueDocument): CatalogueVersion | undefined {
  return doc.withdrawn ? undefined : doc.versions[doc.versions.length - 1]
}

/** The title a version was published under. */
export function versionTitle(doc: CatalogueDocument, v: CatalogueVersion): string {
  return v.title ?? doc.name
}

/** How the current version is named in a message: 《名称》（编号，版本，日期施行）. */
export function describeVersion(doc: CatalogueDocument, v: CatalogueVersion, en = false): string {
  const date = versionDate(v)
  const parts = [v.numbers[0], doc.kind === 'standard' && v.numbers.length ? undefined : v.label, date ? (en ? `in force ${date}` : `${date} 起施行`) : undefined].filter(Boolean)
  return `《${versionTitle(doc, v)}》（${parts.join('，')}）`
}

/**
 * The catalogue a library lints with: the shipped documents whose current version was confirmed,
 * plus the library's own (replacing a shipped one of the same id), minus those switched off by id or
 * by one of their numbers.
 */
export function effectiveCatalogue(settings: CitationSettings | undefined, base: Catalogue = SHIPPED): CatalogueDocument[] {
  const own = settings?.documents ?? []
  const ownIds = new Set(own.map((d) => d.id))
  const off = new Set((settings?.disable ?? []).map(normaliseNumber))
  // Facts not confirmed against a published text stay out: the version, or only its numbers.
  const trusted = base.documents
    .filter((d) => !ownIds.has(d.id))
    .map((d) => ({ ...d, versions: d.versions.filter((v) => v.confirmed !== false).map((v) => (v.numbers_confirmed === false ? { ...v, numbers: [] } : v)) }))
    .filter((d) => d.versions.length > 0)
  const documents = [...trusted, ...own]
  return documents.filter((d) => !off.has(normaliseNumber(d.id)) && !d.versions.some((v) => v.numbers.some((n) => off.has(normaliseNumber(n)))))
}

const BRACKETS: Record<string, string> = { '〔': '〔', '【': '〔', '[': '〔', '［': '〔', '（': '〔', '(': '〔', '﹝': '〔', '〕': '〕', '】': '〕', ']': '〕', '］': '〕', '）': '〕', ')': '〕', '﹞': '〕' }

/** Numbers compared without spaces, with one kind of bracket, dash and slash. */
export function normaliseNumber(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[〔【[［（(﹝〕】\]］）)﹞]/g, (c) => BRACKETS[c] ?? c)
    .replace(/[‐‑‒–—―－]/g, '-')
    .replace(/／/g, '/')
    .toUpperCase()
}

/** Consistency problems of a catalogue (empty when sound); the data test and the loader use it. */
export function catalogueProblems(docs: CatalogueDocument[]): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  const numbers = new Map<string, string>()
  for (const doc of docs) {
    if (ids.has(doc.id)) problems.push(`${doc.id}: id used twice`)
    ids.add(doc.id)
    let last = ''
    let lastYear = 0
    for (const v of doc.versions) {
      const year = yearOf(v)
      if (year && year < lastYear) problems.push(`${doc.id} ${v.label}: from ${year}, before the version it replaced (${lastYear})`)
      if (year) lastYear = year
      const date = versionDate(v)
      if (date && last && date < last) problems.push(`${doc.id} ${v.label}: dated ${date}, before the version it replaced (${last})`)
      if (v.issued && v.in_force && v.in_force < v.issued) problems.push(`${doc.id} ${v.label}: in force ${v.in_force} before issued ${v.issued}`)
      if (date) last = date
      for (const n of v.numbers) {
        const key = normaliseNumber(n)
        const prior = numbers.get(key)
        // One number, one version (a version replaced twice is an error in the data). Presidential order
        // numbers restart with each term and one decision amends several laws: they are only ever read
        // next to the law's title, so they may repeat across laws.
        if (prior && !n.startsWith('主席令')) problems.push(`${doc.id} ${v.label}: number ${n} also belongs to ${prior}`)
        numbers.set(key, `${doc.id} ${v.label}`)
      }
    }
    if (doc.withdrawn && last && doc.withdrawn < last) problems.push(`${doc.id}: withdrawn ${doc.withdrawn} before its last version (${last})`)
  }
  return problems
}

/** The year of a version: issued, else the year its label or standard code carries. */
function yearOf(v: CatalogueVersion): number | undefined {
  const y = v.issued?.slice(0, 4) ?? /^\d{4}/.exec(v.label)?.[0] ?? v.numbers.map((n) => /-(\d{4})$/.exec(n)?.[1]).find(Boolean)
  return y ? Number(y) : undefined
}
