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

export function readLabel(text: string): Label | undefined {
  for (const [re, depth] of PATTERNS) {
    const m = text.match(re)
    if (m && m[0].length < text.length) return { text: m[1], depth: depth(m), rest: text.slice(m[0].length) }
  }
  return undefined
}

/** 附件, 附件1, 附件一, 附件：1. … start an annex. */
export const ANNEX = /^附[件录][\s　]*([0-9一二三四五六七八九十]*)[\s　]*[：:]?[\s　]*(.*)$/
