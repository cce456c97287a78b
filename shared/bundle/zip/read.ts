/**
 * Opening a .spbe bundle: everything is validated before the caller gets anything to store.
 * In order: not empty, a zip at all, one unambiguous end of the archive (structure.ts), the
 * central directory (entry count, names, duplicates, declared sizes, compression ratio, the
 * inflation budget, local headers agreeing, one encryption state for all), the password, manifest.json
 * (size-capped, then format version, schema, pack, values, references: validate.ts), the entry
 * list against the manifest's file list, and finally every evidence file streamed once through
 * SHA-256 with its size counted chunk by chunk. Files stored as is (all evidence) are read by
 * large slices straight from the source after zip.js has checked their headers, and their CRC-32
 * is checked in the same pass (stored-read.ts); deflated or encrypted entries go through zip.js.
 * Only then does `readBundle` resolve.
 *
 * The result streams each verified file again on demand (`openEvidence`, checked again as it
 * flows, in case the source changed meanwhile) or as a Blob (`evidenceBlob`) for the single
 * import transaction, which must not await anything but the database.
 */
import type { EvidenceHash } from '../../assessment/ids';
import type { InstrumentPack } from '../../instrument/schema';
import {
  BACKUP_TABLE_PREFIX,
  classifyEntryName,
  checkEntryNames,
  displayName,
  MANIFEST_ENTRY,
} from '../entries';
import { abortedError, BundleError } from '../errors';
import type { FormatMigration, FormatVersion } from '../format';
import { nobleSha256, sha256Hex, type HashFactory } from '../../hash/sha256';
import {
  checkDeclaredEntry,
  checkDeclaredTotals,
  DEFAULT_BUNDLE_LIMITS,
  exactBytes,
  inflationCounter,
  type BundleLimits,
} from '../limits';
import type { BundleFile, BundleManifest } from '../manifest';
import type { ProgressListener } from '../progress';
import { parseManifest } from '../validate';
import { jsCrc32, type Crc32Factory } from './crc32';
import { startsLikeZip, zipReaderOf, type BundleSource } from './source';
import { readStoredEntry, storedEntryStream } from './stored-read';
import { checkArchiveEnd, checkLocalHeaders } from './structure';
import { collectingSink, verifyingSink, verifyingTransformer, type VerifyOptions } from './streams';
import { bundleErrorFromZip, zipLib, type ZipEntry, type ZipFileEntry } from './zip-lib';

export interface ReadBundleOptions {
  /** The version of the running app (named in the "update the app" message). */
  appVersion: string;
  password?: string;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  hash?: HashFactory;
  /** CRC-32 of stored evidence, checked in the same pass as SHA-256; JavaScript by default. */
  crc32?: Crc32Factory;
  limits?: Partial<BundleLimits>;
  /** Format migrations; the shipped ones by default (tests pass their own). */
  migrations?: readonly FormatMigration[];
  /** Finds an installed pack; the built-in packs by default. */
  findPack?: (id: string, version?: string) => InstrumentPack | undefined;
  /**
   * Receives each evidence file's bytes during the validating pass (into a temporary file, Blob
   * parts, ...) so that an import needs no second read of the bundle. Only a resolved
   * `readBundle` means the spooled bytes are verified: when it rejects, discard everything
   * spooled (a failing file's sink is aborted; earlier files' sinks were closed).
   */
  spool?: (file: BundleFile) => WritableStream<Uint8Array> | Promise<WritableStream<Uint8Array>>;
  /**
   * False: files stored as is (not deflated, not encrypted) are verified but not spooled; the
   * caller takes them as slices of the source (`storedRange`), so nothing is copied out of the
   * file before the user agrees to an import.
   */
  spoolStored?: boolean;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  pack: InstrumentPack;
  /** The format version the file was written in (the manifest is migrated to the current one). */
  originalVersion: FormatVersion;
  encrypted: boolean;
  /** SHA-256 of manifest.json as stored (decrypted): names this exact content in a merge record. */
  manifestHash: string;
  /** Size of the .spbe file. */
  fileSize: number;
  /** The evidence files in the bundle, each verified (hash and size). */
  files: readonly BundleFile[];
  /** Streams a verified file again; the stream errors if the bytes differ from the hash. */
  openEvidence(hash: EvidenceHash | string, signal?: AbortSignal): ReadableStream<Uint8Array>;
  /** A verified file as a Blob (a browser spools large Blobs to disk). */
  evidenceBlob(hash: EvidenceHash | string, signal?: AbortSignal): Promise<Blob>;
  /**
   * Where a verified file stored as is (not deflated, not encrypted) lies in the source, so that
   * its bytes are a slice of the file; null for any other file.
   */
  storedRange(hash: EvidenceHash | string): { start: number; end: number } | null;
}

