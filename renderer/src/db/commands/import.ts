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
 *   they parted (no conflict by revision lineage). The update is planned in shared/merge
 *   (`importUpdate`: a merge of this evaluation and the bundle by the merge's own rules) and
 *   written here. Answers the bundle adds or holds in a newer revision are taken; answers newer
 *   here are kept; documents, links, team members and history events missing here are added,
 *   copies of the same member or link united as the merge unites them; the local instansi
 *   profile is kept. Deletions travel (the same rule as the merge): a document, link or
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
  evaluationName,
  labelsTellingApart,
  newId,
  type Answer,
  type EvaluationId,
  type EvaluationSnapshot,
  type Evaluation,
} from '../../../../shared/assessment';
import {
  deletionNote,
  deletionPreview,
  importUpdate,
  planImportDeletions,
  type DeletionPreview,
  type ImportUpdate,
  type LocalRows,
} from '../../../../shared/merge';
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
import { insertSnapshot, storeBlobs, storedHashes, takenIds } from './store-snapshot';

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
  /**
   * The name the evaluation gets when imported as a new evaluation or as a separate copy, where
   * it would otherwise bear the name of one of the same instansi and year here ("… (salinan 2)");
   * null where it keeps the file's name.
   */
  labelledName: string | null;
}

/**
 * The label the bundle's evaluation takes as a new one with id `id` beside `here`: the label a
 * new second evaluation of its instansi and year gets where its own would clash (the rule of
 * creating, duplicating and restoring), else its own.
 */
function labelBeside(
  evaluation: Evaluation,
  id: EvaluationId,
  here: readonly Evaluation[],
): { label: string | undefined; changed: boolean } {
  const labels = labelsTellingApart([{ ...evaluation, id }], here);
  return labels.has(id)
    ? { label: labels.get(id), changed: true }
    : { label: evaluation.label, changed: false };
}

