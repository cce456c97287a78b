/**
 * One reading of an archive, whatever reader looks at it. Before zip.js parses the central
 * directory, the end of the file is checked so that no other zip reader (a mail scanner, an
 * unzip tool) could see another content: exactly one end-of-central-directory record (EOCD)
 * reaches the end of the file; its comment holds no zip record signature (a fake EOCD there is
 * what a backward scan finds first); the central directory (and the ZIP64 records, when there is
 * a ZIP64 locator at all) lie back to back right before it, inside the file, and agree with the
 * EOCD; the declared entry count is within the budget (refused before any directory is parsed).
 * After zip.js has the entries, every local header is compared with its central record in each
 * field a streaming reader would use: name, flags (encryption, data descriptor), method, CRC-32
 * and sizes.
 *
 * Used by the bundle reader (read.ts) and the backup reader (renderer/src/db/backup/read.ts).
 */
import { BundleError } from '../errors';
import { displayName } from '../entries';
import { readRange, type BundleSource } from './source';
import type { ZipFileEntry } from './zip-lib';

const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const DESCRIPTOR_SIG = 0x08074b50;
const EOCD_LENGTH = 22;
const LOCATOR_LENGTH = 20;
const ZIP64_EOCD_LENGTH = 56;
const MAX_COMMENT = 0xffff;
const U16 = 0xffff;
const U32 = 0xffffffff;

/** What the end records of an archive say, once they are found unambiguous. */
export interface ArchiveEnd {
  entries: number;
  centralDirectoryOffset: number;
  centralDirectorySize: number;
  zip64: boolean;
}

const ambiguous = (why: string): BundleError =>
  new BundleError(
    'corrupt',
    `Berkas rusak atau dimanipulasi: struktur arsip zip dapat dibaca lebih dari satu cara (${why}).`,
  );

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** A little-endian 64-bit value as a number; Infinity past the safe range (never a valid offset). */
const u64 = (b: Uint8Array, at: number): number => {
  const value = u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
  return Number.isSafeInteger(value) ? value : Infinity;
};

