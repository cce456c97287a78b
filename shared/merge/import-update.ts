/**
 * The update of an evaluation by a bundle of the same evaluation, as a plan of rows to write.
 * The import is a merge with a known base: the evaluation here and the bundle are its two sides,
 * united by the merge's own rules (./unite.ts for the team, documents and links, ./tombstones.ts
 * for deletions), with the answers taken as the import plan (shared/bundle/import-plan.ts)
 * decided by revision lineage. The caller has refused the update when that plan holds answer
 * conflicts; the renderer reads the rows, calls `importUpdate` and writes its result in one
 * transaction.
 *
 * - Answers: those the bundle adds or holds in a newer revision are taken (their revision closed,
 *   shared/assessment/revision.ts); answers newer here are kept.
 * - Team, documents, links: the bundle's copies unite with the ones here as the merge does; each
 *   field of a document's metadata keeps the value here unless the bundle's copy edited that
 *   field later (by the latest 'update' event of that field in each side's history), then the
 *   row here is written again. What is missing here is added.
 *   Ids are kept where free in the whole database, new ones otherwise, references rewritten.
 * - Deletions: a document, link or member the bundle deleted goes here too when the copy here is
 *   untouched since; one deleted here is not brought back by the bundle's untouched copy. A
 *   deletion against an edit on the other side is not applied (nothing is lost): the summary says
 *   to settle it by merging. The bundle's deletions applied here are kept as tombstones so they
 *   travel on with the next export.
 * - History: the bundle's events not held here yet (united by event id).
 */
import type { Answer } from '../assessment/answer';
import type { AuditEvent } from '../assessment/audit';
import type { EvidenceLink, Evidence } from '../assessment/evidence';
import {
  newId,
  type EvaluationId,
  type EvidenceId,
  type LinkId,
  type MemberId,
} from '../assessment/ids';
import { closeRevision } from '../assessment/revision';
import type { EvaluationSnapshot } from '../assessment/snapshot';
import type { Member } from '../assessment/team';
import type { Tombstone } from '../assessment/tombstone';
import type { ImportPlan } from '../bundle/import-plan';
import type { BundleManifest } from '../bundle/manifest';
import { planDeletions, withoutDeleted, type DeletionPlan } from './tombstones';
import { documentEdits, EvidenceUnion, LinkUnion, MemberUnion } from './unite';

/** The source ids of the two sides in the deletion plan. */
export const LOCAL_SIDE = 'local';
export const BUNDLE_SIDE = 'bundle';

/** The evaluation here, as stored. */
export interface LocalRows {
  evaluationId: EvaluationId;
  members: readonly Member[];
  evidence: readonly Evidence[];
  links: readonly EvidenceLink[];
  /** Ids of the history events stored for the evaluation. */
  auditIds: ReadonlySet<string>;
  /**
   * The evaluation's history events, at least the 'update' events of documents (when its
   * documents' metadata was edited); absent: the documents here count as never edited.
   */
  audit?: readonly AuditEvent[];
  tombstones: readonly Tombstone[];
}

/** What the update needs of the bundle. */
export type BundleSide = Pick<BundleManifest, 'snapshot' | 'tombstones'>;

/**
 * Ids among the bundle's members, documents and links that rows of the database already use
 * (any evaluation, this one included): such a row, when added, gets a new id.
 */
export interface TakenIds {
  members: ReadonlySet<string>;
  evidence: ReadonlySet<string>;
  links: ReadonlySet<string>;
}

/** The rows to write in one table. */
export interface TableWrite<T, Id extends string> {
  add: T[];
  put: T[];
  delete: Id[];
}

export interface ImportUpdate {
  members: TableWrite<Member, MemberId>;
  evidence: TableWrite<Evidence, EvidenceId>;
  links: TableWrite<EvidenceLink, LinkId>;
  /** Answers to store (added or newer in the bundle). */
  answers: Answer[];
  /** History events to add (without `seq`: the database numbers them). */
  audit: AuditEvent[];
  /** The bundle's member ids and the ids their rows have here (kept, united, or new). */
  memberIds: ReadonlyMap<string, MemberId>;
  /** The bundle's deletions applied here, to keep so they travel on. */
  tombstones: Tombstone[];
  /** Hashes of the documents deleted here: their bytes go when nothing references them. */
  collectBlobs: string[];
  counts: {
    answersTaken: number;
    documentsAdded: number;
    linksAdded: number;
    membersAdded: number;
    /** Rows here changed by a united copy (members, documents and links). */
    rowsUnited: number;
  };
  /** The deletions between the two sides (see `deletionPreview`, `deletionNote`). */
  deletions: DeletionPlan;
}

