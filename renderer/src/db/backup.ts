/**
 * Full database backups (format and row checks: shared/backup). Owns three operations:
 *
 * - `exportDatabase`: every table and every stored file, read in ONE read transaction (a
 *   consistent picture; file rows hold Blob handles, not bytes), streamed into a zip: tables as
 *   deflated JSON, files stored under their SHA-256 and hashed again as they pass, so a damaged
 *   file in storage is named instead of copied. Memory holds the table rows and one chunk of a
 *   file at a time, whatever the size of the evidence.
 * - `readBackup`: opens a backup file and checks every byte before the preview shows anything:
 *   the zip structure, entry names (a closed list: no paths), sizes, the manifest, each table's
 *   SHA-256 and rows, each file's SHA-256 against its name.
 * - `restoreBackup`: checks the file again in full, writes a backup of the current data
 *   ("sebelum-pemulihan") so the restore can itself be undone, then replaces the data in ONE
 *   transaction. A refusal or a failure at any point leaves the database as it was.
 *
 * Files are restored without a copy through JavaScript: a stored zip entry is a contiguous byte
 * range of the backup, so its Blob is a slice of the backup file, verified by hashing that
 * exact slice.
 */
import { Dexie } from 'dexie';
import type { EvaluationId } from '../../../shared/assessment';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  BACKUP_TABLES,
  backupFingerprint,
  BackupError,
  backupAborted,
  backupManifestSchema,
  blobEntryName,
  BLOB_TABLE,
  checkBackupRows,
  classifyBackupEntry,
  EVALUATION_COLUMN,
  jsonUnsafePath,
  restorePlan,
  summarizeEvaluations,
  tableEntryName,
  tableLabel,
  unsafeNameReason,
  type BackupBlob,
  type BackupManifest,
  type BackupRows,
  type BackupTable,
  type EvaluationSummary,
  type RestorePlanItem,
  type RestoreSelection,
} from '../../../shared/backup';
import { BUNDLE_FORMAT } from '../../../shared/bundle/format';
import { nobleSha256, sha256Hex, type HashFactory } from '../../../shared/bundle/hash';
import { exactBytes } from '../../../shared/bundle/limits';
import {
  describePath,
  indonesianErrorMap,
  summarizeProblems,
} from '../../../shared/bundle/messages';
import type { BundleProgress, ProgressListener } from '../../../shared/bundle/progress';
import { zipAmbiguity } from '../../../shared/bundle/zip/read';
import { readRange, zipReaderOf } from '../../../shared/bundle/zip/source';
import {
  collectingSink,
  transformStream,
  verifyingSink,
  verifyingTransformer,
} from '../../../shared/bundle/zip/streams';
import { bundleErrorFromZip, zipLib } from '../../../shared/bundle/zip/zip-lib';
import { formatBytes } from '../../../shared/format/number';
import { backupFileName } from '../platform/backup-names';
import type { BackupEntry, BackupStore } from '../platform/types';
import { currentMemberKey } from './commands/members';
import {
  db,
  DATABASE_NAME,
  DATABASE_VERSIONS,
  SpbeDatabase,
  type BlobRow,
  type DatabaseVersion,
} from './db';
import { Sha256Reader } from './commands/hash';
import { toStorageError } from './errors';

type Row = Record<string, unknown>;

const APP_NAME = 'Evaluasi SPBE';
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Outer walls against hostile files (not policy): the app never writes anything near them. */
export const BACKUP_LIMITS = {
  maxManifestBytes: 256 * MiB,
  /** One table's JSON; V8 strings end near 512 MiB. */
  maxTableBytes: 256 * MiB,
  maxTablesTotalBytes: 1 * GiB,
  /** One stored file (the evidence size setting goes up to 4 096 MB). */
  maxBlobBytes: 4 * GiB,
  maxEntries: 1_000_100,
};

/**
 * Files up to this size are hashed with Web Crypto (native speed) from one read into memory;
 * larger ones stream through the incremental SHA-256 in JavaScript (several times slower, one
 * chunk of memory). Memory stays under this bound whatever the total size of the evidence.
 */
export const NATIVE_HASH_MAX_BYTES = 32 * MiB;

const webCrypto = (): SubtleCrypto | undefined =>
  (globalThis as { crypto?: Crypto }).crypto?.subtle;

async function nativeSha256(subtle: SubtleCrypto, bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let out = '';
  for (const b of digest) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Rows serialized per JSON chunk: keeps each chunk small while a table streams out. */
const ROWS_PER_CHUNK = 500;

/** Rows of a table older versions declared and the current one dropped (Dexie: `null`). */
function tablesOf(versions: readonly DatabaseVersion[], upTo: number): string[] {
  const tables = new Set<string>();
  for (const v of versions) {
    if (v.version > upTo) break;
    for (const [name, spec] of Object.entries(v.stores)) {
      if (spec === null) tables.delete(name);
      else tables.add(name);
    }
  }
  return [...tables];
}

// ---------------------------------------------------------------------------------------------
// Export

/** What one read transaction saw: every row of every table, file rows with Blob handles. */
interface DatabasePicture {
  name: string;
  version: number;
  tables: Map<string, Row[]>;
  blobs: BlobRow[];
}

async function readPicture(database: Dexie): Promise<DatabasePicture> {
  if (!database.isOpen()) await database.open();
  const tables = new Map<string, Row[]>();
  let blobs: BlobRow[] = [];
  await database.transaction('r', database.tables, async () => {
    for (const table of database.tables) {
      const rows = (await table.toArray()) as Row[];
      if (table.name === BLOB_TABLE) blobs = rows as unknown as BlobRow[];
      else tables.set(table.name, rows);
    }
  });
  return { name: database.name, version: database.verno, tables, blobs };
}

/** Table names in write order: the known ones first, then any other (an older schema's). */
const orderTables = (names: Iterable<string>): string[] => {
  const known = BACKUP_TABLES as readonly string[];
  const all = [...names];
  return [...known.filter((n) => all.includes(n)), ...all.filter((n) => !known.includes(n)).sort()];
};

interface SerializedTable {
  table: BackupTable;
  chunks: Uint8Array[];
}

/** A table as JSON chunks with its size and SHA-256; refuses values JSON would change. */
function serializeTable(name: string, rows: readonly Row[], hash: HashFactory): SerializedTable {
  const encoder = new TextEncoder();
  const h = hash();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (text: string): void => {
    const bytes = encoder.encode(text);
    h.update(bytes);
    size += bytes.byteLength;
    chunks.push(bytes);
  };
  push('[');
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    const part = rows.slice(start, start + ROWS_PER_CHUNK);
    part.forEach((row, i) => {
      const unsafe = jsonUnsafePath(row);
      if (unsafe) {
        throw new BackupError(
          'sourceInvalid',
          `Tabel ${tableLabel(name)} baris ${start + i + 1} memuat nilai yang tidak dapat dicadangkan utuh (${unsafe}).`,
        );
      }
    });
    push(`${start === 0 ? '' : ','}${part.map((row) => JSON.stringify(row)).join(',')}`);
  }
  push(']');
  return {
    table: { name, entry: tableEntryName(name), rows: rows.length, size, sha256: h.digestHex() },
    chunks,
  };
}

