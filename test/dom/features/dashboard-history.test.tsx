/**
 * The history screen for both instruments: an answer's value reads as its pack writes it
 * ("Tingkat" 3 on 59/2020, "Nilai" 2,50 on Pemdi), and Pemdi's entered source index reads as
 * text, not JSON.
 */
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnswerEdit } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { HistoryPage } from '../../../renderer/src/features/history/history-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

beforeEach(resetDatabase);

const edit = (value: number | null, extra: Partial<AnswerEdit> = {}): AnswerEdit => ({
  value,
  justification: '',
  agency: '',
  status: 'draft',
  reviewNote: '',
  ...extra,
});

async function historyOf(pack: InstrumentPack, indicator: number, answer: AnswerEdit) {
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    ANONYMOUS,
  );
  await saveAnswer(id, indicator, answer, ANONYMOUS);
  render(
    <MemoryRouter>
      <NoticeProvider>
        <WorkspaceProvider id={id}>
          <HistoryPage />
        </WorkspaceProvider>
      </NoticeProvider>
    </MemoryRouter>,
  );
  return screen.findByRole('table', { name: 'Riwayat perubahan' });
}

describe('the history of an answer value', () => {
  it('59/2020: a level reads "Tingkat" 3', async () => {
    const table = await historyOf(spbe, 1, edit(3));
    const row = within(table).getByRole('cell', { name: 'Dibuat: Tingkat' }).closest('tr');
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('3');
  });

  it('Pemdi: a value reads "Nilai" 2,50, the source index as text', async () => {
    const table = await historyOf(
      pemdi,
      5,
      edit(2.5, { external: { input: 68.75, year: 2025, note: '' } }),
    );
    const valueRow = within(table).getByRole('cell', { name: 'Dibuat: Nilai' }).closest('tr');
    expect(
      within(valueRow as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('2,50');
    const externalRow = within(table)
      .getByRole('cell', { name: 'Dibuat: Indeks sumber' })
      .closest('tr');
    const shown = within(externalRow as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent ?? '');
    expect(shown.some((t) => t.includes('68,75 (2025)'))).toBe(true);
    expect(shown.some((t) => t.includes('{'))).toBe(false);
  });
});
