/**
 * Database version 2: tables added in the second round, no change to version 1's tables (so no
 * upgrade function: existing rows stay as they are).
 *
 * - `mergeDrafts`: the coordinator's unfinished merge (files loaded, decisions, typed reasons),
 *   one row per draft, kept as it changes and removed when the merge is saved or discarded. Not
 *   in backups: it is working state holding copies of files the coordinator still has.
 * - `tombstones`: the deletions made in an evaluation (documents, links, members; shared/
 *   assessment/tombstone.ts), written with the deletion and carried by exports so that merges
 *   and imports apply them. In backups.
 */
export const v002 = {
  mergeDrafts: '&id, savedAt',
  tombstones: '&id, evaluationId',
} as const;
