// Chinese counting numerals as official documents write them: 一 … 十 … 九十九, with 〇/零.
const DIGITS = '零一二三四五六七八九'
const VALUE: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (chineseCounting). */
export function toChineseCounting(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n)
  if (n < 10) return DIGITS[n]
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 1000) {
    const rest = n % 100
    return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${toChineseCounting(rest)}` : toChineseCounting(rest)}`
  }
  return String(n)
}

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; undefined for anything else. */
export function parseChineseNumber(text: string): number | undefined {
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(text)) return undefined
  let total = 0
  let digit = 0
  for (const ch of text) {
    if (ch === '百') {
      total += (digit || 1) * 100
      digit = 0
    } else if (ch === '十') {
      total += (digit || 1) * 10
      digit = 0
    } else digit = VALUE[ch]
  }
  return total + digit
}

/** Years written in characters, as in 二〇二一年: each character one digit. */
export function parseChineseYear(text: string): number | undefined {
  if (!/^[〇零○一二三四五六七八九]{4}$/.test(text)) return undefined
  return Number([...text].map((c) => (c === '○' ? 0 : VALUE[c])).join(''))
}
