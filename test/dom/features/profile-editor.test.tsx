/**
 * The regional profile editor as a person uses it: the schema's Indonesian messages at the field
 * and in the summary after "Simpan profil" (and gone as soon as the field is right), the id
 * proposed from the region, rows of a list added and removed, a quote checked against the
 * regulation's text while it is typed, a built-in profile shown read-only, and a save.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankProfile, findProfile, type Profile } from '../../../shared/profiles';
import { loadCustomProfile } from '../../../renderer/src/db/commands/profiles';
import { ProfileEditor } from '../../../renderer/src/features/profiles/editor/profile-editor';
import { resetDatabase } from '../db/helpers';

const blank = (): Profile =>
  blankProfile({ id: '', name: '', kind: 'kota', regionName: '', headOfRegionTitle: 'Wali Kota' });

const REGULATION = `PERATURAN WALIKOTA TETANGGA
NOMOR 7 TAHUN 2023

Pasal 1
Dalam Peraturan Walikota ini yang dimaksud dengan Walikota adalah Walikota Tetangga.

Pasal 2
(1) Walikota menetapkan Arsitektur SPBE.
(2) Arsitektur SPBE memuat referensi arsitektur dan domain arsitektur.
`;

const region = (name: string) => screen.getByRole('region', { name });

beforeEach(resetDatabase);
afterEach(cleanup);

describe('the profile editor', () => {
  it('shows a field error at the field and in the summary, and drops both once it is right', async () => {
    const user = userEvent.setup();
    render(<ProfileEditor initial={blank()} mode="new" />);
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));

    const problems = await screen.findByText(/Profil belum dapat disimpan/);
    const list = problems.closest('[role="alert"]') as HTMLElement;
    expect(list).toHaveTextContent('Nama instansi wajib diisi');
    expect(list).toHaveTextContent('Id profil wajib diisi');
    expect(list).not.toHaveTextContent('Instansi: Nama instansi');
    const name = within(region('Instansi')).getByLabelText('Nama instansi', { exact: true });
    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription(/Nama instansi wajib diisi/);
    // The summary takes the focus, so a screen reader reads what is wrong.
    expect(problems.closest('.editor-summary')).toHaveFocus();

    await user.type(name, 'Pemerintah Kota Tetangga');
    await waitFor(() => expect(name).toBeValid());
    expect(name).not.toHaveAccessibleDescription(/wajib diisi/);
    expect(list).not.toHaveTextContent('Nama instansi wajib diisi');

    // A limit names the field it concerns, in the summary as at the field.
    await user.click(name);
    await user.paste('x'.repeat(200));
    const region120 = within(region('Instansi')).getByLabelText('Nama daerah', { exact: true });
    await user.click(region120);
    await user.paste('y'.repeat(121));
    await waitFor(() =>
      expect(list).toHaveTextContent('Nama instansi: paling banyak 200 karakter'),
    );
    expect(list).toHaveTextContent('Nama daerah: paling banyak 120 karakter');
    expect(list).not.toHaveTextContent('Instansi: paling banyak');
    expect(name).toHaveAccessibleDescription(/Paling banyak 200 karakter/);
    await user.clear(region120);
    await user.clear(name);
    await user.type(name, 'Pemerintah Kota Tetangga');
    await waitFor(() => expect(name).toBeValid());

    // The id follows the region until it is typed.
    await user.type(
      within(region('Instansi')).getByLabelText('Nama daerah', { exact: true }),
      'Tetangga',
    );
    expect(screen.getByLabelText('Id profil')).toHaveValue('kota-tetangga');
    await waitFor(() => expect(list).not.toHaveTextContent('Id profil wajib diisi'));
  });

  it('adds and removes rows of a list, with their messages', async () => {
    const user = userEvent.setup();
    render(<ProfileEditor initial={blank()} mode="new" />);
    const teams = region('Tim yang dibentuk peraturan');
    expect(within(teams).getByText('Belum ada tim.')).toBeVisible();

    await user.click(within(teams).getByRole('button', { name: 'Tambah tim' }));
    await user.click(within(teams).getByRole('button', { name: 'Tambah tim' }));
    expect(within(teams).getByRole('group', { name: 'Tim 1' })).toBeVisible();
    const second = within(teams).getByRole('group', { name: 'Tim 2' });
    expect(within(second).getByLabelText('Id tim')).toHaveValue('tim-2');
    await user.type(within(second).getByLabelText('Nama tim'), 'Tim Koordinasi SPBE');
    expect(within(teams).getByRole('group', { name: 'Tim 2: Tim Koordinasi SPBE' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    const problems = (await screen.findByText(/Profil belum dapat disimpan/)).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(problems).toHaveTextContent('Tim 1: Nama tim wajib diisi');
    expect(problems).toHaveTextContent(
      'Tim 2, Dasar tim: sebutkan paling sedikit satu pasal beserta kutipannya',
    );
    const first = within(teams).getByRole('group', { name: 'Tim 1' });
    expect(within(first).getByLabelText('Nama tim')).toHaveAccessibleDescription(
      'Nama tim wajib diisi',
    );

    // Removing the first team moves the second up, with its values and its own message.
    await user.click(within(first).getByRole('button', { name: 'Hapus tim 1' }));
    const moved = within(teams).getByRole('group', { name: 'Tim 1: Tim Koordinasi SPBE' });
    expect(within(moved).getByLabelText('Id tim')).toHaveValue('tim-2');
    expect(within(teams).queryByRole('group', { name: /^Tim 2/ })).toBeNull();
    await waitFor(() => expect(problems).not.toHaveTextContent('Nama tim wajib diisi'));
    expect(problems).toHaveTextContent(
      'Tim 1, Dasar tim: sebutkan paling sedikit satu pasal beserta kutipannya',
    );
    expect(
      within(moved).getByText('Sebutkan paling sedikit satu pasal beserta kutipannya'),
    ).toBeVisible();

    // A citation row added and removed in the team.
    await user.click(within(moved).getByRole('button', { name: 'Tambah pasal: dasar tim 1' }));
    expect(within(moved).getByRole('group', { name: 'Pasal 1' })).toBeVisible();
    await user.click(within(moved).getByRole('button', { name: 'Hapus pasal 1' }));
    expect(within(moved).queryByRole('group', { name: 'Pasal 1' })).toBeNull();

    await user.click(within(moved).getByRole('button', { name: 'Hapus tim 1' }));
    expect(within(teams).getByText('Belum ada tim.')).toBeVisible();
    await waitFor(() => expect(problems).not.toHaveTextContent('Tim 1'));
    expect(problems).toHaveTextContent('Nama instansi wajib diisi');

    // Obligations: a new one gets the next free id and a first rule to fill in.
    const obligations = region('Kewajiban dan aturan pemeriksaan kepatuhan');
    expect(within(obligations).getByText('Belum ada kewajiban.')).toBeVisible();
    await user.click(within(obligations).getByRole('button', { name: 'Tambah kewajiban' }));
    await user.click(within(obligations).getByRole('button', { name: 'Tambah kewajiban' }));
    const obligation = within(obligations).getByRole('group', { name: 'Kewajiban 2' });
    expect(within(obligation).getByLabelText('Id kewajiban')).toHaveValue('kewajiban-2');
    expect(within(obligation).getByRole('group', { name: 'Aturan 1' })).toBeVisible();
    await user.click(within(obligations).getByRole('button', { name: 'Hapus kewajiban 1' }));
    await user.click(within(obligations).getByRole('button', { name: 'Tambah kewajiban' }));
    // "kewajiban-2" is still taken by the row that moved up: the new one is the third.
    const added = within(obligations).getByRole('group', { name: 'Kewajiban 2' });
    expect(within(added).getByLabelText('Id kewajiban')).toHaveValue('kewajiban-3');
  });

  it('checks a quote against the regulation while it is typed', async () => {
    const user = userEvent.setup();
    const initial = blank();
    initial.regulation.text = REGULATION;
    render(<ProfileEditor initial={initial} mode="new" />);
    const mapping = region('Pemetaan pasal ke indikator');
    await user.click(within(mapping).getByRole('button', { name: 'Tambah pemetaan indikator' }));
    const entry = within(mapping).getByRole('group', { name: /^Pemetaan 1: indikator 1/ });
    await user.click(
      within(entry).getByRole('button', { name: 'Tambah pasal: pasal untuk indikator 1' }),
    );
    await user.type(within(entry).getByLabelText('Rujukan', { exact: true }), 'Pasal 2 ayat (2)');
    await user.type(within(entry).getByLabelText('Kutipan', { exact: true }), 'domain tata kelola');
    expect(within(entry).queryByText(/Kutipan ditemukan/)).toBeNull();
    await user.clear(within(entry).getByLabelText('Kutipan', { exact: true }));
    await user.type(
      within(entry).getByLabelText('Kutipan', { exact: true }),
      'referensi arsitektur dan domain arsitektur',
    );
    expect(within(entry).getByText('Kutipan ditemukan pada Pasal 2 ayat (2).')).toBeVisible();
  });

  it('shows a built-in profile with every control disabled and no save', () => {
    const bengkulu = findProfile('kota-bengkulu') as Profile;
    render(<ProfileEditor initial={bengkulu} mode="builtIn" />);
    const title = within(region('Instansi')).getByLabelText('Sebutan kepala daerah', {
      exact: true,
    });
    expect(title).toHaveValue('Walikota');
    expect(title).toBeDisabled();
    // Every control of the profile sits in one disabled group.
    const form = screen.getByRole('group', { name: 'Profil daerah Pemerintah Kota Bengkulu' });
    expect(form).toBeDisabled();
    const controls = form.querySelectorAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(100);
    for (const control of controls) expect(control).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Simpan profil' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Tambah/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Hapus/ })).toBeNull();
  });

  it('saves a new profile through the save command', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    render(<ProfileEditor initial={blank()} mode="new" onSaved={onSaved} />);
    const instansi = region('Instansi');
    await user.type(
      within(instansi).getByLabelText('Nama instansi', { exact: true }),
      'Pemerintah Kota Tetangga',
    );
    await user.type(within(instansi).getByLabelText('Nama daerah', { exact: true }), 'Tetangga');
    await user.type(within(instansi).getByLabelText('Provinsi', { exact: true }), 'Jawa Barat');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const stored = await loadCustomProfile('kota-tetangga');
    expect(stored?.instansi).toMatchObject({
      name: 'Pemerintah Kota Tetangga',
      province: 'Jawa Barat',
      headOfRegionTitle: 'Wali Kota',
    });
    expect(stored?.ictAgency.name).toBeNull();
    expect(screen.queryByText('Ada perubahan yang belum disimpan')).toBeNull();
  });
});

describe('a save refused by the store', () => {
  it('names the field as the editor labels it, not by its path', async () => {
    const user = userEvent.setup();
    render(<ProfileEditor initial={blank()} mode="new" />);
    const instansi = region('Instansi');
    await user.type(
      within(instansi).getByLabelText('Nama instansi', { exact: true }),
      'Pemerintah Kota Tetangga',
    );
    await user.type(within(instansi).getByLabelText('Nama daerah', { exact: true }), 'Tetangga');
    const id = screen.getByLabelText('Id profil');
    await user.clear(id);
    await user.type(id, 'kota-balikpapan');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    const problems = await screen.findByText(/Profil belum dapat disimpan/);
    const list = problems.closest('[role="alert"]') as HTMLElement;
    await waitFor(() => expect(list).toHaveTextContent(/adalah id profil bawaan/));
    expect(list).not.toHaveTextContent(/\bid: "/);
  });
});