/** The deletions between the evaluation here and the bundle, by the merge's rule. */
export function planImportDeletions(
  local: Pick<LocalRows, 'evaluationId' | 'members' | 'evidence' | 'links' | 'tombstones'>,
  bundle: BundleSide,
): DeletionPlan {
  return planDeletions([
    {
      id: LOCAL_SIDE,
      label: 'evaluasi di komputer ini',
      snapshot: localSnapshot(local, bundle),
      tombstones: local.tombstones,
    },
    {
      id: BUNDLE_SIDE,
      label: 'berkas',
      snapshot: bundle.snapshot,
      tombstones: bundle.tombstones ?? null,
    },
  ]);
}

/** The rows here as a snapshot for the deletion rule (only documents, links, members count). */
function localSnapshot(
  local: Pick<LocalRows, 'evaluationId' | 'members' | 'evidence' | 'links'>,
  bundle: BundleSide,
): EvaluationSnapshot {
  return {
    ...bundle.snapshot,
    evaluation: { ...bundle.snapshot.evaluation, id: local.evaluationId },
    evidence: [...local.evidence],
    links: [...local.links],
    members: [...local.members],
  };
}

/** Deletions of the plan carried out here (the copy here was untouched). */
const appliedHere = (plan: DeletionPlan): DeletionPlan['applied'] =>
  plan.applied.filter((d) => d.untouched.some((k) => k.sourceId === LOCAL_SIDE));

