// GB/T 9704-2012《党政机关公文格式》 in numbers, shared by the .docx and the PDF writer.
// 1 mm = 1440 / 25.4 twips; 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt.

export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4)

/** A4 and the margins of 5.2.1–5.2.2: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const

export const PAGE_TWIPS = {
  width: 11906,
  height: 16838,
  top: mmToTwip(PAGE_MM.top),
  bottom: mmToTwip(PAGE_MM.bottom),
  left: mmToTwip(PAGE_MM.left),
  right: mmToTwip(PAGE_MM.right),
}

/** 22 lines of 28 characters (5.2.3). */
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28

/** Text block height / 22, in twips: Word's w:linePitch. */
export const LINE_PITCH_TWIPS = Math.floor(mmToTwip(225) / LINES_PER_PAGE)

export const SIZE_PT = { title: 22, body: 16, pageNumber: 14, table: 14 } as const

/**
 * w:charSpace for 28 characters of 3号 in 156 mm: (pitch − font size) in points × 4096, the unit Word uses for
 * a linesAndChars grid. Negative because 28 × 16 pt is a little wider than the text block.
 */
export const CHAR_SPACE = Math.round(((mmToTwip(156) / CHARS_PER_LINE / 20) - SIZE_PT.body) * 4096)

/** Page number: one 一字线 each side, "— 1 —". */
export const PAGE_NUMBER_DASH = '—'

/**
 * The fonts the standard names. They are named, never shipped: the office's Word supplies them. `fallback` is the
 * name Windows knows the same kind of face by (Word and LibreOffice use it when the first is missing); `css` adds
 * what a Linux print machine has (the Noto CJK fonts of Debian's fonts-noto-cjk).
 */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: 'SimSun', css: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'SimSun', '宋体', 'Noto Serif CJK SC', 'serif'] },
  body: { name: '仿宋_GB2312', fallback: 'FangSong', css: ['仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'serif'] },
  hei: { name: '黑体', fallback: 'SimHei', css: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'sans-serif'] },
  kai: { name: '楷体_GB2312', fallback: 'KaiTi', css: ['楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'] },
  song: { name: '宋体', fallback: 'SimSun', css: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'] },
} as const

export type FontKey = keyof typeof FONTS
