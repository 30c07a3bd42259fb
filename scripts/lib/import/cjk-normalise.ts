// PDFs printed from common CJK fonts map some characters to the Kangxi radicals block (⼀ U+2F00 for 一,
// ⼈ for 人) or to the CJK radicals supplement (⺠ for 民). They look right and search wrong. NFKC folds
// the Kangxi radicals; the supplement has no decomposition, so the usual ones are listed here.
const SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻓': '长', '⻔': '门', '⻢': '马', '⻛': '风', '⻅': '见', '⻋': '车', '⻜': '飞', '⻚': '页', '⻥': '鱼',
  '⻬': '齐', '⻦': '鸟', '⻝': '食', '⻘': '青', '⻙': '韦', '⻨': '麦', '⻩': '黄', '⻮': '齿', '⻰': '龙',
  '⻄': '西', '⻆': '角', '⻉': '贝', '⻈': '讠', '⻊': '足', '⻤': '鬼', '⺟': '母', '⺫': '罒', '⺶': '羊',
}

export function normaliseCjk(text: string): string {
  return text.replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC')).replace(/[\u2e80-\u2eff]/g, (c) => SUPPLEMENT[c] ?? c)
}
