/** Result of turning a file's bytes into text, or the reason it cannot be read as a plan. */
export type Decoded =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; problem: 'binary' | 'utf16' | 'not-utf8'; guess?: string; offset: number }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Plans must be UTF-8. Windows editors in Chinese offices often save GBK/GB18030 or UTF-16:
 * decoding those as UTF-8 gives mojibake, so we refuse with a finding instead of guessing.
 */
export function decodePlanBytes(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: 'utf16', offset: 0 }
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    // UTF-16 without a BOM has a NUL in every other byte of ASCII text.
    const looksUtf16 = bytes.length >= 4 && (bytes[1] === 0 || bytes[0] === 0) && (bytes[3] === 0 || bytes[2] === 0)
    return { ok: false, problem: looksUtf16 ? 'utf16' : 'binary', offset: nul }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  try {
    const text = utf8.decode(bom ? bytes.subarray(3) : bytes)
    return { ok: true, text, bom }
  } catch {
    const offset = firstInvalidUtf8(bytes)
    return { ok: false, problem: 'not-utf8', guess: looksLikeGb(bytes) ? 'GBK/GB18030' : undefined, offset }
  }
}

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (len === 0) return i
    // The second byte's range is narrower after E0/ED/F0/F4 (no overlongs, surrogates or code points above
    // U+10FFFF), exactly as TextDecoder checks it; every other continuation byte is 80–BF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    if (len > 1 && (i + 1 >= bytes.length || bytes[i + 1] < lo || bytes[i + 1] > hi)) return i
    for (let k = 2; k < len; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i
    i += len
  }
  return bytes.length
}

/** GBK double-byte pairs: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F. Most non-ASCII bytes fit. */
function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0
  let bad = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b < 0x80) continue
    const t = bytes[i + 1]
    if (b >= 0x81 && b <= 0xfe && t !== undefined && t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      pairs++
      i++
    } else bad++
  }
  return pairs > 0 && bad <= pairs / 10
}

/** Line and column (1-based) of a byte offset, counting only the valid prefix as text. */
export function bytePlace(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < bytes.length; i++) {
    // LF, or a CR not followed by LF (read as a line break too, see loneCrAsLf).
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++
      lineStart = i + 1
    }
  }
  const prefix = bytes.subarray(lineStart, offset)
  let column = 1
  try {
    column = new TextDecoder('utf-8', { ignoreBOM: false }).decode(prefix).length + 1
  } catch {
    column = prefix.length + 1
  }
  return { line, column }
}

/**
 * Line breaks as the loader reads them: a CR not followed by LF (old Mac OS files, some exports from
 * Word and Excel) becomes LF, as CommonMark and YAML both count it as a line break. One character for
 * one, so every offset stays the offset of the same character in the file as written (`--fix` relies
 * on that to edit the file with its own line breaks).
 */
export function loneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text
}
