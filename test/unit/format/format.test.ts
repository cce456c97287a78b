import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateInWords,
  formatDateTime,
  numberInWords,
} from '../../../shared/format/date';
import {
  formatBytes,
  formatFixed,
  formatNumber,
  formatWeight,
} from '../../../shared/format/number';

describe('Indonesian number formatting', () => {
  it('writes a decimal comma and groups thousands with a dot', () => {
    expect(formatFixed('2.95')).toBe('2,95');
    expect(formatFixed('1234567.50')).toBe('1.234.567,50');
    expect(formatFixed('-0.13')).toBe('-0,13');
    expect(formatFixed('3')).toBe('3');
    expect(formatNumber(2.5, 2)).toBe('2,50');
    expect(formatWeight(16.5)).toBe('16,5');
    expect(formatWeight(13)).toBe('13');
    expect(formatWeight(2.75)).toBe('2,75');
  });

  it('writes file sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5,0 MB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
  });
});

describe('Indonesian date formatting', () => {
  it('writes calendar dates as "22 November 2026" without a time-zone shift', () => {
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDate('2021-01-01')).toBe('1 Januari 2021');
    expect(formatDate('2022-08-17')).toBe('17 Agustus 2022');
  });

  it('writes moments with "pukul" and a dotted time', () => {
    const text = formatDateTime(new Date(2026, 10, 22, 14, 5));
    expect(text).toBe('22 November 2026 pukul 14.05');
  });

  it('spells a berita acara date after "Pada hari ini": day, words, then figures', () => {
    expect(formatDateInWords('2025-11-24')).toBe(
      'Senin tanggal dua puluh empat bulan November tahun dua ribu dua puluh lima (24/11/2025)',
    );
    expect(formatDateInWords(new Date(2026, 11, 7, 12))).toBe(
      'Senin tanggal tujuh bulan Desember tahun dua ribu dua puluh enam (07/12/2026)',
    );
    expect(formatDateInWords('2026-02-30')).toBe('tanggal tidak sah');
    expect(
      [1, 10, 11, 12, 19, 20, 21, 31, 100, 111, 1000, 1999, 2000, 2031].map(numberInWords),
    ).toEqual([
      'satu',
      'sepuluh',
      'sebelas',
      'dua belas',
      'sembilan belas',
      'dua puluh',
      'dua puluh satu',
      'tiga puluh satu',
      'seratus',
      'seratus sebelas',
      'seribu',
      'seribu sembilan ratus sembilan puluh sembilan',
      'dua ribu',
      'dua ribu tiga puluh satu',
    ]);
  });
});
