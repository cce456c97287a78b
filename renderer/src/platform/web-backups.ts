/**
 * Backups in a browser: a separate IndexedDB database ("evaluasi-spbe-cadangan"), so that a
 * damaged or wrongly changed evaluation database can be restored. Each backup is one Blob row.
 * (Clearing the site's data removes these too; the restore screen says so and offers a download.)
 */
import { Dexie, type EntityTable } from 'dexie';
import type { BackupEntry, BackupStore, ContentWriter, PickedFile } from './types';
import { pickedFromBlob } from './picked-file';

interface BackupRow extends BackupEntry {
  data: Blob;
}

class BackupDatabase extends Dexie {
  backups!: EntityTable<BackupRow, 'name'>;
  constructor() {
    super('evaluasi-spbe-cadangan');
    this.version(1).stores({ backups: '&name, createdAt' });
  }
}

let database: BackupDatabase | undefined;
const db = (): BackupDatabase => (database ??= new BackupDatabase());

/** Collects what a ContentWriter writes into a Blob. */
export async function collectToBlob(
  content: ContentWriter,
  type: string,
  signal?: AbortSignal,
): Promise<Blob> {
  const parts: Uint8Array[] = [];
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      parts.push(chunk);
    },
  });
  await content(sink, controller.signal);
  return new Blob(parts as BlobPart[], { type });
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
};