async function checkContainer(source: BundleSource): Promise<void> {
  if (source.size === 0) {
    throw new BundleError('empty', 'Berkas kosong (0 byte), bukan berkas .spbe.');
  }
  if (!(await startsLikeZip(source))) {
    throw new BundleError(
      'notZip',
      'Berkas ini bukan berkas .spbe Evaluasi SPBE (bukan arsip zip).',
    );
  }
}

function verifyOptionsForBundle(
  file: BundleFile,
  hash: HashFactory,
  onBytes?: (n: number) => void,
): VerifyOptions {
  const name = file.entry;
  return {
    name,
    expectedHash: file.hash,
    expectedSize: file.size,
    hash,
    onBytes,
    tooLong: () =>
      new BundleError(
        'zipBomb',
        `Entri "${displayName(name)}" menghasilkan lebih dari ${exactBytes(file.size)} yang dinyatakan; pembacaan dihentikan.`,
        name,
      ),
    wrongSize: (actual) =>
      new BundleError(
        'sizeMismatch',
        `Berkas bukti "${displayName(name)}" berukuran ${exactBytes(actual)}, padahal manifest menyatakan ${exactBytes(file.size)}.`,
        name,
      ),
    wrongHash: () =>
      new BundleError(
        'hashMismatch',
        `Isi berkas bukti "${displayName(name)}" tidak cocok dengan hash SHA-256-nya; berkas rusak atau diubah.`,
        name,
      ),
  };
}

/** Opens and fully validates a bundle. Rejects with a `BundleError` and nothing else. */
export async function readBundle(
  source: BundleSource,
  options: ReadBundleOptions,
): Promise<OpenedBundle> {
  try {
    return await readBundleUnchecked(source, options);
  } catch (e) {
    if (options.signal?.aborted) throw abortedError();
    throw bundleErrorFromZip(e);
  }
}

