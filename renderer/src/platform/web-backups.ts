/**
 * Backups in a browser: a separate IndexedDB database ("evaluasi-spbe-cadangan"), so that a
 * damaged or wrongly changed evaluation database can be restored. A backup is written as it
 * streams, in parts of a few megabytes, each stored (on disk) before the next is collected, so
 * neither JavaScript nor the browser holds the whole backup in memory; the backup's row is written
 * last, so a failed or cancelled write leaves no backup (its parts are removed). Reading joins the
 * stored parts into one Blob by reference. After each write only the newest N are kept (N in the
 * same database, 10 by default, as on the desktop). Clearing the site's data removes these too;
 * the restore screen says so and offers a download.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { DEFAULT_BACKUPS_KEPT } from '../../../shared/ipc/contract';
import { toStorageError } from '../db/errors';
import type { BackupEntry, BackupStore, ContentWriter, PickedFile } from './types';
import { pickedFromBlob } from './picked-file';

const BACKUP_TYPE = 'application/x-spbe';

interface BackupRow extends BackupEntry {
  /** The write whose parts hold the bytes. */
  upload?: string;
  parts?: number;
  /** Version 1 kept the bytes in the row itself. */
  data?: Blob;
}

interface PartRow {
  upload: string;
  index: number;
  data: Blob;
  createdAt: number;
}

interface MetaRow {
  key: string;
  value: unknown;
}

class BackupDatabase extends Dexie {
  backups!: EntityTable<BackupRow, 'name'>;
  parts!: Table<PartRow, [string, number]>;
  meta!: EntityTable<MetaRow, 'key'>;
  constructor() {
    super('evaluasi-spbe-cadangan');
    this.version(1).stores({ backups: '&name, createdAt' });
    this.version(2).stores({ meta: '&key', parts: '&[upload+index], upload, createdAt' });
  }
}

let database: BackupDatabase | undefined;
const db = (): BackupDatabase => (database ??= new BackupDatabase());

/** Bytes collected in JavaScript before they are stored as one part. */
const PART_BYTES = 8 * 1024 * 1024;

/** Parts no backup row names and older than this are from an interrupted write: removed. */
const STALE_PART_MS = 60 * 60 * 1000;

const KEEP_KEY = 'keep';

/**
 * Bytes held in JavaScript before they are folded into a Blob: the Blob's data is held by the
 * browser outside the JavaScript heap, so the heap stays at this much whatever the size of the
 * content (the browser keeps Blobs in memory up to its own limit, then on disk).
 */
const FOLD_BYTES = 8 * 1024 * 1024;

/**
 * Collects what a ContentWriter writes into one Blob (a download). The writer is offered the sink
 * for Blob parts (ContentSinkInfo.blobs): a Blob written to it becomes a part of the result as it
 * is, by reference, so stored evidence is never copied into script memory. Byte chunks are folded
 * into Blobs every few megabytes. Backups do not use it: they are stored part by part as they
 * stream (`webBackupStore.write`).
 */
export async function collectToBlob(
  content: ContentWriter,
  type: string,
  signal?: AbortSignal,
): Promise<Blob> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const fold = (): void => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  const controller = new AbortController();
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  const sink = new WritableStream<Uint8Array | Blob>({
    write(chunk) {
      if (controller.signal.aborted) {
        throw controller.signal.reason ?? new DOMException('Penyimpanan dibatalkan.', 'AbortError');
      }
      if (ArrayBuffer.isView(chunk)) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= FOLD_BYTES) fold();
        return;
      }
      fold();
      parts.push(chunk);
    },
  });
  await content(sink as WritableStream<Uint8Array>, controller.signal, { blobs: sink });
  if (controller.signal.aborted) {
    throw controller.signal.reason ?? new DOMException('Penyimpanan dibatalkan.', 'AbortError');
  }
  fold();
  return new Blob(parts, { type });
}

