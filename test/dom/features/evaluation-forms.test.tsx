/**
 * Forms that catch mistakes: the year says what is wrong with it, a NIP must have 18 digits, a
 * period may not end before it starts, and a second evaluation of one instansi and year (new or
 * copied) is asked for and then named "(salinan 2)" wherever evaluations are listed. Both forms
 * edit the instansi with one field set, which proposes the head title of a new kind.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/app';
import {
  createEvaluation,
  duplicateEvaluation,
  updateEvaluation,
} from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import type { Platform } from '../../../renderer/src/platform/types';
import { resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';
import { unloadPrevented } from '../window-events';

const platform = (): Platform => testPlatform().platform;

const actor = { id: null, name: 'Uji' };

afterEach(cleanup);
beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/';
});

/** The new-evaluation form on Kota Balikpapan's profile, and a user to fill it in. */
function openNewEvaluation(options?: Parameters<typeof userEvent.setup>[0]) {
  window.location.hash = '#/evaluasi/baru?profil=kota-balikpapan';
  const user = userEvent.setup(options);
  render(<App platform={platform()} />);
  return user;
}

/** Replaces the instansi name and submits. Pasted, as a long name would be: typing it key by
 * key is slow in jsdom. */
async function submitName(user: ReturnType<typeof userEvent.setup>, text: string) {
  const name = await screen.findByLabelText('Nama instansi');
  await user.clear(name);
  await user.click(name);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Buat evaluasi' }));
  return name;
}

