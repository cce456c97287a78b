/**
 * The database side of exporting an evaluation to a .spbe bundle: the snapshot to write, the
 * stored evidence bytes as the writer's source, and sealing after a successful export.
 *
 * Sealing (see shared/assessment/answer.ts): every exported answer's revision is now known
 * outside this computer, so it is closed (`revisionOpen: false`) and the next edit opens a new
 * revision that names it as an ancestor. That is what lets the coordinator's merge tell "changed
 * here since the export" from "changed on both sides". Sealing runs only after the file was
 * written completely; a cancelled or failed export changes nothing.
 */
import {
  closeRevision,
  openNextRevision,
  type Answer,
  type EvaluationId,
  type EvaluationSnapshot,
  type EvidenceHash,
  type Tombstone,
} from '../../../../shared/assessment';
import { describeScope, type BundleScope } from '../../../../shared/bundle';
import type { EvidenceSource } from '../../../../shared/bundle/zip';
import { blobStore } from '../blob-store';
import { db } from '../db';
import { guardWrite, StorageError } from '../errors';
import { readSnapshot } from '../snapshot';
import type { Actor } from './actor';
import { appendAudit } from './audit';
import { repairLongFileNames } from './long-names';
import { storedHashes } from './store-snapshot';

/**
 * The evaluation as an export writes it: answers as they will be once the export is sealed
 * (closed revisions), so that importing the file gives back the state this computer then has.
 */
export async function readExportSnapshot(id: EvaluationId): Promise<EvaluationSnapshot> {
  // A name stored over the limit by an older version is shortened first (original in the
  // history), so that it cannot fail the whole file.
  await repairLongFileNames(id);
  const snapshot = await readSnapshot(id);
  if (!snapshot)
    throw new StorageError('Evaluasi tidak ditemukan; mungkin sudah dihapus.', 'other');
  return { ...snapshot, answers: snapshot.answers.map(closeRevision) };
}

/**
 * The deletions made in the evaluation (documents, links, members), oldest first: every export
 * carries them so the coordinator's merge and an import apply them (shared/merge/tombstones.ts).
 */
export function readTombstones(id: EvaluationId): Promise<Tombstone[]> {
  return db.tombstones.where('evaluationId').equals(id).sortBy('at');
}

/** Every file a full export carries: the evidence bytes and the instansi logo. */
export function referencedFiles(snapshot: EvaluationSnapshot): Set<string> {
  const hashes = new Set<string>(snapshot.evidence.map((e) => e.hash));
  if (snapshot.evaluation.instansi.logoHash) hashes.add(snapshot.evaluation.instansi.logoHash);
  return hashes;
}

/** Referenced files whose bytes are not on this computer (received without evidence). */
export async function missingFiles(snapshot: EvaluationSnapshot): Promise<string[]> {
  const wanted = referencedFiles(snapshot);
  const present = await storedHashes(wanted);
  return [...wanted].filter((h) => !present.has(h));
}

/** The writer's source of evidence bytes: the blob store. */
export const evidenceSourceFromDb: EvidenceSource = async (hash: EvidenceHash) => {
  const data = await blobStore.data(hash);
  if (!data) throw new StorageError('Isi berkas tidak ada di komputer ini.', 'other');
  return data;
};

export interface ExportDetails {
  fileName: string;
  scope: BundleScope;
  includeEvidence: boolean;
  encrypted: boolean;
  /** An automatic write to the team folder: one history event per file and day, not per write. */
  teamFolder?: boolean;
}

export interface SealResult {
  /** Answers whose revision was closed. */
  sealed: number;
  /** Answers edited while the file was written: moved to a new revision after the exported one. */
  movedOn: number;
}

/** Whether the history already has today's (local day) export event of this file name. */
async function writtenToday(evaluationId: EvaluationId, fileName: string): Promise<boolean> {
  const now = new Date();
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const row = await db.audit
    .where('at')
    .aboveOrEqual(midnight)
    .filter(
      (r) => r.evaluationId === evaluationId && r.action === 'export' && r.newValue === fileName,
    )
    .first();
  return row !== undefined;
}

/**
 * Marks the exported answers as exchanged, in one transaction with the audit event of the
 * export. An answer edited after the snapshot was taken (autosave during a long export) is
 * not the exported content: it moves to a new open revision whose ancestor is the exported one.
 */
export function sealExport(
  evaluationId: EvaluationId,
  exported: readonly Answer[],
  actor: Actor,
  details: ExportDetails,
): Promise<SealResult> {
  return guardWrite('Penandaan jawaban yang diekspor', () =>
    db.transaction('rw', db.answers, db.audit, async () => {
      const stored = await db.answers.bulkGet(
        exported.map((a) => [evaluationId, a.indicator] as [string, number]),
      );
      const next: Answer[] = [];
      let sealed = 0;
      let movedOn = 0;
      exported.forEach((a, i) => {
        const current = stored[i];
        // Gone, or already past the exported revision: nothing to close.
        if (!current || current.revision !== a.revision) return;
        if (current.updatedAt === a.updatedAt) {
          sealed += 1;
          if (current.revisionOpen) next.push(closeRevision(current));
          return;
        }
        movedOn += 1;
        next.push(openNextRevision(current));
      });
      await db.answers.bulkPut(next);
      if (details.teamFolder && (await writtenToday(evaluationId, details.fileName))) {
        return { sealed, movedOn };
      }
      await appendAudit(evaluationId, actor, [
        {
          entity: 'evaluation',
          action: 'export',
          field: null,
          newValue: details.fileName,
          note: `${details.teamFolder ? `Ditulis ke folder tim sebagai ${details.fileName} (penulisan berikutnya pada hari yang sama tidak dicatat lagi)` : `Diekspor ke berkas ${details.fileName}`}: ${describeScope(details.scope)}, ${exported.length} jawaban, ${details.includeEvidence ? 'dengan' : 'tanpa'} isi bukti dukung${details.encrypted ? ', dilindungi kata sandi' : ''}.`,
        },
      ]);
      return { sealed, movedOn };
    }),
  );
}
