/**
 * Importing a .spbe bundle, in three steps that keep the database as it was until the user has
 * seen what will happen and said yes:
 *
 * 1. `openBundle` validates the whole file (shared/bundle/zip `readBundle`: structure, password,
 *    manifest, pack, values, every evidence hash and size) and keeps the verified bytes of files
 *    not stored here yet as Blobs: slices of the file itself for files stored as is (no copy),
 *    spooled copies only for deflated or encrypted ones. Nothing is written; a refusal is a
 *    `BundleError` whose Indonesian message the screen shows as it is.
 * 2. `previewImport` says what importing would do (shared/bundle `importPlan` against every
 *    evaluation here) for the summary screen.
 * 3. `commitImport` writes it all in ONE transaction, recomputing the plan inside it so that a
 *    change made meanwhile (another window) cannot be overwritten.
 *
 * What an import may do (the user picks; the summary offers only what is safe):
 * - create: no evaluation here has the bundle's id. A new evaluation is stored with the bundle's
 *   ids (so a later bundle of the same evaluation is recognised and can update it), origin
 *   "imported". Another instansi or year than the evaluations here needs an explicit yes.
 * - update: an evaluation with the bundle's id exists (the assessor got it from this computer, or
 *   this computer got it from them). Allowed only when no answer was changed on both sides since
 *   they parted (no conflict by revision lineage). Then answers the bundle adds or holds in a
 *   newer revision are taken; answers newer here are kept; documents, links, team members and
 *   history events missing here are added; the local instansi profile is kept. Deletions travel
 *   (shared/merge/tombstones.ts `planDeletions`, the same rule as the merge): a document, link or
 *   member the bundle deleted goes here too when the copy here is untouched since; one deleted
 *   here is not brought back by the bundle's untouched copy. A deletion against an edit on the
 *   other side is not applied (nothing is lost) and the summary says to settle it by merging.
 *   So an update never discards work done on this computer.
 * - copy: always possible. A separate new evaluation with new ids, the local one untouched.
 * When answers conflict, the summary offers the coordinator's merge (with the local evaluation as
 * base and this bundle as input) or a copy; a plain update is refused.
 */
import {
  closeRevision,
  newId,
  type Answer,
  type EvaluationId,
  type EvaluationSnapshot,
  type Evaluation,
  type Evidence,
  type EvidenceId,
  type EvidenceLink,
  type LinkId,
  type Member,
  personKey,
  type MemberId,
  type Tombstone,
} from '../../../../shared/assessment';
import { planDeletions, withoutDeleted, type DeletionPlan } from '../../../../shared/merge';
import {
  abortedError,
  describeScope,
  importPlan,
  type BundleManifest,
  type ExistingEvaluation,
  type ImportConfirmation,
  type ImportPlan,
  type ProgressListener,
} from '../../../../shared/bundle';
import { readBundle, type OpenedBundle } from '../../../../shared/bundle/zip';
import { formatDateTime } from '../../../../shared/format/date';
import { blobStore } from '../blob-store';
import { db } from '../db';
import { TABLE_GROUPS } from '../tables';
import { toStorageError } from '../errors';
import type { Actor } from './actor';
import { auditEvent } from './audit';
import { webSha256 } from './hash';
import { insertSnapshot, storeBlobs, storedHashes } from './store-snapshot';

/** A bundle read and verified, ready for the summary and the write. */
export interface OpenedImport {
  fileName: string;
  bundle: OpenedBundle;
  /** Verified bytes of the files not stored here when the bundle was read, by hash. */
  blobs: Map<string, Blob>;
}

export interface OpenBundleOptions {
  password?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/** Collected parts are handed to a Blob every few MB so the page never holds a large file. */
const SPOOL_PART_BYTES = 8 * 1024 * 1024;

/** A sink that collects a file's bytes into a Blob (the browser spools large Blobs to disk). */
function blobSpool(done: (blob: Blob) => void): WritableStream<Uint8Array> {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  return new WritableStream<Uint8Array>({
    write(chunk) {
      // A copy: the reader may reuse its buffers.
      pending.push(chunk.slice() as Uint8Array<ArrayBuffer>);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= SPOOL_PART_BYTES) flush();
    },
    close() {
      flush();
      done(new Blob(parts));
    },
  });
}