async function keepCount(): Promise<number> {
  const value = (await db().meta.get(KEEP_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? value
    : DEFAULT_BACKUPS_KEPT;
}

/** Removes backup rows and their parts (in the caller's transaction). */
async function removeRows(rows: readonly BackupRow[]): Promise<void> {
  for (const row of rows) {
    if (row.upload) await db().parts.where('upload').equals(row.upload).delete();
  }
  await db().backups.bulkDelete(rows.map((r) => r.name));
}

/** Deletes all but the newest `keep` backups, and the parts of interrupted writes. */
async function rotate(): Promise<void> {
  const keep = await keepCount();
  await db().transaction('rw', db().backups, db().parts, async () => {
    await removeRows(await db().backups.orderBy('createdAt').reverse().offset(keep).toArray());
    const used = new Set((await db().backups.toArray()).map((r) => r.upload));
    const stale = await db()
      .parts.where('createdAt')
      .below(Date.now() - STALE_PART_MS)
      .filter((p) => !used.has(p.upload))
      .primaryKeys();
    await db().parts.bulkDelete(stale);
  });
}

/** Streams what a ContentWriter writes into stored parts; returns how many and the size. */
async function writeParts(
  upload: string,
  content: ContentWriter,
  signal?: AbortSignal,
): Promise<{ parts: number; size: number }> {
  let chunks: Uint8Array[] = [];
  let pending = 0;
  let parts = 0;
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending === 0) return;
    const data = new Blob(chunks as BlobPart[]);
    chunks = [];
    pending = 0;
    await db().parts.add({ upload, index: parts, data, createdAt: Date.now() });
    parts += 1;
  };
  const controller = new AbortController();
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  const sink = new WritableStream<Uint8Array>({
    async write(chunk) {
      chunks.push(chunk);
      pending += chunk.byteLength;
      size += chunk.byteLength;
      // Awaited: the writer waits (backpressure) while a part is stored.
      if (pending >= PART_BYTES) await flush();
    },
  });
  await content(sink, controller.signal);
  if (controller.signal.aborted) {
    throw controller.signal.reason ?? new DOMException('Penyimpanan dibatalkan.', 'AbortError');
  }
  await flush();
  return { parts, size };
}

/** A full browser storage said in Indonesian (the browser's own words are English); else as is. */
function fullStorageSaid(error: unknown): unknown {
  const storage = toStorageError(error, 'cadangan');
  return storage.kind === 'quota' ? storage : error;
}

export const webBackupStore: BackupStore = {
  async list() {
    const rows = await db().backups.orderBy('createdAt').reverse().toArray();
    return rows.map(({ name, size, createdAt }) => ({ name, size, createdAt }));
  },
  async write(name, content, signal) {
    const upload = crypto.randomUUID();
    let entry: BackupRow;
    try {
      const written = await writeParts(upload, content, signal);
      entry = { name, size: written.size, createdAt: Date.now(), upload, parts: written.parts };
      await db().transaction('rw', db().backups, db().parts, async () => {
        const previous = await db().backups.get(name);
        if (previous) await removeRows([previous]);
        await db().backups.add(entry);
      });
    } catch (error) {
      await db()
        .parts.where('upload')
        .equals(upload)
        .delete()
        .catch(() => undefined);
      throw fullStorageSaid(error);
    }
    await rotate();
    return { name, size: entry.size, createdAt: entry.createdAt };
  },
  async read(name): Promise<PickedFile> {
    const row = await db().backups.get(name);
    if (!row) throw new Error(`Cadangan "${name}" tidak ditemukan`);
    if (row.data) return pickedFromBlob(row.data, row.name, row.createdAt);
    const parts = row.upload
      ? await db()
          .parts.where('[upload+index]')
          .between([row.upload, 0], [row.upload, Dexie.maxKey])
          .toArray()
      : [];
    if (parts.length !== row.parts) {
      throw new Error(`Cadangan "${name}" tidak utuh di penyimpanan peramban.`);
    }
    // Joined by reference: the parts stay where the browser stored them.
    const blob = new Blob(
      parts.map((p) => p.data),
      { type: BACKUP_TYPE },
    );
    return pickedFromBlob(blob, row.name, row.createdAt);
  },
  async remove(name) {
    await db().transaction('rw', db().backups, db().parts, async () => {
      const row = await db().backups.get(name);
      if (row) await removeRows([row]);
    });
  },
  keep: keepCount,
  async setKeep(keep) {
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
      throw new Error('Jumlah cadangan yang disimpan harus antara 1 dan 1.000.');
    }
    await db().meta.put({ key: KEEP_KEY, value: keep });
    await rotate();
    return keep;
  },
};
