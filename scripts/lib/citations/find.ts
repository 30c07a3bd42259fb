// Finding citations of catalogued documents in a plan's prose: by document number with its issuer
// (国务院令第344号, 国办发〔2013〕101号, 安监总局令第88号, 主席令〔2014〕第13号 next to the law's title), by standard
// code (GB 18218-2000) and by title with the version written after it (《消防法》（1998年）).
import { currentVersion, normaliseNumber, type CatalogueDocument, type CatalogueVersion } from './catalogue.ts'

export interface Hit {
  doc: CatalogueDocument
  /** The version the text names; undefined for a title cited without any version. */
  version?: CatalogueVersion
  /** Offsets in the run of the text that names the version (or the title). */
  start: number
  end: number
  text: string
  how: 'number' | 'year' | 'title' | 'bare'
  /** A certain replacement of [start, end) that names the current version instead. */
  replacement?: string
}

interface Entry {
  doc: CatalogueDocument
  index: number
}

export interface CatalogueIndex {
  docs: CatalogueDocument[]
  /** Normalised number → version (主席令 numbers excluded: they repeat, and are read beside a title). */
  numbers: Map<string, Entry>
  /** Normalised title → document and, for a title an older version had, that version. */
  titles: Map<string, { doc: CatalogueDocument; index?: number }>
}

const OPEN = '〔【\\[［（(﹝'
const CLOSE = '〕】\\]］）)﹞'
const DASH = '-‐‑‒–—―－'

export function indexCatalogue(docs: CatalogueDocument[]): CatalogueIndex {
  const numbers = new Map<string, Entry>()
  const titles = new Map<string, { doc: CatalogueDocument; index?: number }>()
  for (const doc of docs) {
    doc.versions.forEach((v, index) => {
      for (const n of v.numbers) if (!n.startsWith('主席令')) numbers.set(normaliseNumber(canonicalIssuer(n)), { doc, index })
      if (v.title && v.title !== doc.name) titles.set(normaliseTitle(v.title), { doc, index })
    })
    for (const t of [doc.name, ...(doc.short ?? [])]) titles.set(normaliseTitle(t), { doc })
  }
  return { docs, numbers, titles }
}

export function normaliseTitle(t: string): string {
  return t.replace(/\s+/g, '').replace(/[〈<]/g, '《').replace(/[〉>]/g, '》')
}

// Issuers of numbered orders, with the short names plans use.
const ISSUERS: [RegExp, string][] = [
  [/^(?:中华人民共和国)?主席令$/, '主席令'],
  [/^(?:中华人民共和国)?国务院令$/, '国务院令'],
  [/^原?(?:国家)?(?:安全生产监督管理总局|安全监管总局|安监总局)令$/, '国家安全生产监督管理总局令'],
  [/^(?:中华人民共和国)?应急(?:管理)?部令$/, '应急管理部令'],
]

function canonicalIssuer(number: string): string {
  const m = /^(.*?令)(.*)$/.exec(number)
  if (!m) return number
  for (const [re, name] of ISSUERS) if (re.test(m[1])) return name + m[2]
  return number
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 八十八 → 88, 一百零九 → 109; Arabic digits pass through. */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s)
  let total = 0
  let digit = 0
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]
    else if (ch === '十') {
      total += (digit || 1) * 10
      digit = 0
    } else if (ch === '百') {
      total += digit * 100
      digit = 0
    } else return undefined
  }
  return total + digit
}

const ORDER = new RegExp(
  `((?:中华人民共和国)?(?:主席令|国务院令)|原?(?:国家)?(?:安全生产监督管理总局|安全监管总局|安监总局)令|(?:中华人民共和国)?应急(?:管理)?部令)` +
    `\\s*(?:([${OPEN}])\\s*(\\d{4})\\s*([${CLOSE}]))?\\s*(第?)\\s*(\\d+|[〇零一二两三四五六七八九十百]+)\\s*号`,
  'gu',
)
const GOV_DOC = new RegExp(`([\\u4e00-\\u9fa5]{1,8}?[发函字])\\s*([${OPEN}])\\s*(\\d{4})\\s*([${CLOSE}])\\s*(第?)\\s*(\\d+)\\s*号`, 'gu')
const STANDARD = new RegExp(`(?<![A-Za-z])(GBZ\\s*[/／]\\s*T|GBZ|GB\\s*[/／]\\s*T|GB|AQ\\s*[/／]\\s*T|AQ)\\s*(\\d+(?:\\.\\d+)*)\\s*[${DASH}]\\s*(\\d{4})(?!\\d)`, 'gu')
const TITLE = /《([^《》\n]{2,60})》/gu
// The parenthesis right after a title: （2014年修正）, （主席令第13号）, (2002年施行).
const AFTER_TITLE = /^\s*[（(]([^（）()\n]{0,80})[）)]/u
const LAW_NUMBER = new RegExp(`(?:^|[^令\\d\\u4e00-\\u9fa5])([${OPEN}])\\s*(\\d{4})\\s*([${CLOSE}])\\s*(第?)\\s*(\\d+)\\s*号`, 'u')
const YEAR = /(?<!\d)(\d{4})(?!\d)\s*(年)?\s*(修正|修订|修改|版|施行|颁布|公布)?/u