/** The MIME type of a logo from its first bytes (the manifest does not record it). */
function sniffImageType(head: Uint8Array): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45) return 'image/webp';
  const text = new TextDecoder().decode(head.subarray(0, 256)).trimStart();
  if (text.startsWith('<')) return 'image/svg+xml';
  return 'application/octet-stream';
}

/**
 * Reads and validates a bundle completely. Rejects with the reader's `BundleError` (wrong
 * password, damaged file, ...) or an aborted one when `signal` fires; writes nothing.
 */
export async function openBundle(
  file: Blob,
  fileName: string,
  options: OpenBundleOptions = {},
): Promise<OpenedImport> {
  const spooled = new Map<string, Blob>();
  const bundle = await readBundle(file, {
    appVersion: __APP_VERSION__,
    password: options.password,
    signal: options.signal,
    onProgress: options.onProgress,
    hash: webSha256,
    // Files stored as is (evidence is never deflated) are verified, not copied: their bytes are
    // slices of the file, so nothing is held in memory before the user agrees to the import.
    spoolStored: false,
    spool: async (f) => {
      // Bytes stored here already are verified by the reader but not kept a second time.
      if ((await storedHashes([f.hash])).size > 0) return new WritableStream<Uint8Array>();
      return blobSpool((blob) => spooled.set(f.hash, blob));
    },
  });
  const unspooled = bundle.files.filter((f) => !spooled.has(f.hash));
  const here = await storedHashes(unspooled.map((f) => f.hash));
  for (const f of unspooled) {
    const range = here.has(f.hash) ? null : bundle.storedRange(f.hash);
    if (range) spooled.set(f.hash, file.slice(range.start, range.end));
  }
  // The right type on each Blob (a Blob of a Blob shares its bytes).
  const typeOf = new Map<string, string>(
    bundle.manifest.snapshot.evidence.map((e) => [e.hash, e.mimeType]),
  );
  const blobs = new Map<string, Blob>();
  for (const [hash, blob] of spooled) {
    const type =
      typeOf.get(hash) ?? sniffImageType(new Uint8Array(await blob.slice(0, 256).arrayBuffer()));
    blobs.set(hash, new Blob([blob], { type }));
  }
  return { fileName, bundle, blobs };
}

/** What the summary screen shows before anything is written. */
export interface ImportPreview {
  plan: ImportPlan;
  /** The evaluation an update would write into. */
  target: Evaluation | null;
  /** Questions to confirm when the bundle is imported as a separate copy. */
  copyConfirmations: ImportConfirmation[];
  /** Files and bytes the import stores (those not stored here yet). */
  filesToStore: number;
  bytesToStore: number;
  /** Documents whose bytes are neither in the bundle nor on this computer. */
  documentsWithoutBytes: number;
  /** Deletions an update would carry out or leave (null when there is nothing to update). */
  deletions: DeletionPreview | null;
}

async function existingEvaluations(): Promise<ExistingEvaluation[]> {
  const [evaluations, answers, evidence] = await Promise.all([
    db.evaluations.toArray(),
    db.answers.toArray(),
    db.evidence.toArray(),
  ]);
  // Grouped in one pass each: linear in the rows, not rows x evaluations.
  const answersOf = new Map<string, Answer[]>();
  for (const a of answers) {
    const list = answersOf.get(a.evaluationId);
    if (list) list.push(a);
    else answersOf.set(a.evaluationId, [a]);
  }
  const hashesOf = new Map<string, Set<string>>();
  for (const e of evidence) {
    const set = hashesOf.get(e.evaluationId);
    if (set) set.add(e.hash);
    else hashesOf.set(e.evaluationId, new Set([e.hash]));
  }
  return evaluations.map((evaluation) => ({
    evaluation,
    answers: answersOf.get(evaluation.id) ?? [],
    evidenceHashes: hashesOf.get(evaluation.id) ?? new Set<string>(),
  }));
}

