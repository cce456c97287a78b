/**
 * Storing a coordinator's merge: the merged evaluation (a NEW evaluation; the inputs are never
 * changed), the evidence bytes that came in the bundles, and the merge record the Berita Acara
 * Rekonsiliasi is printed from, all in ONE transaction (which also removes the unfinished-merge
 * draft). Reading a stored merge back. And the draft of an unfinished merge: kept as the
 * coordinator works, offered back on return, removed when applied or discarded.
 */
import { z } from 'zod';
import type { Answer, EvaluationId, Evaluation, Member } from '../../../../shared/assessment';
import { abortedError, bundleManifestSchema, type BundleManifest } from '../../../../shared/bundle';
import {
  deletionChoices,
  mergeRecordSchema,
  type DeletionChoice,
  type MergeRecord,
  type MergeResult,
} from '../../../../shared/merge';
import { db } from '../db';
import { TABLE_GROUPS } from '../tables';
import { toStorageError } from '../errors';
import { insertSnapshot, storeBlobs } from './store-snapshot';

export interface SaveMergeOptions {
  /** Who signs the minutes as Koordinator SPBE. */
  coordinator: { name: string; nip: string };
  /** The evaluation of this computer taken as the base, if any (the team folder follows it). */
  baseEvaluationId?: EvaluationId | null;
  signal?: AbortSignal;
  onStep?: (label: string) => void;
}

export async function saveMerge(
  result: MergeResult,
  blobs: ReadonlyMap<string, Blob>,
  options: SaveMergeOptions,
): Promise<EvaluationId> {
  const step = (label: string): void => {
    if (options.signal?.aborted) throw abortedError();
    options.onStep?.(label);
  };
  const { snapshot, record } = result;
  try {
    return await db.transaction('rw', TABLE_GROUPS.mergeWrite, async () => {
      step('Menyimpan isi bukti dukung');
      await storeBlobs(blobs, record.mergedAt);
      step('Menyimpan evaluasi gabungan');
      const stored = await insertSnapshot(snapshot, { tombstones: result.tombstones });
      step('Menyimpan catatan penggabungan');
      await db.merges.add({
        id: record.id,
        resultEvaluationId: stored.evaluation.id,
        createdAt: record.mergedAt,
        record,
        coordinator: { name: options.coordinator.name.trim(), nip: options.coordinator.nip },
        answers: stored.answers,
        ...(options.baseEvaluationId ? { baseEvaluationId: options.baseEvaluationId } : {}),
      });
      await db.mergeDrafts.bulkDelete([MERGE_DRAFT_ID, MERGE_DRAFT_FILES_ID]);
      step('Menyelesaikan penyimpanan');
      return stored.evaluation.id;
    });
  } catch (e) {
    if (options.signal?.aborted) throw abortedError();
    throw toStorageError(e, 'Hasil penggabungan');
  }
}

export interface StoredMerge {
  id: string;
  record: MergeRecord;
  coordinator: { name: string; nip: string };
  /** The answers as merged (falls back to the current ones for rows without them). */
  answers: Answer[];
  /** The merged evaluation as it is now (null when it was deleted). */
  evaluation: Evaluation | null;
  /** Its team as it is now (for the NIPs on the signature lines). */
  members: Member[];
}

/** A stored merge, its record checked against the schema; null when absent or unreadable. */
export async function readMerge(id: string): Promise<StoredMerge | null> {
  const row = await db.merges.get(id);
  if (!row) return null;
  const parsed = mergeRecordSchema.safeParse(row.record);
  if (!parsed.success) return null;
  const evaluation = (await db.evaluations.get(row.resultEvaluationId as EvaluationId)) ?? null;
  const answers =
    row.answers ??
    (await db.answers.where('evaluationId').equals(row.resultEvaluationId).toArray());
  const members = await db.members.where('evaluationId').equals(row.resultEvaluationId).toArray();
  return {
    id: row.id,
    record: parsed.data,
    coordinator: row.coordinator ?? { name: '', nip: '' },
    answers,
    evaluation,
    members,
  };
}

/**
 * The evaluation the work of `evaluationId` continues in on this computer: the result of the
 * latest merge that took it as base, followed on through later merges; itself when none (or the
 * results are gone or archived). A teammate's file of the evaluation sent out is weighed against
 * what the coordinator settled there, not against the evaluation as it was before.
 */
export async function mergedSuccessor(evaluationId: EvaluationId): Promise<EvaluationId> {
  const merges = (await db.merges.toArray()).filter((m) => m.baseEvaluationId !== undefined);
  if (merges.length === 0) return evaluationId;
  const active = new Set(
    (await db.evaluations.toArray()).filter((e) => e.status !== 'archived').map((e) => e.id),
  );
  let current: string = evaluationId;
  const seen = new Set<string>([current]);
  for (;;) {
    const next = merges
      .filter(
        (m) => m.baseEvaluationId === current && active.has(m.resultEvaluationId as EvaluationId),
      )
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!next || seen.has(next.resultEvaluationId)) return current as EvaluationId;
    current = next.resultEvaluationId;
    seen.add(current);
  }
}

