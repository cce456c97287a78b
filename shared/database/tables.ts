/**
 * The app database's tables, described once: for each table its Dexie index spec per schema
 * version, whether a backup carries it (and with which zod row schema), and its name as the user
 * reads it. The Dexie schema of every version (renderer/src/db), the backup's table list, order
 * and row checks (shared/backup) and the e2e seed derive from this list; nothing else spells the
 * tables out. Pure data: no Dexie here.
 *
 * Released versions are additive: a new version adds an entry to `specs` of the tables it adds or
 * changes (a new index), never edits an older entry; `null` drops a table at that version.
 * test/unit/db/schema-snapshot.test.ts fails on any other change.
 */
import { z } from 'zod';
import { answerSchema } from '../assessment/answer';
import { auditEventSchema } from '../assessment/audit';
import { evaluationSchema } from '../assessment/evaluation';
import { evidenceLinkSchema, evidenceSchema } from '../assessment/evidence';
import { memberSchema } from '../assessment/team';
import { tombstoneSchema } from '../assessment/tombstone';

/**
 * How a backup carries a table: its rows as JSON, each checked against `rows` before a restore
 * writes it; `files`: the content-addressed evidence bytes (stored as files, not JSON); `none`:
 * working state a backup leaves out (a restore empties the table).
 */
export type TableBackup = { rows: z.ZodType } | 'files' | 'none';

export interface TableDescriptor<N extends string = string> {
  name: N;
  /** The Dexie index spec from each version that set it, oldest first; null: dropped. */
  specs: Readonly<Record<number, string | null>>;
  backup: TableBackup;
  /** The table as the user reads it in messages (Indonesian). */
  label: string;
  /** The column that ties a row to its evaluation, for tables whose rows belong to one. */
  evaluationColumn?: string;
}

const table = <const N extends string, const B extends TableBackup>(
  d: TableDescriptor<N> & { backup: B },
): TableDescriptor<N> & { backup: B } => d;

/**
 * Every table the app has ever declared. The order of the tables a backup carries as rows is
 * the order they are written and restored (an evaluation before what belongs to it).
 *
 * Indexes only: Dexie stores every other property too. Blobs are never indexed (`blobs` has its
 * SHA-256 as primary key and nothing else).
 */
