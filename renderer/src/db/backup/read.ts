/**
 * Reading a backup file: every byte is checked before the preview shows anything: the zip
 * structure (no ambiguity, no overlapping entries), entry names (a closed list: no paths), sizes,
 * the manifest (format, versions, schema), each table's size, SHA-256 and rows, and each stored
 * file's SHA-256 against its name. A stored file is a contiguous byte range of the backup, so the
 * Blob a restore writes is a slice of the backup file: the very bytes that were hashed.
 */
import { Dexie } from 'dexie';
import {
  evaluationOriginSchema,
  type Evaluation,
  type EvaluationIdentity,
} from '../../../../shared/assessment/evaluation';
import { timestampSchema } from '../../../../shared/format/timestamp';
import { instrumentRefSchema, type InstrumentRef } from '../../../../shared/instrument/schema';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  backupFingerprint,
  BackupError,
  backupAborted,
  backupManifestSchema,
  blobEntryName,
  BLOB_TABLE,
  checkBackupRows,
  type RepairedName,
  classifyBackupEntry,
  summarizeEvaluations,
  tableEntryName,
  tableLabel,
  unsafeNameReason,
  type BackupBlob,
  type BackupManifest,
  type BackupRows,
  type BackupTable,
  type EvaluationSummary,
} from '../../../../shared/backup';
import { BUNDLE_FORMAT } from '../../../../shared/bundle/format';
import { sha256HexSync, syncSha256, type SyncHashFactory } from '../../../../shared/hash/sha256';
import {
  checkDeclaredTotals,
  checkEntryRatio,
  DEFAULT_BUNDLE_LIMITS,
  exactBytes,
  inflationCounter,
  type ArchiveBudget,
} from '../../../../shared/bundle/limits';
import {
  describePath,
  indonesianErrorMap,
  summarizeProblems,
} from '../../../../shared/format/zod-messages';
import type { BundleProgress, ProgressListener } from '../../../../shared/bundle/progress';
import { STRICT_ZIP_READING, zipAmbiguity } from '../../../../shared/bundle/zip/read';
import { readRange, startsLikeZip, zipReaderOf } from '../../../../shared/bundle/zip/source';
import { checkArchiveEnd, checkLocalHeaders } from '../../../../shared/bundle/zip/structure';
import { collectingSink, verifyingSink } from '../../../../shared/bundle/zip/streams';
import { zipLib, type ZipEntry, type ZipFileEntry } from '../../../../shared/bundle/zip/zip-lib';
import { formatBytes } from '../../../../shared/format/number';
import {
  DATABASE_NAME,
  DATABASE_VERSIONS,
  SpbeDatabase,
  type BlobRow,
  type DatabaseVersion,
} from '../db';
import { BlobStore } from '../blob-store';
import { Sha256Reader } from '../commands/hash';
import {
  BACKUP_LIMITS,
  NATIVE_HASH_MAX_BYTES,
  asBackupError,
  orderTables,
  shortName,
  tablesOf,
  webCrypto,
  zeroCounts,
  type Row,
} from './common';

export interface ReadBackupOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  hash?: SyncHashFactory;
  limits?: Partial<typeof BACKUP_LIMITS & ArchiveBudget>;
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
  /** Rows the restore leaves out, and why (a refused row does not cost the rest). */
  skipped: string[];
  /**
   * How each evaluation in the backup came to be, by id (two of one instansi and year, say the
   * one sent out and the merged one, are told apart by it); absent for a row without it.
   */
  origins: Record<string, Pick<Evaluation, 'origin' | 'createdAt'>>;
  /** Each evaluation's instansi name, year and label, by id (what a selective restore names). */
  identities: Record<string, EvaluationIdentity>;
  /**
   * Each evaluation's instrument pack, by id: two of one instansi and year (one on PermenPANRB
   * 59/2020, one on 8/2026) differ by it.
   */
  instruments: Record<string, InstrumentRef>;
}

/** The instrument pack of each evaluation row (rows already checked against the schema). */
function instrumentsOf(rows: readonly unknown[]): BackupPreview['instruments'] {
  const out: BackupPreview['instruments'] = {};
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const instrument = instrumentRefSchema.safeParse(r.instrument);
    if (typeof r.id === 'string' && instrument.success) out[r.id] = instrument.data;
  }
  return out;
}

/** The instansi name, year and label of each evaluation row (rows already checked). */
function identitiesOf(rows: readonly unknown[]): BackupPreview['identities'] {
  const out: BackupPreview['identities'] = {};
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const instansi = r.instansi as { name?: unknown } | null | undefined;
    if (typeof r.id !== 'string' || typeof r.year !== 'number') continue;
    if (typeof instansi?.name !== 'string') continue;
    const label = typeof r.label === 'string' ? r.label : undefined;
    out[r.id] = {
      id: r.id,
      instansi: { name: instansi.name },
      year: r.year,
      ...(label ? { label } : {}),
    };
  }
  return out;
}

