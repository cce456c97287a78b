/**
 * The dashboard for both instruments: a 59/2020 evaluation keeps its domains, levels and
 * sandbox; a Pemdi evaluation shows "Indeks Pemdi" under PermenPANRB 8/2026, its aspect indices
 * in view, the indicators awaiting an external index, the pack's caution once, no "Domain", a
 * decimal sandbox, and a trend that never joins the two indices into one line.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyAnswer, type EvaluationId } from '../../../shared/assessment';
import { cautionFor, findPack, type InstrumentPack } from '../../../shared/instrument';
import { score } from '../../../shared/scoring';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { DashboardPage } from '../../../renderer/src/features/dashboard/dashboard-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

beforeAll(() => {
  // recharts measures its container; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(resetDatabase);

async function evaluationWith(
  pack: InstrumentPack,
  year: number,
  values: Record<number, number | null>,
): Promise<EvaluationId> {
  const id = await createEvaluation(
    sampleInput({ year, instrumentId: pack.id, instrumentVersion: pack.version }),
    ANONYMOUS,
  );
  await db.answers.bulkPut(
    Object.entries(values).map(([n, value]) => ({ ...emptyAnswer(id, Number(n)), value })),
  );
  return id;
}

const every = (pack: InstrumentPack, value: number | null): Record<number, number | null> =>
  Object.fromEntries(score(pack, {}).indicators.map((i) => [i.number, value]));

async function showDashboard(id: EvaluationId): Promise<void> {
  render(
    <MemoryRouter>
      <NoticeProvider>
        <WorkspaceProvider id={id}>
          <DashboardPage />
        </WorkspaceProvider>
      </NoticeProvider>
    </MemoryRouter>,
  );
  await screen.findByRole('heading', { name: 'Simulasi nilai' });
}

describe('the dashboard of a PermenPANRB 59/2020 evaluation', () => {
  it('shows the Indeks SPBE, its domains and a level sandbox, without a trend of one year', async () => {
    const id = await evaluationWith(spbe, 2026, { ...every(spbe, 3), 1: 2 });
    await showDashboard(id);
    expect(screen.getByRole('heading', { name: 'Indeks SPBE' })).toBeInTheDocument();
    expect(screen.getByText('Menurut PermenPANRB 59/2020')).toBeInTheDocument();
    expect(screen.getByTestId('indeks-spbe')).toHaveTextContent(/^\d,\d\d$/);
    expect(
      screen.getByRole('heading', { name: 'Domain 1. Kebijakan Internal SPBE' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 indikator di bawah target' })).toBeInTheDocument();
    expect(screen.getByText(/\(tingkat 3\)/)).toBeInTheDocument();
    expect(screen.getByText(/Target: 2,6 \(Baik\)/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('menunggu nilai eksternal');
    expect(screen.queryByText(/Perkembangan indeks per tahun/)).not.toBeInTheDocument();

    const sandbox = screen.getByRole('region', { name: 'Simulasi nilai' });
    await userEvent.click(within(sandbox).getByText(/Ubah tingkat per indikator/));
    await userEvent.selectOptions(
      within(sandbox).getByLabelText('Tingkat simulasi indikator 1'),
      '3',
    );
    expect(within(sandbox).getByRole('status')).toHaveTextContent(/selisih \+0,\d\d/);
  });
});

describe('the dashboard of a PermenPANRB 8/2026 (Indeks Pemdi) evaluation', () => {
  // Everything at 2,75 but indicator 1 at 1,80; the four external indices not entered yet.
  const values = (): Record<number, number | null> => ({
    ...every(pemdi, 2.75),
    1: 1.8,
    5: null,
    6: null,
    7: null,
    18: null,
  });

  it('names the index and regulation, shows aspect indices, the awaited indices and the caution once', async () => {
    const id = await evaluationWith(pemdi, 2026, values());
    await showDashboard(id);
    expect(screen.getByRole('heading', { name: 'Indeks Pemdi' })).toBeInTheDocument();
    expect(screen.getByText('Menurut PermenPANRB 8/2026')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/Domain/);

    // Aspect indices in view: A1 = (1,80×5 + 2,75×5)/10 = 2,275 → 2,28;
    // A3 = (1,00×5 + 1,00×3 + 1,00×3 + 2,75×4)/15 = 1,466… → 1,47 (awaited counted as 1,00).
    const a1 = screen.getByRole('heading', { name: 'Aspek 1. Tata Kelola dan Manajemen' });
    expect(a1.parentElement).toHaveTextContent('2,28');
    expect(a1.parentElement).toHaveTextContent('di bawah target');
    const a3 = screen.getByRole('heading', { name: /^Aspek 3\. / });
    expect(a3.parentElement).toHaveTextContent('1,47');

    // Provisional, with each awaited indicator flagged.
    expect(screen.getAllByText(/sementara/).length).toBeGreaterThan(0);
    const awaited = screen.getAllByText(/menunggu nilai eksternal \(dihitung 1,00\)/, {
      selector: 'li',
    });
    expect(awaited).toHaveLength(4);
    expect(awaited[0]).toHaveTextContent(
      '5. Tingkat Kematangan Tata Kelola Data (Indeks SDI): menunggu nilai eksternal (dihitung 1,00)',
    );
    // Indicator 1 and the four awaited, which are counted below target with their assumed
    // value: the summary says so, the assessors gave them no value.
    const below = screen.getByRole('link', { name: '5 indikator di bawah target' });
    expect(below.parentElement).toHaveTextContent(
      '5 indikator di bawah target (nilai 2,50; 4 di antaranya menunggu nilai eksternal dan dihitung dengan nilai anggapan)',
    );
    expect(screen.getByText(/Target: 2,50 \(Baik\)/)).toBeInTheDocument();
    expect(screen.getByText(/selisih -/)).toBeInTheDocument();

    const caution = cautionFor(pemdi, pemdi.provenance?.ratingConfidence) as string;
    expect(caution).toBeTruthy();
    expect(screen.getAllByText(caution)).toHaveLength(1);
  });

  it('says the exact index where 2,50 is shown beside Cukup and "di bawah target"', async () => {
    // Indicator 2 at 2,49: Aspek 1 = 2,495; indicators 19 and 20 at 2,49 and 2,48: the index is
    // 2,4955. Both are shown 2,50, the lower bound of Baik and the target, yet are below it.
    const id = await evaluationWith(pemdi, 2026, {
      ...every(pemdi, 2.5),
      2: 2.49,
      19: 2.49,
      20: 2.48,
    });
    await showDashboard(id);
    expect(screen.getByTestId('indeks-spbe')).toHaveTextContent('2,50');
    expect(screen.getByText(/^2,50 \(tepatnya 2,4955\) · Cukup/)).toBeInTheDocument();
    expect(screen.getByText(/Target: 2,50 \(Baik\)/)).toHaveTextContent(
      'di bawah target (selisih -0,0045)',
    );
    const a1 = screen.getByRole('heading', { name: 'Aspek 1. Tata Kelola dan Manajemen' });
    expect(a1.parentElement).toHaveTextContent('di bawah target (tepatnya 2,495)');
    const sandbox = screen.getByRole('region', { name: 'Simulasi nilai' });
    expect(within(sandbox).getByRole('status')).toHaveTextContent(
      'Indeks Pemdi simulasi: 2,50 (Cukup; tepatnya 2,4955)',
    );
  });

  it('raises 1,80 to 2,50 in the sandbox and shows the exact difference', async () => {
    const id = await evaluationWith(pemdi, 2026, values());
    await showDashboard(id);
    const sandbox = screen.getByRole('region', { name: 'Simulasi nilai' });
    await userEvent.click(within(sandbox).getByText(/Ubah nilai per indikator/));
    const field = within(sandbox).getByLabelText('Nilai simulasi indikator 1');
    expect(field).toHaveValue('1,80');
    await userEvent.click(
      within(sandbox).getByRole('button', {
        name: 'Naikkan nilai simulasi indikator 1 satu tingkat',
      }),
    );
    expect(field).toHaveValue('2,50');
    // (2,50 − 1,80) × 5 / 100 = 0,035 exactly → +0,04.
    expect(within(sandbox).getByRole('status')).toHaveTextContent('selisih +0,04');

    // A typed decimal comma value is read; a refused one says why and changes nothing.
    await userEvent.clear(field);
    await userEvent.type(field, '3,8');
    expect(within(sandbox).getByRole('status')).toHaveTextContent('selisih +0,10');
    await userEvent.clear(field);
    await userEvent.type(field, '7');
    expect(within(sandbox).getByRole('alert')).toHaveTextContent('Nilai harus antara');
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('raises every indicator below target one level, awaited indices from their 1,00', async () => {
    const id = await evaluationWith(pemdi, 2026, values());
    await showDashboard(id);
    const sandbox = screen.getByRole('region', { name: 'Simulasi nilai' });
    // Indicator 1 (1,80) and the four awaited indices (counted 1,00) are below 2,50.
    await userEvent.click(
      within(sandbox).getByRole('button', {
        name: 'Naikkan 5 indikator di bawah target satu tingkat',
      }),
    );
    // (0,70 × 5 + 0,50 × (5 + 3 + 3 + 3)) / 100 = 0,105 exactly → +0,11.
    expect(within(sandbox).getByRole('status')).toHaveTextContent('selisih +0,11');
    await userEvent.click(within(sandbox).getByText(/Ubah nilai per indikator/));
    expect(within(sandbox).getByLabelText('Nilai simulasi indikator 1')).toHaveValue('2,50');
    expect(within(sandbox).getByLabelText('Nilai simulasi indikator 18')).toHaveValue('1,50');
    await userEvent.click(within(sandbox).getByRole('button', { name: 'Atur ulang simulasi' }));
    expect(within(sandbox).getByLabelText('Nilai simulasi indikator 1')).toHaveValue('1,80');
  });

  it('keeps earlier 59/2020 years and the Pemdi year as two series, saying why', async () => {
    await evaluationWith(spbe, 2024, every(spbe, 2));
    await evaluationWith(spbe, 2025, every(spbe, 3));
    const id = await evaluationWith(pemdi, 2026, values());
    await showDashboard(id);
    const figure = (
      await screen.findByText('Perkembangan indeks per tahun', { selector: 'figcaption' })
    ).closest('figure');
    expect(figure).not.toBeNull();
    const trend = within(figure as HTMLElement);
    expect(
      trend.getByText(
        'Indeks SPBE dan Indeks Pemdi diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
      ),
    ).toBeInTheDocument();
    const headers = trend.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Tahun',
      'Indeks SPBE (PermenPANRB 59/2020)',
      'Indeks Pemdi (PermenPANRB 8/2026)',
    ]);
    const row2025 = trend.getByRole('rowheader', { name: '2025' }).closest('tr') as HTMLElement;
    expect(
      within(row2025)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3,00 (Baik)', '—']);
    const row2026 = trend.getByRole('rowheader', { name: '2026' }).closest('tr') as HTMLElement;
    expect(within(row2026).getAllByRole('cell')[0]).toHaveTextContent('—');
  });
});

describe('the dashboard of an evaluation nobody has assessed yet', () => {
  it('Pemdi: no index and no predikat from the four assumed 1,00 values, and says why', async () => {
    const id = await evaluationWith(pemdi, 2026, {});
    await showDashboard(id);
    const card = screen.getByRole('heading', { name: 'Indeks Pemdi' }).parentElement as HTMLElement;
    expect(screen.getByTestId('indeks-spbe')).toHaveTextContent('—');
    expect(within(card).getByText('Belum ada nilai')).toBeInTheDocument();
    expect(within(card).getByTestId('indeks-belum-dihitung')).toHaveTextContent(
      'Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung. 4 indikator menunggu ' +
        'nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.',
    );
    expect(card).not.toHaveTextContent(/Kurang|1,00|dihitung 1,00|di bawah target/);
    const summary = screen.getByRole('heading', { name: 'Ringkasan' }).parentElement as HTMLElement;
    expect(summary).not.toHaveTextContent(/\d+ indikator di bawah target/);
    expect(summary).toHaveTextContent(
      'Belum ada indikator yang dinilai; indikator di bawah target belum dapat ditentukan',
    );
    expect(
      within(card).getByText(/5\. Tingkat Kematangan Tata Kelola Data \(Indeks SDI\)/),
    ).toHaveTextContent(/menunggu nilai eksternal$/);
    // No aspect index either: Aspek 3 holds three awaited indicators.
    const a3 = screen.getByRole('heading', { name: /^Aspek 3\. / });
    expect(a3.parentElement).toHaveTextContent('—');
    expect(a3.parentElement).not.toHaveTextContent('1,00');
    const sandbox = screen.getByRole('region', { name: 'Simulasi nilai' });
    expect(within(sandbox).getByRole('status')).toHaveTextContent(
      'Belum ada nilai untuk disimulasikan.',
    );
    await userEvent.click(within(sandbox).getByText(/Ubah nilai per indikator/));
    const row = within(sandbox).getByRole('row', { name: /^5\. Tingkat Kematangan Tata Kelola/ });
    expect(within(row).getByRole('cell', { name: 'menunggu nilai eksternal' })).toBeInTheDocument();
  });

  it('Pemdi with one indicator answered: the assumed values count, and an aspect of them says so', async () => {
    const id = await evaluationWith(pemdi, 2026, { 1: 3 });
    await showDashboard(id);
    // (3 × 10 + 1 × 15 + 1 × 15) / 40 = 1,50, provisional.
    expect(screen.getByTestId('indeks-spbe')).toHaveTextContent('1,50');
    expect(screen.queryByTestId('indeks-belum-dihitung')).not.toBeInTheDocument();
    const a3 = screen.getByRole('heading', { name: /^Aspek 3\. / });
    expect(a3.parentElement).toHaveTextContent(
      'Bobot 15% · 0/4 terjawab · 3 menunggu nilai eksternal (dihitung 1,00)',
    );
    const a1 = screen.getByRole('heading', { name: /^Aspek 1\. / });
    expect(a1.parentElement).not.toHaveTextContent('menunggu');
  });

  it('59/2020: the same sentence, without awaited indicators', async () => {
    const id = await evaluationWith(spbe, 2026, {});
    await showDashboard(id);
    expect(screen.getByTestId('indeks-belum-dihitung')).toHaveTextContent(
      /^Belum ada indikator yang dinilai; Indeks SPBE belum dapat dihitung\.$/,
    );
    const summary = screen.getByRole('heading', { name: 'Ringkasan' }).parentElement as HTMLElement;
    expect(summary).not.toHaveTextContent(/\d+ indikator di bawah target/);
    expect(summary).toHaveTextContent(
      'Belum ada indikator yang dinilai; indikator di bawah target belum dapat ditentukan',
    );
  });
});