/** The name of the bundle's evaluation added beside `here`, or null when it keeps its own. */
function labelledName(evaluation: Evaluation, here: readonly Evaluation[]): string | null {
  // A new id: the evaluation is one more beside every one here.
  const { label, changed } = labelBeside(evaluation, '' as EvaluationId, here);
  return changed ? evaluationName({ instansi: evaluation.instansi, label }) : null;
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
    ? deletionPreview(planImportDeletions(await localRows(target.id), manifest))
    : null;
  return {
    plan,
    target,
    copyConfirmations,
    filesToStore,
    bytesToStore,
    documentsWithoutBytes,
    deletions,
    labelledName: labelledName(
      manifest.snapshot.evaluation,
      existing.map((e) => e.evaluation),
    ),
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
  /**
   * The team folder applied a teammate's file without a click (an update): the change is the
   * exporter's, so the import's history entry is theirs and says it was applied from their file
   * on `actor`'s computer; without it, the entry is `actor`'s, who imported the file.
   */
  fromTeamFolder?: boolean;
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

/** The history note of a teammate's file the team folder applied on `here`'s computer. */
function teamFolderNote(opened: OpenedImport, here: Actor, detail: string): string {
  const m = opened.bundle.manifest;
  const where = here.id === null ? 'tanpa klik' : `tanpa klik di komputer ${here.name}`;
  return `Diterapkan dari berkas ${m.exportedBy.name} di folder tim (${opened.fileName}, diekspor pada ${formatDateTime(m.exportedAt)}; ${describeScope(m.scope)}), ${where}: ${detail}`.slice(
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

/** The evaluation's rows as the update plan reads them (inside the import's transaction). */
async function localRows(id: EvaluationId): Promise<LocalRows> {
  const [members, evidence, links, tombstones, audit] = await Promise.all([
    db.members.where('evaluationId').equals(id).toArray(),
    db.evidence.where('evaluationId').equals(id).toArray(),
    db.links.where('evaluationId').equals(id).toArray(),
    db.tombstones.where('evaluationId').equals(id).toArray(),
    db.audit.where('evaluationId').equals(id).toArray(),
  ]);
  return {
    evaluationId: id,
    members,
    evidence,
    links,
    tombstones,
    auditIds: new Set(audit.map((e) => e.id)),
    audit,
  };
}

/**
 * Update: reads the evaluation's rows and the ids the bundle's rows would take, plans the update
 * (shared/merge `importUpdate`, the merge's rules; see the module docblock) and writes the plan.
 */
async function updateEvaluation(
  target: Evaluation,
  manifest: BundleManifest,
  plan: ImportPlan,
  at: number,
  step: () => void,
): Promise<ImportUpdate> {
  const id = target.id;
  const s = manifest.snapshot;
  const [local, members, evidence, links] = await Promise.all([
    localRows(id),
    takenIds(
      db.members,
      s.members.map((m) => m.id),
    ),
    takenIds(
      db.evidence,
      s.evidence.map((e) => e.id),
    ),
    takenIds(
      db.links,
      s.links.map((l) => l.id),
    ),
  ]);
  const update = importUpdate(local, manifest, plan, { members, evidence, links });
  step();

  // Deletions first: a row added may reuse nothing of a deleted one, but the order keeps the
  // evaluation consistent at every step.
  await db.links.bulkDelete(update.links.delete);
  await db.evidence.bulkDelete(update.evidence.delete);
  await db.members.bulkDelete(update.members.delete);
  await db.tombstones.bulkAdd(update.tombstones);

  await db.members.bulkAdd(update.members.add);
  await db.members.bulkPut(update.members.put);
  await db.evidence.bulkAdd(update.evidence.add);
  await db.evidence.bulkPut(update.evidence.put);
  await db.links.bulkAdd(update.links.add);
  await db.links.bulkPut(update.links.put);
  step();

  await db.answers.bulkPut(update.answers);
  await db.audit.bulkAdd(update.audit);
  await db.evaluations.update(id, { updatedAt: at });
  // The bytes of the documents deleted here, unless another row still references them.
  await blobStore.collectGarbage(update.collectBlobs);
  step();
  return update;
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
      let update: ImportUpdate | null = null;
      if (mode === 'update') {
        const target = existing.find((e) => e.evaluation.id === bundleId)!.evaluation;
        step('Memperbarui evaluasi');
        const r = await updateEvaluation(target, manifest, plan, at, () =>
          step('Memperbarui evaluasi'),
        );
        evaluationId = target.id;
        answersTaken = r.counts.answersTaken;
        documentsAdded = r.counts.documentsAdded;
        update = r;
        const note = deletionNote(r.deletions);
        detail = `${plan.changes.answersAdded.length} jawaban ditambahkan, ${plan.changes.answersChanged.length} diperbarui, ${plan.changes.answersKeptLocal.length} versi lokal yang lebih baru dipertahankan, ${r.counts.documentsAdded} dokumen ditambahkan.${note === '' ? '' : ` ${note}`}`;
      } else {
        evaluationId = mode === 'copy' ? newId<EvaluationId>() : bundleId;
        step('Menyimpan evaluasi');
        const snapshot = newEvaluationSnapshot(opened, evaluationId, at);
        const told = labelBeside(
          snapshot.evaluation,
          evaluationId,
          existing.map((e) => e.evaluation),
        );
        if (told.changed) snapshot.evaluation.label = told.label;
        await insertSnapshot(snapshot, {
          freshIds: mode === 'copy',
          tombstones: manifest.tombstones ?? [],
        });
        answersTaken = snapshot.answers.length;
        documentsAdded = snapshot.evidence.length;
        detail = `evaluasi ${mode === 'copy' ? 'salinan ' : ''}baru dengan ${snapshot.answers.length} jawaban, ${snapshot.evidence.length} dokumen, ${snapshot.members.length} anggota tim.`;
      }
      step('Mencatat riwayat impor');
      // A file the team folder applied is the exporter's change, under the id their row has here.
      const exporter = manifest.exportedBy;
      const byExporter = options.fromTeamFolder === true && update !== null;
      const by: Actor = byExporter
        ? {
            id:
              exporter.memberId === null
                ? null
                : (update?.memberIds.get(exporter.memberId) ?? null),
            name: exporter.name,
          }
        : actor;
      await db.audit.add(
        auditEvent(
          evaluationId,
          by,
          {
            entity: 'evaluation',
            action: 'import',
            newValue: opened.fileName,
            note: byExporter ? teamFolderNote(opened, actor, detail) : importNote(opened, detail),
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
        ...(update
          ? {
              deletionsApplied: deletionPreview(update.deletions).applied,
              deletionsInConflict: update.deletions.conflicts.map((d) => d.label),
              deletionNote: deletionNote(update.deletions),
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