const isBlobLike = (v: unknown): v is Blob =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Blob).stream === 'function' &&
  typeof (v as Blob).size === 'number';

/** Blob rows as the manifest lists them, refusing rows that are not what the store writes. */
function blobManifestRows(blobs: readonly BlobRow[]): BackupBlob[] {
  return blobs.map((row, i) => {
    const hash = String((row as { hash?: unknown }).hash ?? '');
    if (!/^[0-9a-f]{64}$/.test(hash) || !isBlobLike(row.data)) {
      throw new BackupError(
        'sourceInvalid',
        `Isi berkas ke-${i + 1} di penyimpanan tidak utuh (tanpa hash atau tanpa isi).`,
      );
    }
    if (row.size !== row.data.size) {
      throw new BackupError(
        'sourceInvalid',
        `Isi berkas ${hash.slice(0, 12)}… di penyimpanan berukuran ${exactBytes(row.data.size)}, padahal tercatat ${exactBytes(Number(row.size))}.`,
      );
    }
    return {
      hash: hash as BackupBlob['hash'],
      size: row.data.size,
      type: typeof row.type === 'string' ? row.type : '',
      createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
      entry: blobEntryName(hash),
    };
  });
}

export interface ExportOptions {
  /** The database to export: the app's by default; a dynamic-mode Dexie reads an older schema. */
  database?: Dexie;
  appVersion?: string;
  /** Defaults to now. */
  createdAt?: number;
  hash?: HashFactory;
}

export interface ExportResult {
  manifest: BackupManifest;
  /** Bytes written to the sink (the size of the backup file). */
  bytesWritten: number;
}

/** Translates anything thrown while reading or writing a zip into a BackupError. */
function asBackupError(e: unknown, entry?: string): BackupError {
  if (e instanceof BackupError) return e;
  const b = bundleErrorFromZip(e, entry);
  return new BackupError(b.code, b.message, b.entry, { cause: e });
}

/**
 * The content of a database without writing it: its tables and files as the backup would hold
 * them, and the fingerprint. Lets the daily schedule skip a backup identical to the last one.
 */
export async function databaseFingerprint(
  database: Dexie = db,
  hash: HashFactory = nobleSha256,
): Promise<{ fingerprint: string; evaluations: number }> {
  const picture = await readPicture(database);
  const tables = orderTables(picture.tables.keys()).map(
    (name) => serializeTable(name, picture.tables.get(name) ?? [], hash).table,
  );
  return {
    fingerprint: backupFingerprint(tables, blobManifestRows(picture.blobs), hash),
    evaluations: picture.tables.get('evaluations')?.length ?? 0,
  };
}

/**
 * Streams a backup of the whole database into `sink` and closes it. Rejects with a BackupError
 * (the sink is then aborted, which tells the platform to discard the partial file).
 */
