import { capitalized } from '../../format/text';
/**
 * Logo images: the type and pixel size of a PNG or JPEG, read from its header, so that a caller
 * hands over only the bytes (anything else is refused with an Indonesian message); the kind and
 * size of every logo the app accepts (PNG, JPEG, SVG, WebP) for the check at upload, with the
 * limits said in Indonesian; and the logo as Word takes it (PNG or JPEG of sane size, SVG drawn to
 * PNG by the caller's rasterizer), or no logo and one sentence saying why — never an exception.
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

/** The largest logo side accepted at upload, in pixels. */
export const LOGO_MAX_SIDE = 4000;
/** The height an SVG logo is drawn at for Word. */
export const LOGO_RASTER_HEIGHT = 400;

export type LogoKind = 'png' | 'jpg' | 'svg' | 'webp';

/** Kind and pixel size of a logo; width/height null for an SVG without a stated size. */
export interface LogoInfo {
  kind: LogoKind;
  width: number | null;
  height: number | null;
}

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** Width and height of a WebP (VP8, VP8L or VP8X), or null when the header is short. */
function webpSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 30) return null;
  const chunk = ascii(bytes, 12, 16);
  const b = (i: number): number => bytes[i] ?? 0;
  if (chunk === 'VP8 ') {
    return { width: (b(26) | (b(27) << 8)) & 0x3fff, height: (b(28) | (b(29) << 8)) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    const bits = b(21) | (b(22) << 8) | (b(23) << 16) | (b(24) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return {
      width: 1 + (b(24) | (b(25) << 8) | (b(26) << 16)),
      height: 1 + (b(27) | (b(28) << 8) | (b(29) << 16)),
    };
  }
  return null;
}

const SVG_LENGTH = /^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?\d+)?)\s*(px)?\s*$/;

/** The root <svg> element's size: width/height attributes in px, else the viewBox. */
export function svgSize(text: string): { width: number; height: number } | null {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return null;
  const attr = (name: string): string | undefined =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const w = SVG_LENGTH.exec(attr('width') ?? '');
  const h = SVG_LENGTH.exec(attr('height') ?? '');
  if (w && h) return { width: Number(w[1]), height: Number(h[1]) };
  const box = (attr('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) {
    return { width: box[2] ?? 0, height: box[3] ?? 0 };
  }
  return null;
}

const SVG_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/i;

/** What kind of logo `bytes` hold and their size; null for anything the app does not take. */
export function logoInfo(bytes: Uint8Array): LogoInfo | null {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    const size = webpSize(bytes);
    return size ? { kind: 'webp', ...size } : null;
  }
  try {
    const info = imageInfo(bytes);
    return { kind: info.type, width: info.width, height: info.height };
  } catch {
    // not PNG or JPEG: maybe SVG text
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (!SVG_START.test(head.replace(/^\uFEFF/, ''))) return null;
  const size = svgSize(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  return { kind: 'svg', width: size?.width ?? null, height: size?.height ?? null };
}

/** Why a logo of this size cannot be used (in Indonesian), or null when it can. */
export function logoSizeProblem(info: LogoInfo): string | null {
  const { width, height } = info;
  if (width === null || height === null) return null;
  const shown = `${formatPixels(width)} × ${formatPixels(height)} piksel`;
  if (!(width > 0 && height > 0)) {
    return `ukuran gambar logo tidak sah (${shown}); lebar dan tinggi harus lebih dari 0`;
  }
  if (info.kind !== 'svg' && (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE)) {
    return `gambar logo terlalu besar (${shown}); paling besar ${LOGO_MAX_SIDE.toLocaleString('id-ID')} piksel per sisi`;
  }
  if (Math.max(width / height, height / width) > 20) {
    return `perbandingan sisi logo tidak wajar (${shown}); sisi panjang paling banyak 20 kali sisi pendek`;
  }
  return null;
}

const formatPixels = (n: number): string =>
  Number.isFinite(n) ? n.toLocaleString('id-ID', { maximumFractionDigits: 2 }) : String(n);

/**
 * The check at upload: null when the app can store `bytes` as a logo, else the Indonesian reason
 * (kind not accepted, or a size that is zero, over 4.000 px a side, or absurdly thin).
 * `sizeOnly`: the kind was checked elsewhere (by its MIME type); refuse only a size read from the
 * header that is absurd.
 */
export function logoUploadProblem(bytes: Uint8Array, sizeOnly = false): string | null {
  const info = logoInfo(bytes);
  if (!info) return sizeOnly ? null : 'Logo harus berupa gambar PNG, JPEG, SVG, atau WebP.';
  const problem = logoSizeProblem(info);
  return problem ? `${capitalized(problem)}.` : null;
}

/** A logo Word can take: PNG or JPEG bytes and their pixel size. */
export interface DocxLogo {
  type: 'png' | 'jpg';
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The logo for a Word document, or none with one sentence saying why (for the report screen or
 * the CLI output). SVG is drawn to PNG with `rasterize` when there is one. Never throws.
 */
export async function prepareDocxLogo(
  bytes: Uint8Array | null | undefined,
  rasterize?: (svg: string, width: number, height: number) => Promise<Uint8Array>,
): Promise<{ logo: DocxLogo | null; note: string | null }> {
  if (!bytes || bytes.length === 0) return { logo: null, note: null };
  const omitted = (why: string) => ({
    logo: null,
    note: `Logo tidak dimuat dalam dokumen Word: ${why}.`,
  });
  const info = logoInfo(bytes);
  if (!info) return omitted('berkasnya bukan gambar PNG, JPEG, SVG, atau WebP');
  const problem = logoSizeProblem(info);
  if (problem) return omitted(problem);
  if (info.kind === 'png' || info.kind === 'jpg') {
    return {
      logo: { type: info.kind, data: bytes, width: info.width ?? 1, height: info.height ?? 1 },
      note: null,
    };
  }
  if (info.kind === 'webp') return omitted('gambar WebP tidak dapat diubah menjadi PNG di sini');
  if (!rasterize) return omitted('gambar SVG tidak dapat diubah menjadi PNG di sini');
  const ratio = info.width && info.height ? info.width / info.height : 1;
  const height = LOGO_RASTER_HEIGHT;
  const width = Math.max(1, Math.round(height * ratio));
  try {
    const svg = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const png = await rasterize(svg, width, height);
    const drawn = imageInfo(png);
    if (drawn.width <= 0 || drawn.height <= 0) throw new UnsupportedImageError();
    return {
      logo: { type: 'png', data: png, width: drawn.width, height: drawn.height },
      note: null,
    };
  } catch {
    return omitted('gambar SVG tidak dapat digambar');
  }
}
