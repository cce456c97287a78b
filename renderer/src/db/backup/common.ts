/** What the backup modules share: limits, the native hash, table order, error translation. */
import { BACKUP_TABLES, BackupError, UNBACKED_TABLES } from '../../../../shared/backup';
import { bundleErrorFromZip } from '../../../../shared/bundle/zip/zip-lib';
import type { DatabaseVersion } from '../db';

export type Row = Record<string, unknown>;

export const APP_NAME = 'Evaluasi SPBE';
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** Outer walls against hostile files (not policy): the app never writes anything near them. */
export const BACKUP_LIMITS = {
  maxManifestBytes: 256 * MiB,
  /** One table's JSON; V8 strings end near 512 MiB. */
  maxTableBytes: 256 * MiB,
  maxTablesTotalBytes: 1 * GiB,
  /** One stored file (the evidence size setting goes up to 4 096 MB). */
  maxBlobBytes: 4 * GiB,
  maxEntries: 1_000_100,
};

/**
 * Files up to this size are hashed with Web Crypto (native speed) from one read into memory;
 * larger ones stream through the incremental SHA-256 in JavaScript (several times slower, one
 * chunk of memory). Memory stays under this bound whatever the total size of the evidence.
 */
export const NATIVE_HASH_MAX_BYTES = 32 * MiB;

export const webCrypto = (): SubtleCrypto | undefined =>
  (globalThis as { crypto?: Crypto }).crypto?.subtle;

export async function nativeSha256(subtle: SubtleCrypto, bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let out = '';
  for (const b of digest) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Rows serialized per JSON chunk: keeps each chunk small while a table streams out. */
export const ROWS_PER_CHUNK = 500;

/**
 * The backed-up tables of a schema version: every table declared up to it, less those dropped
 * (`null`) and those a backup leaves out (UNBACKED_TABLES).
 */
export function tablesOf(versions: readonly DatabaseVersion[], upTo: number): string[] {
  const tables = new Set<string>();
  for (const v of versions) {
    if (v.version > upTo) break;
    for (const [name, spec] of Object.entries(v.stores)) {
      if (spec === null || UNBACKED_TABLES.includes(name)) tables.delete(name);
      else tables.add(name);
    }
  }
  return [...tables];
}

/** Table names in write order: the known ones first, then any other (an older schema's). */
export const orderTables = (names: Iterable<string>): string[] => {
  const known = BACKUP_TABLES as readonly string[];
  const all = [...names];
  return [...known.filter((n) => all.includes(n)), ...all.filter((n) => !known.includes(n)).sort()];
};

/** Translates anything thrown while reading or writing a zip into a BackupError. */
export function asBackupError(e: unknown, entry?: string): BackupError {
  if (e instanceof BackupError) return e;
  const b = bundleErrorFromZip(e, entry);
  return new BackupError(b.code, b.message, b.entry, { cause: e });
}

export const zeroCounts = { bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0 };

export const shortName = (name: string): string => {
  const printable = JSON.stringify(name).slice(1, -1);
  return printable.length > 120 ? `${printable.slice(0, 117)}...` : printable;
};