describe('the new-evaluation form', () => {
  it('says what is wrong with a year and a NIP, and stores nothing', async () => {
    const user = openNewEvaluation();
    const year = await screen.findByLabelText('Tahun evaluasi');
    await user.clear(year);
    await user.type(year, '20a5');
    const nip = screen.getByLabelText('NIP Sekretaris Daerah');
    await user.clear(nip);
    await user.type(nip, 'abc');
    await user.click(screen.getByRole('button', { name: 'Buat evaluasi' }));
    expect(await screen.findByText('Tahun harus berupa angka 4 digit (2018–2100)')).toBeVisible();
    expect(screen.queryByText('Tahun wajib diisi')).toBeNull();
    expect(screen.getByText('NIP terdiri atas 18 angka')).toBeVisible();
    await user.clear(year);
    await user.type(year, '2017');
    await user.click(screen.getByRole('button', { name: 'Buat evaluasi' }));
    expect(await screen.findByText('Tahun harus antara 2018 dan 2100')).toBeVisible();
    expect(await db.evaluations.count()).toBe(0);
  });

  it('keeps the names, NIP and address typed in when another regional profile is chosen', async () => {
    const user = openNewEvaluation();
    const typed = {
      'Nama kepala daerah': 'dr. Ikfina Fahmawati, M.Si.',
      'Nama Sekretaris Daerah': 'Himawan Estu Bagijo',
      'NIP Sekretaris Daerah': '196805121990031007',
      'Alamat kantor': 'Jl. A. Yani No. 16, Mojokerto',
    };
    for (const [label, text] of Object.entries(typed)) {
      await user.type(await screen.findByLabelText(label), text);
    }
    await user.click(screen.getByRole('radio', { name: 'Pemerintah Kabupaten Mojokerto' }));
    // The regulation's facts are the new profile's...
    expect(screen.getByLabelText('Nama instansi')).toHaveValue('Pemerintah Kabupaten Mojokerto');
    expect(screen.getByLabelText('Sebutan kepala daerah')).toHaveValue('Bupati');
    // ...and what the user typed, which no regulation gives, is still there.
    for (const [label, text] of Object.entries(typed)) {
      expect(screen.getByLabelText(label)).toHaveValue(text);
    }
    await user.click(screen.getByRole('radio', { name: 'Profil kosong (instansi lain)' }));
    expect(screen.getByLabelText('Nama instansi')).toHaveValue('');
    expect(screen.getByLabelText('Nama Sekretaris Daerah')).toHaveValue(
      typed['Nama Sekretaris Daerah'],
    );
  });

  it('keeps a province and an abbreviation typed in where the chosen regulation states none', async () => {
    const user = openNewEvaluation();
    // Opened on Balikpapan's profile: its province replaced by hand.
    const province = await screen.findByLabelText('Provinsi');
    await user.clear(province);
    await user.type(province, 'Lampung');
    await user.click(screen.getByRole('radio', { name: 'Pemerintah Kota Bandar Lampung' }));
    // Perwal Bandar Lampung names no province: what was typed stays, its Diskominfo is taken.
    expect(screen.getByLabelText('Provinsi')).toHaveValue('Lampung');
    expect(screen.getByLabelText('Nama dinas yang membidangi TIK')).toHaveValue(
      'Dinas Komunikasi dan Informatika Kota Bandar Lampung',
    );
    const abbreviation = screen.getByLabelText('Singkatan dinas');
    await user.clear(abbreviation);
    await user.type(abbreviation, 'Diskominfotiksan');
    // Mojokerto states its province (Jawa Timur) and no abbreviation.
    await user.click(screen.getByRole('radio', { name: 'Pemerintah Kabupaten Mojokerto' }));
    expect(screen.getByLabelText('Provinsi')).toHaveValue('Jawa Timur');
    expect(screen.getByLabelText('Singkatan dinas')).toHaveValue('Diskominfotiksan');
    // What a profile filled in and nobody touched follows the next choice.
    await user.click(screen.getByRole('radio', { name: 'Profil kosong (instansi lain)' }));
    expect(screen.getByLabelText('Nama instansi')).toHaveValue('');
    expect(screen.getByLabelText('Provinsi')).toHaveValue('');
    expect(screen.getByLabelText('Singkatan dinas')).toHaveValue('Diskominfotiksan');
  });

  it("words zod's own checks in Indonesian beside the field (a name too long)", async () => {
    const user = openNewEvaluation();
    await submitName(user, `Pemerintah Kota ${'X'.repeat(190)}`);
    expect(await screen.findByText('Terlalu panjang (paling banyak 200 karakter)')).toBeVisible();
    expect(document.body.textContent).not.toMatch(/expected|Too big/);
    expect(await db.evaluations.count()).toBe(0);
  });

  it('refuses a name holding a word too long to wrap, at the field', async () => {
    const user = openNewEvaluation();
    const name = await submitName(user, `Pemerintah Kota ${'Balikpapan'.repeat(5)}`);
    expect(
      await screen.findByText('Ada kata lebih dari 40 huruf tanpa spasi; periksa penulisannya'),
    ).toBeVisible();
    expect(name).toBeInvalid();
    expect(await db.evaluations.count()).toBe(0);
  });

  it('asks before leaving when only a logo has been chosen', async () => {
    const user = openNewEvaluation();
    const input = await screen.findByLabelText('Logo instansi');
    expect(unloadPrevented()).toBe(false);
    const logo = new File(
      ['<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"></svg>'],
      'logo-mojokerto.svg',
      { type: 'image/svg+xml' },
    );
    await user.upload(input, logo);
    expect(await screen.findByText('logo-mojokerto.svg')).toBeVisible();
    await waitFor(() => expect(unloadPrevented()).toBe(true));
  });

  it('refuses a logo whose contents are not an image when it is chosen, saying why', async () => {
    const user = openNewEvaluation({ applyAccept: false });
    const input = await screen.findByLabelText('Logo instansi');
    const renamed = new File(['Ini hanya teks.'], 'logo-fake.png', { type: 'image/png' });
    await user.upload(input, renamed);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Berkas "logo-fake.png" tidak dipakai: isi berkas logo bukan gambar PNG, JPEG, SVG, atau WebP',
    );
    expect(screen.queryByRole('img', { name: 'Pratinjau logo instansi' })).toBeNull();
    expect(screen.getByText('Belum ada logo')).toBeVisible();
  });

  it('asks before a second evaluation of one instansi and year, then labels it', async () => {
    await createEvaluation(sampleInput({ year: 2025 }), actor);
    const user = openNewEvaluation();
    const year = await screen.findByLabelText('Tahun evaluasi');
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(screen.getByRole('button', { name: 'Buat evaluasi' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Evaluasi dengan instansi dan tahun yang sama sudah ada',
    });
    expect(dialog).toHaveTextContent('"Pemerintah Kota Balikpapan (salinan 2)"');
    expect(await db.evaluations.count()).toBe(1);
    await user.click(within(dialog).getByRole('button', { name: 'Tetap buat evaluasi' }));
    await waitFor(async () => expect(await db.evaluations.count()).toBe(2));
    const labels = (await db.evaluations.toArray()).map((e) => e.label ?? null).sort();
    expect(labels).toEqual([null, 'salinan 2']);
  });
});

