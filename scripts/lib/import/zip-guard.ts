// A .docx is a ZIP. Before any library inflates it, read the central directory ourselves and refuse
// archives whose declared uncompressed size is absurd (a "zip bomb" named .docx) or that are not ZIPs.

export interface ZipCheck {
  ok: boolean
  /** Why the file cannot be read as a .docx, in both languages. */
  problem?: 'encrypted-or-ole' | 'not-zip' | 'too-large' | 'no-document'
  entries?: string[]
  uncompressed?: number
}

/** Uncompressed bytes a real plan's .docx never comes near (images included). */
export const MAX_UNCOMPRESSED = 256 * 1024 * 1024

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function isOle(bytes: Uint8Array): boolean {
  return OLE.every((b, i) => bytes[i] === b)
}

export function checkDocxZip(bytes: Uint8Array, limit = MAX_UNCOMPRESSED): ZipCheck {
  // Word saves a password-protected .docx as an OLE compound file holding the encrypted package.
  if (isOle(bytes)) return { ok: false, problem: 'encrypted-or-ole' }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, problem: 'not-zip' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return { ok: false, problem: 'not-zip' }
  const count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  const entries: string[] = []
  let uncompressed = 0
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return { ok: false, problem: 'not-zip' }
    const size = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    // 0xFFFFFFFF means ZIP64: the real size is larger still; no plan needs that.
    uncompressed += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size
    entries.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)))
    offset += 46 + nameLength + extraLength + commentLength
  }
  if (uncompressed > limit) return { ok: false, problem: 'too-large', uncompressed, entries }
  if (!entries.includes('word/document.xml')) return { ok: false, problem: 'no-document', entries, uncompressed }
  return { ok: true, entries, uncompressed }
}
