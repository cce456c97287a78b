/** The exported report's file names: the region and year, "-Sementara" when provisional. */
import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../shared/report';
import { balikpapanModel, mojokertoModel } from './helpers';

describe('reportFileName', () => {
  it('names the region with its kind and the year', () => {
    const model = balikpapanModel();
    const final = {
      ...model,
      data: {
        ...model.data,
        indicators: model.data.indicators.map((i) => ({ ...i, status: 'verified' as const })),
      },
    };
    expect(reportFileName(final, 'pdf')).toBe('Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026.pdf');
    expect(reportFileName(final, 'docx')).toBe('Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026.docx');
  });

  it('marks a complete evaluation whose answers are not all verified', () => {
    // Balikpapan 2026: all 47 answered, 5 only submitted.
    expect(reportFileName(balikpapanModel(), 'pdf')).toBe(
      'Laporan-Evaluasi-SPBE-Kota-Balikpapan-2026-Sementara.pdf',
    );
  });

  it('marks a provisional report in the name', () => {
    expect(reportFileName(mojokertoModel(), 'xlsx')).toBe(
      'Laporan-Evaluasi-SPBE-Kabupaten-Mojokerto-2026-Sementara.xlsx',
    );
  });

  it('names a PermenPANRB 8/2026 report after Indeks Pemdi', () => {
    const model = {
      year: 2026,
      provisional: null,
      data: { indicators: [{ status: 'verified' }] },
      headline: { indexLabel: 'Indeks Pemdi' },
      instansi: { name: 'Pemerintah Kota Balikpapan', regionName: 'Balikpapan' },
    } as unknown as Parameters<typeof reportFileName>[0];
    expect(reportFileName(model, 'docx')).toBe('Laporan-Evaluasi-Pemdi-Kota-Balikpapan-2026.docx');
  });

  it('keeps names safe for every file system: ASCII letters, digits and dashes', () => {
    const model = {
      year: 2027,
      provisional: null,
      data: { indicators: [{ status: 'verified' }] },
      headline: { indexLabel: 'Indeks SPBE' },
      instansi: {
        name: 'Pemerintah Kabupaten Pangkajene dan Kepulauan / Pangkép',
        regionName: 'x',
      },
    } as unknown as Parameters<typeof reportFileName>[0];
    expect(reportFileName(model, 'pdf')).toBe(
      'Laporan-Evaluasi-SPBE-Kabupaten-Pangkajene-dan-Kepulauan-Pangkep-2027.pdf',
    );
  });
});
