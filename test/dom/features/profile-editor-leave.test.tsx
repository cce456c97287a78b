/**
 * The regional profile editor does not lose typed work without asking: with unsaved changes,
 * going to another screen waits for "Tinggalkan halaman ini?" (Batal stays, with the text kept)
 * and closing or reloading the window is asked about; once saved, nothing is asked.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankProfile } from '../../../shared/profiles';
import { ProfileEditor } from '../../../renderer/src/features/profiles/editor/profile-editor';
import { resetDatabase } from '../db/helpers';
import { unloadPrevented } from '../window-events';

function renderEditor(): void {
  const initial = blankProfile({
    id: '',
    name: '',
    kind: 'kota',
    regionName: '',
    headOfRegionTitle: 'Wali Kota',
  });
  const router = createMemoryRouter(
    [
      {
        path: '/profil',
        element: (
          <>
            <Link to="/lain">Daftar Evaluasi</Link>
            <ProfileEditor initial={initial} mode="new" />
          </>
        ),
      },
      { path: '/lain', element: <h1>Layar lain</h1> },
    ],
    { initialEntries: ['/profil'] },
  );
  render(<RouterProvider router={router} />);
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('the profile editor with unsaved changes', () => {
  it('asks before another screen or a reload, and keeps the text on Batal', async () => {
    const user = userEvent.setup();
    renderEditor();
    expect(unloadPrevented()).toBe(false);
    const instansi = screen.getByRole('region', { name: 'Instansi' });
    const name = within(instansi).getByLabelText('Nama instansi', { exact: true });
    await user.type(name, 'Pemerintah Kota Tetangga');
    await waitFor(() => expect(unloadPrevented()).toBe(true));

    await user.click(screen.getByRole('link', { name: 'Daftar Evaluasi' }));
    const ask = await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' });
    await user.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('heading', { name: 'Layar lain' })).toBeNull();
    expect(name).toHaveValue('Pemerintah Kota Tetangga');
  });

  it('asks nothing once the profile is saved', async () => {
    const user = userEvent.setup();
    renderEditor();
    const instansi = screen.getByRole('region', { name: 'Instansi' });
    await user.type(
      within(instansi).getByLabelText('Nama instansi', { exact: true }),
      'Pemerintah Kota Tetangga',
    );
    await user.type(within(instansi).getByLabelText('Nama daerah', { exact: true }), 'Tetangga');
    await user.click(screen.getByRole('button', { name: 'Simpan profil' }));
    await waitFor(() => expect(unloadPrevented()).toBe(false));
    await user.click(screen.getByRole('link', { name: 'Daftar Evaluasi' }));
    expect(await screen.findByRole('heading', { name: 'Layar lain' })).toBeVisible();
  });
});
