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
      message: 'Indikator 48 tidak ada dalam instrumen',
    });
    expect(parseIndicatorList('5-3', known)).toMatchObject({
      ok: false,
      message: expect.stringContaining('terbalik'),
    });
    expect(parseIndicatorList('semua', known)).toMatchObject({ ok: false });
  });

  it('writes compact ranges', () => {
    expect(formatIndicatorList([3, 1, 2, 12, 15, 16, 17])).toBe('1–3, 12, 15–17');
    expect(formatIndicatorList([])).toBe('');
  });
});
