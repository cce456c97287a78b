import { describe, expect, it } from 'vitest';
import { formatIndicatorList, parseIndicatorList } from '../../../shared/assessment';

const known = Array.from({ length: 47 }, (_, i) => i + 1);

describe('indicator lists', () => {
  it('parses numbers and ranges with hyphens or dashes', () => {
    expect(parseIndicatorList('1-3, 12; 15–16 12', known)).toEqual({
      ok: true,
      numbers: [1, 2, 3, 12, 15, 16],
    });
    expect(parseIndicatorList('', known)).toEqual({ ok: true, numbers: [] });
  });

  it('refuses unknown indicators, reversed ranges and text', () => {
    expect(parseIndicatorList('46-48', known)).toEqual({
      ok: false,
      message: 'Indikator 48 tidak ada (instrumen ini memuat indikator 1–47)',
      numbers: [46, 47],
    });
    expect(parseIndicatorList('5-3', known)).toMatchObject({
      ok: false,
      message: expect.stringContaining('terbalik'),
    });
    expect(parseIndicatorList('semua', known)).toMatchObject({ ok: false });
  });

  it('reports every problem at once, not only the first', () => {
    const twenty = known.slice(0, 20);
    const parsed = parseIndicatorList('1-25, abc', twenty);
    expect(parsed).toMatchObject({ ok: false, numbers: twenty });
    expect(!parsed.ok && parsed.message.split('; ')).toEqual([
      '"abc" bukan nomor indikator atau rentang (contoh: 1-10, 12)',
      'Indikator 21–25 tidak ada (instrumen ini memuat indikator 1–20)',
    ]);
    expect(parseIndicatorList('3, x, 9-7, 30, 22 - 40, 1-100000', twenty)).toMatchObject({
      ok: false,
      message:
        '"x" bukan nomor indikator atau rentang (contoh: 1-10, 12); Rentang "9-7" terbalik; ' +
        'Indikator 21–100000 tidak ada (instrumen ini memuat indikator 1–20)',
    });
    expect(parseIndicatorList('1 - 3', twenty)).toEqual({ ok: true, numbers: [1, 2, 3] });
  });

  it('writes compact ranges', () => {
    expect(formatIndicatorList([3, 1, 2, 12, 15, 16, 17])).toBe('1–3, 12, 15–17');
    expect(formatIndicatorList([])).toBe('');
  });
});