/** The rows an update of the evaluation here by the bundle writes; see the module docblock. */
export function importUpdate(
  local: LocalRows,
  bundle: BundleSide,
  plan: Pick<ImportPlan, 'changes'>,
  taken: TakenIds,
): ImportUpdate {
  const evaluationId = local.evaluationId;
  const deletions = planImportDeletions(local, bundle);

  // Deletions first, on both sides: the bundle's copies of items deleted (here or there) are not
  // brought back, and the copies here the bundle deleted go.
  const gone = new Set(appliedHere(deletions).map((d) => d.key));
  const kept = withoutDeleted(localSnapshot(local, bundle), gone);
  const incoming = withoutDeleted(bundle.snapshot, new Set(deletions.applied.map((d) => d.key)));
  const keptMembers = new Set<string>(kept.members.map((m) => m.id));
  const keptEvidence = new Set<string>(kept.evidence.map((e) => e.id));
  const keptLinks = new Set<string>(kept.links.map((l) => l.id));
  const droppedEvidence = local.evidence.filter((e) => !keptEvidence.has(e.id));

  // Team, documents and links: the rows here held, the bundle's copies united into them.
  const team = new MemberUnion(evaluationId, taken.members);
  for (const m of kept.members) team.hold(m);
  const memberMap = new Map<string, MemberId>();
  for (const m of incoming.members) memberMap.set(m.id, team.add(m));
  const member = (id: MemberId | null): MemberId | null =>
    id === null ? null : (memberMap.get(id) ?? id);

  // Documents: a field of the bundle's copy replaces the one here only when edited later.
  const documents = new EvidenceUnion(evaluationId, taken.evidence);
  const editedHere = documentEdits({ evidence: kept.evidence, audit: local.audit ?? [] });
  const editedThere = documentEdits(incoming);
  const hashHere = new Map<string, string>();
  for (const e of kept.evidence) {
    documents.hold(e, { ...editedHere(e), from: LOCAL_SIDE });
    hashHere.set(e.id, e.hash);
  }
  const evidenceMap = new Map<string, EvidenceId>();
  for (const e of incoming.evidence) {
    const edit = { ...editedThere(e), from: BUNDLE_SIDE };
    evidenceMap.set(e.id, documents.add(e, member(e.addedBy), edit));
  }

  const links = new LinkUnion(evaluationId, taken.links);
  for (const l of kept.links) {
    const hash = hashHere.get(l.evidenceId);
    if (hash !== undefined) links.hold(l, hash);
  }
  const hashThere = new Map(incoming.evidence.map((e) => [e.id as string, e.hash as string]));
  for (const l of incoming.links) {
    const hash = hashThere.get(l.evidenceId);
    const evidenceId = evidenceMap.get(l.evidenceId);
    if (hash === undefined || evidenceId === undefined) continue;
    links.add(l, hash, evidenceId, member(l.addedBy));
  }

  // Answers: only those the bundle adds or holds in a newer revision.
  const take = new Set([...plan.changes.answersAdded, ...plan.changes.answersChanged]);
  const answers: Answer[] = incoming.answers
    .filter((a) => take.has(a.indicator))
    .map((a) =>
      closeRevision({
        ...a,
        evaluationId,
        updatedBy: member(a.updatedBy),
        ancestors: [...a.ancestors],
      }),
    );

  // History: the bundle's events not held here, once each.
  const auditIds = new Set(local.auditIds);
  const audit: AuditEvent[] = [];
  for (const e of incoming.audit) {
    if (auditIds.has(e.id)) continue;
    auditIds.add(e.id);
    const { seq: _seq, ...rest } = e;
    audit.push({ ...rest, evaluationId, actor: member(e.actor) });
  }

  // The bundle's deletions applied here travel on with this evaluation's next export.
  const tombstones: Tombstone[] = deletions.applied
    .filter((d) => d.deletedIn.includes(BUNDLE_SIDE) && !d.deletedIn.includes(LOCAL_SIDE))
    .map((d) => ({ ...d.tombstone, id: newId<string>(), evaluationId }));

  return {
    members: {
      add: team.added,
      put: team.changed,
      delete: local.members.filter((m) => !keptMembers.has(m.id)).map((m) => m.id),
    },
    evidence: {
      add: documents.added,
      put: documents.changed,
      delete: droppedEvidence.map((e) => e.id),
    },
    links: {
      add: links.added,
      put: links.changed,
      delete: local.links.filter((l) => !keptLinks.has(l.id)).map((l) => l.id),
    },
    answers,
    audit,
    memberIds: memberMap,
    tombstones,
    collectBlobs: [...new Set(droppedEvidence.map((e) => e.hash as string))],
    counts: {
      answersTaken: answers.length,
      documentsAdded: documents.added.length,
      linksAdded: links.added.length,
      membersAdded: team.added.length,
      rowsUnited: team.changed.length + documents.changed.length + links.changed.length,
    },
    deletions,
  };
}

/** What an update would do about deletions, for the summary. */
export interface DeletionPreview {
  /** Items here the bundle deleted (untouched here): they go. */
  applied: string[];
  /** Items deleted here whose untouched copy the bundle holds: not brought back. */
  notRestored: string[];
  /** Deletions against an edit on the other side: not carried out (settle by merging). */
  conflicts: string[];
  /** The bundle carries no deletions (older app version). */
  unseen: boolean;
}

export function deletionPreview(plan: DeletionPlan): DeletionPreview {
  const here = new Set(appliedHere(plan));
  return {
    applied: [...here].map((d) => d.label),
    notRestored: plan.applied
      .filter((d) => !here.has(d) && d.untouched.some((k) => k.sourceId === BUNDLE_SIDE))
      .map((d) => d.label),
    conflicts: plan.conflicts.map((d) => d.label),
    unseen: plan.blind.length > 0,
  };
}

/** The deletions of an update in sentences (the import's audit note); empty when none to tell. */
export function deletionNote(plan: DeletionPlan): string {
  const applied = appliedHere(plan);
  const parts: string[] = [];
  if (applied.length > 0) {
    parts.push(`Penghapusan diterapkan: ${applied.map((d) => d.label).join(', ')}.`);
  }
  if (plan.conflicts.length > 0) {
    parts.push(
      `Penghapusan tidak diterapkan karena diubah di pihak lain (selesaikan lewat penggabungan): ${plan.conflicts.map((d) => d.label).join(', ')}.`,
    );
  }
  if (plan.blind.length > 0) {
    parts.push(
      'Penghapusan pada berkas ini tidak dapat diketahui karena berkas dibuat oleh versi aplikasi yang belum mencatat penghapusan.',
    );
  }
  return parts.join(' ');
}
