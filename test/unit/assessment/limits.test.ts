import { describe, expect, it } from 'vitest';
import {
  answerEditSchema,
  instansiInputSchema,
  LIMITS,
  newEvaluationInputSchema,
  readYear,
  shortenFileName,
  yearInputSchema,
} from '../../../shared/assessment';

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : (r.error?.issues[0]?.message ?? null);

describe('limits', () => {
  it('shortens a file name to the limit and keeps its extension', () => {
    const name = `${'laporan '.repeat(46)}akhir.pdf`;
    expect(name.length).toBeGreaterThan(LIMITS.evidenceFileName);
    const short = shortenFileName(name);
    expect(short.length).toBeLessThanOrEqual(LIMITS.evidenceFileName);
    expect(short.endsWith('….pdf')).toBe(true);
    expect(shortenFileName('perwal.pdf')).toBe('perwal.pdf');
  });

  it('never splits a surrogate pair', () => {
    const short = shortenFileName(`${'😀'.repeat(200)}.png`, 20);
    expect(short.length).toBeLessThanOrEqual(20);
    expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('says the justification limit in Indonesian', () => {
    const r = answerEditSchema.safeParse({
      value: null,
      justification: 'x'.repeat(LIMITS.justification + 1),
      agency: '',
      status: 'draft',
      reviewNote: '',
    });
    expect(messageOf(r)).toBe('Penjelasan paling banyak 20.000 karakter');
  });

  it('reads a typed year with the right message', () => {
    expect(readYear('2025')).toEqual({ ok: true, year: 2025 });
    expect(readYear('')).toEqual({ ok: false, message: 'Tahun wajib diisi' });
    expect(readYear('20a5')).toEqual({
      ok: false,
      message: 'Tahun harus berupa angka 4 digit (2018–2100)',
    });
    expect(readYear('1999')).toEqual({ ok: false, message: 'Tahun harus antara 2018 dan 2100' });
    expect(messageOf(yearInputSchema.safeParse('20a5'))).not.toBe('Tahun wajib diisi');
    expect(yearInputSchema.parse(' 2100 ')).toBe(2100);
  });

  it('takes a NIP of exactly 18 digits, spaces allowed, or none', () => {
    const base = {
      name: 'Pemerintah Kota Balikpapan',
      kind: 'kota',
      regionName: 'Balikpapan',
      headOfRegionTitle: 'Wali Kota',
    };
    expect(instansiInputSchema.safeParse({ ...base, sekdaNip: '' }).success).toBe(true);
    expect(
      instansiInputSchema.safeParse({ ...base, sekdaNip: '19700101 199503 1 001' }).success,
    ).toBe(true);
    expect(messageOf(instansiInputSchema.safeParse({ ...base, sekdaNip: 'abc' }))).toBe(
      'NIP terdiri atas 18 angka',
    );
    const form = newEvaluationInputSchema.safeParse({
      year: '20a5',
      instrumentId: 'permenpanrb-59-2020',
      instrumentVersion: '1',
      instansi: { ...base, sekdaNip: '123' },
    });
    expect(form.success).toBe(false);
    const messages = form.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('NIP terdiri atas 18 angka');
    expect(messages).not.toContain('Tahun wajib diisi');
  });
});
