/**
 * The same .spbe file added twice to the merge screen (picked again, or handed over by the team
 * folder while already in the merge): the screen says so where the coordinator acts and offers
 * "Keluarkan" for the copy; it never offers to merge it anyway ("Saya sudah memeriksa perbedaan
 * ini…", "Konfirmasi perbedaan instansi atau tahun"), which recorded one file as two assessors'.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import { makeFixture, memorySink, writeInput } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { renderMergePage } from './render-merge';

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => cleanup());

it('refuses the same file twice and offers to take the copy out', async () => {
  const ani = makeFixture({
    seed: 91,
    evaluationId: 'eval-sama',
    levels: { 1: 3 },
    evidenceSizes: [],
    members: [{ id: 'm-ani', name: 'Ani Rahmawati', indicators: [1] }],
  });
  const budi = makeFixture({
    seed: 92,
    evaluationId: 'eval-sama',
    levels: { 2: 2 },
    evidenceSizes: [],
    members: [{ id: 'm-budi', name: 'Budi Santoso', indicators: [2] }],
  });
  const m = memorySink();
  await writeBundle(m.sink, writeInput(ani, 'Ani Rahmawati'), { includeEvidence: false });
  const blob = await m.blob();
  const b = memorySink();
  await writeBundle(b.sink, writeInput(budi, 'Budi Santoso'), { includeEvidence: false });
  handOverForMerge(null as EvaluationId | null, [
    await openBundle(blob, 'ani.spbe'),
    await openBundle(await b.blob(), 'budi.spbe'),
    await openBundle(blob, 'ani.spbe'),
  ]);

  renderMergePage();
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(
    '"ani.spbe (2)" berisi hal yang sama persis dengan "ani.spbe": berkas yang sama ditambahkan dua kali. Keluarkan salinannya dari penggabungan.',
  );
  expect(
    screen.queryByLabelText('Saya sudah memeriksa perbedaan ini dan tetap ingin menggabungkan'),
  ).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Simpan hasil penggabungan' })).toBeNull();
  await userEvent
    .setup()
    .click(within(alert).getByRole('button', { name: 'Keluarkan ani.spbe (2) dari penggabungan' }));
  expect(
    await screen.findByText(
      '2 indikator dibandingkan dari 2 sumber: 2 digabung otomatis, 0 berbeda dan perlu diputuskan.',
    ),
  ).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});
