/**
 * Evidence upload asks for title and kind in one small step: the title cleaned from the file
 * name, the kind guessed from the file name and the regional profile's document rules; "Simpan"
 * stores what the dialog holds, "Lewati" stores the suggestions the dialog showed, closing stores
 * nothing. A copy of a stored document is not asked about: the user is told at once.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProfile } from '../../../shared/profiles';
import { App } from '../../../renderer/src/app/app';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { addEvidenceFiles } from '../../../renderer/src/db/commands/evidence';
import { cleanTitle, guessKind } from '../../../renderer/src/features/evidence/upload-details';
import { readFileSync } from 'node:fs';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import type { PickedFile, Platform } from '../../../renderer/src/platform/types';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const FILE = 'penetapan_tim_koordinasi_spbe_2025.pdf';

const platformPicking = (files: () => PickedFile[]): Platform =>
  testPlatform({ pickFiles: async () => files() }).platform;

beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/';
});
afterEach(cleanup);

describe('smart defaults', () => {
  it('cleans a title from the file name', () => {
    expect(cleanTitle('perwal_15_2022-tentang--spbe.pdf')).toBe('Perwal 15 2022 tentang SPBE');
    expect(cleanTitle('  notulen   rapat_tim  .docx')).toBe('Notulen Rapat Tim');
    expect(cleanTitle('Laporan Evaluasi TIK 2025.xlsx')).toBe('Laporan Evaluasi TIK 2025');
    expect(cleanTitle('SK_TIM_SPBE.PDF')).toBe('SK Tim SPBE');
    expect(cleanTitle('.pdf')).toBe('.pdf');
    // In a name written with spaces, a hyphen is part of a number or a word.
    expect(
      cleanTitle('SK Bupati Mojokerto Nomor 188.45-123 Tahun 2025 tentang Tim Koordinasi SPBE.pdf'),
    ).toBe('SK Bupati Mojokerto Nomor 188.45-123 Tahun 2025 tentang Tim Koordinasi SPBE');
    expect(cleanTitle('tangkapan layar aplikasi e-office.png')).toBe(
      'Tangkapan Layar Aplikasi E-office',
    );
    expect(cleanTitle('laporan audit -- final_rev.pdf')).toBe('Laporan Audit Final Rev');
  });

  it("guesses the kind from the profile's document rules, then the usual words", () => {
    const bengkulu = findProfile('kota-bengkulu')!;
    expect(guessKind(FILE, 'application/pdf', null)).toBe('lainnya');
    expect(guessKind(FILE, 'application/pdf', bengkulu)).toBe('sk');
    expect(guessKind('perwal-14-2022.pdf', 'application/pdf', null)).toBe('perkada');
    expect(guessKind('portal.png', 'image/png', null)).toBe('screenshot');
    expect(guessKind('data.csv', 'text/csv', bengkulu)).toBe('lainnya');
    // What the file is wins over the rule's kind: a photo or the minutes of a Tim Koordinasi
    // meeting are not the SK appointing it (the compliance panel counted them as that SK).
    expect(guessKind('foto_rapat_tim_koordinasi.png', 'image/png', bengkulu)).toBe('screenshot');
    expect(guessKind('Notulensi rapat tim koordinasi.pdf', 'application/pdf', bengkulu)).toBe(
      'notulen',
    );
    expect(guessKind('risalah_tim_koordinasi.pdf', 'application/pdf', bengkulu)).toBe('notulen');
    expect(guessKind('foto tim koordinasi.pdf', 'application/pdf', bengkulu)).toBe('screenshot');
    expect(guessKind('SK_tim_koordinasi_spbe.pdf', 'application/pdf', bengkulu)).toBe('sk');
  });
});

describe('the upload step', () => {
  async function openLibrary() {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    window.location.hash = `#/evaluasi/${id}/bukti`;
    const platform = platformPicking(() => [pickedFromBlob(pdfFile(FILE), FILE)]);
    render(<App platform={platform} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tambah berkas…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Judul dan jenis dokumen' });
    return { id, user, dialog };
  }

  it('stores the title and kind as edited with "Simpan" (keyboard: Enter)', async () => {
    const { id, user, dialog } = await openLibrary();
    const group = within(dialog).getByRole('group', { name: FILE });
    const title = within(group).getByLabelText('Judul');
    expect(title).toHaveValue('Penetapan Tim Koordinasi SPBE 2025');
    expect(title).toHaveFocus();
    expect(within(group).getByLabelText('Jenis dokumen')).toHaveValue('sk');
    await user.clear(title);
    await user.type(title, 'Keputusan Wali Kota tentang Tim Koordinasi SPBE{Enter}');
    await waitFor(async () =>
      expect(await db.evidence.where('evaluationId').equals(id).toArray()).toMatchObject([
        { title: 'Keputusan Wali Kota tentang Tim Koordinasi SPBE', kind: 'sk', fileName: FILE },
      ]),
    );
    expect(screen.queryByRole('dialog', { name: 'Judul dan jenis dokumen' })).toBeNull();
  });

  it('"Lewati" stores the suggestions shown; a title over the limit is refused in place', async () => {
    const { id, user, dialog } = await openLibrary();
    const title = within(dialog).getByLabelText('Judul');
    // The suggestions shown: the kind only the profile's rule recognises ("Tim Koordinasi" → SK).
    expect(title).toHaveValue('Penetapan Tim Koordinasi SPBE 2025');
    expect(within(dialog).getByLabelText('Jenis dokumen')).toHaveValue('sk');
    await user.clear(title);
    await user.click(title);
    await user.paste('x'.repeat(501));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(await within(dialog).findByText(/Judul/, { selector: '.error' })).toBeInTheDocument();
    expect(await db.evidence.count()).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Lewati' }));
    await waitFor(async () =>
      expect(await db.evidence.where('evaluationId').equals(id).toArray()).toMatchObject([
        { title: 'Penetapan Tim Koordinasi SPBE 2025', kind: 'sk' },
      ]),
    );
  });

  it('refuses an empty file at once, before the step, which asks only about the rest', async () => {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    window.location.hash = `#/evaluasi/${id}/bukti`;
    const empty = new File([], 'kosong.pdf', { type: 'application/pdf' });
    const platform = platformPicking(() => [
      pickedFromBlob(empty, 'kosong.pdf'),
      pickedFromBlob(pdfFile(FILE), FILE),
    ]);
    render(<App platform={platform} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tambah berkas…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Judul dan jenis dokumen' });
    expect(
      screen.getByText('Berkas "kosong.pdf" kosong (0 bita) dan tidak disimpan.'),
    ).toBeVisible();
    expect(within(dialog).queryByRole('group', { name: 'kosong.pdf' })).toBeNull();
    expect(within(dialog).getByRole('group', { name: FILE })).toBeVisible();
  });

  it('closing the step stores nothing', async () => {
    const { user, dialog } = await openLibrary();
    await user.click(within(dialog).getByRole('button', { name: 'Tutup dialog' }));
    expect(screen.queryByRole('dialog', { name: 'Judul dan jenis dokumen' })).toBeNull();
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('a file already in the library', () => {
  it('names the file and the stored document it repeats at once, and links that document', async () => {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    const [stored] = await addEvidenceFiles(id, [pdfFile('perbup-spbe.pdf', 'perbup')], {
      id: null,
      name: 'Uji',
    });
    expect(stored).toMatchObject({ ok: true });
    window.location.hash = `#/evaluasi/${id}/indikator/1`;
    const copy = pdfFile('salinan perbup.pdf', 'perbup');
    render(<App platform={platformPicking(() => [pickedFromBlob(copy, copy.name)])} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tambah berkas…' }));
    // Told before any question: no title and kind asked for a copy that will not be stored.
    expect(
      await screen.findByText(
        'Berkas "salinan perbup.pdf" sama isinya dengan dokumen "perbup-spbe" yang sudah ada di pustaka, jadi tidak disimpan dua kali; dokumen itu ditautkan ke indikator 1.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog', { name: /^Judul dan jenis/ })).toBeNull();
    expect(await db.evidence.count()).toBe(1);
    expect(await db.links.where('evaluationId').equals(id).toArray()).toMatchObject([
      { indicator: 1, evidenceId: stored!.ok ? stored!.evidence.id : '' },
    ]);
  });

  it('completes a document received without its file, and says so', async () => {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    const [stored] = await addEvidenceFiles(id, [pdfFile('perbup-spbe.pdf', 'perbup')], {
      id: null,
      name: 'Uji',
    });
    if (!stored?.ok) throw new Error('not stored');
    // What an export or team file without evidence leaves here: the document, not its bytes.
    await db.blobs.delete(stored.evidence.hash);
    window.location.hash = `#/evaluasi/${id}/bukti`;
    const original = pdfFile('Perbup SPBE asli.pdf', 'perbup');
    render(<App platform={platformPicking(() => [pickedFromBlob(original, original.name)])} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Pratinjau perbup-spbe.pdf' }));
    const preview = await screen.findByRole('dialog', { name: 'Pratinjau: perbup-spbe' });
    expect(
      await within(preview).findByText(/^Isi berkas "perbup-spbe.pdf" tidak tersedia/),
    ).toHaveTextContent('Tambahkan berkas aslinya di pustaka bukti dukung');
    await user.click(within(preview).getByRole('button', { name: 'Tutup' }));
    await user.click(screen.getByRole('button', { name: 'Tambah berkas…' }));
    expect(
      await screen.findByText(
        'Berkas "Perbup SPBE asli.pdf" melengkapi isi dokumen "perbup-spbe", yang diterima tanpa isi berkas; dokumen itu kini dapat dibuka.',
      ),
    ).toBeVisible();
    expect(await (await db.blobs.get(stored.evidence.hash))!.data.text()).toContain('perbup');
    expect(await db.evidence.count()).toBe(1);
  });

  it('asks only about the new files when a copy comes with them', async () => {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    await addEvidenceFiles(id, [pdfFile('perbup-spbe.pdf', 'perbup')], { id: null, name: 'Uji' });
    window.location.hash = `#/evaluasi/${id}/bukti`;
    const copy = pdfFile('salinan perbup.pdf', 'perbup');
    const fresh = pdfFile(FILE);
    render(
      <App
        platform={platformPicking(() => [
          pickedFromBlob(copy, copy.name),
          pickedFromBlob(fresh, FILE),
        ])}
      />,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tambah berkas…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Judul dan jenis dokumen' });
    expect(
      screen.getByText(
        'Berkas "salinan perbup.pdf" sama isinya dengan dokumen "perbup-spbe" yang sudah ada di pustaka, jadi tidak disimpan dua kali.',
      ),
    ).toBeVisible();
    expect(within(dialog).queryByRole('group', { name: copy.name })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(async () =>
      expect(
        (await db.evidence.where('evaluationId').equals(id).toArray()).map((e) => e.fileName),
      ).toEqual(expect.arrayContaining(['perbup-spbe.pdf', FILE])),
    );
    expect(await db.evidence.count()).toBe(2);
  });
});

describe('while the picked files are checked', () => {
  it('says so in the drop zone and keeps the picker shut until the step opens', async () => {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    window.location.hash = `#/evaluasi/${id}/bukti`;
    // A file whose bytes arrive only when the test lets them (a large file on a slow disk).
    const source = pdfFile(FILE);
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const slow = new File([source], FILE, { type: source.type });
    Object.defineProperty(slow, 'stream', {
      value: () => {
        throw new TypeError('no byte stream');
      },
    });
    Object.defineProperty(slow, 'arrayBuffer', {
      value: async () => {
        await arrived;
        return source.arrayBuffer();
      },
    });
    render(
      <App
        platform={platformPicking(() => [
          { ...pickedFromBlob(slow, FILE), blob: async () => slow },
        ])}
      />,
    );
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Tambah berkas…' });
    await user.click(button);
    expect(await screen.findByText(/^Memeriksa berkas 0 dari 1/)).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Kemajuan pemeriksaan berkas' })).toBeVisible();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    // A drop meanwhile is refused with a word (it replaced the first pick's step, losing it).
    const later = pdfFile('notulen-rapat.pdf', 'notulen');
    fireEvent.drop(button.closest('.drop-zone')!, {
      dataTransfer: { files: [later], types: ['Files'] },
    });
    expect(await screen.findByText(/^Berkas yang diseret belum ditambahkan/)).toBeVisible();
    release();
    const step = await screen.findByRole('dialog', { name: 'Judul dan jenis dokumen' });
    expect(within(step).getByRole('group', { name: FILE })).toBeVisible();
    expect(screen.queryByText(/^Memeriksa berkas/)).toBeNull();
  });
});

describe('linking a document from the library', () => {
  it('links the chosen document to the indicator at its default levels', async () => {
    const id = await createEvaluation(sampleInput({ profileId: 'kota-bengkulu' }), {
      id: null,
      name: 'Uji',
    });
    const [added] = await addEvidenceFiles(id, [pdfFile(FILE)], { id: null, name: 'Uji' });
    expect(added).toMatchObject({ ok: true });
    window.location.hash = `#/evaluasi/${id}/indikator/1`;
    render(<App platform={platformPicking(() => [])} />);
    const user = userEvent.setup();
    const select = await screen.findByLabelText('Tautkan dokumen dari pustaka');
    const link = screen.getByRole('button', { name: 'Tautkan' });
    expect(link).toBeDisabled();
    const option = within(select).getByRole('option', { name: /Penetapan Tim Koordinasi/i });
    await user.selectOptions(select, option);
    await user.click(link);
    await waitFor(async () =>
      expect(await db.links.where('evaluationId').equals(id).toArray()).toMatchObject([
        { indicator: 1, evidenceId: added!.ok ? added!.evidence.id : '' },
      ]),
    );
    // The library has nothing left to link: the form goes.
    await waitFor(() => expect(screen.queryByLabelText('Tautkan dokumen dari pustaka')).toBeNull());
  });
});

describe('the Bukti dukung table', () => {
  it('keeps the words of the Jenis column whole; only file names break anywhere', async () => {
    // The app's stylesheets, cascaded by jsdom (it lays nothing out, but computes the rules).
    const style = document.createElement('style');
    style.textContent = ['renderer/src/styles.css', 'renderer/src/features/evidence/evidence.css']
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    document.head.append(style);
    try {
      const id = await createEvaluation(sampleInput(), { id: null, name: 'Uji' });
      const sk = pdfFile('sk_tim_koordinasi.pdf');
      const perwal = pdfFile('perwal_14_2022.pdf', 'isi peraturan wali kota');
      await addEvidenceFiles(
        id,
        [sk, perwal],
        { id: null, name: 'Uji' },
        {
          meta: new Map([[sk, { kind: 'sk' as const, title: 'SK Tim Koordinasi SPBE' }]]),
        },
      );
      window.location.hash = `#/evaluasi/${id}/bukti`;
      render(<App platform={platformPicking(() => [])} />);
      const table = await screen.findByRole('table', { name: 'Dokumen bukti dukung' });
      const wrap = (el: Element) => getComputedStyle(el).getPropertyValue('overflow-wrap');
      for (const kind of ['Surat Keputusan (SK)', 'Peraturan Kepala Daerah (Perwal/Perbup/Pergub)'])
        expect(wrap(within(table).getByRole('cell', { name: kind }))).toBe('break-word');
      // A file name may be one long word: it breaks anywhere rather than widen the table.
      expect(wrap(within(table).getByText('sk_tim_koordinasi.pdf'))).toBe('anywhere');
      expect(wrap(within(table).getByText('perwal_14_2022.pdf'))).toBe('anywhere');
    } finally {
      style.remove();
    }
  });
});
