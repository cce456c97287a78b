/**
 * Opening the database at start-up and the states the user must see: a backup being taken before
 * an upgrade (and what to do if it fails), another window opened a newer version (this one closes
 * its connection and asks for a reload), an upgrade is blocked by another window, or the database
 * cannot be opened at all. Also asks the browser to keep the data (navigator.storage.persist) so
 * it is not evicted under storage pressure.
 */
import { Dexie } from 'dexie';
import type { BackupStore } from '../platform/types';
import { db, NewerDatabaseError, openChecked } from './db';
import { backupBeforeUpgrade } from './upgrade-backup';

export type DatabaseState =
  | { kind: 'opening' }
  | { kind: 'backing-up' }
  | { kind: 'backup-failed'; message: string }
  | { kind: 'ready'; persisted: boolean | null }
  | { kind: 'closed-by-other' }
  | { kind: 'blocked' }
  | { kind: 'failed'; message: string };

type Listener = (state: DatabaseState) => void;

let state: DatabaseState = { kind: 'opening' };
const listeners = new Set<Listener>();

function set(next: DatabaseState): void {
  state = next;
  for (const l of listeners) l(next);
}

export const databaseState = (): DatabaseState => state;

export function subscribeDatabaseState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let opening: Promise<void> | undefined;
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  db.on('versionchange', () => {
    // Another window wants a newer schema: let it proceed, and tell this window's user.
    db.close();
    set({ kind: 'closed-by-other' });
    return false;
  });
  db.on('blocked', () => set({ kind: 'blocked' }));
}

export interface OpenOptions {
  /** The user chose to upgrade although the backup before it could not be written. */
  withoutUpgradeBackup?: boolean;
}

/**
 * Opens the database once. With a backup store, an upgrade of an existing database is preceded
 * by a backup of it ("sebelum-pembaruan"); when that backup fails nothing is opened or upgraded
 * and the state says why (`backup-failed`), until the user retries or chooses to go on.
 */
export function openDatabase(backups?: BackupStore, options: OpenOptions = {}): Promise<void> {
  opening ??= (async () => {
    installHandlers();
    if (backups && !options.withoutUpgradeBackup) {
      try {
        await backupBeforeUpgrade(db, backups, () => set({ kind: 'backing-up' }));
      } catch (e) {
        opening = undefined;
        set({
          kind: 'backup-failed',
          message: e instanceof Error ? e.message : String(e),
        });
        return;
      }
    }
    try {
      await openChecked(db);
    } catch (e) {
      const message =
        e instanceof NewerDatabaseError
          ? e.message
          : e instanceof Dexie.VersionError
            ? 'Basis data di komputer ini dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi untuk membukanya; data tidak diubah.'
            : `Basis data tidak dapat dibuka: ${e instanceof Error ? e.message : String(e)}`;
      set({ kind: 'failed', message });
      return;
    }
    let persisted: boolean | null = null;
    try {
      persisted = navigator.storage?.persist ? await navigator.storage.persist() : null;
    } catch {
      persisted = null;
    }
    set({ kind: 'ready', persisted });
  })();
  return opening;
}