export async function exportDatabase(
  sink: WritableStream<Uint8Array>,
  signal?: AbortSignal,
  onProgress?: ProgressListener,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const zip = zipLib();
  const hash = options.hash ?? nobleSha256;
  const createdAt = options.createdAt ?? Date.now();
  const internal = new AbortController();
  const onOuterAbort = (): void => internal.abort(backupAborted());
  if (signal?.aborted) internal.abort(backupAborted());
  else signal?.addEventListener('abort', onOuterAbort, { once: true });
  let bytesWritten = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytesWritten += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const piping = counter.readable.pipeTo(sink, { signal: internal.signal });
  // A failure of the pipe reaches us through the zip writer's writes; never leave it unhandled.
  piping.catch(() => undefined);
  let current: string | undefined;
  try {
    if (internal.signal.aborted) throw backupAborted();
    const report = (p: Omit<BundleProgress, 'phase'> & { phase?: BundleProgress['phase'] }) =>
      onProgress?.({ phase: 'evidence', ...p });
    report({ phase: 'prepare', label: 'Membaca basis data', ...zeroCounts });
    const picture = await readPicture(options.database ?? db);
    const tables = orderTables(picture.tables.keys()).map((name) =>
      serializeTable(name, picture.tables.get(name) ?? [], hash),
    );
    const blobs = blobManifestRows(picture.blobs);
    const labels = new Map<string, string>();
    for (const row of picture.tables.get('evidence') ?? []) {
      if (typeof row.hash === 'string' && typeof row.fileName === 'string') {
        labels.set(row.hash, row.fileName);
      }
    }
    const evaluations = summarizeEvaluations({
      evaluations: picture.tables.get('evaluations'),
      answers: picture.tables.get('answers'),
      evidence: picture.tables.get('evidence'),
    });
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      app: { name: APP_NAME, version: options.appVersion ?? __APP_VERSION__ },
      createdAt,
      database: { name: picture.name, version: picture.version },
      fingerprint: backupFingerprint(
        tables.map((t) => t.table),
        blobs,
        hash,
      ),
      tables: tables.map((t) => t.table),
      blobs,
      evaluations,
    };
    // The app never writes a manifest its own reader refuses.
    const checked = backupManifestSchema.safeParse(manifest, { error: indonesianErrorMap });
    if (!checked.success) {
      const problems = checked.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`);
      throw new BackupError(
        'sourceInvalid',
        `Cadangan tidak dapat dibuat karena data tidak sah: ${summarizeProblems(problems)}.`,
      );
    }

    const writer = new zip.ZipWriter(counter.writable, {
      signal: internal.signal,
      lastModDate: new Date(createdAt),
    });
    for (const { table, chunks } of tables) {
      current = table.entry;
      report({ phase: 'prepare', label: `Menulis tabel ${tableLabel(table.name)}`, ...zeroCounts });
      let next = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks[next];
          chunks[next] = new Uint8Array(0); // written: let it go
          next += 1;
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      });
      await writer.add(table.entry, stream);
    }

    const bytesTotal = blobs.reduce((s, b) => s + b.size, 0);
    const filesTotal = blobs.length;
    let bytesDone = 0;
    let filesDone = 0;
    const subtle = options.hash ? undefined : webCrypto();
    const native = (i: number): boolean =>
      subtle !== undefined && (blobs[i]?.size ?? Infinity) <= NATIVE_HASH_MAX_BYTES;
    /** Reads a file whole and checks it natively; the next file's runs while this one is written. */
    const readChecked = async (i: number): Promise<Uint8Array> => {
      const blob = blobs[i]!;
      const bytes = new Uint8Array(await picture.blobs[i]!.data.arrayBuffer());
      if (bytes.byteLength !== blob.size || (await nativeSha256(subtle!, bytes)) !== blob.hash) {
        throw damaged(labels.get(blob.hash) ?? `berkas ${blob.hash.slice(0, 12)}…`, blob.entry);
      }
      return bytes;
    };
    const prefetch = (i: number): Promise<Uint8Array> | undefined => {
      if (!native(i)) return undefined;
      const read = readChecked(i);
      read.catch(() => undefined); // awaited in its turn; never left unhandled meanwhile
      return read;
    };
    let ahead = prefetch(0);
    for (const [index, blob] of blobs.entries()) {
      current = blob.entry;
      const data = picture.blobs[index]!.data;
      const name = labels.get(blob.hash) ?? `berkas ${blob.hash.slice(0, 12)}…`;
      const label = `Menyalin berkas ${filesDone + 1} dari ${filesTotal}: ${name}`;
      report({ label, bytesDone, bytesTotal, filesDone, filesTotal });
      const pending = ahead;
      ahead = prefetch(index + 1);
      if (pending) {
        // Hashed natively from one read; the same bytes go into the zip, as views (no copy).
        const bytes = await pending;
        await writer.add(blob.entry, viewsOf(bytes), { level: 0 });
        bytesDone += blob.size;
        filesDone += 1;
        continue;
      }
      const verify = transformStream(
        verifyingTransformer({
          name: blob.entry,
          expectedHash: blob.hash,
          expectedSize: blob.size,
          hash,
          onBytes: (n) => {
            bytesDone += n;
            report({ label, bytesDone, bytesTotal, filesDone, filesTotal });
          },
          tooLong: () => damaged(name, blob.entry),
          wrongSize: () => damaged(name, blob.entry),
          wrongHash: () => damaged(name, blob.entry),
        }),
      );
      // Stored (level 0): evidence is compressed already, and a stored entry is a byte range
      // of the backup that a restore takes as a Blob slice without copying it.
      await writer.add(
        blob.entry,
        (data.stream() as ReadableStream<Uint8Array>).pipeThrough(verify),
        {
          level: 0,
          zip64: blob.size >= 0xffffffff ? true : undefined,
        },
      );
      filesDone += 1;
    }

    current = BACKUP_MANIFEST_ENTRY;
    report({
      phase: 'manifest',
      label: 'Menulis manifest',
      bytesDone,
      bytesTotal,
      filesDone,
      filesTotal,
    });
    await writer.add(
      BACKUP_MANIFEST_ENTRY,
      new zip.Uint8ArrayReader(new TextEncoder().encode(JSON.stringify(manifest))),
    );
    await writer.close();
    await piping;
    report({
      phase: 'done',
      label: `Selesai: ${formatBytes(bytesWritten)} ditulis`,
      bytesDone,
      bytesTotal,
      filesDone,
      filesTotal,
    });
    return { manifest, bytesWritten };
  } catch (e) {
    const error = signal?.aborted ? backupAborted() : asBackupError(e, current);
    internal.abort(error);
    await piping.catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }
}

const zeroCounts = { bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0 };

/** Bytes in memory as a stream of views (zip.js's array reader would copy every chunk). */
function viewsOf(bytes: Uint8Array, chunk = 1024 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(at, at + chunk));
      at += chunk;
    },
  });
}

const damaged = (name: string, entry: string): BackupError =>
  new BackupError(
    'sourceInvalid',
    `Isi "${name}" di penyimpanan tidak cocok dengan hash-nya; data penyimpanan rusak. Hapus dokumen itu lalu tambahkan lagi dari berkas aslinya, kemudian buat cadangan lagi.`,
    entry,
  );

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReadBackupOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  hash?: HashFactory;
  limits?: Partial<typeof BACKUP_LIMITS>;
  /** The schema versions of the app (tests pass a later test version). */
  versions?: readonly DatabaseVersion[];
}

/** What the preview shows: the backup's manifest, checked against every byte of the file. */
export interface BackupPreview {
  manifest: BackupManifest;
  /** SHA-256 of manifest.json: names this exact backup when the user confirms a restore. */
  manifestHash: string;
  fileSize: number;
  evaluations: EvaluationSummary[];
  /** Stored files and their total size. */
  files: number;
  fileBytes: number;
  /** Taken with an older database schema: restored through the same upgrade as the database. */
  olderSchema: boolean;
}

interface OpenedBackup {
  preview: BackupPreview;
  rows: BackupRows;
  /** Verified file bytes by hash: slices of the backup file. */
  blobs: Map<string, BlobRow>;
}

type ZipEntry = Awaited<
  ReturnType<InstanceType<ReturnType<typeof zipLib>['ZipReader']>['getEntries']>
>[number];
type FileEntry = Extract<ZipEntry, { directory: false }>;

const ZIP_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

const shortName = (name: string): string => {
  const printable = JSON.stringify(name).slice(1, -1);
  return printable.length > 120 ? `${printable.slice(0, 117)}...` : printable;
};

/** Where an entry's data lies in the file: after its local header, name and extra field. */
async function dataRange(
  source: Blob,
  entry: FileEntry,
): Promise<{ headerStart: number; start: number; end: number }> {
  const header = await readRange(source, entry.offset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const corrupt = () =>
    new BackupError(
      'corrupt',
      `Berkas rusak atau dimanipulasi: kepala lokal entri "${shortName(entry.filename)}" tidak sesuai dengan daftar isi arsip.`,
      entry.filename,
    );
  if (header.byteLength < 30 || view.getUint32(0, true) !== 0x04034b50) throw corrupt();
  const method = view.getUint16(8, true);
  const flags = view.getUint16(6, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (method !== entry.compressionMethod || (flags & 1) !== 0) throw corrupt();
  const rawName = await readRange(source, entry.offset + 30, nameLength);
  const expected = entry.rawFilename;
  if (rawName.byteLength !== expected.byteLength || rawName.some((b, i) => b !== expected[i])) {
    throw corrupt();
  }
  const start = entry.offset + 30 + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > source.size) throw corrupt();
  return { headerStart: entry.offset, start, end };
}

function parseJson(bytes: Uint8Array, entry: string, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (e) {
    throw new BackupError(
      'manifestInvalid',
      `${what} bukan JSON UTF-8 yang sah; berkas rusak.`,
      entry,
      { cause: e },
    );
  }
}

/** Checks the manifest's header (format, version) before its schema, for specific messages. */
function checkManifestHeader(raw: unknown): void {
  const record = typeof raw === 'object' && raw !== null ? (raw as Row) : {};
  if (record.format === BUNDLE_FORMAT) {
    throw new BackupError(
      'manifestInvalid',
      'Berkas ini adalah berkas pertukaran evaluasi (.spbe) hasil ekspor, bukan berkas cadangan basis data. Bukalah lewat impor evaluasi.',
      BACKUP_MANIFEST_ENTRY,
    );
  }
  if (record.format !== BACKUP_FORMAT) {
    throw new BackupError(
      'manifestInvalid',
      `Berkas ini bukan berkas cadangan Evaluasi SPBE: manifest.json tidak menyebut format "${BACKUP_FORMAT}".`,
      BACKUP_MANIFEST_ENTRY,
    );
  }
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError(
      'formatUnknown',
      `Versi format cadangan tidak terbaca (${JSON.stringify(version) ?? 'kosong'}).`,
      BACKUP_MANIFEST_ENTRY,
    );
  }
  if (version > BACKUP_FORMAT_VERSION) {
    const app = typeof record.app === 'object' && record.app ? (record.app as Row).version : '';
    throw new BackupError(
      'formatTooNew',
      `Berkas cadangan ini dibuat oleh versi aplikasi yang lebih baru${typeof app === 'string' && app ? ` (${shortName(app)})` : ''} dengan format ${version}; aplikasi ini membaca format ${BACKUP_FORMAT_VERSION}. Perbarui aplikasi untuk memulihkannya.`,
      BACKUP_MANIFEST_ENTRY,
    );
  }
}

/** Opens and checks a backup in full. Rejects with a BackupError and nothing else. */
async function openBackup(source: Blob, options: ReadBackupOptions): Promise<OpenedBackup> {
  try {
    return await openUnchecked(source, options);
  } catch (e) {
    if (options.signal?.aborted) throw backupAborted();
    throw asBackupError(e);
  }
}

async function openUnchecked(source: Blob, options: ReadBackupOptions): Promise<OpenedBackup> {
  const zip = zipLib();
  const limits = { ...BACKUP_LIMITS, ...options.limits };
  const hash = options.hash ?? nobleSha256;
  const versions = options.versions ?? DATABASE_VERSIONS;
  const latest = versions[versions.length - 1]?.version ?? 0;
  const signal = options.signal;
  const throwIfAborted = (): void => {
    if (signal?.aborted) throw backupAborted();
  };
  const progress = (p: BundleProgress): void => options.onProgress?.(p);
  throwIfAborted();

  if (source.size === 0) {
    throw new BackupError('empty', 'Berkas kosong (0 byte), bukan berkas cadangan.');
  }
  const head = await readRange(source, 0, 4);
  if (!ZIP_MAGIC.some((m) => m.every((b, i) => head[i] === b))) {
    throw new BackupError(
      'notZip',
      'Berkas ini bukan berkas cadangan Evaluasi SPBE (bukan arsip zip).',
    );
  }
  progress({ phase: 'verify', label: 'Membaca daftar isi berkas', ...zeroCounts });
  const readerOptions = {
    // Our own name rules give the specific message; zip.js must not reject names first.
    filenameValidation: 'tolerant' as const,
    strictness: 'balanced' as const,
    checkLocalDirectory: true,
    checkLocalFilename: true,
    checkCrc32: true,
    checkOverlappingEntry: true,
    signal,
  };
  const reader = new zip.ZipReader(zipReaderOf(source), readerOptions);
  const entries: ZipEntry[] = await reader.getEntries();
  throwIfAborted();
  if (entries.length > limits.maxEntries) {
    throw new BackupError(
      'tooLarge',
      `Berkas memuat ${entries.length} entri, melebihi batas ${limits.maxEntries} entri.`,
    );
  }
  const ambiguous = zipAmbiguity(reader.warnings);
  if (ambiguous) {
    throw new BackupError(
      'corrupt',
      `Berkas rusak atau dimanipulasi: struktur arsip zip dapat dibaca lebih dari satu cara (${ambiguous}).`,
    );
  }
  const byName = new Map<string, FileEntry>();
  for (const e of entries) {
    const unsafe = e.directory ? 'entri berupa folder' : unsafeNameReason(e.filename);
    if (unsafe) {
      throw new BackupError(
        'entryName',
        `Entri "${shortName(e.filename)}" ditolak: ${unsafe}.`,
        e.filename,
      );
    }
    if (byName.has(e.filename)) {
      throw new BackupError(
        'duplicateEntry',
        `Entri "${shortName(e.filename)}" muncul lebih dari sekali di dalam berkas.`,
        e.filename,
      );
    }
    if (e.encrypted) {
      throw new BackupError(
        'unsupported',
        `Entri "${shortName(e.filename)}" terenkripsi; berkas cadangan tidak pernah dienkripsi.`,
        e.filename,
      );
    }
    byName.set(e.filename, e as FileEntry);
  }

  // The manifest, capped in size while it streams, then its header, then its schema.
  const manifestEntry = byName.get(BACKUP_MANIFEST_ENTRY);
  if (!manifestEntry) {
    throw new BackupError(
      'missingEntry',
      'Berkas tidak memuat manifest.json, jadi bukan berkas cadangan Evaluasi SPBE yang utuh.',
      BACKUP_MANIFEST_ENTRY,
    );
  }
  const manifestBytes = await readSmallEntry(manifestEntry, limits.maxManifestBytes, readerOptions);
  const manifestHash = sha256Hex(manifestBytes, hash);
  const rawManifest = parseJson(manifestBytes, BACKUP_MANIFEST_ENTRY, 'manifest.json');
  checkManifestHeader(rawManifest);
  const parsed = backupManifestSchema.safeParse(rawManifest, { error: indonesianErrorMap });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`);
    throw new BackupError(
      'manifestInvalid',
      `manifest.json cadangan tidak sah: ${summarizeProblems(problems)}.`,
      BACKUP_MANIFEST_ENTRY,
    );
  }
  const manifest = parsed.data;
  if (manifest.database.name !== DATABASE_NAME) {
    throw new BackupError(
      'content',
      `Cadangan ini berasal dari basis data lain ("${shortName(manifest.database.name)}"), bukan dari Evaluasi SPBE.`,
    );
  }
  if (manifest.database.version > latest) {
    throw new BackupError(
      'formatTooNew',
      `Cadangan ini dibuat dengan skema basis data versi ${manifest.database.version} oleh aplikasi yang lebih baru (${shortName(manifest.app.version)}); aplikasi ini memakai versi ${latest}. Perbarui aplikasi untuk memulihkannya.`,
    );
  }
  if (!versions.some((v) => v.version === manifest.database.version)) {
    throw new BackupError(
      'formatUnknown',
      `Cadangan ini memakai skema basis data versi ${manifest.database.version} yang tidak dikenal aplikasi ini.`,
    );
  }
  const olderSchema = manifest.database.version < latest;

  // The entries against the manifest: exactly the listed tables and files, nothing else.
  const expectedTables = new Set(tablesOf(versions, manifest.database.version));
  expectedTables.delete(BLOB_TABLE);
  const listedTables = new Map<string, BackupTable>();
  for (const t of manifest.tables) {
    if (t.entry !== tableEntryName(t.name) || listedTables.has(t.name)) {
      throw new BackupError(
        'manifestInvalid',
        `Daftar tabel di manifest tidak sah (${shortName(t.name)}).`,
      );
    }
    if (!expectedTables.has(t.name)) {
      throw new BackupError(
        'content',
        `Cadangan memuat tabel "${shortName(t.name)}" yang tidak ada di skema basis data versi ${manifest.database.version}.`,
      );
    }
    listedTables.set(t.name, t);
  }
  for (const name of expectedTables) {
    if (!listedTables.has(name)) {
      throw new BackupError(
        'missingEntry',
        `Cadangan tidak memuat tabel ${tableLabel(name)}.`,
        tableEntryName(name),
      );
    }
  }
  const listedBlobs = new Map<string, BackupBlob>();
  for (const b of manifest.blobs) {
    if (b.entry !== blobEntryName(b.hash) || listedBlobs.has(b.hash)) {
      throw new BackupError(
        'manifestInvalid',
        `Daftar isi berkas di manifest tidak sah (${b.hash.slice(0, 12)}…).`,
      );
    }
    listedBlobs.set(b.hash, b);
  }
  for (const [name, entry] of byName) {
    const kind = classifyBackupEntry(name);
    if (kind.kind === 'invalid') {
      throw new BackupError(
        'entryName',
        `Entri "${shortName(name)}" ditolak: ${kind.reason}.`,
        name,
      );
    }
    const listed =
      kind.kind === 'manifest' ||
      (kind.kind === 'table' && listedTables.has(kind.table)) ||
      (kind.kind === 'blob' && listedBlobs.has(kind.hash));
    if (!listed) {
      throw new BackupError(
        'extraEntry',
        `Entri "${shortName(name)}" ada di dalam berkas tetapi tidak tercantum di manifest.`,
        name,
      );
    }
    if (kind.kind === 'blob') {
      const blob = listedBlobs.get(kind.hash)!;
      if (entry.compressionMethod !== 0) {
        throw new BackupError(
          'unsupported',
          `Entri "${shortName(name)}" dimampatkan; isi berkas di dalam cadangan harus tersimpan apa adanya.`,
          name,
        );
      }
      if (entry.uncompressedSize !== blob.size || entry.compressedSize !== blob.size) {
        throw new BackupError(
          'sizeMismatch',
          `Entri "${shortName(name)}" berukuran ${exactBytes(entry.uncompressedSize)} di dalam zip, tetapi ${exactBytes(blob.size)} di manifest.`,
          name,
        );
      }
      if (blob.size > limits.maxBlobBytes) {
        throw new BackupError(
          'tooLarge',
          `Entri "${shortName(name)}" berukuran ${formatBytes(blob.size)}, melebihi batas ${formatBytes(limits.maxBlobBytes)}.`,
          name,
        );
      }
    }
  }
  for (const b of listedBlobs.values()) {
    if (!byName.has(b.entry)) {
      throw new BackupError(
        'missingEntry',
        `Isi berkas "${b.entry}" tercantum di manifest tetapi tidak ada di dalam berkas.`,
        b.entry,
      );
    }
  }
  let tablesTotal = 0;
  for (const t of listedTables.values()) {
    const entry = byName.get(t.entry);
    if (!entry) {
      throw new BackupError(
        'missingEntry',
        `Tabel ${tableLabel(t.name)} tidak ada di dalam berkas.`,
        t.entry,
      );
    }
    if (entry.uncompressedSize !== t.size) {
      throw new BackupError(
        'sizeMismatch',
        `Entri "${t.entry}" berukuran ${exactBytes(entry.uncompressedSize)} di dalam zip, tetapi ${exactBytes(t.size)} di manifest.`,
        t.entry,
      );
    }
    tablesTotal += t.size;
    if (t.size > limits.maxTableBytes || tablesTotal > limits.maxTablesTotalBytes) {
      throw new BackupError(
        'tooLarge',
        `Tabel di dalam cadangan terlalu besar (${formatBytes(t.size)} untuk ${tableLabel(t.name)}).`,
        t.entry,
      );
    }
  }

  // No two entries share bytes, and every one lies inside the file.
  const ranges = new Map<string, { headerStart: number; start: number; end: number }>();
  for (const [name, entry] of byName) ranges.set(name, await dataRange(source, entry));
  const sorted = [...ranges.entries()].sort((a, b) => a[1].headerStart - b[1].headerStart);
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]![1].headerStart < sorted[i - 1]![1].end) {
      throw new BackupError(
        'corrupt',
        `Berkas rusak atau dimanipulasi: entri "${shortName(sorted[i]![0])}" bertumpang tindih dengan entri lain.`,
        sorted[i]![0],
      );
    }
  }
  throwIfAborted();

  // Every table: its bytes against the manifest's size and SHA-256, then JSON, then its rows.
  const rawTables: Record<string, unknown[]> = {};
  for (const t of listedTables.values()) {
    progress({ phase: 'verify', label: `Memeriksa tabel ${tableLabel(t.name)}`, ...zeroCounts });
    const bytes = await readSmallEntry(byName.get(t.entry)!, t.size, readerOptions);
    if (sha256Hex(bytes, hash) !== t.sha256) {
      throw new BackupError(
        'hashMismatch',
        `Isi tabel ${tableLabel(t.name)} tidak cocok dengan hash SHA-256-nya; berkas rusak atau diubah.`,
        t.entry,
      );
    }
    const rows = parseJson(bytes, t.entry, `Tabel ${tableLabel(t.name)}`);
    if (!Array.isArray(rows) || rows.length !== t.rows) {
      throw new BackupError(
        'content',
        `Tabel ${tableLabel(t.name)} tidak memuat ${t.rows} baris seperti yang dinyatakan manifest.`,
        t.entry,
      );
    }
    rawTables[t.name] = rows;
    throwIfAborted();
  }

  // Every stored file: the exact slice a restore will write, hashed against its name.
  const blobs = new Map<string, BlobRow>();
  const nativeReader = options.hash || !webCrypto() ? undefined : new Sha256Reader();
  const bytesTotal = manifest.blobs.reduce((s, b) => s + b.size, 0);
  const filesTotal = manifest.blobs.length;
  let bytesDone = 0;
  let filesDone = 0;
  for (const b of manifest.blobs) {
    throwIfAborted();
    const label = `Memeriksa isi berkas ${filesDone + 1} dari ${filesTotal}`;
    const report = (): void =>
      progress({ phase: 'verify', label, bytesDone, bytesTotal, filesDone, filesTotal });
    report();
    const range = ranges.get(b.entry)!;
    const data = source.slice(range.start, range.end, b.type);
    try {
      if (nativeReader && b.size <= NATIVE_HASH_MAX_BYTES) {
        // Web Crypto on one buffer reused for every file: no garbage per file.
        if ((await nativeReader.hash(data)) !== b.hash) throw wrongBlob(b.entry);
        bytesDone += b.size;
      } else {
        await (data.stream() as ReadableStream<Uint8Array>).pipeTo(
          verifyingSink({
            name: b.entry,
            expectedHash: b.hash,
            expectedSize: b.size,
            hash,
            onBytes: (n) => {
              bytesDone += n;
              report();
            },
            tooLong: () => wrongBlob(b.entry),
            wrongSize: () => wrongBlob(b.entry),
            wrongHash: () => wrongBlob(b.entry),
          }),
          { signal },
        );
      }
    } catch (e) {
      if (signal?.aborted) throw backupAborted();
      if (e instanceof BackupError) throw e;
      throw new BackupError(
        'io',
        `Isi berkas "${b.entry}" tidak dapat dibaca dari berkas cadangan.`,
        b.entry,
        { cause: e },
      );
    }
    blobs.set(b.hash, { hash: b.hash, data, size: b.size, type: b.type, createdAt: b.createdAt });
    filesDone += 1;
  }

  // What the manifest says of the content must be what the content is.
  const summaries = summarizeEvaluations({
    evaluations: rawTables.evaluations,
    answers: rawTables.answers,
    evidence: rawTables.evidence,
  });
  if (JSON.stringify(summaries) !== JSON.stringify(manifest.evaluations)) {
    throw new BackupError(
      'content',
      'Ringkasan evaluasi di manifest tidak sesuai dengan isi tabel; berkas rusak atau diubah.',
      BACKUP_MANIFEST_ENTRY,
    );
  }
  const orderedTables = orderTables(listedTables.keys()).map((n) => listedTables.get(n)!);
  if (
    JSON.stringify(orderedTables) !== JSON.stringify(manifest.tables) ||
    backupFingerprint(manifest.tables, manifest.blobs, hash) !== manifest.fingerprint
  ) {
    throw new BackupError(
      'content',
      'Sidik isi di manifest tidak sesuai dengan isi cadangan; berkas rusak atau diubah.',
      BACKUP_MANIFEST_ENTRY,
    );
  }

  // Rows: an older schema is first carried through the app's own upgrades, then every row is
  // checked against the schema the app writes with.
  const current = olderSchema
    ? await upgradeRows(rawTables, blobs, manifest.database.version, versions)
    : rawTables;
  const { rows, problems } = checkBackupRows(current);
  if (problems.length > 0) {
    throw new BackupError('content', `Isi cadangan tidak sah: ${summarizeProblems(problems)}.`);
  }
  progress({
    phase: 'done',
    label: 'Berkas cadangan sah',
    bytesDone,
    bytesTotal,
    filesDone,
    filesTotal,
  });
  return {
    preview: {
      manifest,
      manifestHash,
      fileSize: source.size,
      evaluations: manifest.evaluations,
      files: manifest.blobs.length,
      fileBytes: bytesTotal,
      olderSchema,
    },
    rows,
    blobs,
  };
}

