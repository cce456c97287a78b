/**
 * The one rule for stored moments and calendar dates, for every schema that holds one (bundles,
 * backups, profiles, packs, the assessment model):
 * - a timestamp is an integer count of milliseconds that a JavaScript Date can hold, and plausible:
 *   not before 1 January 2000 (and, where the file says when it was exported, not more than one
 *   day after that moment — see `refineNotAfter`);
 * - a calendar date is "YYYY-MM-DD" naming a day that exists (no 31 Februari, no 31 April).
 * Messages are Indonesian; callers put the field's path in front (shared/format/zod-messages.ts).
 */
import { z } from 'zod';

/** 1 January 2000 00:00 UTC: nothing this app stores happened earlier. */
export const MIN_TIMESTAMP = Date.UTC(2000, 0, 1);
/** The largest time value a JavaScript Date holds (ECMAScript: ±8,64 × 10^15 ms). */
export const MAX_DATE_MS = 8.64e15;
/** How far a stored moment may lie after the file's own export time (clock skew). */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** Earliest and latest year of a calendar date. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2100;

export const TIMESTAMP_MESSAGE =
  'waktu tidak sah (harus bilangan bulat milidetik sejak 1 Januari 1970, tidak sebelum 1 Januari 2000)';

/** True for a value a Date can hold and this app could have written. */
export function isValidTimestamp(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_TIMESTAMP &&
    value <= MAX_DATE_MS
  );
}

/** True when `Date` can represent `value` (any finite number within ±8,64e15). */
export function isRepresentableTime(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS;
}

/** A stored moment in milliseconds since the epoch. */
export const timestampSchema = z
  .number({
    // NaN and ±Infinity are numbers that zod refuses before any refinement: same message.
    error: (issue) => (typeof issue.input === 'number' ? TIMESTAMP_MESSAGE : undefined),
  })
  .refine((v) => isValidTimestamp(v), { message: TIMESTAMP_MESSAGE, abort: true });

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** Why `value` is not a real calendar date "YYYY-MM-DD", or null when it is one. */
export function calendarDateProblem(value: string): string | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return 'tanggal harus berformat TTTT-BB-HH';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    return `tahun pada tanggal harus antara ${MIN_CALENDAR_YEAR} dan ${MAX_CALENDAR_YEAR}`;
  }
  if (month < 1 || month > 12) return `bulan ${m[2]} tidak ada (harus 01–12)`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `tanggal ${value} tidak ada (bulan itu hanya sampai tanggal ${last})`;
  }
  return null;
}

/** A calendar date "YYYY-MM-DD" (no time zone) that exists. */
export const calendarDateSchema = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

/**
 * For a superRefine over a whole file: report `value` at `path` when it lies more than a day after
 * `exportedAt` (the file's own export time). Values that are not valid timestamps are left to
 * `timestampSchema`. Returns true when an issue was added.
 */
export function refineNotAfter(
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void },
  value: unknown,
  exportedAt: number,
  path: PropertyKey[],
): boolean {
  if (!isValidTimestamp(value) || !isValidTimestamp(exportedAt)) return false;
  if (value <= exportedAt + FUTURE_SLACK_MS) return false;
  ctx.addIssue({
    code: 'custom',
    message: 'waktu lebih dari satu hari sesudah waktu ekspor berkas',
    input: value,
    path,
  });
  return true;
}
