/**
 * manifest.json of a backup: what the file is, which tables and files it holds (each with its
 * size and SHA-256, so every byte of the backup is checked before anything is restored), and a
 * summary of the evaluations for the preview. The zod schema here is the single source of truth.
 */
import { z } from 'zod';
import { refineNotAfter, timestampSchema } from '../format/timestamp';
import { evidenceHashSchema } from '../assessment/ids';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256HexSync, syncSha256, type SyncHashFactory } from '../hash/sha256';
import { BACKUP_FORMAT, TABLE_NAME_PATTERN } from './format';

const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'hash SHA-256 harus 64 karakter heksadesimal');
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const backupTableSchema = z.strictObject({
  name: z.string().regex(TABLE_NAME_PATTERN, 'nama tabel tidak sah'),
  entry: z.string().max(200),
  rows: count,
  /** Bytes of the JSON (before deflate). */
  size: count,
  sha256: sha256Schema,
});
export type BackupTable = z.infer<typeof backupTableSchema>;

/** One stored file (a row of the blobs table without its bytes). */
export const backupBlobSchema = z.strictObject({
  hash: evidenceHashSchema,
  size: count,
  type: z.string().max(200),
  createdAt: timestampSchema,
  entry: z.string().max(200),
});
export type BackupBlob = z.infer<typeof backupBlobSchema>;

/** What the restore preview shows of one evaluation. */
export const evaluationSummarySchema = z.strictObject({
  id: z.string().max(64),
  instansi: z.string().max(200),
  year: z.number().int().nullable(),
  status: z.string().max(20),
  updatedAt: timestampSchema.nullable(),
  /** Answer rows, and of those the ones with a level chosen. */
  answers: count,
  answered: count,
  /** Documents (evidence rows) and their recorded total size. */
  documents: count,
  documentBytes: count,
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const backupManifestSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().positive(),
    app: z.strictObject({ name: z.string().max(100), version: z.string().max(40) }),
    createdAt: timestampSchema,
    database: z.strictObject({
      name: z.string().min(1).max(100),
      version: z.number().int().min(1).max(100_000),
    }),
    /**
     * SHA-256 over the content (tables and stored files, not the time or the app): two backups
     * with the same fingerprint hold the same data.
     */
    fingerprint: sha256Schema,
    tables: z.array(backupTableSchema).max(100),
    blobs: z.array(backupBlobSchema).max(1_000_000),
    evaluations: z.array(evaluationSummarySchema).max(100_000),
  })
  .superRefine((manifest, ctx) => {
    // Nothing the backup holds was stored more than a day after the backup was made.
    manifest.blobs.forEach((b, i) =>
      refineNotAfter(ctx, b.createdAt, manifest.createdAt, ['blobs', i, 'createdAt']),
    );
    manifest.evaluations.forEach((e, i) =>
      refineNotAfter(ctx, e.updatedAt, manifest.createdAt, ['evaluations', i, 'updatedAt']),
    );
  });
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** The fingerprint of a backup's content: tables by hash, files by hash and metadata. */
export function backupFingerprint(
  tables: readonly Pick<BackupTable, 'name' | 'rows' | 'size' | 'sha256'>[],
  blobs: readonly { hash: string; size: number; type: string; createdAt: number }[],
  hash: SyncHashFactory = syncSha256,
): string {
  const lines = [
    ...tables.map((t) => `table ${t.name} ${t.rows} ${t.size} ${t.sha256}`),
    ...[...blobs]
      .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
      .map((b) => `blob ${b.hash} ${b.size} ${JSON.stringify(b.type)} ${b.createdAt}`),
  ];
  return sha256HexSync(utf8ToBytes(lines.join('\n')), hash);
}