/** The origin and creation of each evaluation row (rows already checked against the schema). */
function originsOf(rows: readonly unknown[]): BackupPreview['origins'] {
  const out: BackupPreview['origins'] = {};
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const origin = evaluationOriginSchema.safeParse(r.origin ?? { kind: 'created' });
    const createdAt = timestampSchema.safeParse(r.createdAt);
    if (typeof r.id === 'string' && origin.success && createdAt.success) {
      out[r.id] = { origin: origin.data, createdAt: createdAt.data };
    }
  }
  return out;
}

export interface OpenedBackup {
  preview: BackupPreview;
  rows: BackupRows;
  /** Evidence names over the limit, shortened in `rows` (the restore records the originals). */
  repaired: RepairedName[];
  /** Verified file bytes by hash: slices of the backup file. */
  blobs: Map<string, BlobRow>;
}

/** Where an entry's data lies in the file: after its local header, name and extra field. */
async function dataRange(
  source: Blob,
  entry: ZipFileEntry,
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
      'Berkas ini adalah berkas pertukaran evaluasi (.spbe) hasil ekspor, bukan berkas cadangan basis data. Bukalah lewat impor evaluasi (Buka berkas .spbe di Daftar Evaluasi).',
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
export async function openBackup(source: Blob, options: ReadBackupOptions): Promise<OpenedBackup> {
  try {
    return await openUnchecked(source, options);
  } catch (e) {
    if (options.signal?.aborted) throw backupAborted();
    throw asBackupError(e);
  }
}

async function openUnchecked(source: Blob, options: ReadBackupOptions): Promise<OpenedBackup> {
  const zip = zipLib();
  // The archive budget of bundles (ratio, inflation) with the backup's own entry count.
  const limits = {
    ...DEFAULT_BUNDLE_LIMITS,
    maxTotalBytes: BACKUP_LIMITS.maxTablesTotalBytes + 64 * BACKUP_LIMITS.maxBlobBytes,
    ...BACKUP_LIMITS,
    ...options.limits,
  };
  const hash = options.hash ?? syncSha256;
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
  if (!(await startsLikeZip(source))) {
    throw new BackupError(
      'notZip',
      'Berkas ini bukan berkas cadangan Evaluasi SPBE (bukan arsip zip).',
    );
  }
  progress({ phase: 'verify', label: 'Membaca daftar isi berkas', ...zeroCounts });
  // One reading for every zip reader, and the entry count, before zip.js parses the directory.
  await checkArchiveEnd(source, limits);
  throwIfAborted();
  const readerOptions = { ...STRICT_ZIP_READING, signal };
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
  const byName = new Map<string, ZipFileEntry>();
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
      // Only the app's exchange files are ever protected: the likely mix-up is said as such.
      throw new BackupError(
        'unsupported',
        'Berkas ini dilindungi kata sandi, jadi bukan berkas cadangan (cadangan tidak pernah dilindungi kata sandi). Berkas .spbe berkata sandi adalah berkas pertukaran evaluasi hasil ekspor; bukalah lewat impor evaluasi (Buka berkas .spbe di Daftar Evaluasi).',
        e.filename,
      );
    }
    byName.set(e.filename, e as ZipFileEntry);
  }
  // Budgets on what the directory declares (per entry and in all), and local headers agreeing.
  const declared = [...byName.values()].map((e) => ({
    name: e.filename,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
  }));
  for (const e of declared) checkEntryRatio(e, limits);
  checkDeclaredTotals(declared, source.size, limits);
  await checkLocalHeaders(source, [...byName.values()], signal);
  throwIfAborted();
  const inflated = inflationCounter(source.size, limits);

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
  inflated(manifestBytes.byteLength);
  const manifestHash = sha256HexSync(manifestBytes, hash);
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
    inflated(bytes.byteLength);
    if (sha256HexSync(bytes, hash) !== t.sha256) {
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
  const { rows, problems, skipped, repaired } = checkBackupRows(current);
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
      skipped,
      origins: originsOf(rows.evaluations),
      identities: identitiesOf(rows.evaluations),
      instruments: instrumentsOf(rows.evaluations),
    },
    rows,
    repaired,
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
  entry: ZipFileEntry,
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
        `Berkas rusak atau dimanipulasi: entri "${shortName(entry.filename)}" menghasilkan lebih banyak data daripada ukuran yang dinyatakan (${exactBytes(declared)}); pembacaan dihentikan.`,
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
        await new BlobStore(old).putMetadata(blobs.values());
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
