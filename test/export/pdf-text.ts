// Reading the text layer of an exported PDF back, as a reader's search does.

/**
 * Chromium writes some glyphs of the Noto CJK fonts as their radical twins (⽰ for 示, ⺠ for 民): the font maps
 * both code points to one glyph and the PDF's ToUnicode map names the radical. The page looks right; search and
 * copy see the radical. Kangxi radicals fold by NFKC; the supplement's simplified forms need a table.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺇': '几', '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
  '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻊': '足',
}

export function foldRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'))
}
