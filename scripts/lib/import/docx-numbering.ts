// mammoth reads only whether a paragraph is numbered, never the label Word draws (lvlText "%1、", numFmt
// chineseCounting, start values): auto-numbered 一、/（一） chapters would come out as bare list items.
// So we render each numbered paragraph's label into its text before conversion, as Word would draw it,
// and drop the numbering property; the structure pass then reads the label like a hand-typed one.
import { toChineseCounting } from './numerals.ts'

interface Level {
  format: string
  text: string
  start: number
}

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined => {
  const m = xml.match(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`))
  return m?.[1]
}

function parseNumbering(xml: string): { abstracts: Map<string, Map<number, Level>>; nums: Map<string, { abstract: string; overrides: Map<number, number> }> } {
  const abstracts = new Map<string, Map<number, Level>>()
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>()
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: attr(l[2], 'w:numFmt') ?? 'decimal', text: attr(l[2], 'w:lvlText') ?? '', start: Number(attr(l[2], 'w:start') ?? 1) })
    }
    abstracts.set(m[1], levels)
  }
  const nums = new Map<string, { abstract: string; overrides: Map<number, number> }>()
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = attr(m[2], 'w:abstractNumId')
    if (abstract === undefined) continue
    const overrides = new Map<number, number>()
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2], 'w:startOverride')
      if (start !== undefined) overrides.set(Number(o[1]), Number(start))
    }
    nums.set(m[1], { abstract, overrides })
  }
  return { abstracts, nums }
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

function formatCounter(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return String(n)
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseCounting(n)
    case 'chineseLegalSimplified':
      return toChineseCounting(n).replace(/一/g, '壹').replace(/二/g, '贰').replace(/三/g, '叁')
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n)
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1))
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1))
    case 'lowerRoman':
    case 'upperRoman': {
      const r = ['m', 'cm', 'd', 'cd', 'c', 'xc', 'l', 'xl', 'x', 'ix', 'v', 'iv', 'i']
      const v = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
      let out = ''
      let rest = n
      v.forEach((value, i) => {
        while (rest >= value) {
          out += r[i]
          rest -= value
        }
      })
      return format === 'upperRoman' ? out.toUpperCase() : out
    }
    default:
      return undefined // bullet, none: a real list, left to mammoth
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** document.xml with every numbered paragraph's label written into its first run. */
export function renderNumberingLabels(documentXml: string, numberingXml: string | undefined): { xml: string; labelled: number } {
  if (!numberingXml) return { xml: documentXml, labelled: 0 }
  const { abstracts, nums } = parseNumbering(numberingXml)
  // Counters live on the abstract definition: two w:num sharing one abstractNum continue each other.
  const counters = new Map<string, number[]>()
  let labelled = 0
  const xml = documentXml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const numPr = paragraph.match(/<w:numPr>([\s\S]*?)<\/w:numPr>/)
    if (!numPr) return paragraph
    const numId = attr(numPr[1], 'w:numId')
    const ilvl = Number(attr(numPr[1], 'w:ilvl') ?? 0)
    const num = numId ? nums.get(numId) : undefined
    const levels = num ? abstracts.get(num.abstract) : undefined
    const level = levels?.get(ilvl)
    if (!num || !levels || !level || numId === '0') return paragraph
    const key = num.abstract
    const state = counters.get(key) ?? []
    for (let i = 0; i <= ilvl; i++) if (state[i] === undefined) state[i] = (num.overrides.get(i) ?? levels.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0)
    state[ilvl] += 1
    state.length = ilvl + 1
    counters.set(key, state)
    let ok = true
    const label = level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1
      const l = levels.get(i)
      const text = l ? formatCounter(state[i] ?? l.start, i === ilvl ? level.format : l.format) : undefined
      if (text === undefined) ok = false
      return text ?? ''
    })
    if (!ok || !label.trim() || formatCounter(1, level.format) === undefined) return paragraph
    labelled++
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`
    const withoutNum = paragraph.replace(numPr[0], '')
    return withoutNum.includes('</w:pPr>') ? withoutNum.replace('</w:pPr>', `</w:pPr>${run}`) : withoutNum.replace(/(<w:p\b[^>]*>)/, `$1${run}`)
  })
  return { xml, labelled }
}