/** The merge that produced an evaluation, if it was made by one. */
export async function mergeOfEvaluation(evaluationId: EvaluationId): Promise<StoredMerge | null> {
  const row = await db.merges.where('resultEvaluationId').equals(evaluationId).first();
  return row ? readMerge(row.id) : null;
}

export type { MergeRecord };

/** One loaded .spbe file of an unfinished merge: what the merge reads of it, and its bytes. */
export interface MergeDraftInput {
  /** The merge source id (stable within the merge). */
  id: string;
  label: string;
  manifest: BundleManifest;
  manifestHash: string;
  encrypted: boolean;
  /** Verified evidence bytes not stored here when the file was read, by hash. */
  blobs: Map<string, Blob>;
}

/** A coordinator's decision on one conflict as typed (see features/merge/decision.ts). */
export interface MergeDraftDecision {
  choice: string;
  value: string;
  justification: string;
  agency: string;
  reason: string;
}

/** A coordinator's decision on a deletion against an edit, by its case key (see deletion-card.tsx). */
export interface MergeDraftDeletion {
  choice: DeletionChoice | '';
  reason: string;
}

export interface MergeDraft {
  inputs: MergeDraftInput[];
  baseId: string;
  coordinator: { name: string; nip: string } | null;
  confirmMismatch: boolean;
  decisions: Record<number, MergeDraftDecision>;
  deletions: Record<string, MergeDraftDeletion>;
}

/** One unfinished merge per computer (the merge screen has one), kept in two rows. */
export const MERGE_DRAFT_ID = 'current';
/** The row with the loaded files (manifests and evidence bytes), written only when they change. */
const MERGE_DRAFT_FILES_ID = 'current:berkas';

const text = z.string().max(1_000_000);
const draftInputSchema = z.object({
  id: z.string().min(1).max(40),
  label: z.string().max(1000),
  manifest: bundleManifestSchema,
  manifestHash: z.string().max(200),
  encrypted: z.boolean(),
  blobs: z.map(z.string(), z.instanceof(Blob)),
});
const draftStateSchema = z.object({
  inputIds: z.array(z.string()).max(100),
  baseId: z.string().max(200),
  coordinator: z.object({ name: text, nip: text }).nullable(),
  confirmMismatch: z.boolean(),
  decisions: z.record(
    z.string().regex(/^\d+$/),
    z.object({ choice: text, value: text, justification: text, agency: text, reason: text }),
  ),
  // Drafts kept before deletion decisions were kept have none.
  deletions: z
    .record(
      z.string().max(1000),
      z.object({ choice: z.enum([...deletionChoices, '']), reason: text }),
    )
    .default({}),
});

/**
 * Keeps the unfinished merge (replacing the one before); resolves with when it was saved.
 * `files: false` leaves the stored files as they are (only decisions or fields changed).
 */
export async function saveMergeDraft(
  draft: MergeDraft,
  options: { files: boolean },
  now = Date.now(),
): Promise<number> {
  const { inputs, ...rest } = draft;
  const state = { ...rest, inputIds: inputs.map((i) => i.id) };
  try {
    await db.transaction('rw', db.mergeDrafts, async () => {
      if (options.files) {
        await db.mergeDrafts.put({ id: MERGE_DRAFT_FILES_ID, savedAt: now, draft: inputs });
      }
      await db.mergeDrafts.put({ id: MERGE_DRAFT_ID, savedAt: now, draft: state });
    });
  } catch (e) {
    throw toStorageError(e, 'Draf penggabungan');
  }
  return now;
}

export type StoredMergeDraft =
  { ok: true; savedAt: number; draft: MergeDraft } | { ok: false; savedAt: number };

/** The unfinished merge, checked; null when there is none, `ok: false` when it is unreadable. */
export async function readMergeDraft(): Promise<StoredMergeDraft | null> {
  const [row, filesRow] = await db.mergeDrafts.bulkGet([MERGE_DRAFT_ID, MERGE_DRAFT_FILES_ID]);
  if (!row) return null;
  const state = draftStateSchema.safeParse(row.draft);
  const files = z
    .array(draftInputSchema)
    .max(100)
    .safeParse(filesRow?.draft ?? []);
  if (!state.success || !files.success) return { ok: false, savedAt: row.savedAt };
  const { inputIds, ...rest } = state.data;
  const byId = new Map(files.data.map((i) => [i.id, i as MergeDraftInput]));
  const inputs = inputIds.map((id) => byId.get(id));
  if (inputs.some((i) => i === undefined)) return { ok: false, savedAt: row.savedAt };
  return {
    ok: true,
    savedAt: row.savedAt,
    draft: { ...rest, inputs: inputs as MergeDraftInput[] },
  };
}

/** Removes the unfinished merge (discarded, or every file taken out). */
export async function discardMergeDraft(): Promise<void> {
  await db.mergeDrafts.bulkDelete([MERGE_DRAFT_ID, MERGE_DRAFT_FILES_ID]);
}