async function readBundleUnchecked(
  source: BundleSource,
  options: ReadBundleOptions,
): Promise<OpenedBundle> {
  const zip = zipLib();
  const limits: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, ...options.limits };
  const hash = options.hash ?? nobleSha256;
  const crc32 = options.crc32 ?? jsCrc32;
  const signal = options.signal;
  const throwIfAborted = (): void => {
    if (signal?.aborted) throw abortedError();
  };
  throwIfAborted();
  await checkContainer(source);
  // One reading for every zip reader, and the entry count, before zip.js parses the directory.
  await checkArchiveEnd(source, limits);
  throwIfAborted();

  const readerOptions = {
    ...STRICT_ZIP_READING,
    password: options.password ? options.password : undefined,
    signal,
  };
  const reader = new zip.ZipReader(zipReaderOf(source), readerOptions);
  const entries: ZipEntry[] = await reader.getEntries();
  throwIfAborted();

  if (entries.length > limits.maxEntries) {
    throw new BundleError(
      'tooLarge',
      `Berkas memuat ${entries.length} entri, melebihi batas ${limits.maxEntries} entri.`,
    );
  }
  for (const e of entries) {
    if (e.directory) {
      throw new BundleError(
        'entryName',
        `Entri "${displayName(e.filename)}" ditolak: entri berupa folder.`,
        e.filename,
      );
    }
  }
  const files = entries as ZipFileEntry[];
  // A backup of the whole database shares the .spbe extension: say what it is and where it goes.
  if (
    files.some((e) => e.filename === MANIFEST_ENTRY) &&
    files.some((e) => e.filename.startsWith(BACKUP_TABLE_PREFIX))
  ) {
    throw new BundleError(
      'manifestInvalid',
      'Berkas ini adalah berkas cadangan basis data Evaluasi SPBE, bukan berkas pertukaran evaluasi. Pulihkan lewat layar Cadangan.',
    );
  }
  checkEntryNames(files.map((e) => e.filename));
  const ambiguous = zipAmbiguity(reader.warnings);
  if (ambiguous) {
    throw new BundleError(
      'corrupt',
      `Berkas rusak atau dimanipulasi: struktur arsip zip dapat dibaca lebih dari satu cara (${ambiguous}).`,
    );
  }
  for (const e of files) checkDeclaredEntry(nameAndSizes(e), limits);
  checkDeclaredTotals(files.map(nameAndSizes), source.size, limits);
  const dataStart = await checkLocalHeaders(source, files, signal);
  throwIfAborted();
  // Every byte inflated out of the file counts against its budget, whatever the headers said.
  const inflated = inflationCounter(source.size, limits);

  const manifestEntry = files.find((e) => e.filename === MANIFEST_ENTRY)!;
  const encrypted = manifestEntry.encrypted;
  const mixed = files.find((e) => e.encrypted !== encrypted);
  if (mixed) {
    throw new BundleError(
      'unsupported',
      `Entri "${displayName(mixed.filename)}" ${mixed.encrypted ? 'terenkripsi' : 'tidak terenkripsi'}, berbeda dari manifest.json; berkas tidak utuh.`,
      mixed.filename,
    );
  }
  const weak = files.find((e) => e.encrypted && e.zipCrypto);
  if (weak) {
    throw new BundleError(
      'unsupported',
      `Entri "${displayName(weak.filename)}" dienkripsi dengan ZipCrypto, yang lemah dan tanpa autentikasi; berkas .spbe hanya menerima AES-256.`,
      weak.filename,
    );
  }
  if (encrypted && !options.password) {
    throw new BundleError(
      'passwordRequired',
      'Berkas ini dilindungi kata sandi. Masukkan kata sandi untuk membukanya.',
    );
  }

  // The manifest, capped in size while it streams.
  options.onProgress?.({
    phase: 'verify',
    label: 'Membaca manifest',
    bytesDone: 0,
    bytesTotal: 0,
    filesDone: 0,
    filesTotal: 0,
  });
  const declaredManifest = manifestEntry.uncompressedSize;
  const collected = collectingSink(
    Math.min(limits.maxManifestBytes, declaredManifest),
    () =>
      new BundleError(
        'zipBomb',
        `manifest.json menghasilkan lebih banyak data daripada ukuran yang dinyatakan (${exactBytes(declaredManifest)}); pembacaan dihentikan.`,
        MANIFEST_ENTRY,
      ),
  );
  try {
    await manifestEntry.getData(collected.sink, readerOptions);
  } catch (e) {
    throw bundleErrorFromZip(e, MANIFEST_ENTRY);
  }
  const manifestBytes = collected.bytes();
  inflated(manifestBytes.byteLength);
  if (manifestBytes.byteLength !== declaredManifest) {
    throw new BundleError(
      'sizeMismatch',
      `manifest.json berukuran ${exactBytes(manifestBytes.byteLength)}, padahal dinyatakan ${exactBytes(declaredManifest)}.`,
      MANIFEST_ENTRY,
    );
  }
  const manifestHash = await sha256Hex(manifestBytes, hash);
  const { manifest, pack, originalVersion } = parseManifest(manifestBytes, {
    appVersion: options.appVersion,
    migrations: options.migrations,
    findPack: options.findPack,
  });
  throwIfAborted();

  // The zip's entries against the manifest's list: none missing, none extra, same sizes.
  const byName = new Map(files.map((e) => [e.filename, e]));
  const listed = new Set(manifest.files.map((f) => f.entry));
  for (const f of manifest.files) {
    const entry = byName.get(f.entry);
    if (!entry) {
      throw new BundleError(
        'missingEntry',
        `Berkas bukti "${f.entry}" tercantum di manifest tetapi tidak ada di dalam berkas.`,
        f.entry,
      );
    }
    if (entry.uncompressedSize !== f.size) {
      throw new BundleError(
        'sizeMismatch',
        `Entri "${f.entry}" dinyatakan berukuran ${exactBytes(entry.uncompressedSize)} di dalam zip, tetapi ${exactBytes(f.size)} di manifest.`,
        f.entry,
      );
    }
  }
  for (const e of files) {
    if (e.filename !== MANIFEST_ENTRY && !listed.has(e.filename)) {
      const kind = classifyEntryName(e.filename);
      throw new BundleError(
        'extraEntry',
        `Entri "${displayName(e.filename)}" ada di dalam berkas tetapi tidak tercantum di manifest${kind.kind === 'evidence' ? ' (bukti dukung yang tidak dipakai)' : ''}.`,
        e.filename,
      );
    }
  }

  // Every evidence file, streamed once through SHA-256.
  const bytesTotal = manifest.files.reduce((s, f) => s + f.size, 0);
  const filesTotal = manifest.files.length;
  let bytesDone = 0;
  let filesDone = 0;
  for (const f of manifest.files) {
    throwIfAborted();
    const label = `Memeriksa bukti dukung ${filesDone + 1} dari ${filesTotal}`;
    const progress = (): void =>
      options.onProgress?.({
        phase: 'verify',
        label,
        bytesDone,
        bytesTotal,
        filesDone,
        filesTotal,
      });
    progress();
    const entry = byName.get(f.entry)!;
    const verify = verifyOptionsForBundle(f, hash, (n) => {
      inflated(n);
      bytesDone += n;
      progress();
    });
    try {
      const start = dataStart.get(entry);
      if (isStoredPlain(entry) && start !== undefined) {
        // Every check zip.js makes before it reads the data (local header, bounds, overlap), then
        // the bytes in one pass of our own: SHA-256, CRC-32 and the spool together.
        await entry.getData(new WritableStream<Uint8Array>(), {
          ...readerOptions,
          checkOverlappingEntryOnly: true,
        });
        const spool =
          options.spool && options.spoolStored !== false ? await options.spool(f) : undefined;
        await readStoredEntry({
          source,
          start,
          size: f.size,
          verify,
          crc32,
          expectedCrc: entry.crc32,
          wrongCrc: () => wrongCrc(f.entry),
          sink: spool,
          signal,
        });
      } else {
        // SHA-256 covers the evidence; zip.js's CRC-32 would only cost a second pass over the
        // bytes (AES entries carry their own authentication code as well).
        const dataOptions = { ...readerOptions, checkCrc32: false };
        if (options.spool) {
          await spoolEntry(entry, verify, await options.spool(f), dataOptions);
        } else {
          await entry.getData(verifyingSink(verify), dataOptions);
        }
      }
    } catch (e) {
      if (signal?.aborted) throw abortedError();
      throw bundleErrorFromZip(e, f.entry);
    }
    filesDone += 1;
  }
  options.onProgress?.({
    phase: 'done',
    label: 'Berkas sah',
    bytesDone,
    bytesTotal,
    filesDone,
    filesTotal,
  });

  const fileByHash = new Map<string, BundleFile>(manifest.files.map((f) => [f.hash, f]));
  const fileOf = (h: string): { file: BundleFile; entry: ZipFileEntry } => {
    const file = fileByHash.get(h);
    const entry = file && byName.get(file.entry);
    if (!file || !entry) {
      throw new BundleError(
        'missingEntry',
        `Berkas bukti dengan hash ${h.slice(0, 12)}… tidak ada di dalam berkas ini.`,
      );
    }
    return { file, entry };
  };

  const openEvidence = (h: EvidenceHash | string, s?: AbortSignal): ReadableStream<Uint8Array> => {
    const { file, entry } = fileOf(h);
    const start = dataStart.get(entry);
    if (isStoredPlain(entry) && start !== undefined) {
      return storedEntryStream({
        source,
        start,
        size: file.size,
        verify: verifyOptionsForBundle(file, hash),
        crc32,
        expectedCrc: entry.crc32,
        wrongCrc: () => wrongCrc(file.entry),
        signal: s,
      });
    }
    let fail: (e: unknown) => void = () => undefined;
    const t = verifyingTransformer(verifyOptionsForBundle(file, hash));
    const pass = new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        fail = (e) => controller.error(e);
      },
      transform: (chunk, controller) => t.transform(chunk, controller),
      flush: () => t.flush(),
    });
    // A failed read must error the stream, or its reader would wait forever.
    entry
      .getData(pass.writable, { ...readerOptions, checkCrc32: false, signal: s })
      .catch((e: unknown) => fail(s?.aborted ? abortedError() : bundleErrorFromZip(e, file.entry)));
    return pass.readable;
  };

  const evidenceBlob = async (h: EvidenceHash | string, s?: AbortSignal): Promise<Blob> => {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const reader = openEvidence(h, s).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Stream chunks are typed over ArrayBufferLike; these come from zip.js as plain buffers.
      parts.push(value as Uint8Array<ArrayBuffer>);
    }
    return new Blob(parts, { type: 'application/octet-stream' });
  };

  const storedRange = (h: EvidenceHash | string): { start: number; end: number } | null => {
    const file = fileByHash.get(h);
    const entry = file && byName.get(file.entry);
    const start = entry && dataStart.get(entry);
    if (!file || !entry || start === undefined || !isStoredPlain(entry)) return null;
    return { start, end: start + file.size };
  };

  return {
    manifest,
    pack,
    originalVersion,
    encrypted,
    storedRange,
    manifestHash,
    fileSize: source.size,
    files: manifest.files,
    openEvidence,
    evidenceBlob,
  };
}

