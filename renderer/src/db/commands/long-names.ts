/**
 * Repairing what older versions stored over today's limits: an evidence file name longer than
 * LIMITS.evidenceFileName (accepted at upload before it was checked) is shortened, extension
 * kept, with the original in the audit trail, so that exporting the evaluation never fails on it.
 */
import { LIMITS, shortenFileName, type EvaluationId } from '../../../../shared/assessment';
import { db } from '../db';
import { guardWrite } from '../errors';
import { ANONYMOUS, type Actor } from './actor';
import { appendAudit } from './audit';
import { originalNameNote } from './evidence';

/** Shortens the over-long evidence names of one evaluation; returns how many it changed. */
export async function repairLongFileNames(
  evaluationId: EvaluationId,
  actor: Actor = ANONYMOUS,
): Promise<number> {
  const tooLong = (await db.evidence.where('evaluationId').equals(evaluationId).toArray()).filter(
    (e) => shortenFileName(e.fileName) !== e.fileName,
  );
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
