/**
 * The report's status and date, which every format prints the same way:
 * - "Final" only when the index is complete and every answer is verified ("Terverifikasi");
 *   otherwise the report is SEMENTARA — in the file name, on the cover, in every page header
 *   and in the workbook — so that a draft is never forwarded as the result.
 * - The report date is chosen by the team and stored with the evaluation (`reportDate`,
 *   "YYYY-MM-DD"); without one, today. A reprint therefore keeps its date.
 */
import type { Evaluation } from '../assessment';
import type { ReportModel } from './model';

export type ReportStatus = 'final' | 'sementara';

/** The mark printed on a report that is not final. */
export const PROVISIONAL_MARK = 'SEMENTARA';

type StatusInput = Pick<ReportModel, 'provisional'> & {
  data: { indicators: ReadonlyArray<{ status: string | null }> };
};

/** Final when no indicator is missing or awaited and every answer is verified. */
export function reportStatus(model: StatusInput): ReportStatus {
  if (model.provisional) return 'sementara';
  const indicators = model.data.indicators;
  return indicators.length > 0 && indicators.every((i) => i.status === 'verified')
    ? 'final'
    : 'sementara';
}

export const isFinalReport = (model: StatusInput): boolean => reportStatus(model) === 'final';

/** "Final" or "SEMENTARA", as the workbook's status cell says it. */
export const reportStatusLabel = (model: StatusInput): string =>
  isFinalReport(model) ? 'Final' : PROVISIONAL_MARK;

/**
 * Why a complete report is SEMENTARA (answers not yet verified), in one sentence; null when it is
 * final or when the index itself is provisional (the model says why then).
 */
export function unverifiedReason(model: StatusInput): string | null {
  if (isFinalReport(model)) return null;
  if (model.provisional) return null;
  return unverifiedSentence(model.data.indicators.filter((i) => i.status !== 'verified').length);
}

/** The sentence the app, the workbook and the printed report give for unverified answers. */
export const unverifiedSentence = (count: number): string =>
  `${count} jawaban belum terverifikasi; laporan ini bersifat sementara sampai seluruh jawaban diverifikasi.`;

/** The running header of every page after the cover, with "(SEMENTARA)" when not final. */
export function statusRunningHeader(model: StatusInput & Pick<ReportModel, 'runningHeader'>) {
  const header = model.runningHeader;
  if (isFinalReport(model) || header.includes(`(${PROVISIONAL_MARK})`)) return header;
  return `${header} (${PROVISIONAL_MARK})`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" at local noon, or null when it is not a real date. */
export function calendarDate(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  if (date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[3])) return null;
  return date;
}

/**
 * Why a report date cannot be used, in Indonesian; null when it can. A report of year Y is
 * dated in Y or later, and not more than one year after today (a date typed wrongly, not a
 * plan); impossible dates ("2026-02-30") are refused.
 */
export function reportDateProblem(iso: string, evaluationYear: number, today: Date): string | null {
  const date = calendarDate(iso.trim());
  if (!date) return 'Tanggal laporan tidak sah; gunakan tanggal kalender yang benar.';
  if (date.getFullYear() < evaluationYear) {
    return `Tanggal laporan tidak boleh sebelum tahun evaluasi (${evaluationYear}).`;
  }
  const limit = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate(), 23, 59);
  if (date.getTime() > limit.getTime()) {
    return 'Tanggal laporan tidak boleh lebih dari satu tahun setelah hari ini.';
  }
  return null;
}

/**
 * The moment `buildReport` takes as `now`: the stored report date at local noon, else `now`.
 * A stored date that is not a real date is ignored (today is used) rather than printed.
 */
export function reportMoment(evaluation: Pick<Evaluation, 'reportDate'>, now: Date): Date {
  return (evaluation.reportDate ? calendarDate(evaluation.reportDate) : null) ?? now;
}
