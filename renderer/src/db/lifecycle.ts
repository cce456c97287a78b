/**
 * Opening the database at start-up and the states the user must see: another window opened a
 * newer version (this one closes its connection and asks for a reload), an upgrade is blocked by
 * another window, or the database cannot be opened at all. Also asks the browser to keep the data
 * (navigator.storage.persist) so it is not evicted under storage pressure.
 */
import { Dexie } from 'dexie';
import { db, NewerDatabaseError, openChecked } from './db';

export type DatabaseState =
  | { kind: 'opening' }
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

export function openDatabase(): Promise<void> {
  opening ??= (async () => {
    db.on('versionchange', () => {
      // Another window wants a newer schema: let it proceed, and tell this window's user.
      db.close();
      set({ kind: 'closed-by-other' });
      return false;
    });
    db.on('blocked', () => set({ kind: 'blocked' }));
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