/** The plan of importing `opened` here. Reads only. */
export async function previewImport(opened: OpenedImport): Promise<ImportPreview> {
  const manifest = opened.bundle.manifest;
  const existing = await existingEvaluations();
  const plan = importPlan(manifest, existing);
  const target = existing.find((e) => e.evaluation.id === plan.targetId)?.evaluation ?? null;
  const copyConfirmations = importPlan(
    manifest,
    existing.filter((e) => e.evaluation.id !== manifest.snapshot.evaluation.id),
  ).confirmations;
  const hashes = new Set(manifest.snapshot.evidence.map((e) => e.hash as string));
  const present = await storedHashes(hashes);
  const documentsWithoutBytes = manifest.snapshot.evidence.filter(
    (e) => !present.has(e.hash) && !opened.blobs.has(e.hash),
  ).length;
  let bytesToStore = 0;
  let filesToStore = 0;
  for (const [hash, blob] of opened.blobs) {
    if (present.has(hash)) continue;
    filesToStore += 1;
    bytesToStore += blob.size;
  }
  const deletions = target
    ? deletionPreview((await readDeletions(target.id, manifest)).plan)
    : null;
  return {
    plan,
    target,
    copyConfirmations,
    filesToStore,
    bytesToStore,
    documentsWithoutBytes,
    deletions,
  };
}

export type ImportMode = 'create' | 'update' | 'copy';

export type ImportRefusal = 'confirmation' | 'conflict' | 'exists' | 'missing';

