/**
 * Full database backups (format and row checks: shared/backup). Three operations, one module
 * each (export.ts, read.ts, restore.ts):
 *
 * - `exportDatabase`: every table and every stored file, read in ONE read transaction (a
 *   consistent picture; file rows hold Blob handles, not bytes), streamed into a zip: tables as
 *   deflated JSON, files stored under their SHA-256 and hashed again as they pass, so a damaged
 *   file in storage is named instead of copied. Memory is bounded (the table rows and at most
 *   two files of up to 32 MB, or one chunk of a larger file), whatever the size of the evidence.
 * - `readBackup`: opens a backup file and checks every byte before the preview shows anything:
 *   the zip structure, entry names (a closed list: no paths), sizes, the manifest, each table's
 *   SHA-256 and rows, each file's SHA-256 against its name.
 * - `restoreBackup`: checks the file again in full, writes a backup of the current data
 *   ("sebelum-pemulihan") so the restore can itself be undone, stages the files it needs (stored
 *   by hash, unreferenced until the switch), then replaces the data in ONE transaction. A refusal
 *   or a failure at any point leaves the database as it was (staged files are removed again).
 *
 * Files are restored without a copy through JavaScript: a stored zip entry is a contiguous byte
 * range of the backup, so its Blob is a slice of the backup file, verified by hashing that
 * exact slice.
 */
export { BACKUP_LIMITS, NATIVE_HASH_MAX_BYTES } from './common';
export {
  databaseFingerprint,
  exportDatabase,
  type ExportOptions,
  type ExportResult,
} from './export';
export { readBackup, type BackupPreview, type ReadBackupOptions } from './read';
export {
  currentSummaries,
  restoreBackup,
  type RestoreOptions,
  type RestoreResult,
} from './restore';
