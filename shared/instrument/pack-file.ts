/**
 * A pack as a file: the shipped JSON text, written by `pack export` and read back by `pack
 * validate` (and anything that loads a pack from disk). Reading is bounded: a file over
 * MAX_PACK_FILE_BYTES is refused before it is parsed.
 */
import type { InstrumentPack } from './schema';
import { loadPack, type PackLoadResult } from './validate';
import { decodeUtf8Strict } from '../format/utf8';

/** The largest pack file read (the shipped packs are well under 1 MB). */
export const MAX_PACK_FILE_BYTES = 20 * 1024 * 1024;

/** The refusal of a file larger than the bound, given its size in bytes. */
export function packFileTooBig(size: number): string {
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1).replace('.', ',');
  return `Berkas paket terlalu besar (${mb(size)} MB; paling besar ${mb(MAX_PACK_FILE_BYTES)} MB)`;
}

/** Reads a pack file's bytes: size, UTF-8, JSON, then every check of `loadPack`. */
export function parsePackFile(bytes: Uint8Array): PackLoadResult {
  if (bytes.byteLength > MAX_PACK_FILE_BYTES) {
    return { ok: false, errors: [packFileTooBig(bytes.byteLength)] };
  }
  let text: string;
  try {
    text = decodeUtf8Strict(bytes);
  } catch {
    return { ok: false, errors: ['Berkas paket bukan teks UTF-8'] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message : String(e);
    return { ok: false, errors: [`Berkas paket bukan JSON yang sah (${reason})`] };
  }
  return loadPack(json);
}

/** The file form of a pack: its JSON, two-space indented, ending with a newline. */
export function packFileText(pack: InstrumentPack | unknown): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