/** An import the database refused before writing anything (the plan does not allow it). */
export class ImportError extends Error {
  constructor(
    readonly kind: ImportRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface CommitImportOptions {
  mode: ImportMode;
  /** The user answered yes to every confirmation the summary asked. */
  confirmed: boolean;
  actor: Actor;
  signal?: AbortSignal;
  /** Called between the steps of the write (the step's label in Indonesian). */
  onStep?: (label: string) => void;
}

export interface ImportResult {
  evaluationId: EvaluationId;
  mode: ImportMode;
  answersTaken: number;
  answersKeptLocal: number;
  documentsAdded: number;
  filesStored: number;
  /** Update: deletions carried out here (what was deleted, for people). */
  deletionsApplied?: string[];
  /** Update: deletions not carried out because the other side edited the item meanwhile. */
  deletionsInConflict?: string[];
  /** The bundle carries no deletions (older app version): its deletions could not be seen. */
  deletionsUnseen?: boolean;
  /** Update: the deletions in sentences for the user (empty when there were none to tell). */
  deletionNote?: string;
}

function importNote(opened: OpenedImport, detail: string): string {
  const m = opened.bundle.manifest;
  return `Diimpor dari berkas ${opened.fileName} (diekspor oleh ${m.exportedBy.name} pada ${formatDateTime(m.exportedAt)}; ${describeScope(m.scope)}): ${detail}`.slice(
    0,
    5_000,
  );
}

/** The bundle's snapshot as a new evaluation (create keeps its id, copy gets a new one). */
function newEvaluationSnapshot(
  opened: OpenedImport,
  evaluationId: EvaluationId,
  at: number,
): EvaluationSnapshot {
  const m = opened.bundle.manifest;
  const s = m.snapshot;
  return {
    ...s,
    evaluation: {
      ...s.evaluation,
      id: evaluationId,
      status: 'active',
      origin: {
        kind: 'imported',
        fileName: opened.fileName,
        exportedBy: m.exportedBy.name,
        exportedAt: m.exportedAt,
      },
      createdAt: at,
      updatedAt: at,
    },
    // Received revisions are exchanged ones: the next edit here opens a new revision.
    answers: s.answers.map(closeRevision),
  };
}

/** Update: adds what the bundle has and this evaluation lacks; see the module docblock. */
async function updateEvaluation(
  target: Evaluation,
  manifest: BundleManifest,
  plan: ImportPlan,
  at: number,
  step: () => void,
): Promise<{ answersTaken: number; documentsAdded: number; deletions: DeletionPlan }> {
  const id = target.id;
  const deletions = await applyDeletions(id, manifest);
  // The bundle's copies of items deleted (here or there) are not brought back.
  const s = withoutDeleted(manifest.snapshot, new Set(deletions.applied.map((d) => d.key)));

  // Team: the same person is the same member (by id, NIP or name).
  const localMembers = await db.members.where('evaluationId').equals(id).toArray();
  const byId = new Map(localMembers.map((m) => [m.id as string, m]));
  const byPerson = new Map(localMembers.map((m) => [personKey(m), m]));
  const memberMap = new Map<string, MemberId>();
  const newMembers: Member[] = [];
  for (const m of s.members) {
    const local = byId.get(m.id) ?? byPerson.get(personKey(m));
    if (local) {
      memberMap.set(m.id, local.id);
      continue;
    }
    const taken = (await db.members.get(m.id)) !== undefined;
    const memberId = taken ? newId<MemberId>() : m.id;
    memberMap.set(m.id, memberId);
    const row: Member = { ...m, id: memberId, evaluationId: id, indicators: [...m.indicators] };
    newMembers.push(row);
    byPerson.set(personKey(row), row);
  }
  const member = (m: MemberId | null): MemberId | null =>
    m === null ? null : (memberMap.get(m) ?? m);
  await db.members.bulkAdd(newMembers);
  step();

  // Documents: one per hash in this evaluation; the local metadata is kept.
  const localEvidence = await db.evidence.where('evaluationId').equals(id).toArray();
  const evidenceByHash = new Map(localEvidence.map((e) => [e.hash as string, e]));
  const evidenceMap = new Map<string, EvidenceId>();
  const newEvidence: Evidence[] = [];
  for (const e of s.evidence) {
    const local = evidenceByHash.get(e.hash);
    if (local) {
      evidenceMap.set(e.id, local.id);
      continue;
    }
    const taken = (await db.evidence.get(e.id)) !== undefined;
    const row: Evidence = {
      ...e,
      id: taken ? newId<EvidenceId>() : e.id,
      evaluationId: id,
      addedBy: member(e.addedBy),
    };
    evidenceMap.set(e.id, row.id);
    evidenceByHash.set(e.hash, row);
    newEvidence.push(row);
  }
  await db.evidence.bulkAdd(newEvidence);

  // Links: united per indicator and document (levels united); none removed.
  const localLinks = await db.links.where('evaluationId').equals(id).toArray();
  const linkByKey = new Map(localLinks.map((l) => [`${l.indicator}:${l.evidenceId}`, l]));
  const changedLinks = new Map<string, EvidenceLink>();
  for (const l of s.links) {
    const evidenceId = evidenceMap.get(l.evidenceId);
    if (!evidenceId) continue;
    const key = `${l.indicator}:${evidenceId}`;
    const local = linkByKey.get(key);
    if (local) {
      const levels = [...new Set([...local.levels, ...l.levels])].sort((a, b) => a - b);
      if (levels.join() !== local.levels.join()) {
        const next = { ...local, levels };
        linkByKey.set(key, next);
        changedLinks.set(next.id, next);
      }
      continue;
    }
    const taken = (await db.links.get(l.id)) !== undefined;
    const row: EvidenceLink = {
      ...l,
      id: taken ? newId<LinkId>() : l.id,
      evaluationId: id,
      evidenceId,
      levels: [...l.levels],
      addedBy: member(l.addedBy),
    };
    linkByKey.set(key, row);
    changedLinks.set(row.id, row);
  }
  await db.links.bulkPut([...changedLinks.values()]);
  step();

  // Answers: only those the bundle adds or holds in a newer revision.
  const take = new Set([...plan.changes.answersAdded, ...plan.changes.answersChanged]);
  const answers: Answer[] = s.answers
    .filter((a) => take.has(a.indicator))
    .map((a) => ({
      ...a,
      evaluationId: id,
      updatedBy: member(a.updatedBy),
      ancestors: [...a.ancestors],
      revisionOpen: false,
    }));
  await db.answers.bulkPut(answers);

  // History: the bundle's events this evaluation does not hold yet.
  const localAudit = new Set(
    (await db.audit.where('evaluationId').equals(id).toArray()).map((e) => e.id),
  );
  await db.audit.bulkAdd(
    s.audit
      .filter((e) => !localAudit.has(e.id))
      .map(({ seq: _seq, ...e }) => ({ ...e, evaluationId: id, actor: member(e.actor) })),
  );
  await db.evaluations.update(id, { updatedAt: at });
  step();
  return { answersTaken: answers.length, documentsAdded: newEvidence.length, deletions };
}

/**
 * Deletions between this evaluation and the bundle (inside the update's transaction): reads both
 * sides' tombstones with the merge's rule, removes here what the bundle deleted (untouched here),
 * and keeps the bundle's tombstones so the deletions travel on. Returns the plan.
 */
/** The evaluation's documents, links and members, and the deletions between it and the bundle. */
async function readDeletions(
  id: EvaluationId,
  manifest: BundleManifest,
): Promise<{ local: EvaluationSnapshot; plan: DeletionPlan }> {
  const [evidence, links, members, localTombstones] = await Promise.all([
    db.evidence.where('evaluationId').equals(id).toArray(),
    db.links.where('evaluationId').equals(id).toArray(),
    db.members.where('evaluationId').equals(id).toArray(),
    db.tombstones.where('evaluationId').equals(id).toArray(),
  ]);
  const local: EvaluationSnapshot = { ...manifest.snapshot, evidence, links, members };
  const plan = planDeletions([
    {
      id: 'local',
      label: 'evaluasi di komputer ini',
      snapshot: local,
      tombstones: localTombstones,
    },
    {
      id: 'bundle',
      label: 'berkas',
      snapshot: manifest.snapshot,
      tombstones: manifest.tombstones ?? null,
    },
  ]);
  return { local, plan };
}

/** What an update would do about deletions, for the summary (see `updateEvaluation`). */
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
  const here = (d: DeletionPlan['applied'][number]) =>
    d.untouched.some((k) => k.sourceId === 'local');
  return {
    applied: plan.applied.filter(here).map((d) => d.label),
    notRestored: plan.applied
      .filter((d) => !here(d) && d.untouched.some((k) => k.sourceId === 'bundle'))
      .map((d) => d.label),
    conflicts: plan.conflicts.map((d) => d.label),
    unseen: plan.blind.length > 0,
  };
}

async function applyDeletions(id: EvaluationId, manifest: BundleManifest): Promise<DeletionPlan> {
  const { local, plan } = await readDeletions(id, manifest);
  const { evidence, links, members } = local;
  const gone = new Set(
    plan.applied.filter((d) => d.untouched.some((k) => k.sourceId === 'local')).map((d) => d.key),
  );
  if (gone.size > 0) {
    const kept = withoutDeleted(local, gone);
    const keptEvidence = new Set(kept.evidence.map((e) => e.id as string));
    const keptLinks = new Set(kept.links.map((l) => l.id as string));
    const keptMembers = new Set(kept.members.map((m) => m.id as string));
    await db.links.bulkDelete(links.filter((l) => !keptLinks.has(l.id)).map((l) => l.id));
    const dropped = evidence.filter((e) => !keptEvidence.has(e.id));
    await db.evidence.bulkDelete(dropped.map((e) => e.id));
    await db.members.bulkDelete(members.filter((m) => !keptMembers.has(m.id)).map((m) => m.id));
    await blobStore.collectGarbage(dropped.map((e) => e.hash));
  }
  // The bundle's deletions applied here travel on with this evaluation's next export.
  const fromBundle: Tombstone[] = plan.applied
    .filter((d) => d.deletedIn.includes('bundle') && !d.deletedIn.includes('local'))
    .map((d) => ({ ...d.tombstone, id: newId<string>(), evaluationId: id }));
  await db.tombstones.bulkAdd(fromBundle);
  return plan;
}

/** The deletions of an update in the import's audit note. */
function deletionDetail(plan: DeletionPlan): string {
  const applied = plan.applied.filter((d) => d.untouched.some((k) => k.sourceId === 'local'));
  const parts: string[] = [];
  if (applied.length > 0) {
    parts.push(` Penghapusan diterapkan: ${applied.map((d) => d.label).join(', ')}.`);
  }
  if (plan.conflicts.length > 0) {
    parts.push(
      ` Penghapusan tidak diterapkan karena diubah di pihak lain (selesaikan lewat penggabungan): ${plan.conflicts.map((d) => d.label).join(', ')}.`,
    );
  }
  if (plan.blind.length > 0) {
    parts.push(
      ' Penghapusan pada berkas ini tidak dapat diketahui karena berkas dibuat oleh versi aplikasi yang belum mencatat penghapusan.',
    );
  }
  return parts.join('');
}

/**
 * Writes the import in ONE transaction (evaluation, answers, documents, bytes, links, team,
 * history and the import's own audit event) or nothing. Refuses with an `ImportError` when the
 * plan, recomputed inside the transaction, does not allow `mode`.
 */
export function commitImport(
  opened: OpenedImport,
  options: CommitImportOptions,
): Promise<ImportResult> {
  const { mode, actor, signal } = options;
  const manifest = opened.bundle.manifest;
  const step = (label: string): void => {
    if (signal?.aborted) throw abortedError();
    options.onStep?.(label);
  };
  const write = (): Promise<ImportResult> =>
    db.transaction('rw', TABLE_GROUPS.importWrite, async (): Promise<ImportResult> => {
      step('Memeriksa evaluasi yang tersimpan');
      const existing = await existingEvaluations();
      const bundleId = manifest.snapshot.evaluation.id;
      const plan = importPlan(manifest, existing);
      const confirmations =
        mode === 'copy'
          ? importPlan(
              manifest,
              existing.filter((e) => e.evaluation.id !== bundleId),
            ).confirmations
          : plan.confirmations;
      if (confirmations.length > 0 && !options.confirmed) {
        throw new ImportError(
          'confirmation',
          'Impor memerlukan konfirmasi Anda (instansi atau tahun berbeda); tidak ada yang disimpan.',
        );
      }
      if (mode === 'create' && plan.action === 'update') {
        throw new ImportError(
          'exists',
          'Evaluasi dalam berkas ini sudah ada di komputer ini. Pilih "Perbarui evaluasi yang ada" atau "Impor sebagai salinan terpisah".',
        );
      }
      if (mode === 'update' && plan.action !== 'update') {
        throw new ImportError(
          'missing',
          'Evaluasi yang hendak diperbarui tidak ada lagi di komputer ini; tidak ada yang disimpan.',
        );
      }
      if (mode === 'update' && plan.changes.answersInConflict.length > 0) {
        throw new ImportError(
          'conflict',
          `Jawaban indikator ${plan.changes.answersInConflict.join(', ')} diubah di komputer ini dan di berkas sejak terakhir dipertukarkan. Selesaikan lewat penggabungan atau impor sebagai salinan terpisah; tidak ada yang disimpan.`,
        );
      }

      const at = Date.now();
      step('Menyimpan isi bukti dukung');
      const stored = await storeBlobs(opened.blobs, at);
      let evaluationId: EvaluationId;
      let answersTaken: number;
      let documentsAdded: number;
      let detail: string;
      let deletions: DeletionPlan | null = null;
      if (mode === 'update') {
        const target = existing.find((e) => e.evaluation.id === bundleId)!.evaluation;
        step('Memperbarui evaluasi');
        const r = await updateEvaluation(target, manifest, plan, at, () =>
          step('Memperbarui evaluasi'),
        );
        evaluationId = target.id;
        answersTaken = r.answersTaken;
        documentsAdded = r.documentsAdded;
        deletions = r.deletions;
        detail = `${plan.changes.answersAdded.length} jawaban ditambahkan, ${plan.changes.answersChanged.length} diperbarui, ${plan.changes.answersKeptLocal.length} versi lokal yang lebih baru dipertahankan, ${r.documentsAdded} dokumen ditambahkan.${deletionDetail(r.deletions)}`;
      } else {
        evaluationId = mode === 'copy' ? newId<EvaluationId>() : bundleId;
        step('Menyimpan evaluasi');
        const snapshot = newEvaluationSnapshot(opened, evaluationId, at);
        await insertSnapshot(snapshot, {
          freshIds: mode === 'copy',
          tombstones: manifest.tombstones ?? [],
        });
        answersTaken = snapshot.answers.length;
        documentsAdded = snapshot.evidence.length;
        detail = `evaluasi ${mode === 'copy' ? 'salinan ' : ''}baru dengan ${snapshot.answers.length} jawaban, ${snapshot.evidence.length} dokumen, ${snapshot.members.length} anggota tim.`;
      }
      step('Mencatat riwayat impor');
      await db.audit.add(
        auditEvent(
          evaluationId,
          actor,
          {
            entity: 'evaluation',
            action: 'import',
            newValue: opened.fileName,
            note: importNote(opened, detail),
          },
          at,
        ),
      );
      step('Menyelesaikan penyimpanan');
      return {
        evaluationId,
        mode,
        answersTaken,
        answersKeptLocal: mode === 'update' ? plan.changes.answersKeptLocal.length : 0,
        documentsAdded,
        filesStored: stored.files,
        ...(deletions
          ? {
              deletionsApplied: deletions.applied
                .filter((d) => d.untouched.some((k) => k.sourceId === 'local'))
                .map((d) => d.label),
              deletionsInConflict: deletions.conflicts.map((d) => d.label),
              deletionNote: deletionDetail(deletions).trim(),
            }
          : {}),
        deletionsUnseen: manifest.tombstones === undefined,
      };
    });
  return write().catch((e: unknown) => {
    // Refusals and cancellation keep their own message; storage failures get the storage one.
    if (e instanceof ImportError) throw e;
    if (signal?.aborted) throw abortedError();
    throw toStorageError(e, `Impor berkas "${opened.fileName}"`);
  });
}
