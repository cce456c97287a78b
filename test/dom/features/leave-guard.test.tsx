/**
 * The "leave this page?" guard: with unsaved input an in-app navigation waits for the answer in
 * the app's confirm dialog ("Batal" stays, "Tinggalkan halaman" goes), closing the window is
 * asked through beforeunload, and without unsaved input nothing is asked. Also on a real form
 * of the app (new evaluation).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/app';
import { useLeaveGuard } from '../../../renderer/src/components/use-leave-guard';
import { resetDatabase } from '../db/helpers';
import { unloadPrevented } from '../window-events';
import { testPlatform } from '../support/platform';

function NoteForm() {
  const [text, setText] = useState('');
  const guard = useLeaveGuard(text !== '');
  return (
    <section>
      <h1>Catatan</h1>
      {guard}
      <label htmlFor="isi">Isi catatan</label>
      <input id="isi" value={text} onChange={(e) => setText(e.target.value)} />
      <Link to="/lain">Ke layar lain</Link>
    </section>
  );
}

function renderForm() {
  const router = createMemoryRouter(
    [
      { path: '/', element: <NoteForm /> },
      { path: '/lain', element: <h1>Layar lain</h1> },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
}

afterEach(cleanup);

describe('useLeaveGuard', () => {
  it('lets a screen without unsaved input go without asking', async () => {
    renderForm();
    const user = userEvent.setup();
    expect(unloadPrevented()).toBe(false);
    await user.click(screen.getByRole('link', { name: 'Ke layar lain' }));
    expect(await screen.findByRole('heading', { name: 'Layar lain' })).toBeInTheDocument();
  });

  it('asks before leaving unsaved input: "Batal" stays, "Tinggalkan halaman" goes', async () => {
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Isi catatan'), 'belum disimpan');
    expect(unloadPrevented()).toBe(true);
    await user.click(screen.getByRole('link', { name: 'Ke layar lain' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' });
    expect(
      within(dialog).getByText('Perubahan yang belum disimpan akan hilang.'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.getByLabelText('Isi catatan')).toHaveValue('belum disimpan');
    expect(screen.queryByRole('dialog', { name: 'Tinggalkan halaman ini?' })).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Ke layar lain' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' })).getByRole(
        'button',
        { name: 'Tinggalkan halaman' },
      ),
    );
    expect(await screen.findByRole('heading', { name: 'Layar lain' })).toBeInTheDocument();
    expect(unloadPrevented()).toBe(false);
  });
});

describe('the new evaluation form', () => {
  beforeEach(async () => {
    await resetDatabase();
    window.location.hash = '#/evaluasi/baru';
  });

  it('asks before leaving with typed input', async () => {
    const { platform } = testPlatform();
    render(<App platform={platform} />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Evaluasi baru' });
    await user.type(screen.getByLabelText(/^Nama instansi/), 'Pemerintah Kota Uji');
    await user.click(screen.getAllByRole('link', { name: 'Daftar Evaluasi' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' });
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Evaluasi baru' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Nama instansi/)).toHaveValue('Pemerintah Kota Uji');
  });
});
