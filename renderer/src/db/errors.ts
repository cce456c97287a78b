/**
 * Storage failures as the user must read them. IndexedDB reports a full disk as
 * QuotaExceededError (possibly wrapped by Dexie); nothing is half-written because every write is
 * one transaction, and the message says so.
 */
import { Dexie } from 'dexie';

export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'closed' | 'other',
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'StorageError';
  }
}

function isQuota(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const name = (e as { name?: string }).name;
  if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
  const inner = (e as { inner?: unknown }).inner;
  return inner !== undefined && inner !== e && isQuota(inner);
}

/** Translates any failure of a database write into a StorageError with an Indonesian message. */
export function toStorageError(e: unknown, what: string): StorageError {
  if (e instanceof StorageError) return e;
  if (isQuota(e)) {
    return new StorageError(
      `Ruang penyimpanan penuh: ${what} tidak disimpan. Data yang sudah ada tidak berubah. Kosongkan ruang disk atau hapus bukti dukung yang tidak dipakai, lalu coba lagi.`,
      'quota',
      e,
    );
  }
  const name = e && typeof e === 'object' ? (e as { name?: string }).name : undefined;
  if (name === Dexie.errnames.DatabaseClosed) {
    return new StorageError(
      `Basis data sedang ditutup (aplikasi dibuka di jendela lain atau sedang diperbarui): ${what} tidak disimpan.`,
      'closed',
      e,
    );
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new StorageError(`${what} gagal disimpan: ${detail}`, 'other', e);
}

/** Runs a write and rethrows failures as StorageError. */
export async function guardWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw toStorageError(e, what);
  }
}
