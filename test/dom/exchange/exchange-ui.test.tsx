/**
 * The exchange screens in the app shell: a file handed in from outside reaches the summary and
 * is imported only after the password and the user's yes; the merge screen lets the coordinator
 * save only once every conflict has a decision with a reason and a different instansi was
 * confirmed, and then stores a new evaluation with its merge record.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { snapshotValues } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack } from '../../../shared/instrument';
import { indexLine } from '../../../shared/scoring';
import { App } from '../../../renderer/src/app/app';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { db } from '../../../renderer/src/db/db';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import { MergePage } from '../../../renderer/src/features/merge/merge-page';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import type { Platform } from '../../../renderer/src/platform/types';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const fakePlatform = (kind: Platform['kind'] = 'web') => testPlatform({ kind });

async function bundleBlob(f: Fixture, exporter: string, password?: string): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, exporter), { includeEvidence: true, password });
  return m.blob();
}

beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/';
});

describe('a file handed to the app from outside', () => {
  it('asks for the password, shows the summary and imports only on the yes', async () => {
    await createEvaluation(
      sampleInput({
        instansi: {
          ...sampleInput().instansi,
          name: 'Pemerintah Kota Bengkulu',
          regionName: 'Bengkulu',
        },
      }),
      { id: null, name: 'Uji' },
    );
    // As on the desktop: the file is streamed in from main before it is read.
    const { platform, deliver } = fakePlatform('desktop');
    const user = userEvent.setup();
    render(<App platform={platform} />);
    await screen.findByRole('heading', { level: 1, name: 'Daftar Evaluasi' });

    const f = makeFixture({ seed: 60 });
    deliver(pickedFromBlob(await bundleBlob(f, 'Ani Rahmawati', 'rahasia-uji'), 'ani.spbe'));
    const password = await screen.findByLabelText('Kata sandi berkas');
    await user.type(password, 'salah');
    await user.click(screen.getByRole('button', { name: 'Buka berkas' }));
    expect(
      await screen.findByText(
        'Kata sandi salah. Periksa kata sandi dari pengirim berkas lalu coba lagi.',
      ),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Kata sandi berkas'));
    await user.type(screen.getByLabelText('Kata sandi berkas'), 'rahasia-uji');
    await user.click(screen.getByRole('button', { name: 'Buka berkas' }));

    await screen.findByRole('heading', { name: 'Ringkasan berkas' });
    expect(screen.getByText('Ani Rahmawati')).toBeInTheDocument();
    // The file's own index, before anything is stored.
    expect(
      screen.getByText(indexLine(findPack('permenpanrb-59-2020')!, snapshotValues(f.snapshot))),
    ).toBeInTheDocument();
    const importButton = screen.getByRole('button', { name: 'Impor sebagai evaluasi baru' });
    // Another instansi than the one here: disabled until confirmed.
    expect(importButton).toBeDisabled();
    expect(await db.evaluations.count()).toBe(1);
    await user.click(screen.getByLabelText('Ya, impor evaluasi instansi lain ini'));
    expect(importButton).toBeEnabled();
    await user.click(importButton);
    await waitFor(() =>
      expect(window.location.hash).toBe(`#/evaluasi/${f.snapshot.evaluation.id}`),
    );
    expect(await db.evaluations.count()).toBe(2);
    expect((await db.evaluations.get(f.snapshot.evaluation.id))?.origin).toMatchObject({
      kind: 'imported',
      fileName: 'ani.spbe',
    });
  });
});

describe('the merge screen', () => {
  it('saves only with every conflict decided with a reason and the mismatch confirmed', async () => {
    const ani = makeFixture({
      seed: 61,
      evaluationId: 'eval-gabung',
      levels: { 1: 3, 2: 2 },
      evidenceSizes: [120],
      members: [{ id: 'm-ani', name: 'Ani Rahmawati', indicators: [1, 2] }],
    });
    const budi = makeFixture({
      seed: 62,
      evaluationId: 'eval-gabung',
      levels: { 1: 4, 3: 1 },
      evidenceSizes: [],
      instansiName: 'Pemerintah Kota Balikpapan (salinan lain)',
      members: [{ id: 'm-budi', name: 'Budi Santoso', indicators: [1, 3] }],
    });
    handOverForMerge(null, [
      await openBundle(await bundleBlob(ani, 'Ani Rahmawati'), 'ani.spbe'),
      await openBundle(await bundleBlob(budi, 'Budi Santoso'), 'budi.spbe'),
    ]);
    const { platform } = fakePlatform();
    const user = userEvent.setup();
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <MemoryRouter initialEntries={['/gabung']}>
            <Routes>
              <Route path="/gabung" element={<MergePage />} />
              <Route path="/gabungan/:mergeId" element={<p>Berita acara tersimpan</p>} />
            </Routes>
          </MemoryRouter>
        </NoticeProvider>
      </PlatformContext.Provider>,
    );

    expect(
      await screen.findByText(
        '3 indikator dibandingkan dari 2 sumber: 2 digabung otomatis, 1 berbeda dan perlu diputuskan.',
      ),
    ).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Simpan hasil penggabungan' });
    expect(save).toBeDisabled();
    expect(
      screen.getByText(/berisi evaluasi Pemerintah Kota Balikpapan \(salinan lain\)/),
    ).toBeInTheDocument();

    const card = screen.getByRole('article', { name: /^Indikator 1\./ });
    expect(within(card).getByText('Tingkat 3 — Terdefinisi')).toBeInTheDocument();
    expect(within(card).getByText('Tingkat 4 — Terpadu dan Terukur')).toBeInTheDocument();
    await user.click(
      within(card).getByRole('radio', { name: 'Tetapkan jawaban lain untuk indikator 1' }),
    );
    await user.selectOptions(
      within(card).getByLabelText('Tingkat yang ditetapkan (indikator 1)'),
      '3',
    );
    expect(within(card).getByText('Belum diputuskan')).toBeInTheDocument();
    await user.type(
      within(card).getByLabelText('Alasan keputusan (indikator 1)'),
      'Bukti tingkat 4 belum ada.',
    );
    expect(within(card).getByText('Sudah diputuskan')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nama koordinator'), 'Sri Wahyuni');
    expect(save).toBeDisabled();
    await user.click(
      screen.getByLabelText('Saya sudah memeriksa perbedaan ini dan tetap ingin menggabungkan'),
    );
    expect(save).toBeEnabled();
    await user.click(save);
    expect(await screen.findByText('Berita acara tersimpan')).toBeInTheDocument();

    const row = (await db.merges.toArray())[0]!;
    expect(row.coordinator).toEqual({ name: 'Sri Wahyuni', nip: '' });
    const merged = await db.evaluations.get(row.resultEvaluationId as never);
    expect(merged?.origin).toEqual({ kind: 'merged', mergeId: row.id });
    const answers = await db.answers
      .where('evaluationId')
      .equals(row.resultEvaluationId)
      .sortBy('indicator');
    expect(answers.map((a) => [a.indicator, a.value])).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    expect(await db.blobs.count()).toBe(1);
  });
});
