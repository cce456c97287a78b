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

const ONES = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** A whole number from 0 to 9999 in words, as Indonesian deeds spell it: "dua ribu dua puluh enam". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return 'nol';
  const words = (x: number): string => {
    if (x < 12) return ONES[x]!;
    if (x < 20) return `${ONES[x - 10]!} belas`;
    if (x < 100) return `${ONES[Math.floor(x / 10)]!} puluh ${words(x % 10)}`.trim();
    if (x < 200) return `seratus ${words(x - 100)}`.trim();
    if (x < 1000) return `${ONES[Math.floor(x / 100)]!} ratus ${words(x % 100)}`.trim();
    if (x < 2000) return `seribu ${words(x - 1000)}`.trim();
    return `${ONES[Math.floor(x / 1000)]!} ribu ${words(x % 1000)}`.trim();
  };
  return words(n);
}

/**
 * The date of a berita acara as its opening sentence customarily spells it after "Pada hari
 * ini": "Senin tanggal dua puluh empat bulan November tahun dua ribu dua puluh lima
 * (24/11/2025)" (the figures after the words, against a misreading); a calendar date
 * ("YYYY-MM-DD") is that day, a timestamp its day in local time.
 */
export function formatDateInWords(value: string | number | Date): string {
  let parts: { y: number; m: number; d: number };
  const iso = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (iso) {
    if (calendarDateProblem(value as string) !== null) return INVALID_DATE_TEXT;
    parts = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  } else {
    const date = toDate(value);
    if (date === null) return INVALID_DATE_TEXT;
    parts = { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
  }
  const { y, m, d } = parts;
  if (y < 1 || y > 9999) return INVALID_DATE_TEXT;
  const local = new Date(y, m - 1, d, 12);
  const month = new Intl.DateTimeFormat('id-ID', { month: 'long' }).format(local);
  // Slashes, not hyphens: a line may break after a hyphen, never inside "24/11/2025".
  const figures = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  return (
    `${weekdayFormat.format(local)} tanggal ${numberInWords(d)} bulan ${month} ` +
    `tahun ${numberInWords(y)} (${figures})`
  );
}
