import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  formatDate,
  formatDateTime,
  formatWeekday,
  INVALID_DATE_TEXT,
  safeIsoString,
  toDate,
} from '../../../shared/format/date';
import {
  calendarDateSchema,
  FUTURE_SLACK_MS,
  isValidTimestamp,
  MAX_DATE_MS,
  MIN_TIMESTAMP,
  refineNotAfter,
  timestampSchema,
} from '../../../shared/format/timestamp';

const EXPORTED = Date.UTC(2026, 10, 22, 7, 5);

describe('timestampSchema', () => {
  it('accepts realistic moments and the bounds', () => {
    expect(timestampSchema.safeParse(EXPORTED).success).toBe(true);
    expect(timestampSchema.safeParse(MIN_TIMESTAMP).success).toBe(true);
    expect(timestampSchema.safeParse(MAX_DATE_MS).success).toBe(true);
  });

  it.each([
    ['1e300', 1e300],
    ['8,64e15 + 1', MAX_DATE_MS + 1],
    ['negative', -5],
    ['1999', Date.UTC(1999, 11, 31)],
    ['a fraction', EXPORTED + 0.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses %s with an Indonesian message', (_label, value) => {
    const result = timestampSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(isValidTimestamp(value)).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/waktu tidak sah/);
  });

  it('refuses a number written as text', () => {
    expect(timestampSchema.safeParse('NaN').success).toBe(false);
    expect(timestampSchema.safeParse(String(EXPORTED)).success).toBe(false);
  });
});

describe('calendarDateSchema', () => {
  it('accepts days that exist, leap days included', () => {
    for (const d of ['2026-11-22', '2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31']) {
      expect(calendarDateSchema.safeParse(d).success, d).toBe(true);
    }
  });

  it.each([
    ['2026-02-31', /tidak ada/],
    ['2026-04-31', /tidak ada/],
    ['2026-02-29', /tidak ada/],
    ['1900-02-29', /tidak ada/],
    ['2026-13-01', /bulan 13 tidak ada/],
    ['2026-00-10', /bulan 00 tidak ada/],
    ['2026-01-00', /tidak ada/],
    ['22-11-2026', /TTTT-BB-HH/],
    ['2026-11-22T00:00:00Z', /TTTT-BB-HH/],
    ['0001-01-01', /^tahun pada tanggal harus antara 1900 dan 2100$/],
  ])('refuses %s', (value, message) => {
    const result = calendarDateSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe('refineNotAfter', () => {
  const schema = z
    .object({ exportedAt: timestampSchema, items: z.array(z.object({ at: timestampSchema })) })
    .superRefine((v, ctx) => {
      v.items.forEach((item, i) => refineNotAfter(ctx, item.at, v.exportedAt, ['items', i, 'at']));
    });

  it('allows a day of clock skew and refuses more, at the field', () => {
    const ok = schema.safeParse({
      exportedAt: EXPORTED,
      items: [{ at: EXPORTED - 1000 }, { at: EXPORTED + FUTURE_SLACK_MS }],
    });
    expect(ok.success).toBe(true);
    const bad = schema.safeParse({
      exportedAt: EXPORTED,
      items: [{ at: EXPORTED }, { at: EXPORTED + FUTURE_SLACK_MS + 1 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toHaveLength(1);
    expect(bad.error?.issues[0]?.path).toEqual(['items', 1, 'at']);
    expect(bad.error?.issues[0]?.message).toMatch(/sesudah waktu ekspor/);
  });
});

describe('date formatting never throws', () => {
  it.each([
    ['NaN', Number.NaN],
    ['1e300', 1e300],
    ['8,64e15 + 1', MAX_DATE_MS + 1],
    ['-1e300', -1e300],
    ['a bad string', 'kemarin'],
    ['31 Februari', '2026-02-31'],
    ['31 April', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['an invalid Date', new Date(Number.NaN)],
  ])('writes "tanggal tidak sah" for %s', (_label, value) => {
    expect(formatDate(value)).toBe(INVALID_DATE_TEXT);
    expect(formatDateTime(value)).toBe(INVALID_DATE_TEXT);
    expect(formatWeekday(value)).toBe(INVALID_DATE_TEXT);
    if (typeof value !== 'string') expect(safeIsoString(value)).toBeNull();
  });

  it('still writes valid values', () => {
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDate('2024-02-29')).toBe('29 Februari 2024');
    expect(formatDateTime(EXPORTED)).toMatch(/^22 November 2026 pukul \d{2}\.\d{2}$/);
    expect(formatWeekday(Date.UTC(2026, 10, 22, 5))).toBe('Minggu');
    expect(safeIsoString(EXPORTED)).toBe('2026-11-22T07:05:00.000Z');
    expect(safeIsoString(1e300)).toBeNull();
    expect(toDate(MAX_DATE_MS)?.getTime()).toBe(MAX_DATE_MS);
  });
});
