/**
 * The dashboard's trend over the years of one instansi: a year evaluated with both instruments
 * (the official 59/2020 evaluation and a Pemdi trial of the same year) keeps its point in each
 * series; neither hides the other because it was changed later.
 */
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyAnswer, type EvaluationId } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { score } from '../../../shared/scoring';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { createEvaluation, setArchived } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { IndexTrend } from '../../../renderer/src/features/dashboard/trend';
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

const every = (pack: InstrumentPack, value: number): Record<number, number> =>
  Object.fromEntries(score(pack, {}).indicators.map((i) => [i.number, value]));

async function evaluationWith(
  pack: InstrumentPack,
  year: number,
  value: number,
  updatedAt: number,
): Promise<EvaluationId> {
  const id = await createEvaluation(
    sampleInput({
      year,
      instrumentId: pack.id,
      instrumentVersion: pack.version,
      instansi: { ...sampleInput().instansi, name: 'Pemerintah Kota Bengkulu' },
    }),
    ANONYMOUS,
  );
  await db.answers.bulkPut(
    Object.entries(every(pack, value)).map(([n, v]) => ({
      ...emptyAnswer(id, Number(n)),
      value: v,
    })),
  );
  await db.evaluations.update(id, { updatedAt });
  return id;
}

describe('the trend of Kota Bengkulu', () => {
  it('keeps 2025 in both series when that year was evaluated with both instruments', async () => {
    await evaluationWith(spbe, 2024, 2, Date.UTC(2024, 10, 20));
    await evaluationWith(spbe, 2025, 3, Date.UTC(2025, 10, 20));
    // A Pemdi trial of 2025, worked on after the official evaluation was closed.
    await evaluationWith(pemdi, 2025, 2.5, Date.UTC(2026, 1, 10));
    const current = await evaluationWith(pemdi, 2026, 2.75, Date.UTC(2026, 10, 20));
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={current}>
            <IndexTrend />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const caption = await screen.findByText('Perkembangan indeks per tahun', {
      selector: 'figcaption',
    });
    const trend = within(caption.closest('figure') as HTMLElement);
    const row2025 = trend.getByRole('rowheader', { name: '2025' }).closest('tr') as HTMLElement;
    expect(
      within(row2025)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3,00 (Baik)', '2,50 (Baik)']);
  });

  it("draws a year's final result, not a partial copy or an archived one changed after it", async () => {
    const official = await evaluationWith(spbe, 2025, 3, Date.UTC(2025, 10, 20));
    // A copy of 2025 begun later and left with one indicator answered (its index provisional),
    // and a draft of 2025 put aside: archiving it made it the last one changed.
    const partial = await evaluationWith(spbe, 2025, 1, Date.UTC(2026, 0, 5));
    await db.answers.where('evaluationId').equals(partial).modify({ value: null });
    await db.answers.update([partial, 1], { value: 1 });
    const draft = await evaluationWith(spbe, 2025, 2, Date.UTC(2025, 10, 1));
    await setArchived(draft, true, ANONYMOUS);
    expect((await db.evaluations.get(draft))!.updatedAt).toBeGreaterThan(
      (await db.evaluations.get(official))!.updatedAt,
    );
    const current = await evaluationWith(pemdi, 2026, 2.75, Date.UTC(2026, 10, 20));
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={current}>
            <IndexTrend />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const caption = await screen.findByText('Perkembangan indeks per tahun', {
      selector: 'figcaption',
    });
    const trend = within(caption.closest('figure') as HTMLElement);
    const row2025 = trend.getByRole('rowheader', { name: '2025' }).closest('tr') as HTMLElement;
    expect(within(row2025).getAllByRole('cell')[0]).toHaveTextContent('3,00 (Baik)');
  });

  it('says which year is provisional in the chart as in its table', async () => {
    await evaluationWith(spbe, 2025, 3, Date.UTC(2025, 10, 20));
    const current = await evaluationWith(pemdi, 2026, 2.75, Date.UTC(2026, 10, 20));
    // One indicator not answered yet: 2026 is provisional.
    await db.answers.update([current, 1], { value: null });
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={current}>
            <IndexTrend />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const chart = await screen.findByRole('img', { name: /^Diagram garis perkembangan indeks/ });
    const row2026 = screen.getByRole('rowheader', { name: '2026' }).closest('tr') as HTMLElement;
    expect(within(row2026).getAllByRole('cell')[1]).toHaveTextContent(/sementara/);
    expect(chart).toHaveAccessibleName(/Indeks SPBE \(PermenPANRB 59\/2020\): 2025 3,00;/);
    expect(chart).toHaveAccessibleName(/2026 \d,\d\d \(sementara\)$/);
  });
});
