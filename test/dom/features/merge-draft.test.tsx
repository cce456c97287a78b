/**
 * The coordinator's merge screen keeps its work: files, decisions and typed reasons are kept as a
 * draft in IndexedDB and offered back on return ("Lanjutkan" restores, "Buang" removes); the
 * deciding coordinator defaults to the merging user ("Saya"), never a disputing party; each
 * loaded file shows its own index and predikat; a conflict shows its common starting value and
 * names the base as the evaluation on this computer.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotValues, type EvaluationId, type MemberId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack } from '../../../shared/instrument';
import { score } from '../../../shared/scoring';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { currentMemberKey } from '../../../renderer/src/db/commands/members';
import { insertSnapshot } from '../../../renderer/src/db/commands/store-snapshot';
import { db } from '../../../renderer/src/db/db';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { renderMergePage } from './render-merge';

async function bundleBlob(f: Fixture, exporter: string): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, exporter), { includeEvidence: true });
  return m.blob();
}

const ani = () =>
  makeFixture({
    seed: 71,
    evaluationId: 'eval-draf',
    levels: { 1: 3, 2: 2 },
    evidenceSizes: [64],
    members: [{ id: 'm-ani', name: 'Ani Rahmawati', indicators: [1, 2] }],
  });
const budi = () =>
  makeFixture({
    seed: 72,
    evaluationId: 'eval-draf',
    levels: { 1: 4, 3: 1 },
    evidenceSizes: [],
    members: [{ id: 'm-budi', name: 'Budi Santoso', indicators: [1, 3] }],
  });

async function handTwo(a: Fixture = ani(), b: Fixture = budi(), baseId: string | null = null) {
  handOverForMerge(baseId as EvaluationId | null, [
    await openBundle(await bundleBlob(a, 'Ani Rahmawati'), 'ani.spbe'),
    await openBundle(await bundleBlob(b, 'Budi Santoso'), 'budi.spbe'),
  ]);
}

const analysed = () =>
  screen.findByText(
    '3 indikator dibandingkan dari 2 sumber: 2 digabung otomatis, 1 berbeda dan perlu diputuskan.',
  );

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => cleanup());

describe('the merge draft', () => {
  it('keeps files, decisions and reasons, and offers them back on return', async () => {
    await handTwo();
    const user = userEvent.setup();
    const first = renderMergePage();
    await analysed();
    const card = screen.getByRole('article', { name: /^Indikator 1\./ });
    await user.click(within(card).getByRole('radio', { name: /^Ambil versi Budi Santoso/ }));
    await user.type(
      within(card).getByLabelText('Alasan keputusan (indikator 1)'),
      'Bukti tingkat 4 lengkap.',
    );
    await user.type(screen.getByLabelText('Nama koordinator'), 'Sri Wahyuni');
    expect(await screen.findByText(/^Draf penggabungan tersimpan /)).toBeInTheDocument();
    first.unmount();

    renderMergePage();
    const offer = await screen.findByRole('region', {
      name: 'Penggabungan yang belum selesai',
    });
    expect(
      within(offer).getByText(
        /^Lanjutkan penggabungan yang belum selesai \(disimpan \d{1,2} [A-Z][a-z]+ \d{4} pukul \d\d\.\d\d\)\?$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('ani.spbe')).not.toBeInTheDocument();
    await user.click(within(offer).getByRole('button', { name: 'Lanjutkan' }));
    await analysed();
    const table = screen.getByRole('table', { name: 'Berkas yang akan digabung' });
    expect(within(table).getByText('ani.spbe')).toBeInTheDocument();
    expect(within(table).getByText('budi.spbe')).toBeInTheDocument();
    const again = screen.getByRole('article', { name: /^Indikator 1\./ });
    expect(within(again).getByLabelText('Alasan keputusan (indikator 1)')).toHaveValue(
      'Bukti tingkat 4 lengkap.',
    );
    expect(within(again).getByRole('radio', { name: /^Ambil versi Budi Santoso/ })).toBeChecked();
    expect(screen.getByLabelText('Nama koordinator')).toHaveValue('Sri Wahyuni');
    expect(
      screen.queryByRole('region', { name: 'Penggabungan yang belum selesai' }),
    ).not.toBeInTheDocument();

    // Saving the merge removes the draft.
    expect(
      screen.queryByLabelText('Saya sudah memeriksa perbedaan ini dan tetap ingin menggabungkan'),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Simpan hasil penggabungan' }));
    expect(await screen.findByText('Berita acara tersimpan')).toBeInTheDocument();
    expect(await db.merges.count()).toBe(1);
    await waitFor(async () => expect(await db.mergeDrafts.count()).toBe(0));
  });

  it('"Buang" removes the draft and starts empty', async () => {
    await handTwo();
    const first = renderMergePage();
    await analysed();
    expect(await screen.findByText(/^Draf penggabungan tersimpan /)).toBeInTheDocument();
    first.unmount();
    expect(await db.mergeDrafts.count()).toBeGreaterThan(0);

    const user = userEvent.setup();
    renderMergePage();
    const offer = await screen.findByRole('region', { name: 'Penggabungan yang belum selesai' });
    await user.click(within(offer).getByRole('button', { name: 'Buang' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Penggabungan yang belum selesai' }),
      ).not.toBeInTheDocument(),
    );
    expect(await db.mergeDrafts.count()).toBe(0);
    expect(
      screen.getByText(
        'Belum ada berkas. Tambahkan paling sedikit dua berkas .spbe, atau satu berkas bila evaluasi dasar di komputer ini dipilih.',
      ),
    ).toBeInTheDocument();
  });

  it('asks before leaving while the loaded files are not kept as a draft yet', async () => {
    // An older draft waits for an answer: the new work is not written over it meanwhile.
    await handTwo();
    const first = renderMergePage();
    await analysed();
    await screen.findByText(/^Draf penggabungan tersimpan /);
    first.unmount();
    await handTwo();
    const user = userEvent.setup();
    const { router } = renderMergePage();
    await analysed();
    expect(
      await screen.findByText(
        'Jawab tawaran draf di atas sebelum pekerjaan ini disimpan sebagai draf.',
      ),
    ).toBeInTheDocument();
    void router.navigate('/lain');
    const dialog = await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' });
    expect(
      within(dialog).getByText('Perubahan yang belum disimpan akan hilang.'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.getByRole('heading', { name: 'Gabungkan Berkas Asesor' })).toBeInTheDocument();
    void router.navigate('/lain');
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' })).getByRole(
        'button',
        { name: 'Tinggalkan halaman' },
      ),
    );
    expect(await screen.findByRole('heading', { name: 'Layar lain' })).toBeInTheDocument();
  });
});

describe('the merge inputs', () => {
  it('defaults the coordinator to "Saya", and never to a disputing party', async () => {
    const a = ani();
    // Ani is the team's Koordinator SPBE, but she exported one of the files.
    a.snapshot.members[0]!.role = 'coordinator';
    await handTwo(a);
    const user = userEvent.setup();
    const first = renderMergePage();
    await analysed();
    expect(screen.getByLabelText('Nama koordinator')).toHaveValue('');
    await screen.findByText(/^Draf penggabungan tersimpan /);
    first.unmount();

    // "Saya" on this computer for this evaluation is Sri Wahyuni.
    await db.members.put({
      id: 'm-sri' as MemberId,
      evaluationId: 'eval-draf' as EvaluationId,
      name: 'Sri Wahyuni',
      nip: '198001012005012001',
      position: 'Kepala Bidang',
      role: 'coordinator',
      indicators: [],
      createdAt: 1,
    });
    await db.settings.put({ key: currentMemberKey('eval-draf' as EvaluationId), value: 'm-sri' });
    await handTwo(a);
    renderMergePage();
    const offer = await screen.findByRole('region', { name: 'Penggabungan yang belum selesai' });
    await user.click(within(offer).getByRole('button', { name: 'Buang' }));
    await analysed();
    await waitFor(() =>
      expect(screen.getByLabelText('Nama koordinator')).toHaveValue('Sri Wahyuni'),
    );
    expect(screen.getByLabelText('NIP koordinator')).toHaveValue('198001012005012001');
  });

  it('a coordinator name typed over the default takes its own NIP, never the default’s', async () => {
    // "Saya" is Yusuf, the data-entry officer who runs the merge for the Sekda; the team's
    // Koordinator SPBE is the Sekda, with his NIP.
    const a = ani();
    a.snapshot.members.push({
      ...a.snapshot.members[0]!,
      id: 'm-iwan' as MemberId,
      name: 'Drs. Iwan Gunawan, M.M.',
      nip: '196807151993031005',
      position: 'Sekretaris Daerah Kota Bandar Lampung',
      role: 'coordinator',
    });
    await db.members.put({
      id: 'm-yusuf' as MemberId,
      evaluationId: 'eval-draf' as EvaluationId,
      name: 'Yusuf Hidayat, S.Kom.',
      nip: '198809232015031002',
      position: 'Pranata Komputer Ahli Muda',
      role: 'dataEntry',
      indicators: [],
      createdAt: 1,
    });
    await db.settings.put({ key: currentMemberKey('eval-draf' as EvaluationId), value: 'm-yusuf' });
    await handTwo(a);
    const user = userEvent.setup();
    renderMergePage();
    await analysed();
    const name = screen.getByLabelText('Nama koordinator');
    const nip = screen.getByLabelText('NIP koordinator');
    await waitFor(() => expect(name).toHaveValue('Yusuf Hidayat, S.Kom.'));
    expect(nip).toHaveValue('198809232015031002');

    // The Sekda's name: his NIP, from the team.
    await user.clear(name);
    await user.type(name, 'Drs. Iwan Gunawan, M.M.');
    expect(nip).toHaveValue('196807151993031005');

    // A name the evaluation does not know: no one else's NIP; one typed by hand stays.
    await user.clear(name);
    await user.type(name, 'Dr. Hendra Saputra');
    expect(nip).toHaveValue('');
    await user.type(nip, '197001012000031001');
    await user.type(name, ', M.Si.');
    expect(nip).toHaveValue('197001012000031001');
  });

  it("shows each file's own index and predikat, and a conflict's starting value", async () => {
    const a = ani();
    const b = budi();
    const base = makeFixture({
      seed: 73,
      evaluationId: 'eval-draf',
      levels: { 1: 2, 2: 2, 3: 1 },
      evidenceSizes: [],
      members: [{ id: 'm-sri', name: 'Sri Wahyuni', indicators: [] }],
    });
    await insertSnapshot(base.snapshot);
    await handTwo(a, b, 'eval-draf');
    renderMergePage();
    const table = await screen.findByRole('table', { name: 'Berkas yang akan digabung' });
    const pack = findPack('permenpanrb-59-2020')!;
    for (const [f, name] of [
      [a, 'ani.spbe'],
      [b, 'budi.spbe'],
    ] as const) {
      const expected = score(pack, snapshotValues(f.snapshot)).overall!;
      const row = within(table).getByText(name).closest('tr')!;
      expect(within(row).getByText(expected.display)).toBeInTheDocument();
      expect(within(row).getByText(`(${expected.rating})`, { exact: false })).toBeInTheDocument();
      expect(
        within(row).getByText(`sementara: ${f.snapshot.answers.length} dari 47 indikator terjawab`),
      ).toBeInTheDocument();
    }
    const card = await screen.findByRole('article', { name: /^Indikator 1\./ });
    // The base holds its own level 2, written apart from the files': it is a side, named as the
    // evaluation on this computer, and no level is the common starting point.
    const own = await within(card).findByRole('region', {
      name: 'Versi Sri Wahyuni untuk indikator 1',
    });
    expect(
      await within(card).findByText(
        (_, el) =>
          el?.textContent ===
          'Tingkat awal bersama: tidak ada (setiap versi diisi terpisah, tidak berasal dari jawaban yang sama).',
      ),
    ).toBeInTheDocument();
    expect(
      within(own).getByText(
        /^Evaluasi di komputer koordinator \(Pemerintah Kota Balikpapan\) · diubah /,
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText(/^Berkas ani\.spbe · diubah /)).toBeInTheDocument();
  });
});
