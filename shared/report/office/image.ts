/**
 * The type and pixel size of a logo image (PNG or JPEG), read from its header, so that a caller
 * hands over only the bytes. Anything else is refused with an Indonesian message.
 */
export interface ImageInfo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

export class UnsupportedImageError extends Error {
  constructor() {
    super('Logo harus berupa gambar PNG atau JPEG');
    this.name = 'UnsupportedImageError';
  }
}

export function imageInfo(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG markers to the first start-of-frame (SOF0..SOF15 except DHT, JPG, DAC).
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) break;
      const marker = bytes[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
      if (isFrame) {
        return {
          type: 'jpg',
          height: view.getUint16(offset + 5),
          width: view.getUint16(offset + 7),
        };
      }
      offset += 2 + length;
    }
  }
  throw new UnsupportedImageError();
}