const wrongBlob = (entry: string): BackupError =>
  new BackupError(
    'hashMismatch',
    `Isi berkas "${entry}" tidak cocok dengan hash SHA-256-nya; berkas cadangan rusak atau diubah.`,
    entry,
  );

/** A deflated entry read whole (the manifest, a table), capped at its declared size. */
async function readSmallEntry(
  entry: FileEntry,
  max: number,
  readerOptions: object,
): Promise<Uint8Array> {
  const declared = entry.uncompressedSize;
  if (declared > max) {
    throw new BackupError(
      'tooLarge',
      `Entri "${shortName(entry.filename)}" menyatakan ukuran ${formatBytes(declared)}, melebihi batas ${formatBytes(max)}.`,
      entry.filename,
    );
  }
  const collected = collectingSink(
    declared,
    () =>
      new BackupError(
        'zipBomb',
        `Entri "${shortName(entry.filename)}" menghasilkan lebih banyak data daripada ukuran yang dinyatakan (${exactBytes(declared)}); pembacaan dihentikan.`,
        entry.filename,
      ),
  );
  try {
    await entry.getData(collected.sink, readerOptions);
  } catch (e) {
    throw asBackupError(e, entry.filename);
  }
  const bytes = collected.bytes();
  if (bytes.byteLength !== declared) {
    throw new BackupError(
      'sizeMismatch',
      `Entri "${shortName(entry.filename)}" berukuran ${exactBytes(bytes.byteLength)}, padahal dinyatakan ${exactBytes(declared)}.`,
      entry.filename,
    );
  }
  return bytes;
}