/**
 * Streams one entry through the verifying transform into the caller's spool. A failure on
 * either side errors the other: the spool sees an abort (and must discard what it got), and the
 * read never waits on a stream nobody drains.
 */
async function spoolEntry(
  entry: ZipFileEntry,
  verify: VerifyOptions,
  spool: WritableStream<Uint8Array>,
  dataOptions: Parameters<ZipFileEntry['getData']>[1],
): Promise<void> {
  const t = verifyingTransformer(verify);
  let fail: (e: unknown) => void = () => undefined;
  const pass = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      fail = (e) => controller.error(e);
    },
    transform: (chunk, controller) => t.transform(chunk, controller),
    flush: () => t.flush(),
  });
  const piping = pass.readable.pipeTo(spool);
  try {
    await entry.getData(pass.writable, dataOptions);
  } catch (e) {
    fail(e);
    await piping.catch(() => undefined);
    throw e;
  }
  await piping;
}

/** A stored entry whose bytes match its SHA-256 but not its CRC-32: zip.js's words for it. */
function wrongCrc(entry: string): BundleError {
  return bundleErrorFromZip(new Error(zipLib().ERR_INVALID_CRC32), entry);
}

/** An entry whose data is its bytes as they are: stored, not encrypted, sizes equal. */
function isStoredPlain(e: ZipFileEntry): boolean {
  const method = (e as ZipFileEntry & { compressionMethod?: number }).compressionMethod;
  return method === 0 && !e.encrypted && e.compressedSize === e.uncompressedSize;
}

