/**
 * Writing an evaluation that comes from outside this database (an imported bundle, a merge
 * result) as a NEW evaluation, and storing the evidence bytes that came with it. Both run inside
 * the caller's transaction, so the evaluation, its rows and its bytes land together or not at all.
 *
 * Ids: evidence, link and member ids are primary keys across all evaluations. A snapshot made
 * elsewhere can carry ids this database already uses for another evaluation (a merge keeps the
 * ids of its sources, and the coordinator may have imported those sources too; the same bundle
 * imported twice as separate copies). Such ids get fresh ones and every reference follows them.
 * Audit event ids are kept: they name the same events across exchanges.
 */
import {
  newId,
  type Answer,
  type AuditEvent,
  type EvaluationSnapshot,
  type Evidence,
  type EvidenceId,
  type EvidenceLink,
  type LinkId,
  type Member,
  type MemberId,
  type Tombstone,
} from '../../../../shared/assessment';
import { isSha256Hex } from '../../../../shared/hash/sha256';
import { blobStore } from '../blob-store';
import { db } from '../db';
import { StorageError } from '../errors';

export interface InsertOptions {
  /** Give every member, document and link a new id (an evaluation imported as a copy). */
  freshIds?: boolean;
  /**
   * The deletions the evaluation carries (a bundle's or a merge's), kept so they travel on with
   * its next export. When not empty, the transaction must include `tombstones`.
   */
  tombstones?: readonly Tombstone[];
}

/** Ids among `ids` already used by rows of `table` (any evaluation), in one read. */
export async function takenIds(
  table: typeof db.members | typeof db.evidence | typeof db.links,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await table.bulkGet(ids as never[]);
  return new Set(ids.filter((_, i) => found[i] !== undefined));
}

/** Maps old ids to the ids to store: kept when free (and unique in the snapshot), else new. */
function assignIds<T extends string>(
  ids: readonly T[],
  taken: ReadonlySet<string>,
  fresh: boolean,
): Map<string, T> {
  const map = new Map<string, T>();
  const used = new Set<string>();
  for (const id of ids) {
    if (map.has(id)) continue;
    const next = fresh || taken.has(id) || used.has(id) ? newId<T>() : id;
    used.add(next);
    map.set(id, next);
  }
  return map;
}

/**
 * Adds `snapshot` as a new evaluation (its `evaluation.id` must be free). Must run inside a
 * transaction over evaluations, answers, evidence, links, members and audit. Returns the
 * snapshot as stored (with any ids changed).
 */
export async function insertSnapshot(
  snapshot: EvaluationSnapshot,
  options: InsertOptions = {},
): Promise<EvaluationSnapshot> {
  const evaluationId = snapshot.evaluation.id;
  if (await db.evaluations.get(evaluationId)) {
    throw new StorageError(
      `Evaluasi dengan id ${evaluationId} sudah ada di komputer ini; tidak ditimpa.`,
      'other',
    );
  }
  const fresh = options.freshIds ?? false;
  const memberIds = assignIds(
    snapshot.members.map((m) => m.id),
    await takenIds(
      db.members,
      snapshot.members.map((m) => m.id),
    ),
    fresh,
  );
  const evidenceIds = assignIds(
    snapshot.evidence.map((e) => e.id),
    await takenIds(
      db.evidence,
      snapshot.evidence.map((e) => e.id),
    ),
    fresh,
  );
  const linkIds = assignIds(
    snapshot.links.map((l) => l.id),
    await takenIds(
      db.links,
      snapshot.links.map((l) => l.id),
    ),
    fresh,
  );
  const member = (id: MemberId | null): MemberId | null =>
    id === null ? null : (memberIds.get(id) ?? id);

  const members: Member[] = snapshot.members.map((m) => ({
    ...m,
    id: memberIds.get(m.id)!,
    evaluationId,
    indicators: [...m.indicators],
  }));
  const evidence: Evidence[] = snapshot.evidence.map((e) => ({
    ...e,
    id: evidenceIds.get(e.id)!,
    evaluationId,
    addedBy: member(e.addedBy),
  }));
  const links: EvidenceLink[] = snapshot.links.flatMap((l) => {
    const evidenceId = evidenceIds.get(l.evidenceId);
    return evidenceId
      ? [
          {
            ...l,
            id: linkIds.get(l.id) as LinkId,
            evaluationId,
            evidenceId: evidenceId as EvidenceId,
            levels: [...l.levels],
            addedBy: member(l.addedBy),
          },
        ]
      : [];
  });
  const answers: Answer[] = snapshot.answers.map((a) => ({
    ...a,
    evaluationId,
    updatedBy: member(a.updatedBy),
    ancestors: [...a.ancestors],
  }));
  const audit: AuditEvent[] = snapshot.audit.map(({ seq: _seq, ...e }) => ({
    ...e,
    evaluationId,
    actor: member(e.actor),
  }));

  await db.evaluations.add(snapshot.evaluation);
  await db.members.bulkAdd(members);
  await db.evidence.bulkAdd(evidence);
  await db.links.bulkAdd(links);
  await db.answers.bulkAdd(answers);
  await db.audit.bulkAdd(audit);
  if (options.tombstones && options.tombstones.length > 0) {
    await db.tombstones.bulkAdd(
      options.tombstones.map((t) => ({ ...t, id: newId<string>(), evaluationId })),
    );
  }
  return { evaluation: snapshot.evaluation, answers, evidence, links, members, audit };
}

/** Hashes among `hashes` whose bytes are already stored. Reads only keys. */
export function storedHashes(hashes: Iterable<string>): Promise<Set<string>> {
  return blobStore.present(hashes);
}

/**
 * Stores verified bytes by hash, each once: a hash already stored keeps its bytes. Must run
 * inside a transaction over BLOB_STORE_TABLES. Returns how many files and bytes were added.
 */
export async function storeBlobs(
  blobs: ReadonlyMap<string, Blob>,
  at: number,
): Promise<{ files: number; bytes: number }> {
  const { added, bytes } = await blobStore.putMany(
    [...blobs].flatMap(([hash, data]) =>
      isSha256Hex(hash) ? [{ hash, data, createdAt: at }] : [],
    ),
  );
  return { files: added.length, bytes };
}