/** The version of doc a number names (index into versions), or undefined. */
function lawVersionByNumber(doc: CatalogueDocument, issuer: string, n: number, year?: string): number | undefined {
  const key = normaliseNumber(`${issuer}第${n}号`)
  for (let i = doc.versions.length - 1; i >= 0; i--) {
    const v = doc.versions[i]
    if (!v.numbers.some((x) => normaliseNumber(canonicalIssuer(x)) === key)) continue
    // 主席令〔2014〕13号: the year, when written, must be the version's.
    if (year && v.issued && !v.issued.startsWith(year)) continue
    return i
  }
  return undefined
}

function versionByYear(doc: CatalogueDocument, year: string): number | undefined {
  for (let i = doc.versions.length - 1; i >= 0; i--) {
    const v = doc.versions[i]
    if (v.label.startsWith(year) || v.issued?.startsWith(year)) return i
  }
  // 2002年施行: the in-force year of the first version.
  for (let i = doc.versions.length - 1; i >= 0; i--) if (doc.versions[i].in_force?.startsWith(year)) return i
  return undefined
}

function orderReplacement(m: RegExpExecArray, doc: CatalogueDocument): string | undefined {
  const current = currentVersion(doc)
  if (!current || current.numbers.length !== 1) return undefined
  const target = /^(.*?令)第(\d+)号$/.exec(canonicalIssuer(current.numbers[0]))
  if (!target) return undefined
  const issuer = canonicalIssuer(`${m[1].replace(/\s+/g, '')}第1号`).replace(/第1号$/, '')
  // Only a new number from the same issuer: an order amended by another ministry's order is cited
  // as "…令第88号公布，根据…令第2号修正", which no mechanical edit can write.
  if (issuer !== target[1]) return undefined
  const year = m[3] ? `${m[2]}${current.issued?.slice(0, 4) ?? m[3]}${m[4]}` : ''
  return `${m[1]}${year}${m[5]}${target[2]}号`
}