function nameAndSizes(e: ZipFileEntry): {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
} {
  return {
    name: e.filename,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
  };
}

/** Ambiguities zip.js tolerates in 'balanced' mode that a bundle must not have. */
const AMBIGUITIES: ReadonlySet<string> = (() => {
  const z = zipLib();
  return new Set([
    z.WARNING_APPENDED_DATA,
    z.WARNING_PREPENDED_DATA,
    z.WARNING_PREPENDED_CENTRAL_DIRECTORY,
    z.WARNING_TRAILING_CENTRAL_DIRECTORY_DATA,
    z.WARNING_MISMATCHED_CENTRAL_DIRECTORY_OFFSET,
    z.WARNING_MISMATCHED_ZIP64_END_OF_CENTRAL_DIRECTORY,
    z.WARNING_MULTIPLE_END_OF_CENTRAL_DIRECTORY,
    z.WARNING_MISSING_ZIP64_EXTRA_FIELD,
  ]);
})();

/**
 * How every archive the app reads (bundles, backups) is opened with zip.js. Our own name rules
 * give the specific message, so zip.js must not reject names first; 'balanced' lets duplicate
 * names through to our own check, which names them; the other ambiguities (data around the
 * archive, two readings of it) are refused from the reader's warnings (`zipAmbiguity`); every
 * entry's local header must agree with its central record; CRC-32 is checked (a flipped bit in
 * deflated JSON can still parse; AES entries carry their own HMAC as well).
 */
export const STRICT_ZIP_READING = {
  filenameValidation: 'tolerant',
  strictness: 'balanced',
  checkLocalDirectory: true,
  checkLocalFilename: true,
  checkCrc32: true,
  checkOverlappingEntry: true,
} as const;

/**
 * The first ambiguity zip.js warned about while reading the central directory, in words, or null.
 * Also used by the backup reader (renderer/src/db/backup.ts), which refuses the same archives.
 */
export function zipAmbiguity(warnings: readonly { reason: string }[] | undefined): string | null {
  const found = warnings?.find((w) => AMBIGUITIES.has(w.reason));
  return found ? ambiguityText(found.reason) : null;
}

function ambiguityText(reason: string): string {
  const z = zipLib();
  if (reason === z.WARNING_APPENDED_DATA) return 'ada data tambahan setelah akhir arsip';
  if (reason === z.WARNING_PREPENDED_DATA) return 'ada data tambahan sebelum awal arsip';
  return 'daftar isi arsip tidak konsisten';
}
