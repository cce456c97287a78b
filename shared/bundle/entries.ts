/**
 * The entry names a .spbe zip may hold: `manifest.json` and `evidence/<sha-256 hex>`, nothing
 * else. A bundle is never extracted to disk, but the names are still held to this closed list:
 * a name with a path, `..`, a drive letter or a backslash is how a hostile archive escapes a
 * folder in other tools (zip slip), and a closed list makes "unknown entry" a refusal instead of
 * something silently carried along.
 */
import type { EvidenceHash } from '../assessment/ids';
import { BundleError } from './errors';

export const MANIFEST_ENTRY = 'manifest.json';
export const EVIDENCE_PREFIX = 'evidence/';
/**
 * Where a database backup (shared/backup/format.ts) keeps its tables. Named here, below the backup
 * that builds on the bundle's zip vocabulary, so the bundle reader can refuse a backup by name.
 */
export const BACKUP_TABLE_PREFIX = 'tables/';

export const evidenceEntryName = (hash: EvidenceHash | string): string =>
  `${EVIDENCE_PREFIX}${hash}`;

export type EntryKind =
  | { kind: 'manifest' }
  | { kind: 'evidence'; hash: EvidenceHash }
  | { kind: 'invalid'; reason: string };

/** Shows a hostile name safely inside a message (control characters escaped, length capped). */
export function displayName(name: string): string {
  const printable = JSON.stringify(name).slice(1, -1);
  return printable.length > 120 ? `${printable.slice(0, 117)}...` : printable;
}

/** What an entry name is, or why the format does not allow it. */
export function classifyEntryName(name: string): EntryKind {
  if (name === MANIFEST_ENTRY) return { kind: 'manifest' };
  if (name.length === 0) return { kind: 'invalid', reason: 'nama entri kosong' };
  if (name.includes('\\')) {
    return { kind: 'invalid', reason: 'nama entri memuat garis miring terbalik (\\)' };
  }
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    return { kind: 'invalid', reason: 'nama entri berupa path absolut' };
  }
  if (name.split('/').some((part) => part === '..')) {
    return { kind: 'invalid', reason: 'nama entri memuat ".." (keluar dari folder)' };
  }
  // Control characters (and NUL) in names fool terminals and file managers.
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return { kind: 'invalid', reason: 'nama entri memuat karakter kendali' };
  }
  if (name.endsWith('/')) return { kind: 'invalid', reason: 'entri berupa folder' };
  if (name.startsWith(EVIDENCE_PREFIX)) {
    const hash = name.slice(EVIDENCE_PREFIX.length);
    if (/^[0-9a-f]{64}$/.test(hash)) return { kind: 'evidence', hash: hash as EvidenceHash };
    return {
      kind: 'invalid',
      reason:
        'nama berkas bukti harus "evidence/" diikuti hash SHA-256 (64 karakter heksadesimal huruf kecil)',
    };
  }
  return {
    kind: 'invalid',
    reason: 'entri tidak dikenal; yang diizinkan hanya manifest.json dan evidence/<hash>',
  };
}

/**
 * Checks the list of entry names of a zip: every name allowed, none twice, the manifest present.
 * Throws the first problem found as a `BundleError` naming the entry.
 */
export function checkEntryNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const kind = classifyEntryName(name);
    if (kind.kind === 'invalid') {
      throw new BundleError(
        'entryName',
        `Entri "${displayName(name)}" ditolak: ${kind.reason}.`,
        name,
      );
    }
    if (seen.has(name)) {
      throw new BundleError(
        'duplicateEntry',
        `Entri "${displayName(name)}" muncul lebih dari sekali di dalam berkas.`,
        name,
      );
    }
    seen.add(name);
  }
  if (!seen.has(MANIFEST_ENTRY)) {
    throw new BundleError(
      'missingEntry',
      'Berkas tidak memuat manifest.json, jadi bukan berkas pertukaran Evaluasi SPBE yang utuh.',
      MANIFEST_ENTRY,
    );
  }
}