describe('the evaluations list', () => {
  it('asks before a copy into a year that has one, and names the copy everywhere', async () => {
    await createEvaluation(sampleInput({ year: 2025 }), actor);
    await createEvaluation(sampleInput({ year: 2026 }), actor);
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    await user.click(
      await screen.findByRole('button', {
        name: 'Salin evaluasi Pemerintah Kota Balikpapan 2025 ke tahun baru',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: /Salin evaluasi 2025/ });
    const year = within(dialog).getByLabelText('Tahun evaluasi baru');
    await user.clear(year);
    await user.type(year, '20a6');
    expect(within(dialog).getByText(/Tahun harus berupa angka/)).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Salin' })).toBeDisabled();
    await user.clear(year);
    await user.type(year, '2026');
    await user.click(within(dialog).getByRole('button', { name: 'Salin' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /Sudah ada evaluasi Pemerintah Kota Balikpapan tahun 2026.*\(salinan 2\)/,
    );
    expect(await db.evaluations.count()).toBe(2);
    await user.click(within(dialog).getByRole('button', { name: 'Tetap salin' }));
    await waitFor(async () => expect(await db.evaluations.count()).toBe(3));

    window.location.hash = '#/';
    expect(
      await screen.findByRole('link', { name: 'Pemerintah Kota Balikpapan (salinan 2)' }),
    ).toBeVisible();
    await user.click(
      screen.getByRole('button', {
        name: 'Hapus evaluasi Pemerintah Kota Balikpapan (salinan 2) 2026',
      }),
    );
    const confirm = await screen.findByRole('dialog', { name: 'Hapus evaluasi?' });
    expect(confirm).toHaveTextContent('Pemerintah Kota Balikpapan (salinan 2) tahun 2026');
  });
});

describe('the instansi profile form', () => {
  it('refuses a period that ends before it starts, and a year typed wrong, where they are typed', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    window.location.hash = `#/evaluasi/${id}/profil`;
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const start = await screen.findByLabelText('Awal periode penilaian mandiri');
    await user.type(start, '2026-05-01');
    await user.type(screen.getByLabelText('Akhir periode penilaian mandiri'), '2026-04-30');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    expect(await screen.findByText('Akhir periode tidak boleh sebelum awal periode')).toBeVisible();
    const year = screen.getByLabelText('Tahun evaluasi');
    await user.clear(year);
    await user.type(year, '20a6');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    expect(await screen.findByText('Tahun harus berupa angka 4 digit (2018–2100)')).toBeVisible();
    expect((await db.evaluations.get(id))?.periodStart).toBeNull();
  });

  it('says in a sentence of its own that a date of year 0001 or 9999 is out of range', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    window.location.hash = `#/evaluasi/${id}/profil`;
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    await user.type(await screen.findByLabelText('Awal periode penilaian mandiri'), '0001-01-01');
    await user.type(screen.getByLabelText('Akhir periode penilaian mandiri'), '9999-12-31');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    expect(
      await screen.findAllByText('Tahun pada tanggal harus antara 1900 dan 2100'),
    ).toHaveLength(2);
    expect((await db.evaluations.get(id))?.periodStart).toBeNull();
  });
});

/** The labels of the "Instansi" field set of the screen shown, in order. */
async function instansiLabels(): Promise<string[]> {
  const group = await screen.findByRole('group', { name: 'Instansi' });
  return [...group.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map(
    (control) => control.labels?.[0]?.textContent ?? '(tanpa label)',
  );
}

describe('one instansi field set', () => {
  it('is the same on the new-evaluation form and the instansi profile page', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    window.location.hash = '#/evaluasi/baru';
    render(<App platform={platform()} />);
    const onNew = await instansiLabels();
    expect(screen.getByText('Logo instansi')).toBeVisible();
    cleanup();
    window.location.hash = `#/evaluasi/${id}/profil`;
    render(<App platform={platform()} />);
    const onProfile = await instansiLabels();
    expect(screen.getByText('Logo instansi')).toBeVisible();
    expect(onProfile).toEqual(onNew);
    expect(onProfile).toEqual([
      'Nama instansi',
      'Jenis pemerintah daerah',
      'Nama daerah',
      'Provinsi',
      'Sebutan kepala daerah',
      'Nama kepala daerah',
      'Nama Sekretaris Daerah',
      'NIP Sekretaris Daerah',
      'Nama dinas yang membidangi TIK',
      'Singkatan dinas',
      'Alamat kantor',
    ]);
  });

  it("says on the profile page when the year typed is outside the instrument's years", async () => {
    // The sample evaluation is on PermenPANRB 59/2020, which serves up to 2025.
    const id = await createEvaluation({ ...sampleInput(), year: 2025 }, actor);
    window.location.hash = `#/evaluasi/${id}/profil`;
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const year = await screen.findByLabelText('Tahun evaluasi');
    expect(year).not.toHaveAccessibleDescription(/PermenPANRB/);
    await user.clear(year);
    await user.type(year, '2026');
    await waitFor(() =>
      expect(year).toHaveAccessibleDescription(
        'PermenPANRB 59/2020 dipakai untuk evaluasi sampai tahun 2025; evaluasi tahun 2026 memakai PermenPANRB 8/2026 (Evaluasi Kinerja Pemerintah Digital). Periksa kembali tahun evaluasi.',
      ),
    );
  });

  it('proposes the head title of a new kind on the profile page, keeping one written by hand', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    window.location.hash = `#/evaluasi/${id}/profil`;
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const kind = await screen.findByLabelText('Jenis pemerintah daerah');
    const title = screen.getByLabelText('Sebutan kepala daerah');
    expect(title).toHaveValue('Wali Kota');
    await user.selectOptions(kind, 'kabupaten');
    expect(title).toHaveValue('Bupati');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    expect(await screen.findByText('Profil instansi disimpan.')).toBeVisible();
    const saved = (await db.evaluations.get(id))?.instansi;
    expect([saved?.kind, saved?.headOfRegionTitle]).toEqual(['kabupaten', 'Bupati']);
    await user.clear(title);
    await user.type(title, 'Walikota');
    await user.selectOptions(kind, 'kota');
    expect(title).toHaveValue('Walikota');
  });
});

