/**
 * A keyboard user keeps their place on the merge screen: taking a file out puts the focus on the
 * next file's "Keluarkan" (then the one before, then "Tambah berkas .spbe…"); closing the password
 * step of a protected file (opened or cancelled) and answering the draft offer put it on "Tambah
 * berkas .spbe…", which stays focusable while a file opens. Before, each dropped it to <body>.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import type { PickedFile } from '../../../renderer/src/platform/types';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { renderMergePage } from './render-merge';

const assessor = (seed: number, name: string, levels: Record<number, number>): Fixture =>
  makeFixture({
    seed,
    evaluationId: 'eval-fokus',
    levels,
    evidenceSizes: [],
    members: [{ id: `m-${seed}`, name, indicators: [1, 2, 3] }],
  });

async function bundleBlob(f: Fixture, exporter: string, password?: string): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, exporter), {
    includeEvidence: true,
    ...(password ? { password } : {}),
  });
  return m.blob();
}

async function handThree() {
  handOverForMerge(null as EvaluationId | null, [
    await openBundle(await bundleBlob(assessor(1, 'Ani', { 1: 2 }), 'Ani'), 'ani.spbe'),
    await openBundle(await bundleBlob(assessor(2, 'Budi', { 1: 4 }), 'Budi'), 'budi.spbe'),
    await openBundle(await bundleBlob(assessor(3, 'Citra', { 2: 3 }), 'Citra'), 'citra.spbe'),
  ]);
}

const takeOut = (label: string) =>
  screen.getByRole('button', { name: `Keluarkan ${label} dari penggabungan` });
const addButton = () => screen.getByRole('button', { name: 'Tambah berkas .spbe…' });

beforeEach(resetDatabase);
afterEach(() => cleanup());

describe('the keyboard focus on the merge screen', () => {
  it('after "Keluarkan" goes to the next file, the one before, then "Tambah berkas .spbe…"', async () => {
    await handThree();
    const user = userEvent.setup();
    renderMergePage();
    await screen.findByRole('table', { name: 'Berkas yang akan digabung' });
    takeOut('ani.spbe').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(takeOut('budi.spbe')).toHaveFocus());
    takeOut('citra.spbe').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(takeOut('budi.spbe')).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(addButton()).toHaveFocus());
  });

  it('after the password step of a protected file and after the draft offer goes to "Tambah berkas .spbe…"', async () => {
    const blob = await bundleBlob(assessor(4, 'Dewi', { 3: 2 }), 'Dewi', 'rahasia-dewi');
    const picked = new File([blob], 'dewi.spbe');
    const file: PickedFile = {
      name: picked.name,
      size: picked.size,
      type: '',
      lastModified: picked.lastModified,
      stream: () => picked.stream(),
      blob: () => Promise.resolve(picked),
    };
    const user = userEvent.setup();
    const first = renderMergePage(() => Promise.resolve([file]));
    addButton().focus();
    await user.keyboard('{Enter}');
    const password = await screen.findByLabelText('Kata sandi berkas');
    expect(addButton()).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(addButton()).toHaveFocus());
    expect(password).not.toBeInTheDocument();

    await user.keyboard('{Enter}');
    await user.type(await screen.findByLabelText('Kata sandi berkas'), 'rahasia-dewi{Enter}');
    const table = await screen.findByRole('table', { name: 'Berkas yang akan digabung' });
    expect(within(table).getByText('dewi.spbe')).toBeInTheDocument();
    await waitFor(() => expect(addButton()).toHaveFocus());
    expect(await screen.findByText(/^Draf penggabungan tersimpan /)).toBeInTheDocument();
    first.unmount();

    renderMergePage();
    const offer = await screen.findByRole('region', { name: 'Penggabungan yang belum selesai' });
    within(offer).getByRole('button', { name: 'Lanjutkan' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('table', { name: 'Berkas yang akan digabung' });
    await waitFor(() => expect(addButton()).toHaveFocus());
  });
});
