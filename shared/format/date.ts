/**
 * Indonesian date presentation: "22 November 2026", "22 November 2026 pukul 14.05".
 * Dates without a time ("2026-11-22") are calendar dates and never shift with the time zone.
 */

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
      return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    }
    return localDateFormat.format(new Date(value));
  }
  return localDateFormat.format(new Date(value));
}

/** A moment in local time: "22 November 2026 pukul 14.05". */
export function formatDateTime(value: string | number | Date): string {
  const parts = dateTimeFormat.formatToParts(new Date(value));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} pukul ${get('hour')}.${get('minute')}`;
}

/** Today's calendar date in local time as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
