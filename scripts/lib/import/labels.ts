// The numbering labels of Chinese official documents (GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）)
// and the Markdown level each one stands for.

export interface Label {
  /** The label as written, e.g. "（一）", "1.2", "第三章". */
  text: string
  /** Markdown heading depth (2–5), or 0 for a list item (（1）, ①). */
  depth: number
  /** The text after the label and its separator. */
  rest: string
}

const CN = '[一二三四五六七八九十百零〇两]+'
const PATTERNS: [RegExp, (m: RegExpMatchArray) => number][] = [
  [new RegExp(`^(第${CN}[章编部分])[\\s　]*`), () => 2],
  [new RegExp(`^(${CN}[、，.．])[\\s　]*`), () => 2],
  [new RegExp(`^([（(]${CN}[)）])[、\\s　]*`), () => 3],
  // 1.1.1 before 1.1 before 1. : each extra number is one level deeper.
  [/^(\d{1,2}(?:[.．]\d{1,2}){1,3})[.．、]?(?=[\s　\p{Script=Han}《“（(])[\s　]*/u, (m) => Math.min(5, 3 + m[1].split(/[.．]/).length - 1)],
  [/^(\d{1,2}[.．、])(?!\d)[\s　]*/, () => 4],
  [/^([（(]\d{1,2}[)）])[\s　]*/, () => 0],
  [/^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[\s　]*/, () => 0],
]

/** Chapters numbered "1 总则", "2 组织指挥体系" (the GB/T 1.1 style): then 1.1 is a section, 1.1.1 a subsection. */
const ARABIC_CHAPTER = /^(\d{1,2})[\s　]+(?=\p{Script=Han})/u

export interface LabelOptions {
  /** The document numbers its chapters 1, 2, 3 (no 一、): dotted labels sit one level higher. */
  arabicChapters?: boolean
}

export function readLabel(text: string, options: LabelOptions = {}): Label | undefined {
  if (options.arabicChapters) {
    const chapter = text.match(ARABIC_CHAPTER)
    if (chapter && text.length <= 24) return { text: chapter[1], depth: 2, rest: text.slice(chapter[0].length) }
  }
  for (const [re, depth] of PATTERNS) {
    const m = text.match(re)
    if (m && m[0].length < text.length) {
      const d = depth(m)
      const dotted = /[.．]\d/.test(m[1])
      return { text: m[1], depth: options.arabicChapters && dotted ? Math.max(3, d - 1) : d, rest: text.slice(m[0].length) }
    }
  }
  return undefined
}

/** True when the chapters are numbered 1, 2, 3 rather than 一、二、三 or 第一章. */
export function usesArabicChapters(lines: string[]): boolean {
  let arabic = 0
  let chinese = 0
  for (const line of lines) {
    if (line.length > 24) continue
    if (ARABIC_CHAPTER.test(line)) arabic++
    else if (/^(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)/.test(line)) chinese++
  }
  return arabic >= 3 && chinese === 0
}

/** Bullets typed by hand or drawn by an exported list ("• ", "● ", "- ", "· "). */
export const BULLET = /^[•●▪◆◇○·\-–][\s　]+/

/** 附件, 附件1, 附件一, 附件：1. … start an annex. */
export const ANNEX = /^附[件录][\s　]*([0-9一二三四五六七八九十]*)[\s　]*[：:]?[\s　]*(.*)$/
