import { describe, expect, it } from 'vitest';
import { capitalized } from '../../../shared/format/text';

describe('capitalized', () => {
  it('raises only the first letter and keeps the rest as written', () => {
    expect(capitalized('nilai')).toBe('Nilai');
    expect(capitalized('bukti dukung SPBE')).toBe('Bukti dukung SPBE');
    expect(capitalized('Indeks')).toBe('Indeks');
  });

  it('leaves empty text and text starting with a digit or sign as it is', () => {
    expect(capitalized('')).toBe('');
    expect(capitalized('3 indikator')).toBe('3 indikator');
    expect(capitalized('"kutipan"')).toBe('"kutipan"');
  });
});
