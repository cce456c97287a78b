/**
 * Indonesian date presentation: "22 November 2026", "22 November 2026 pukul 14.05".
 * Dates without a time ("2026-11-22") are calendar dates and never shift with the time zone.
 * Formatting never throws: a value no Date can hold, or a date that does not exist, is written
 * "tanggal tidak sah" (files come from senders nobody controls).
 */
import { calendarDateProblem, isRepresentableTime } from './timestamp';

/** What any date formatter here writes for a value it cannot read. */
export const INVALID_DATE_TEXT = 'tanggal tidak sah';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const dateTimeFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const localDateFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A calendar date "YYYY-MM-DD", a timestamp (ms) or a Date: "22 November 2026". */
export function formatDate(value: string | number | Date): string {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) {
      if (calendarDateProblem(value) !== null) return INVALID_DATE_TEXT;
      return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    }
  }
  const date = toDate(value);
  return date === null ? INVALID_DATE_TEXT : localDateFormat.format(date);
}

/** A Date for `value`, or null when none can represent it. */
export function toDate(value: unknown): Date | null {
  if (typeof value === 'number') return isRepresentableTime(value) ? new Date(value) : null;
  if (typeof value === 'string' && DATE_ONLY.test(value) && calendarDateProblem(value) !== null) {
    return null;
  }
  if (typeof value === 'string' || value instanceof Date) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** `toISOString()` that never throws: null for a value no Date can hold. */
export function safeIsoString(value: unknown): string | null {
  return toDate(value)?.toISOString() ?? null;
}

/** A moment in local time: "22 November 2026 pukul 14.05". */
export function formatDateTime(value: string | number | Date): string {
  const date = toDate(value);
  if (date === null) return INVALID_DATE_TEXT;
  const parts = dateTimeFormat.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} pukul ${get('hour')}.${get('minute')}`;
}

const weekdayFormat = new Intl.DateTimeFormat('id-ID', { weekday: 'long' });

/** The day of the week in local time: "Senin"; "tanggal tidak sah" when no Date holds it. */
export function formatWeekday(value: string | number | Date): string {
  const date = toDate(value);
  return date === null ? INVALID_DATE_TEXT : weekdayFormat.format(date);
}

/** Today's calendar date in local time as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