export const TABLES = [
  table({
    name: 'evaluations',
    specs: { 1: '&id, year, status, updatedAt' },
    backup: { rows: evaluationSchema },
    label: 'evaluasi',
  }),
  table({
    name: 'answers',
    specs: { 1: '&[evaluationId+indicator], evaluationId, updatedAt' },
    backup: { rows: answerSchema },
    label: 'jawaban',
    evaluationColumn: 'evaluationId',
  }),
  table({
    name: 'evidence',
    specs: { 1: '&id, evaluationId, hash, [evaluationId+hash], addedAt' },
    backup: { rows: evidenceSchema },
    label: 'bukti dukung',
    evaluationColumn: 'evaluationId',
  }),
  table({
    name: 'links',
    specs: { 1: '&id, evaluationId, evidenceId, [evaluationId+indicator]' },
    backup: { rows: evidenceLinkSchema },
    label: 'tautan bukti dukung',
    evaluationColumn: 'evaluationId',
  }),
  table({
    name: 'members',
    specs: { 1: '&id, evaluationId' },
    backup: { rows: memberSchema },
    label: 'anggota tim',
    evaluationColumn: 'evaluationId',
  }),
  table({
    name: 'audit',
    specs: { 1: '++seq, evaluationId, [evaluationId+indicator], at' },
    backup: { rows: auditEventSchema.extend({ seq: z.number().int().positive() }) },
    label: 'riwayat perubahan',
    evaluationColumn: 'evaluationId',
  }),
  // Merges, profiles and settings hold content other modules own (shared/merge,
  // shared/profiles, app settings): a backup checks only their keys; their values are whatever
  // JSON the owner stored.
  table({
    name: 'merges',
    specs: { 1: '&id, resultEvaluationId, createdAt' },
    backup: {
      rows: z.looseObject({
        id: z.string().min(1).max(200),
        resultEvaluationId: z.string().min(1).max(64),
        createdAt: z.number(),
      }),
    },
    label: 'catatan penggabungan',
    evaluationColumn: 'resultEvaluationId',
  }),
  table({
    name: 'profiles',
    specs: { 1: '&id, updatedAt' },
    backup: { rows: z.looseObject({ id: z.string().min(1).max(200), updatedAt: z.number() }) },
    label: 'profil daerah',
  }),
  table({
    name: 'settings',
    specs: { 1: '&key' },
    backup: { rows: z.looseObject({ key: z.string().min(1).max(500) }) },
    label: 'pengaturan',
  }),
  // Deletions made in an evaluation (documents, links, members; shared/assessment/tombstone.ts),
  // written with the deletion and carried by exports so that merges and imports apply them.
  table({
    name: 'tombstones',
    specs: { 2: '&id, evaluationId' },
    backup: { rows: tombstoneSchema },
    label: 'catatan penghapusan',
    evaluationColumn: 'evaluationId',
  }),
  // Evidence bytes, stored once per SHA-256.
  table({ name: 'blobs', specs: { 1: '&hash' }, backup: 'files', label: 'isi berkas' }),
  // The coordinator's unfinished merge: working state holding copies of files the coordinator
  // still has (Blobs, which JSON cannot carry), made against the database a restore replaces.
  table({
    name: 'mergeDrafts',
    specs: { 2: '&id, savedAt' },
    backup: 'none',
    label: 'draf penggabungan',
  }),
] as const;

type AnyTable = (typeof TABLES)[number];
export type TableName = AnyTable['name'];
/** The tables a backup carries as JSON rows. */
export type RowTableName = Extract<AnyTable, { backup: { rows: z.ZodType } }>['name'];

/** Every schema version the tables declare, oldest first. */
export const SCHEMA_VERSIONS: readonly number[] = [
  ...new Set(TABLES.flatMap((t) => Object.keys(t.specs).map(Number))),
].sort((a, b) => a - b);

/**
 * The Dexie `stores` of one version: the tables it adds, changes or drops (Dexie keeps the
 * tables of earlier versions as they were).
 */
export function storesAt(version: number): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const t of TABLES) {
    const spec = (t.specs as Record<number, string | null>)[version];
    if (spec !== undefined) out[t.name] = spec;
  }
  return out;
}

/** The tables a backup carries as rows, in write order, with their row schemas. */
export const ROW_TABLES = TABLES.filter(
  (t): t is Extract<AnyTable, { backup: { rows: z.ZodType } }> => typeof t.backup === 'object',
);

/** The table holding the content-addressed evidence bytes. */
export const FILE_TABLE = TABLES.find((t) => t.backup === 'files')!.name;

/** Tables a backup leaves out on purpose: working state, not records. */
export const WORKING_TABLES: readonly TableName[] = TABLES.filter((t) => t.backup === 'none').map(
  (t) => t.name,
);

/** The newest index spec of a table (null once dropped). */
export function currentSpec(t: TableDescriptor): string | null {
  const versions = Object.keys(t.specs)
    .map(Number)
    .sort((a, b) => a - b);
  return t.specs[versions[versions.length - 1]!] ?? null;
}

/**
 * The fields of a table's primary key in its current spec: `&id` → [id], `++seq` → [seq],
 * `&[evaluationId+indicator]` → [evaluationId, indicator].
 */
export function primaryKeyFields(t: TableDescriptor): string[] {
  const primary = (currentSpec(t) ?? '')
    .split(',')[0]!
    .trim()
    .replace(/^(&|\+\+)/, '');
  return primary.startsWith('[') ? primary.slice(1, -1).split('+') : [primary];
}
