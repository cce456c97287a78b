/**
 * Backups in a browser: a separate IndexedDB database ("evaluasi-spbe-cadangan"), so that a
 * damaged or wrongly changed evaluation database can be restored. Each backup is one Blob row;
 * after each write only the newest N are kept (N in the same database, 10 by default, as on the
 * desktop). Clearing the site's data removes these too; the restore screen says so and offers a
 * download.
 */
import { Dexie, type EntityTable } from 'dexie';
import { DEFAULT_BACKUPS_KEPT } from '../../../shared/ipc/contract';
import type { BackupEntry, BackupStore, ContentWriter, PickedFile } from './types';
import { pickedFromBlob } from './picked-file';

interface BackupRow extends BackupEntry {
  data: Blob;
}

interface MetaRow {
  key: string;
  value: unknown;
}

class BackupDatabase extends Dexie {
  backups!: EntityTable<BackupRow, 'name'>;
  meta!: EntityTable<MetaRow, 'key'>;
  constructor() {
    super('evaluasi-spbe-cadangan');
    this.version(1).stores({ backups: '&name, createdAt' });
    this.version(2).stores({ meta: '&key' });
  }
}

let database: BackupDatabase | undefined;
const db = (): BackupDatabase => (database ??= new BackupDatabase());

const KEEP_KEY = 'keep';

/**
 * Chunks held in JavaScript before they are folded into the Blob being built: the browser keeps
 * Blob data outside the JavaScript heap (and on disk when large), so memory stays at this much
 * whatever the size of the content.
 */
const FOLD_BYTES = 8 * 1024 * 1024;

/** Collects what a ContentWriter writes into a Blob, with bounded JavaScript memory. */
export async function collectToBlob(
  content: ContentWriter,
  type: string,
  signal?: AbortSignal,
): Promise<Blob> {
  let folded = new Blob([], { type });
  let parts: Uint8Array[] = [];
  let pending = 0;
  const fold = () => {
    folded = new Blob([folded, ...(parts as BlobPart[])], { type });
    parts = [];
    pending = 0;
  };
  const controller = new AbortController();
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      parts.push(chunk);
      pending += chunk.byteLength;
      if (pending >= FOLD_BYTES) fold();
    },
  });
  await content(sink, controller.signal);
  fold();
  return folded;
}

async function keepCount(): Promise<number> {
  const value = (await db().meta.get(KEEP_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? value
    : DEFAULT_BACKUPS_KEPT;
}

/** Deletes all but the newest `keep` backups. */
async function rotate(): Promise<void> {
  const keep = await keepCount();
  const surplus = await db().backups.orderBy('createdAt').reverse().offset(keep).primaryKeys();
  if (surplus.length > 0) await db().backups.bulkDelete(surplus);
}

export const webBackupStore: BackupStore = {
  async list() {
    const rows = await db().backups.orderBy('createdAt').reverse().toArray();
    return rows.map(({ name, size, createdAt }) => ({ name, size, createdAt }));
  },
  async write(name, content, signal) {
    const blob = await collectToBlob(content, 'application/x-spbe', signal);
    const entry: BackupRow = { name, size: blob.size, createdAt: Date.now(), data: blob };
    await db().backups.put(entry);
    await rotate();
    return { name, size: entry.size, createdAt: entry.createdAt };
  },
  async read(name): Promise<PickedFile> {
    const row = await db().backups.get(name);
    if (!row) throw new Error(`Cadangan "${name}" tidak ditemukan`);
    return pickedFromBlob(row.data, row.name, row.createdAt);
  },
  async remove(name) {
    await db().backups.delete(name);
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
