/**
 * The name an exported .spbe file is offered under: what the coordinator sees in a folder of
 * several assessors' files. It names the instrument's evaluation as the report does ("Evaluasi
 * Pemdi" for PermenPANRB 8/2026), the instansi with its kind (Kabupaten Bandung is not Kota
 * Bandung), the year, the assessor and the day.
 */
import { describe, expect, it } from 'vitest';
import { findPack } from '../../../shared/instrument';
import { exportFileName } from '../../../renderer/src/features/exchange/export-bundle';

const at = new Date(2026, 11, 7, 10, 0);
const instansi = (name: string, regionName: string) => ({ instansi: { name, regionName } });

describe('exportFileName', () => {
  it('names the Pemdi evaluation, the kabupaten, the year, the assessor and the day', () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    expect(
      exportFileName(
        { year: 2026, ...instansi('Pemerintah Kabupaten Belitung Timur', 'Belitung Timur') },
        pemdi,
        'Siti Aisyah, S.Kom., M.T.',
        at,
        true,
      ),
    ).toBe(
      'Evaluasi Pemdi Kabupaten Belitung Timur 2026 - Siti Aisyah S.Kom. M.T. (indikator saya) - 2026-12-07.spbe',
    );
  });

  it('keeps "Evaluasi SPBE" for 59/2020 and tells a kota from the kabupaten of that name', () => {
    const spbe = findPack('permenpanrb-59-2020')!;
    expect(
      exportFileName(
        { year: 2025, ...instansi('Pemerintah Kota Bandung', 'Bandung') },
        spbe,
        'Ani Rahmawati',
        at,
      ),
    ).toBe('Evaluasi SPBE Kota Bandung 2025 - Ani Rahmawati - 2026-12-07.spbe');
    // A name that is not "Pemerintah …" falls back on the region.
    expect(exportFileName({ year: 2025, ...instansi('', 'Bandung') }, spbe, 'Ani', at)).toBe(
      'Evaluasi SPBE Bandung 2025 - Ani - 2026-12-07.spbe',
    );
  });
});
