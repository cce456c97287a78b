/**
 * Byte-level tools for building hostile bundles in tests: a raw zip writer (any names, any
 * manifest), a minimal central-directory parser, and in-place patches of names and sizes. Test
 * code only; the product reads zips through zip.js.
 */
import * as zip from '@zip.js/zip.js/lib/zip-core-custom.js';

zip.configure({ useWebWorkers: false });

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** 0 = stored; default 6 (deflate). */
  level?: number;
}

/** A zip of exactly these entries, in order (names are not checked). */
export async function rawZip(
  entries: readonly RawEntry[],
  options: { password?: string; zipCrypto?: boolean } = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = new zip.ZipWriter(
    new WritableStream<Uint8Array>({
      write(c) {
        chunks.push(c.slice());
      },
    }),
    {
      password: options.password,
      zipCrypto: options.zipCrypto,
      encryptionStrength: 3,
      lastModDate: new Date(Date.UTC(2026, 10, 22)),
    },
  );
  for (const e of entries) {
    await writer.add(e.name, new zip.Uint8ArrayReader(e.data), { level: e.level ?? 6 });
  }
  await writer.close();
  return concat(chunks);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export interface CdEntry {
  name: string;
  /** Offset of the central directory record. */
  cdOffset: number;
  localOffset: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's data (after the local header). */
  dataStart: number;
}

/** The entries of a (non-zip64, unsplit) zip from its central directory. */
export function centralDirectory(bytes: Uint8Array): CdEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= 0; i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no EOCD');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: CdEntry[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad CD record');
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = dec.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const localNameLen = view.getUint16(localOffset + 26, true);
    const localExtraLen = view.getUint16(localOffset + 28, true);
    out.push({
      name,
      cdOffset: at,
      localOffset,
      compressedSize,
      uncompressedSize,
      dataStart: localOffset + 30 + localNameLen + localExtraLen,
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Replaces every occurrence of `from` by `to` (same byte length): renames in both headers. */
export function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const enc = new TextEncoder();
  const a = enc.encode(from);
  const b = enc.encode(to);
  if (a.byteLength !== b.byteLength) throw new Error('replaceBytes: lengths differ');
  const out = bytes.slice();
  let hits = 0;
  for (let i = 0; i + a.byteLength <= out.byteLength; i += 1) {
    let match = true;
    for (let j = 0; j < a.byteLength; j += 1) {
      if (out[i + j] !== a[j]) {
        match = false;
        break;
      }
    }
    if (match) {
      out.set(b, i);
      hits += 1;
    }
  }
  if (hits === 0) throw new Error(`replaceBytes: "${from}" not found`);
  return out;
}

/** Sets the uncompressed size an entry declares in the central directory. */
export function patchDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const entry = centralDirectory(out).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  new DataView(out.buffer).setUint32(entry.cdOffset + 24, size, true);
  return out;
}

export function flipByte(bytes: Uint8Array, at: number, mask = 0x01): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ mask;
  return out;
}