/**
 * Rows of an older schema carried to the current one by the app's own upgrade functions: written
 * into a scratch database at the backup's version, opened with every version (Dexie runs the
 * upgrades), read back. File bytes stay out of it (upgrades never touch them).
 */
async function upgradeRows(
  raw: Record<string, unknown[]>,
  blobs: ReadonlyMap<string, BlobRow>,
  from: number,
  versions: readonly DatabaseVersion[],
): Promise<Record<string, unknown[]>> {
  const name = `${DATABASE_NAME}-pemulihan`;
  await Dexie.delete(name);
  try {
    const old = new SpbeDatabase(
      name,
      versions.filter((v) => v.version <= from),
    );
    await old.open();
    try {
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(raw)) await old.table(table).bulkAdd(rows);
        await old
          .table(BLOB_TABLE)
          .bulkAdd([...blobs.values()].map(({ data: _data, ...meta }) => meta));
      });
    } finally {
      old.close();
    }
    const upgraded = new SpbeDatabase(name, versions);
    await upgraded.open();
    const out: Record<string, unknown[]> = {};
    try {
      await upgraded.transaction('r', upgraded.tables, async () => {
        for (const table of upgraded.tables) {
          if (table.name !== BLOB_TABLE) out[table.name] = await table.toArray();
        }
      });
    } finally {
      upgraded.close();
    }
    return out;
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(
      'content',
      `Cadangan dari skema basis data versi ${from} tidak dapat dibawa ke versi sekarang: ${e instanceof Error ? e.message : String(e)}`,
      undefined,
      { cause: e },
    );
  } finally {
    await Dexie.delete(name).catch(() => undefined);
  }
}

