import { describe, expect, it } from 'vitest'
import { decodePlanBytes, firstInvalidUtf8 } from '../../scripts/lib/load/decode.ts'
import { decodeSourceFile } from '../../scripts/lib/load/file.ts'

// 预案 in GB18030 is D4 A4 B0 B8.
const GBK = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xd4, 0xa4, 0xb0, 0xb8, 0x0a])

describe('decoding plan files', () => {
  it('UTF-8 with BOM: BOM removed and remembered', () => {
    const r = decodePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))
    expect(r).toEqual({ ok: true, text: 'a', bom: true })
  })

  it('GBK: one clear finding at the first bad byte, never garbage text', () => {
    const r = decodeSourceFile(GBK, '/x.md', 'x.md')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issue).toMatchObject({ rule: 'encoding', messageId: 'not-utf8', data: { guess: 'GBK/GB18030' }, place: { line: 2, column: 9 } })
  })

  it('UTF-16 with BOM', () => {
    expect(decodePlanBytes(new Uint8Array([0xff, 0xfe, 0x2d, 0x00]))).toMatchObject({ ok: false, problem: 'utf16' })
  })

  it('UTF-16 without BOM is recognised by its NUL bytes', () => {
    expect(decodePlanBytes(new Uint8Array([0x2d, 0x00, 0x2d, 0x00, 0x2d, 0x00]))).toMatchObject({ ok: false, problem: 'utf16' })
  })

  it('binary with NUL', () => {
    expect(decodePlanBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatchObject({ ok: false, problem: 'binary', offset: 4 })
  })

  it('finds the first invalid UTF-8 byte, accepting valid multibyte sequences', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('预案'), 0xd4, 0xa4, 0xb0, 0xb8])
    expect(firstInvalidUtf8(bytes)).toBe(8)
  })
})
