/**
 * A file handed to the merge screen (the team folder's "Buka penggabungan", which takes the file
 * out of its queue) while an unfinished merge is stored: "Lanjutkan" brings the draft back WITH
 * the handed file, never instead of it (it was dropped, and the team folder did not offer it
 * again until the teammate changed it).
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { renderMergePage } from './render-merge';

async function opened(f: Fixture, exporter: string, name: string) {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, exporter), { includeEvidence: true });
  return openBundle(await m.blob(), name);
}

const person = (seed: number, id: string, name: string, levels: Record<number, number>) =>
  makeFixture({
    seed,
    evaluationId: 'eval-tim',
    levels,
    evidenceSizes: [],
    members: [{ id, name, indicators: Object.keys(levels).map(Number) }],
  });

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => cleanup());

it('"Lanjutkan" keeps a file handed over while the draft was stored', async () => {
  handOverForMerge(null as EvaluationId | null, [
    await opened(person(81, 'm-ani', 'Ani Rahmawati', { 1: 3, 2: 2 }), 'Ani Rahmawati', 'ani.spbe'),
    await opened(person(82, 'm-budi', 'Budi Santoso', { 1: 4 }), 'Budi Santoso', 'budi.spbe'),
  ]);
  const user = userEvent.setup();
  const first = renderMergePage();
  expect(await screen.findByText(/^Draf penggabungan tersimpan /)).toBeInTheDocument();
  first.unmount();

  // Later Citra's file conflicts too and is handed over from the team folder.
  handOverForMerge(null as EvaluationId | null, [
    await opened(person(83, 'm-citra', 'Citra Dewi', { 3: 2 }), 'Citra Dewi', 'citra.spbe'),
  ]);
  renderMergePage();
  const offer = await screen.findByRole('region', { name: 'Penggabungan yang belum selesai' });
  await user.click(within(offer).getByRole('button', { name: 'Lanjutkan' }));
  await screen.findByText(/^3 indikator dibandingkan dari 3 sumber/);
  const table = screen.getByRole('table', { name: 'Berkas yang akan digabung' });
  for (const name of ['ani.spbe', 'budi.spbe', 'citra.spbe']) {
    expect(within(table).getByText(name)).toBeInTheDocument();
  }
});