describe('labels and periods in the commands', () => {
  it('labels the third of one instansi and year "salinan 3"', async () => {
    const first = await createEvaluation(sampleInput({ year: 2025 }), actor);
    await createEvaluation(sampleInput({ year: 2025 }), actor);
    const third = await duplicateEvaluation(first, 2025, actor);
    expect((await db.evaluations.get(first))?.label).toBeUndefined();
    expect((await db.evaluations.get(third))?.label).toBe('salinan 3');
  });

  it('refuses a period that ends before it starts', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    const { logoHash: _logo, ...instansi } = (await db.evaluations.get(id))!.instansi;
    await expect(
      updateEvaluation(
        id,
        { year: 2026, periodStart: '2026-05-01', periodEnd: '2026-04-30', instansi },
        actor,
      ),
    ).rejects.toThrow('Akhir periode tidak boleh sebelum awal periode.');
    expect((await db.evaluations.get(id))?.periodStart).toBeNull();
  });
});

describe('a change of screen', () => {
  it('leaves the focus on the work area when the control used went away with the old screen', async () => {
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    await user.click(await screen.findByRole('link', { name: 'Buat evaluasi baru' }));
    await screen.findByLabelText('Nama instansi');
    // Not the body: the next Tab goes on in the new screen, not at the top of the window.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });

  it('leaves the focus where it is when a control still holds it', async () => {
    const user = userEvent.setup();
    render(<App platform={platform()} />);
    const nav = await screen.findByRole('link', { name: 'Pengaturan' });
    await user.click(nav);
    await screen.findByRole('heading', { name: 'Pengaturan' });
    expect(document.activeElement).toBe(nav);
  });
});
