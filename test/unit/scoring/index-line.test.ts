import { describe, expect, it } from 'vitest';
import { findPack, indicatorEntries } from '../../../shared/instrument';
import { indexLine } from '../../../shared/scoring';

const old = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;
const every = (pack: typeof old, value: number) =>
  Object.fromEntries(indicatorEntries(pack).map((e) => [e.indicator.number, value]));

describe('the index line of a file’s answers', () => {
  it('names index, predikat and how many indicators are filled, on both packs', () => {
    expect(indexLine(old, every(old, 3))).toBe(
      'Indeks SPBE 3,00 (Baik) · 47 dari 47 indikator terisi',
    );
    expect(indexLine(pemdi, { ...every(pemdi, 2.75) })).toBe(
      'Indeks Pemdi 2,75 (Baik) · 20 dari 20 indikator terisi',
    );
    // Pemdi with only indicator 1: the external indices are awaited at 1,00.
    expect(indexLine(pemdi, { 1: 2.5 })).toMatch(
      /^Indeks Pemdi \d,\d\d \(\w+\) · 1 dari 20 indikator terisi · 4 menunggu nilai eksternal$/,
    );
  });

  it('says the exact index where 2,50 is shown beside Cukup', () => {
    expect(indexLine(pemdi, { ...every(pemdi, 2.5), 2: 2.49, 19: 2.49, 20: 2.48 })).toBe(
      'Indeks Pemdi 2,50 (Cukup; tepatnya 2,4955) · 20 dari 20 indikator terisi',
    );
  });

  it('says so when nothing can be computed', () => {
    expect(indexLine(old, {})).toBe('Indeks SPBE belum dapat dihitung: belum ada nilai');
    // Not "Indeks Pemdi 1,00 (Kurang)" from the four assumed values alone.
    expect(indexLine(pemdi, {})).toBe(
      'Indeks Pemdi belum dapat dihitung: belum ada nilai · 4 menunggu nilai eksternal',
    );
    expect(indexLine(old, { 1: 7 })).toBe('Indeks SPBE tidak dapat dihitung');
  });
});
