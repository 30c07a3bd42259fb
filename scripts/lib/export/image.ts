// The size and kind of an image from its first bytes: Word needs both before it places a picture, and a file
// that is not a PNG, JPEG or GIF (whatever its name says) is not put into a document.
export interface ImageInfo {
  type: 'png' | 'jpg' | 'gif'
  data: Uint8Array
  /** Pixels. */
  width: number
  height: number
}

function jpegSize(b: Uint8Array): [number, number] | undefined {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]
    const length = (b[i + 2] << 8) | b[i + 3]
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [(b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]]
    }
    i += 2 + length
  }
  return undefined
}

export function imageInfo(data: Uint8Array): ImageInfo | undefined {
  const b = data
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
    return { type: 'png', data, width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { type: 'gif', data, width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) }
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    const size = jpegSize(b)
    return size && { type: 'jpg', data, width: size[0], height: size[1] }
  }
  return undefined
}

/** Fits an image into the text block (156 × 225 mm), in points, never enlarging it beyond 96 dpi. */
export function fitImage(info: ImageInfo, maxWidthPt = 442, maxHeightPt = 560): { width: number; height: number } {
  const w = (info.width * 72) / 96
  const h = (info.height * 72) / 96
  const scale = Math.min(1, maxWidthPt / w, maxHeightPt / h)
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) }
}
