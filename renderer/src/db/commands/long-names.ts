/**
 * Repairing what older versions stored over today's limits: an evidence file name longer than
 * LIMITS.evidenceFileName (accepted at upload before it was checked) is shortened, extension
 * kept, with the original in the audit trail, so that exporting the evaluation never fails on it.
 */
import {
  LIMITS,
  shortenFileName,
  type EvaluationId,
  type Tombstone,
} from '../../../../shared/assessment';
import { db } from '../db';
import { guardWrite } from '../errors';
import { ANONYMOUS, type Actor } from './actor';
import { appendAudit } from './audit';
import { originalNameNote } from './evidence';

/** A deletion record whose document name is shortened, or null when it is within the limit. */
function shortenedTombstone(t: Tombstone): Tombstone | null {
  if (t.entity === 'evidence') {
    const fileName = shortenFileName(t.evidence.fileName);
    return fileName === t.evidence.fileName
      ? null
      : { ...t, evidence: { ...t.evidence, fileName } };
  }
  if (t.entity === 'link') {
    const fileName = shortenFileName(t.fileName);
    return fileName === t.fileName ? null : { ...t, fileName };
  }
  return null;
}

/**
 * Shortens the over-long evidence names of one evaluation (its documents, and the records of
 * deleted ones that travel with its exports); returns how many documents it changed.
 */
export async function repairLongFileNames(
  evaluationId: EvaluationId,
  actor: Actor = ANONYMOUS,
): Promise<number> {
  const tooLong = (await db.evidence.where('evaluationId').equals(evaluationId).toArray()).filter(
    (e) => shortenFileName(e.fileName) !== e.fileName,
  );
  const tombstones = (
    await db.tombstones.where('evaluationId').equals(evaluationId).toArray()
  ).flatMap((t) => shortenedTombstone(t) ?? []);
  if (tombstones.length > 0) {
    await guardWrite('Catatan penghapusan', () => db.tombstones.bulkPut(tombstones));
  }
  if (tooLong.length === 0) return 0;
  return guardWrite('Nama berkas bukti dukung', () =>
    db.transaction('rw', db.evidence, db.audit, async () => {
      const at = Date.now();
      let changed = 0;
      for (const { id } of tooLong) {
        const current = await db.evidence.get(id);
        if (!current) continue;
        const stored = shortenFileName(current.fileName);
        if (stored === current.fileName) continue;
        await db.evidence.update(id, { fileName: stored });
        await appendAudit(
          evaluationId,
          actor,
          [
            {
              entity: 'evidence',
              action: 'update',
              field: 'fileName',
              oldValue: current.fileName.slice(0, LIMITS.auditValue),
              newValue: stored,
              note: originalNameNote(current.fileName),
            },
          ],
          at,
        );
        changed += 1;
      }
      return changed;
    }),
  );
}