/** True when `bytes` holds any zip record signature ("PK" followed by a record kind). */
function holdsSignature(bytes: Uint8Array): boolean {
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    const sig = u32(bytes, i);
    if (
      sig === EOCD_SIG ||
      sig === ZIP64_EOCD_SIG ||
      sig === ZIP64_LOCATOR_SIG ||
      sig === CENTRAL_SIG ||
      sig === LOCAL_SIG ||
      sig === DESCRIPTOR_SIG
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Checks the end of the archive (see the module comment) and returns what it declares. Throws a
 * `BundleError` ('corrupt' for ambiguity, 'tooLarge' for the entry count). A file with no EOCD
 * at all is left to zip.js, which names it "terpotong atau rusak".
 */
export async function checkArchiveEnd(
  source: BundleSource,
  limits: { maxEntries: number },
): Promise<ArchiveEnd | null> {
  const size = source.size;
  const tailStart = Math.max(0, size - (EOCD_LENGTH + MAX_COMMENT));
  const tail = await readRange(source, tailStart, size - tailStart);
  const reaching: number[] = [];
  const others: number[] = [];
  for (let i = 0; i + EOCD_LENGTH <= tail.length; i++) {
    if (tail[i] !== 0x50 || tail[i + 1] !== 0x4b || u32(tail, i) !== EOCD_SIG) continue;
    if (i + EOCD_LENGTH + u16(tail, i + 20) === tail.length) reaching.push(i);
    else others.push(i);
  }
  if (reaching.length === 0) {
    if (others.length > 0) throw ambiguous('ada data tambahan setelah akhir arsip');
    return null;
  }
  if (reaching.length > 1) {
    throw ambiguous('ada lebih dari satu catatan akhir daftar isi yang sah');
  }
  const at = reaching[0]!;
  const eocd = tail.subarray(at, at + EOCD_LENGTH);
  const eocdOffset = tailStart + at;
  if (holdsSignature(tail.subarray(at + EOCD_LENGTH))) {
    throw ambiguous('komentar arsip memuat tanda catatan zip palsu');
  }
  const disk = u16(eocd, 4);
  const cdDisk = u16(eocd, 6);
  let diskEntries = u16(eocd, 8);
  let entries = u16(eocd, 10);
  let cdSize = u32(eocd, 12);
  let cdOffset = u32(eocd, 16);
  // Split archives are refused by zip.js with their own message.
  if ((disk !== 0 && disk !== U16) || (cdDisk !== 0 && cdDisk !== U16)) return null;

  let directoryEnd = eocdOffset;
  let zip64 = false;
  const locatorOffset = eocdOffset - LOCATOR_LENGTH;
  const locator =
    locatorOffset >= 0 ? await readRange(source, locatorOffset, LOCATOR_LENGTH) : new Uint8Array();
  if (locator.length === LOCATOR_LENGTH && u32(locator, 0) === ZIP64_LOCATOR_SIG) {
    // Some readers follow the locator even when the EOCD needs no ZIP64: it must hold up.
    zip64 = true;
    const recordOffset = u64(locator, 8);
    if (u32(locator, 4) !== 0 || u32(locator, 16) > 1) {
      throw ambiguous('penunjuk ZIP64 menyebut lebih dari satu bagian arsip');
    }
    if (recordOffset + ZIP64_EOCD_LENGTH > locatorOffset) {
      throw ambiguous('penunjuk ZIP64 menunjuk ke luar berkas atau ke tempat yang salah');
    }
    const record = await readRange(source, recordOffset, ZIP64_EOCD_LENGTH);
    if (u32(record, 0) !== ZIP64_EOCD_SIG || recordOffset + 12 + u64(record, 4) !== locatorOffset) {
      throw ambiguous('penunjuk ZIP64 tidak menunjuk catatan akhir ZIP64');
    }
    const agree = (eocdValue: number, sentinel: number, zip64Value: number): number => {
      if (eocdValue !== sentinel && eocdValue !== zip64Value) {
        throw ambiguous('catatan akhir ZIP64 berbeda dari catatan akhir biasa');
      }
      return zip64Value;
    };
    if (u32(record, 16) !== 0 || u32(record, 20) !== 0) {
      throw ambiguous('catatan akhir ZIP64 menyebut lebih dari satu bagian arsip');
    }
    diskEntries = agree(diskEntries, U16, u64(record, 24));
    entries = agree(entries, U16, u64(record, 32));
    cdSize = agree(cdSize, U32, u64(record, 40));
    cdOffset = agree(cdOffset, U32, u64(record, 48));
    directoryEnd = recordOffset;
  } else if (entries === U16 || cdSize === U32 || cdOffset === U32) {
    // ZIP64 needed and no locator: zip.js refuses it as a damaged archive.
    return null;
  }
  if (diskEntries !== entries) {
    throw ambiguous('jumlah entri di catatan akhir tidak konsisten');
  }
  if (entries > limits.maxEntries) {
    throw new BundleError(
      'tooLarge',
      `Berkas memuat ${entries} entri, melebihi batas ${limits.maxEntries} entri.`,
    );
  }
  if (!Number.isFinite(cdOffset + cdSize) || cdOffset + cdSize > directoryEnd) {
    throw ambiguous('daftar isi menunjuk ke luar berkas');
  }
  if (cdOffset + cdSize !== directoryEnd) {
    throw ambiguous('ada data di antara daftar isi dan catatan akhirnya');
  }
  // Each central record takes at least 46 bytes.
  if (cdSize < entries * 46) {
    throw ambiguous('ukuran daftar isi tidak cukup untuk jumlah entrinya');
  }
  return { entries, centralDirectoryOffset: cdOffset, centralDirectorySize: cdSize, zip64 };
}

/** The fields of zip.js's entry this module reads (present at run time, not all in its types). */
interface RawEntryFields {
  rawBitFlag?: number;
  compressionMethod?: number;
  /** zip.js names the central CRC-32 `signature`. */
  signature?: number;
}

const AES_METHOD = 99;

/** The data of the extra field of `type`, or null. */
function findExtra(extra: Uint8Array, type: number): Uint8Array | null {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    const length = u16(extra, at + 2);
    if (u16(extra, at) === type)
      return extra.subarray(at + 4, Math.min(extra.length, at + 4 + length));
  }
  return null;
}

/** Flag bits whose disagreement changes how a reader reads the data. */
const FLAG_MASK = 0x0001 | 0x0008 | 0x0040 | 0x0800 | 0x2000;

/**
 * Compares each entry's local header with its central record (name, flags, method, CRC-32 and
 * sizes; ZIP64 sizes from the local extra field). One small read per entry.
 */
export async function checkLocalHeaders(
  source: BundleSource,
  entries: readonly ZipFileEntry[],
  signal?: { readonly aborted: boolean },
): Promise<Map<ZipFileEntry, number>> {
  /** Where each entry's data starts in the file (after its local header). */
  const dataStart = new Map<ZipFileEntry, number>();
  for (const entry of entries) {
    if (signal?.aborted) return dataStart;
    const raw = entry as ZipFileEntry & RawEntryFields;
    const name = entry.rawFilename;
    const mismatch = (what: string): BundleError =>
      new BundleError(
        'corrupt',
        `Berkas rusak atau dimanipulasi: kepala lokal entri "${displayName(entry.filename)}" berbeda dari daftar isi arsip (${what}).`,
        entry.filename,
      );
    const head = await readRange(source, entry.offset, 30 + name.length);
    if (head.length < 30 + name.length || u32(head, 0) !== LOCAL_SIG) {
      throw mismatch('kepala lokal tidak ditemukan');
    }
    for (let i = 0; i < name.length; i++) {
      if (head[30 + i] !== name[i]) throw mismatch('nama');
    }
    if (u16(head, 26) !== name.length) throw mismatch('nama');
    const flags = u16(head, 6);
    if (raw.rawBitFlag !== undefined && (flags & FLAG_MASK) !== (raw.rawBitFlag & FLAG_MASK)) {
      throw mismatch((flags ^ raw.rawBitFlag) & 0x0041 ? 'enkripsi' : 'penanda');
    }
    let method = u16(head, 8);
    const extraLength = u16(head, 28);
    dataStart.set(entry, entry.offset + 30 + name.length + extraLength);
    const readExtra = (): Promise<Uint8Array> =>
      readRange(source, entry.offset + 30 + name.length, extraLength);
    if (method === AES_METHOD) {
      // AES: the real method is in the AES extra field (zip.js reports that one).
      const extra = await readExtra();
      const field = findExtra(extra, 0x9901);
      if (field === null || field.length < 7) throw mismatch('enkripsi');
      method = u16(field, 5);
    }
    if (raw.compressionMethod !== undefined && method !== raw.compressionMethod) {
      throw mismatch('metode kompresi');
    }
    const crc = u32(head, 14);
    let compressed = u32(head, 18);
    let uncompressed = u32(head, 22);
    if ((flags & 0x0008) !== 0) {
      // Sizes follow the data (a data descriptor, compared by zip.js): the header holds none.
      if (
        crc !== 0 ||
        (compressed !== 0 && compressed !== U32) ||
        (uncompressed !== 0 && uncompressed !== U32)
      ) {
        throw mismatch('CRC-32 atau ukuran');
      }
      continue;
    }
    if (compressed === U32 || uncompressed === U32) {
      const field = findExtra(await readExtra(), 0x0001);
      if (field === null) throw mismatch('ukuran ZIP64');
      let at = 0;
      if (uncompressed === U32 && at + 8 <= field.length) {
        uncompressed = u64(field, at);
        at += 8;
      }
      if (compressed === U32 && at + 8 <= field.length) compressed = u64(field, at);
    }
    if (raw.signature !== undefined && crc !== raw.signature) throw mismatch('CRC-32');
    if (compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize) {
      throw mismatch('ukuran');
    }
  }
  return dataStart;
}