/** Citations of catalogued documents in one run of prose. */
export function findCitations(value: string, index: CatalogueIndex): Hit[] {
  const hits: Hit[] = []
  const claimed: [number, number][] = []
  const claim = (s: number, e: number) => claimed.push([s, e])
  const isClaimed = (s: number, e: number) => claimed.some(([a, b]) => s < b && e > a)

  // Titles first, with what follows them: their parenthesis is read in the title's context.
  TITLE.lastIndex = 0
  for (let m = TITLE.exec(value); m; m = TITLE.exec(value)) {
    const found = index.titles.get(normaliseTitle(m[1]))
    if (!found) continue
    const { doc } = found
    const titleStart = m.index
    const titleEnd = m.index + m[0].length
    if (found.index !== undefined) {
      hits.push({ doc, version: doc.versions[found.index], start: titleStart, end: titleEnd, text: m[0], how: 'title' })
      claim(titleStart, titleEnd)
      continue
    }
    // A title that only the current version bears (国家突发事件总体应急预案 after 国家突发公共事件总体应急预案) names it.
    if (doc.versions.some((v) => v.title && v.title !== doc.name) && !doc.versions[doc.versions.length - 1].title) continue
    const after = AFTER_TITLE.exec(value.slice(titleEnd))
    let versioned = false
    if (after) {
      const inner = after[1]
      const innerStart = titleEnd + after[0].indexOf(inner)
      ORDER.lastIndex = 0
      for (let o = ORDER.exec(inner); o; o = ORDER.exec(inner)) {
        const n = chineseNumber(o[6])
        const issuer = canonicalIssuer(`${o[1].replace(/\s+/g, '')}第1号`).replace(/第1号$/, '')
        if (n === undefined) continue
        const at = doc.kind === 'law' ? lawVersionByNumber(doc, issuer, n, o[3]) : undefined
        if (at === undefined) continue
        versioned = true
        const start = innerStart + o.index
        hits.push({ doc, version: doc.versions[at], start, end: start + o[0].length, text: o[0], how: 'number', replacement: orderReplacement(o, doc) })
        claim(start, start + o[0].length)
      }
      // 〔2016〕48号 after a law's title: the presidential order, written without its issuer.
      const bare = doc.kind === 'law' && !versioned ? LAW_NUMBER.exec(inner) : null
      if (bare) {
        const at = lawVersionByNumber(doc, '主席令', Number(bare[5]), bare[2])
        if (at !== undefined) {
          versioned = true
          const start = innerStart + bare.index + bare[0].indexOf(bare[1])
          const text = bare[0].slice(bare[0].indexOf(bare[1]))
          const cur = currentVersion(doc)
          const target = cur?.numbers.length === 1 ? /第(\d+)号$/.exec(cur.numbers[0]) : null
          const replacement = target && cur!.issued ? `${bare[1]}${cur!.issued.slice(0, 4)}${bare[3]}${bare[4]}${target[1]}号` : undefined
          hits.push({ doc, version: doc.versions[at], start, end: start + text.length, text, how: 'number', replacement })
          claim(start, start + text.length)
        }
      }
      if (!versioned && !/令|[发函字]\s*[〔【[［（(﹝]/u.test(inner) && !/[A-Z]{2}/.test(inner)) {
        const y = YEAR.exec(inner)
        if (y) {
          const at = versionByYear(doc, y[1])
          if (at !== undefined) {
            versioned = true
            const start = innerStart + y.index
            const current = currentVersion(doc)
            const cy = current?.label.slice(0, 4)
            // The year alone is replaced when the current version is named by its year too.
            const replacement = current && /^\d{4}/.test(current.label) && (!y[3] || current.label.includes(y[3])) ? cy : undefined
            hits.push({ doc, version: doc.versions[at], start, end: start + 4, text: y[1], how: 'year', replacement })
            claim(start, start + 4)
          }
        }
      }
      // A number of another kind (国办发…, GB…) is read by the passes below.
      if (!versioned && /\d/.test(inner)) versioned = true
    }
    // （国办函（2016）25号）: a nested bracket defeats AFTER_TITLE; the number passes read it.
    if (!versioned && !after && /^\s*[（(][^。；\n]{0,30}\d/u.test(value.slice(titleEnd, titleEnd + 40))) versioned = true
    if (!versioned) hits.push({ doc, start: titleStart, end: titleEnd, text: m[0], how: 'bare' })
  }

  ORDER.lastIndex = 0
  for (let m = ORDER.exec(value); m; m = ORDER.exec(value)) {
    const start = m.index
    const end = start + m[0].length
    if (isClaimed(start, end)) continue
    const n = chineseNumber(m[6])
    if (n === undefined) continue
    const issuer = canonicalIssuer(`${m[1].replace(/\s+/g, '')}第1号`).replace(/第1号$/, '')
    if (issuer === '主席令') continue
    const entry = index.numbers.get(normaliseNumber(`${issuer}第${n}号`))
    if (!entry) continue
    hits.push({ doc: entry.doc, version: entry.doc.versions[entry.index], start, end, text: m[0], how: 'number', replacement: orderReplacement(m, entry.doc) })
  }

  GOV_DOC.lastIndex = 0
  for (let m = GOV_DOC.exec(value); m; m = GOV_DOC.exec(value)) {
    // The lazy prefix may still start early ("依据国办发"): take the longest suffix that is a known number.
    for (let cut = 0; cut < m[1].length - 1; cut++) {
      const prefix = m[1].slice(cut)
      const entry = index.numbers.get(normaliseNumber(`${prefix}〔${m[3]}〕${m[6]}号`))
      if (!entry) continue
      const start = m.index + cut
      const end = m.index + m[0].length
      const current = currentVersion(entry.doc)
      const target = current?.numbers.length === 1 ? /^(.*?)〔(\d{4})〕(\d+)号$/.exec(current.numbers[0]) : null
      const replacement = target && target[1] === prefix && !current!.title ? `${prefix}${m[2]}${target[2]}${m[4]}${m[5]}${target[3]}号` : undefined
      hits.push({ doc: entry.doc, version: entry.doc.versions[entry.index], start, end, text: value.slice(start, end), how: 'number', replacement })
      break
    }
  }

  STANDARD.lastIndex = 0
  for (let m = STANDARD.exec(value); m; m = STANDARD.exec(value)) {
    const code = `${m[1].replace(/\s+/g, '')} ${m[2]}`
    const entry = index.numbers.get(normaliseNumber(`${code}-${m[3]}`))
    if (!entry) continue
    const current = currentVersion(entry.doc)
    const target = current?.numbers.length === 1 ? /^(.*)-(\d{4})$/.exec(current.numbers[0]) : null
    // Same code, new year: only the year changes. A new code (AQ/T 9002 → GB/T 29639) is left to the author.
    const replacement = target && normaliseNumber(target[1]) === normaliseNumber(code) ? `${m[0].slice(0, -4)}${target[2]}` : undefined
    hits.push({ doc: entry.doc, version: entry.doc.versions[entry.index], start: m.index, end: m.index + m[0].length, text: m[0], how: 'number', replacement })
  }
  // 《old title》（its number）is one citation: keep the number, which is more precise and fixable.
  const kept = hits.filter(
    (h) => !(h.how === 'title' && hits.some((o) => o !== h && o.how === 'number' && o.doc === h.doc && o.start >= h.end && o.start - h.end <= 40 && !value.slice(h.end, o.start).includes('《'))),
  )
  return kept.sort((a, b) => a.start - b.start)
}

/** Index of a hit's version in its document (-1 when the title was cited without a version). */
export function versionIndex(hit: Hit): number {
  return hit.version ? hit.doc.versions.indexOf(hit.version) : -1
}