/**
 * Opens a backup file and checks every byte of it; resolves with what the preview shows.
 * Rejects with a BackupError (Indonesian message) for a broken or hostile file.
 */
export async function readBackup(
  source: Blob,
  options: ReadBackupOptions = {},
): Promise<BackupPreview> {
  return (await openBackup(source, options)).preview;
}

// ---------------------------------------------------------------------------------------------
// Restore

/** The evaluations on this computer now, summarised like a backup's. */
export async function currentSummaries(database: Dexie = db): Promise<EvaluationSummary[]> {
  return database.transaction(
    'r',
    [database.table('evaluations'), database.table('answers'), database.table('evidence')],
    async () =>
      summarizeEvaluations({
        evaluations: await database.table('evaluations').toArray(),
        answers: await database.table('answers').toArray(),
        evidence: await database.table('evidence').toArray(),
      }),
  );
}

export interface RestoreOptions extends ReadBackupOptions {
  selection: RestoreSelection;
  /** Where the backup of the current data goes before anything is replaced. */
  store: BackupStore;
  /** The manifest hash of the preview the user confirmed: another file is refused. */
  expectedManifestHash?: string;
  database?: SpbeDatabase;
}

export interface RestoreResult {
  /** The backup of the data as it was just before the restore ("sebelum-pemulihan"). */
  safetyBackup: BackupEntry;
  plan: RestorePlanItem[];
}

