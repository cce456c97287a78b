/**
 * Storing a coordinator's merge: the merged evaluation (a NEW evaluation; the inputs are never
 * changed), the evidence bytes that came in the bundles, and the merge record the Berita Acara
 * Rekonsiliasi is printed from, all in ONE transaction. And reading a stored merge back.
 */
import type { Answer, EvaluationId, Evaluation, Member } from '../../../../shared/assessment';
import { abortedError } from '../../../../shared/bundle';
import { mergeRecordSchema, type MergeRecord, type MergeResult } from '../../../../shared/merge';
import { db } from '../db';
import { toStorageError } from '../errors';
import { insertSnapshot, storeBlobs } from './store-snapshot';

export interface SaveMergeOptions {
  /** Who signs the minutes as Koordinator SPBE. */
  coordinator: { name: string; nip: string };
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
    return await db.transaction(
      'rw',
      [
        db.evaluations,
        db.answers,
        db.evidence,
        db.links,
        db.members,
        db.audit,
        db.blobs,
        db.merges,
      ],
      async () => {
        step('Menyimpan isi bukti dukung');
        await storeBlobs(blobs, record.mergedAt);
        step('Menyimpan evaluasi gabungan');
        const stored = await insertSnapshot(snapshot);
        step('Menyimpan catatan penggabungan');
        await db.merges.add({
          id: record.id,
          resultEvaluationId: stored.evaluation.id,
          createdAt: record.mergedAt,
          record,
          coordinator: { name: options.coordinator.name.trim(), nip: options.coordinator.nip },
          answers: stored.answers,
        });
        step('Menyelesaikan penyimpanan');
        return stored.evaluation.id;
      },
    );
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

/** The merge that produced an evaluation, if it was made by one. */
export async function mergeOfEvaluation(evaluationId: EvaluationId): Promise<StoredMerge | null> {
  const row = await db.merges.where('resultEvaluationId').equals(evaluationId).first();
  return row ? readMerge(row.id) : null;
}

export type { MergeRecord };
