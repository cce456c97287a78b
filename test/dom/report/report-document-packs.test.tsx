/**
 * The report document (the preview of the Laporan screen and the print route) for both
 * instruments, built from what the database holds: a Pemdi evaluation whose earlier year was
 * scored with 59/2020 shows "Indeks Pemdi", decimal values, the awaited external indices and the
 * two indices side by side without comparing them; a 59/2020 evaluation keeps its domains.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  evaluationSnapshotSchema,
  type EvaluationId,
  type EvaluationSnapshot,
} from '../../../shared/assessment';
import { buildReport } from '../../../shared/report';
import { db } from '../../../renderer/src/db/db';
import { ReportDocument } from '../../../renderer/src/features/report/report-document';
import { loadReportSources } from '../../../renderer/src/features/report/report-sources';
import { resetDatabase } from '../db/helpers';

const fixture = (name: string): EvaluationSnapshot =>
  evaluationSnapshotSchema.parse(
    JSON.parse(
      readFileSync(path.join(__dirname, '../../fixtures/evaluations', `${name}.json`), 'utf8'),
    ),
  );

async function store(...snapshots: EvaluationSnapshot[]): Promise<void> {
  for (const s of snapshots) {
    await db.evaluations.put(s.evaluation);
    await db.answers.bulkPut(s.answers);
    await db.evidence.bulkPut(s.evidence);
    await db.links.bulkPut(s.links);
    await db.members.bulkPut(s.members);
  }
}

async function renderReport(id: string): Promise<void> {
  const sources = await loadReportSources(id as EvaluationId);
  const model = buildReport({ ...sources, now: new Date(2026, 10, 22, 10) });
  render(<ReportDocument model={model} logo={null} />);
}

beforeEach(async () => {
  await resetDatabase();
});
afterEach(cleanup);

describe('the report document of a PermenPANRB 8/2026 evaluation', () => {
  it('shows Indeks Pemdi with decimal values, awaited indices and no domain', async () => {
    await store(fixture('balikpapan-2025'), fixture('pemdi-2026'));
    await renderReport('bpp-pemdi-2026');

    expect(screen.getByRole('heading', { name: /Metodologi/ })).toBeTruthy();
    const appendix = screen.getByRole('table', { name: /Nilai, target, penjelasan/ });
    expect(within(appendix).getByRole('columnheader', { name: 'Nilai' })).toBeTruthy();
    const row = within(appendix)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('Tingkat Kematangan Tata Kelola Pemerintah Digital'));
    expect(row && within(row).getByText('2,75')).toBeTruthy();

    const text = document.body.textContent ?? '';
    expect(text).toContain('Indeks Pemdi');
    expect(text).toContain('PermenPANRB 8/2026');
    expect(text).toContain('menunggu nilai eksternal (dihitung 1,00)');
    expect(text).not.toContain('Domain');
    expect(text.split('cocokkan dengan salinan resmi').length - 1).toBe(1);

    const trend = screen.getByRole('table', { name: /Perkembangan Indeks SPBE/ });
    expect(
      within(trend)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Tahun',
      'Indeks SPBE (PermenPANRB 59/2020)',
      'Indeks Pemdi (PermenPANRB 8/2026)',
      'Predikat',
    ]);
    expect(text).toContain(
      'Indeks SPBE (PermenPANRB 59/2020) dan Indeks Pemdi (PermenPANRB 8/2026) diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
    );
  });
});

describe('the level names of the appendix table', () => {
  it('stay whole: the column keeps its words and the table is never narrower than they need', async () => {
    await store(fixture('pemdi-2026'));
    await renderReport('bpp-pemdi-2026');
    const appendix = screen.getByRole('table', { name: /Nilai, target, penjelasan/ });
    const headers = within(appendix)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const column = headers.indexOf('Nama Tingkat');
    expect(column).toBeGreaterThan(0);
    const names = within(appendix)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelectorAll('td')[column]!);
    expect(names.map((c) => c.textContent)).toContain('Berkembang');
    // Its cells never break inside a word ("Berkemban|g" at 1280×720)...
    for (const cell of names) expect(cell).toHaveClass('keep-words');
    // ...and on screen the table lays out by content (report-document.css) instead of being
    // widened past its sheet, in a scroll region the keyboard reaches, named by its caption.
    expect(appendix).toHaveClass('keeps-words');
    expect(appendix.style.getPropertyValue('--report-table-min')).toBe('');
    const region = appendix.closest('.report-table-block')!;
    expect(region).toHaveAttribute('role', 'region');
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveAttribute('aria-label', appendix.querySelector('caption')!.textContent);
    // Other columns still wrap as before.
    const other = within(appendix).getAllByRole('row')[1]!.querySelectorAll('td')[column + 3]!;
    expect(other).not.toHaveClass('keep-words');
  });
});

describe('the report document of a PermenPANRB 59/2020 evaluation', () => {
  it('keeps its domains, levels and the comparison with last year', async () => {
    await store(fixture('balikpapan-2025'), fixture('balikpapan-2026'));
    await renderReport('bpp-2026');

    const appendix = screen.getByRole('table', { name: /Tingkat, target, penjelasan/ });
    expect(within(appendix).getByRole('columnheader', { name: 'Tingkat' })).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('Indeks SPBE');
    expect(text).toContain('Domain');
    expect(text).toContain('Dibandingkan dengan Tahun 2025');
    expect(text).not.toContain('tidak dapat dibandingkan langsung');
    expect(text).not.toContain('cocokkan dengan salinan resmi');
  });
});

describe('the report document of a Pemdi evaluation nobody has assessed yet', () => {
  it('has no Indeks Pemdi and no predikat from the assumed values, and says why', async () => {
    await store(fixture('balikpapan-2025'), { ...fixture('pemdi-2026'), answers: [] });
    await renderReport('bpp-pemdi-2026');
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      'Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung. 4 indikator menunggu ' +
        'nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.',
    );
    expect(text).toContain(
      'Indeks Pemdi belum dapat dihitung karena belum ada indikator yang dinilai.',
    );
    expect(text).not.toMatch(/dihitung 1,00|predikat Kurang|sejauh ini dihitung/);
    // Tabel 4: no index for any aspect nor for the whole.
    const indices = screen.getByRole('table', { name: /Indeks Pemdi, Indeks Aspek/ });
    expect(indices).not.toHaveTextContent(/1,00|Kurang/);
    const whole = within(indices)
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith('Indeks Pemdi'));
    expect(whole).toHaveTextContent('belum dinilai');
  });
});
