/**
 * The indicator navigator with both packs: the pack's tiers as headings, values as the user reads
 * them ("3", "2,75"), the awaited external index, and the filters reading score().
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { App } from '../../../renderer/src/app/app';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { addMember, setCurrentMember } from '../../../renderer/src/db/commands/members';
import { Navigator } from '../../../renderer/src/features/scoring/navigator';
import type { FilterId } from '../../../renderer/src/features/scoring/indicator-filters';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const edit = (value: number) => ({
  value,
  justification: '',
  agency: '',
  status: 'draft' as const,
  reviewNote: '',
});

function Harness({ id }: { id: Parameters<typeof WorkspaceProvider>[0]['id'] }) {
  return (
    <MemoryRouter>
      <WorkspaceProvider id={id}>
        <FilteredNavigator />
      </WorkspaceProvider>
    </MemoryRouter>
  );
}

function FilteredNavigator() {
  const [filter, setFilter] = useState<FilterId>('all');
  return <Navigator current={1} filter={filter} onFilter={setFilter} />;
}

async function open(packId: string, values: Record<number, number>) {
  const pack = findPack(packId)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    actor,
  );
  for (const [n, v] of Object.entries(values)) await saveAnswer(id, Number(n), edit(v), actor);
  render(<Harness id={id} />);
  return screen.findByRole('navigation', { name: 'Daftar indikator' });
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('navigator', () => {
  it('59/2020: domains and aspects, integer levels, below-target filter', async () => {
    const nav = await open('permenpanrb-59-2020', { 1: 3, 2: 1 });
    expect(within(nav).getAllByRole('heading', { level: 3 }).length).toBeGreaterThan(0);
    expect(within(nav).getByRole('link', { name: /^Indikator 1, tingkat 3,/ })).toBeVisible();
    await userEvent.selectOptions(within(nav).getByLabelText('Tampilkan'), 'belowTarget');
    expect(within(nav).getByRole('link', { name: /^Indikator 2, tingkat 1,/ })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: /^Indikator 1,/ })).toBeNull();
  });

  it('Pemdi: one tier of aspects, decimal values, awaited external index', async () => {
    const nav = await open('permenpanrb-8-2026', { 1: 2.75, 2: 2.25 });
    expect(within(nav).queryAllByRole('heading', { level: 3 })).toHaveLength(0);
    expect(within(nav).getAllByRole('heading', { level: 4 })).toHaveLength(7);
    expect(within(nav).getByRole('link', { name: /^Indikator 1, nilai 2,75,/ })).toHaveTextContent(
      '2,75',
    );
    expect(
      within(nav).getByRole('link', { name: /^Indikator 5, menunggu nilai eksternal,/ }),
    ).toBeVisible();
    // A name cut short on screen shows whole on hover.
    expect(
      within(nav).getByTitle('Tingkat Kematangan Penyelenggaraan Informasi Geospasial'),
    ).toHaveTextContent('Penyelenggaraan Informasi Geospasial');

    await userEvent.selectOptions(within(nav).getByLabelText('Tampilkan'), 'belowTarget');
    expect(within(nav).getByRole('link', { name: /^Indikator 2, nilai 2,25,/ })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: /^Indikator 1,/ })).toBeNull();

    await userEvent.selectOptions(within(nav).getByLabelText('Tampilkan'), 'unanswered');
    expect(within(nav).getByRole('link', { name: /^Indikator 5,/ })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: /^Indikator 1,/ })).toBeNull();
  });

  it('"Tugas saya" counts the progress of my indicators, not of the whole evaluation', async () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pemdi.id, instrumentVersion: pemdi.version }),
      actor,
    );
    const siti = await addMember(
      id,
      { name: 'Siti Aisyah', nip: '', position: '', role: 'member', indicators: [1, 2, 3, 4, 9] },
      actor,
    );
    await setCurrentMember(id, siti.id);
    // Her 1–3, and a teammate's 10 and 11.
    for (const n of [1, 2, 3, 10, 11]) await saveAnswer(id, n, edit(2.5), actor);
    render(<Harness id={id} />);
    const nav = await screen.findByRole('navigation', { name: 'Daftar indikator' });
    expect(within(nav).getByText(/^5\/20 terjawab/)).toBeVisible();
    await userEvent.selectOptions(within(nav).getByLabelText('Tampilkan'), 'mine');
    expect(
      within(nav).getByText('Tugas saya: 3 dari 5 indikator terjawab; belum: indikator 4 dan 9'),
    ).toBeVisible();
  });

  it('keeps the chosen filter of an evaluation when the assessor comes back to the list', async () => {
    const pemdi = findPack('permenpanrb-8-2026')!;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pemdi.id, instrumentVersion: pemdi.version }),
      actor,
    );
    const siti = await addMember(
      id,
      { name: 'Siti Aisyah', nip: '', position: '', role: 'member', indicators: [4, 9] },
      actor,
    );
    await setCurrentMember(id, siti.id);
    const other = await createEvaluation(
      sampleInput({ instrumentId: pemdi.id, instrumentVersion: pemdi.version }),
      actor,
    );
    const { platform } = testPlatform();
    window.location.hash = `#/evaluasi/${id}/indikator`;
    render(<App platform={platform} />);
    const user = userEvent.setup();
    let nav = await screen.findByRole('navigation', { name: 'Daftar indikator' });
    await user.selectOptions(within(nav).getByLabelText('Tampilkan'), 'mine');
    await user.click(screen.getByRole('link', { name: 'Bukti Dukung' }));
    await screen.findByRole('button', { name: 'Tambah berkas…' });
    await user.click(screen.getByRole('link', { name: 'Penilaian Indikator' }));
    nav = await screen.findByRole('navigation', { name: 'Daftar indikator' });
    expect(within(nav).getByLabelText('Tampilkan')).toHaveValue('mine');
    expect(within(nav).getByRole('link', { name: /^Indikator 4,/ })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: /^Indikator 1,/ })).toBeNull();
    // Another evaluation keeps its own choice.
    window.location.hash = `#/evaluasi/${other}/indikator`;
    nav = await screen.findByRole('navigation', { name: 'Daftar indikator' });
    await waitFor(() => expect(screen.getByRole('link', { name: /^Indikator 1,/ })).toBeVisible());
    expect(screen.getByLabelText('Tampilkan')).toHaveValue('all');
  });
});