/**
 * Restores a backup: checks it in full, backs up the current data, then replaces the data in one
 * transaction. Any refusal or failure leaves the database as it was.
 */
export async function restoreBackup(source: Blob, options: RestoreOptions): Promise<RestoreResult> {
  const database = options.database ?? db;
  const opened = await openBackup(source, options);
  if (
    options.expectedManifestHash !== undefined &&
    opened.preview.manifestHash !== options.expectedManifestHash
  ) {
    throw new BackupError(
      'content',
      'Berkas cadangan berubah sejak pratinjau. Buka pratinjaunya lagi sebelum memulihkan.',
    );
  }
  const { selection } = options;
  const inBackup = new Set(opened.rows.evaluations.map((e) => String(e.id)));
  if (selection.mode === 'selected') {
    if (selection.ids.length === 0) {
      throw new BackupError('content', 'Pilih sedikitnya satu evaluasi untuk dipulihkan.');
    }
    const unknown = selection.ids.find((id) => !inBackup.has(id));
    if (unknown)
      throw new BackupError('content', 'Evaluasi yang dipilih tidak ada di cadangan ini.');
  }
  if (options.signal?.aborted) throw backupAborted();

  const plan = restorePlan(opened.preview.evaluations, await currentSummaries(database), selection);
  // The data as it is now, kept before anything changes: a restore can itself be undone.
  const safetyBackup = await options.store.write(
    backupFileName('sebelum-pemulihan'),
    (sink, signal) => exportDatabase(sink, signal, undefined, { database }).then(() => undefined),
    options.signal,
  );
  if (options.signal?.aborted) throw backupAborted();

  // Filled as files are staged, so that a failure half-way still removes those already added.
  const staged: string[] = [];
  try {
    const files =
      selection.mode === 'all'
        ? [...opened.blobs.values()]
        : [...selectedBlobs(opened, selection.ids)].flatMap((h) => {
            const row = opened.blobs.get(h);
            return row ? [row] : [];
          });
    await stageBlobs(database, files, staged);
    if (options.signal?.aborted) throw backupAborted();
    if (selection.mode === 'all') await replaceAll(database, opened);
    else await replaceSelected(database, opened, selection.ids as EvaluationId[]);
  } catch (e) {
    await unstageBlobs(database, staged).catch(() => undefined);
    if (e instanceof BackupError) throw e;
    const error = toStorageError(e, 'Pemulihan cadangan');
    throw new BackupError(
      'io',
      `${error.message} Data sebelum pemulihan juga tersimpan sebagai ${safetyBackup.name}.`,
      undefined,
      { cause: e },
    );
  }
  return { safetyBackup, plan };
}

/** Bytes of files written per staging transaction (bounds what one transaction holds). */
const STAGE_BATCH_BYTES = 32 * MiB;

