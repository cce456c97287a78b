/**
 * The backup file ("cadangan"): a zip holding a full export of the app's database, one file that
 * restores every table as it was. Entries, a closed list:
 *
 *   manifest.json          what the file is (format, versions, when, by which app), the list of
 *                          tables with their row counts, sizes and SHA-256, the list of stored
 *                          files, and a summary of the evaluations for the restore preview
 *   tables/<table>.json    the rows of one table as a JSON array (deflated)
 *   blobs/<sha-256>        the bytes of one evidence file or logo (stored, never deflated), named
 *                          by the SHA-256 of its content, so the name is its checksum
 *
 * Distinct from the .spbe exchange bundle (one evaluation, for another assessor): a backup is
 * every evaluation plus the app's own tables, and only this app's restore screen reads it.
 */
import { BACKUP_TABLE_PREFIX } from '../bundle/entries';

export const BACKUP_FORMAT = 'evaluasi-spbe-cadangan';
/** An integer: a reader refuses a newer one (made by a newer app) with a message. */
export const BACKUP_FORMAT_VERSION = 1;

export const BACKUP_MANIFEST_ENTRY = 'manifest.json';
export const TABLE_PREFIX = BACKUP_TABLE_PREFIX;
export const BLOB_PREFIX = 'blobs/';

/** The table whose rows are files: its metadata goes in the manifest, its bytes in blobs/. */
export const BLOB_TABLE = 'blobs';

/** Table names as entry names: a plain identifier, never a path. */
export const TABLE_NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,59}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export const tableEntryName = (table: string): string => `${TABLE_PREFIX}${table}.json`;
export const blobEntryName = (hash: string): string => `${BLOB_PREFIX}${hash}`;

export type BackupEntryKind =
  | { kind: 'manifest' }
  | { kind: 'table'; table: string }
  | { kind: 'blob'; hash: string }
  | { kind: 'invalid'; reason: string };

/**
 * Why a name is unsafe anywhere (a path, `..`, a drive letter, a backslash, control characters,
 * a folder), whatever the format: how a hostile archive escapes a folder in other tools.
 */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'nama entri kosong';
  if (name.includes('\\')) return 'nama entri memuat garis miring terbalik (\\)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'nama entri berupa path absolut';
  if (name.split('/').some((part) => part === '..' || part === '.')) {
    return 'nama entri memuat ".." atau "." (keluar dari folder)';
  }
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return 'nama entri memuat karakter kendali';
  }
  if (name.endsWith('/')) return 'entri berupa folder';
  return null;
}

/** What an entry of a backup is, or why the format does not allow it. */
export function classifyBackupEntry(name: string): BackupEntryKind {
  const unsafe = unsafeNameReason(name);
  if (unsafe) return { kind: 'invalid', reason: unsafe };
  if (name === BACKUP_MANIFEST_ENTRY) return { kind: 'manifest' };
  if (name.startsWith(TABLE_PREFIX) && name.endsWith('.json')) {
    const table = name.slice(TABLE_PREFIX.length, -'.json'.length);
    if (TABLE_NAME_PATTERN.test(table) && table !== BLOB_TABLE) return { kind: 'table', table };
    return { kind: 'invalid', reason: 'nama tabel tidak sah' };
  }
  if (name.startsWith(BLOB_PREFIX)) {
    const hash = name.slice(BLOB_PREFIX.length);
    if (HASH_PATTERN.test(hash)) return { kind: 'blob', hash };
    return {
      kind: 'invalid',
      reason:
        'nama isi berkas harus "blobs/" diikuti hash SHA-256 (64 karakter heksadesimal huruf kecil)',
    };
  }
  return {
    kind: 'invalid',
    reason:
      'entri tidak dikenal; yang diizinkan hanya manifest.json, tables/<tabel>.json dan blobs/<hash>',
  };
}
