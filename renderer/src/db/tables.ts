/**
 * The app database's tables as the renderer uses them: the Dexie schema of every version and
 * the named table groups that transactions open, both from the one table descriptor
 * (shared/database/tables.ts), so a table or a transaction's scope is written once.
 */
import type { TableName } from '../../../shared/database/tables';

export { SCHEMA_VERSIONS, storesAt, TABLES, type TableName } from '../../../shared/database/tables';

/** The tables one evaluation's EvaluationSnapshot is made of. */
const SNAPSHOT: readonly ['evaluations', 'answers', 'evidence', 'links', 'members', 'audit'] = [
  'evaluations',
  'answers',
  'evidence',
  'links',
  'members',
  'audit',
];

/**
 * The tables the blob store (blob-store.ts) reads or writes: the bytes, and the two kinds of rows
 * that use them. A transaction that stores or collects blobs includes them all.
 */
export const BLOB_STORE_TABLES: readonly ['blobs', 'evidence', 'evaluations'] = [
  'blobs',
  'evidence',
  'evaluations',
];

/** The tables of `groups`, each once, in first-seen order. */
const union = <T extends TableName>(...groups: ReadonlyArray<readonly T[]>): T[] => [
  ...new Set(groups.flat()),
];

/** Named table groups: the scopes of transactions that span an evaluation's tables. */
export const TABLE_GROUPS = {
  /** One evaluation as a snapshot holds it (read for bundles, merges and reports). */
  snapshot: SNAPSHOT,
  /** The e2e seed: fixture snapshots written as an import leaves them, with their files. */
  seed: union(SNAPSHOT, BLOB_STORE_TABLES),
  /** An import: the evaluation, its files and the deletions it carries. */
  importWrite: union(SNAPSHOT, BLOB_STORE_TABLES, ['tombstones']),
  /** A saved merge: the result, its files and deletions, the merge record; the draft removed. */
  mergeWrite: union(SNAPSHOT, BLOB_STORE_TABLES, ['merges', 'mergeDrafts', 'tombstones']),
} as const satisfies Record<string, readonly TableName[]>;