/**
 * Writes the files a restore needs and the database lacks, in small transactions BEFORE the one
 * transaction that replaces the data. Files are stored by content (SHA-256), so a staged file
 * nothing refers to yet changes nothing the user sees; staging keeps the memory of the browser's
 * database writes bounded, where one transaction holding every file would hold them all at once.
 * Records the hashes it added in `staged` (removed again if the restore fails).
 */
async function stageBlobs(
  database: SpbeDatabase,
  rows: readonly BlobRow[],
  staged: string[],
): Promise<void> {
  let batch: BlobRow[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const group = batch;
    batch = [];
    bytes = 0;
    let added: string[] = [];
    await database.transaction('rw', database.blobs, async () => {
      const present = new Set(
        (await database.blobs
          .where(':id')
          .anyOf(group.map((r) => r.hash))
          .primaryKeys()) as string[],
      );
      const add = group.filter((r) => !present.has(r.hash));
      if (add.length > 0) await database.blobs.bulkAdd(add);
      added = add.map((r) => r.hash);
    });
    // Recorded once committed: only files this restore really added are ever removed again.
    staged.push(...added);
  };
  for (const row of rows) {
    batch.push(row);
    bytes += row.size;
    if (bytes >= STAGE_BATCH_BYTES) await flush();
  }
  await flush();
}

/** Removes staged files nothing refers to (after a failed restore). */
async function unstageBlobs(database: SpbeDatabase, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await database.transaction(
    'rw',
    [database.blobs, database.evidence, database.evaluations],
    async () => {
      for (const h of hashes) {
        if ((await database.evidence.where('hash').equals(h).count()) > 0) continue;
        const logo = await database.evaluations.filter((e) => e.instansi.logoHash === h).count();
        if (logo === 0) await database.blobs.delete(h as never);
      }
    },
  );
}

/** The files a selective restore needs: the chosen evaluations' documents and logos. */
function selectedBlobs(opened: OpenedBackup, ids: readonly string[]): Set<string> {
  const chosen = new Set(ids);
  const hashes = new Set<string>();
  for (const e of opened.rows.evidence)
    if (chosen.has(String(e.evaluationId))) hashes.add(String(e.hash));
  for (const e of opened.rows.evaluations) {
    const logo = (e.instansi as { logoHash?: unknown } | undefined)?.logoHash;
    if (chosen.has(String(e.id)) && typeof logo === 'string') hashes.add(logo);
  }
  return hashes;
}

/** Everything becomes the backup's: every table, and exactly the backup's files. */
async function replaceAll(database: SpbeDatabase, opened: OpenedBackup): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    for (const table of database.tables) if (table.name !== BLOB_TABLE) await table.clear();
    for (const name of BACKUP_TABLES) {
      const rows = opened.rows[name];
      if (rows.length > 0) await database.table(name).bulkAdd(rows);
    }
    // File rows hold Blob handles, not bytes: reading them all is cheap.
    const current = (await database.blobs.toArray()) as BlobRow[];
    const byHash = new Map(current.map((r) => [r.hash as string, r]));
    const surplus = current.filter((r) => !opened.blobs.has(r.hash)).map((r) => r.hash);
    if (surplus.length > 0) await database.blobs.bulkDelete(surplus);
    for (const row of opened.blobs.values()) {
      const existing = byHash.get(row.hash);
      if (!existing) await database.blobs.add(row);
      else if (
        existing.type !== row.type ||
        existing.createdAt !== row.createdAt ||
        existing.size !== row.size
      ) {
        await database.blobs.put({ ...existing, type: row.type, createdAt: row.createdAt });
      }
    }
  });
}

async function replaceSelected(
  database: SpbeDatabase,
  opened: OpenedBackup,
  ids: readonly EvaluationId[],
): Promise<void> {
  const chosen = new Set<string>(ids);
  const owned = (table: keyof typeof EVALUATION_COLUMN) => {
    const column = EVALUATION_COLUMN[table]!;
    return opened.rows[table].filter((r) => chosen.has(String(r[column])));
  };
  const evaluations = opened.rows.evaluations.filter((e) => chosen.has(String(e.id)));
  const needed = selectedBlobs(opened, ids);
  const blobRows = [...needed].flatMap((h) => {
    const row = opened.blobs.get(h);
    return row ? [row] : [];
  });
  // Audit events are renumbered after the ones on this computer, in their original order.
  const audit = owned('audit')
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map(({ seq: _seq, ...event }) => event);
  const settingKeys = new Set(ids.map((id) => currentMemberKey(id)));
  const settings = opened.rows.settings.filter((s) => settingKeys.has(String(s.key)));

  await database.transaction('rw', database.tables, async () => {
    const replacedHashes = new Set<string>();
    for (const id of ids) {
      const old = await database.evaluations.get(id);
      if (old?.instansi.logoHash) replacedHashes.add(old.instansi.logoHash);
      for (const doc of await database.evidence.where('evaluationId').equals(id).toArray()) {
        replacedHashes.add(doc.hash);
      }
      for (const table of Object.keys(EVALUATION_COLUMN) as (keyof typeof EVALUATION_COLUMN)[]) {
        await database.table(table).where(EVALUATION_COLUMN[table]!).equals(id).delete();
      }
      await database.evaluations.delete(id);
      await database.settings.delete(currentMemberKey(id));
    }
    await database.table('evaluations').bulkAdd(evaluations);
    for (const table of ['answers', 'evidence', 'links', 'members', 'merges'] as const) {
      const rows = owned(table);
      if (rows.length > 0) await database.table(table).bulkAdd(rows);
    }
    if (audit.length > 0) await database.table('audit').bulkAdd(audit);
    if (settings.length > 0) await database.table('settings').bulkAdd(settings);
    const present = new Set(
      (await database.blobs
        .where(':id')
        .anyOf([...needed])
        .primaryKeys()) as string[],
    );
    const missing = blobRows.filter((b) => !present.has(b.hash));
    if (missing.length > 0) await database.blobs.bulkAdd(missing);
    // Files only the replaced versions used go with them.
    for (const h of replacedHashes) {
      if (needed.has(h)) continue;
      if ((await database.evidence.where('hash').equals(h).count()) > 0) continue;
      const logo = await database.evaluations.filter((e) => e.instansi.logoHash === h).count();
      if (logo === 0) await database.blobs.delete(h as never);
    }
  });
}
