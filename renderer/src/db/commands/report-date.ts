/**
 * The report date of an evaluation: chosen on the report screen, printed on every format of the
 * report and on the Berita Acara, so a reprint keeps its date. One field, one audit line.
 */
import type { EvaluationId } from '../../../../shared/assessment';
import { reportDateProblem } from '../../../../shared/report/status';
import { db } from '../db';
import { guardWrite, StorageError } from '../errors';
import type { Actor } from './actor';
import { appendAudit } from './audit';

/** A report date the command refused; the message says why, in Indonesian. */
export class ReportDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportDateError';
  }
}

/**
 * Stores the report date ("YYYY-MM-DD"); null forgets it (the report is dated today again).
 * Refuses an impossible or absurd date with the reason; nothing is written then.
 */
export async function setReportDate(
  id: EvaluationId,
  date: string | null,
  actor: Actor,
  today: Date = new Date(),
): Promise<void> {
  const current = await db.evaluations.get(id);
  if (!current) throw new StorageError('Evaluasi tidak ditemukan.', 'other');
  if (date !== null) {
    const problem = reportDateProblem(date, current.year, today);
    if (problem) throw new ReportDateError(problem);
  }
  await guardWrite('Tanggal laporan', () =>
    db.transaction('rw', db.evaluations, db.audit, async () => {
      const row = await db.evaluations.get(id);
      if (!row) throw new StorageError('Evaluasi tidak ditemukan.', 'other');
      const old = row.reportDate ?? null;
      if (old === date) return;
      const at = Date.now();
      const { reportDate: _dropped, ...rest } = row;
      await db.evaluations.put(
        date === null ? { ...rest, updatedAt: at } : { ...rest, reportDate: date, updatedAt: at },
      );
      await appendAudit(
        id,
        actor,
        [
          {
            entity: 'evaluation',
            action: 'update',
            field: 'reportDate',
            oldValue: old,
            newValue: date,
          },
        ],
        at,
      );
    }),
  );
}
