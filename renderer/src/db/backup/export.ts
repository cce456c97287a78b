/**
 * Exporting the whole database into a backup file: every table and every stored file, read in ONE
 * read transaction (a consistent picture; file rows hold Blob handles, not bytes), streamed into a
 * zip: tables as deflated JSON, files stored under their SHA-256 and hashed again on the way, so a
 * damaged file in storage is named instead of copied. Memory holds the table rows and at most two
 * files (the one being written and the next, read ahead) up to NATIVE_HASH_MAX_BYTES, or one chunk
 * of a larger file, whatever the total size of the evidence.
 */
import type { Dexie } from 'dexie';
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
  jsonUnsafePath,
  summarizeEvaluations,
  tableEntryName,
  tableLabel,
  UNBACKED_TABLES,
  type BackupBlob,
  type BackupManifest,
  type BackupTable,
} from '../../../../shared/backup';
import { syncSha256, type SyncHashFactory } from '../../../../shared/hash/sha256';
import { exactBytes } from '../../../../shared/bundle/limits';
import {
  describePath,
  indonesianErrorMap,
  summarizeProblems,
} from '../../../../shared/format/zod-messages';
import type { BundleProgress, ProgressListener } from '../../../../shared/bundle/progress';
import {
  countingPipe,
  transformStream,
  verifyingTransformer,
} from '../../../../shared/bundle/zip/streams';
import { zipLib } from '../../../../shared/bundle/zip/zip-lib';
import { formatBytes } from '../../../../shared/format/number';
import { db, type BlobRow } from '../db';
import {
  NATIVE_HASH_MAX_BYTES,
  asBackupError,
  nativeSha256,
  orderTables,
  webCrypto,
  zeroCounts,
  APP_NAME,
  ROWS_PER_CHUNK,
  type Row,
} from './common';

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
      if (UNBACKED_TABLES.includes(table.name)) continue;
      const rows = (await table.toArray()) as Row[];
      if (table.name === BLOB_TABLE) blobs = rows as unknown as BlobRow[];
      else tables.set(table.name, rows);
    }
  });
  return { name: database.name, version: database.verno, tables, blobs };
}

interface SerializedTable {
  table: BackupTable;
  chunks: Uint8Array[];
}

/** A table as JSON chunks with its size and SHA-256; refuses values JSON would change. */
function serializeTable(
  name: string,
  rows: readonly Row[],
  hash: SyncHashFactory,
): SerializedTable {
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
  hash?: SyncHashFactory;
}

export interface ExportResult {
  manifest: BackupManifest;
  /** Bytes written to the sink (the size of the backup file). */
  bytesWritten: number;
}

/**
 * The content of a database without writing it: its tables and files as the backup would hold
 * them, and the fingerprint. Lets the daily schedule skip a backup identical to the last one.
 */
export async function databaseFingerprint(
  database: Dexie = db,
  hash: SyncHashFactory = syncSha256,
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
  const hash = options.hash ?? syncSha256;
  const createdAt = options.createdAt ?? Date.now();
  const internal = new AbortController();
  const onOuterAbort = (): void => internal.abort(backupAborted());
  if (signal?.aborted) internal.abort(backupAborted());
  else signal?.addEventListener('abort', onOuterAbort, { once: true });
  const output = countingPipe(sink, internal.signal);
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

    const writer = new zip.ZipWriter(output.writable, {
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
    await output.done;
    report({
      phase: 'done',
      label: `Selesai: ${formatBytes(output.bytes())} ditulis`,
      bytesDone,
      bytesTotal,
      filesDone,
      filesTotal,
    });
    return { manifest, bytesWritten: output.bytes() };
  } catch (e) {
    const error = signal?.aborted ? backupAborted() : asBackupError(e, current);
    internal.abort(error);
    await output.done.catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }
}

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
