/**
 * The backup taken before a database upgrade: at start-up, before the app's Dexie instance opens
 * (which would run the upgrade), an existing database of a LOWER version is opened in Dexie's
 * dynamic mode (its own schema, no upgrade), exported whole into a "sebelum-pembaruan" backup,
 * and closed. Only then does the upgrade run. If the upgrade goes wrong, the data as it was
 * before is in the backup, and the restore screen carries it through the (fixed) upgrade.
 */
import { Dexie } from 'dexie';
import { freshBackupFileName } from '../platform/backup-names';
import type { BackupEntry, BackupStore } from '../platform/types';
import { exportDatabase } from './backup';
import type { SpbeDatabase } from './db';

/** The version of an existing database (Dexie's, i.e. IndexedDB's / 10), or null if none. */
export async function installedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB.databases === 'function') {
    const found = (await indexedDB.databases()).find((d) => d.name === name);
    return found?.version ? Math.floor(found.version / 10) : null;
  }
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}

/**
 * Writes a backup of the existing database when opening `target` would upgrade it. Resolves
 * with the backup written, or null when there is nothing to upgrade (no database yet, or already
 * at the target's version). Rejects when the backup could not be written: the caller decides
 * whether to upgrade without one.
 */
export async function backupBeforeUpgrade(
  target: SpbeDatabase,
  store: BackupStore,
  onStart?: () => void,
): Promise<BackupEntry | null> {
  const installed = await installedVersion(target.name);
  if (installed === null || installed >= target.latestVersion) return null;
  onStart?.();
  const old = new Dexie(target.name);
  await old.open();
  try {
    const name = await freshBackupFileName(store, 'sebelum-pembaruan');
    return await store.write(name, async (sink, signal) => {
      await exportDatabase(sink, signal, undefined, { database: old });
    });
  } finally {
    old.close();
  }
}
