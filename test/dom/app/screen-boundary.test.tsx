/**
 * The error boundary of a screen: a render error shows the screen's title, the Indonesian message,
 * "Muat ulang" and the copyable error text; the navigation keeps working, another screen clears
 * the error, and the database is not written.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import {
  errorReport,
  ScreenBoundary,
  screenTitle,
} from '../../../renderer/src/app/screen-boundary';
import { db } from '../../../renderer/src/db/db';
import { resetDatabase } from '../db/helpers';

const state = { broken: false };

function Fragile() {
  if (state.broken) throw new Error('Nilai tidak terbaca: indicators[3]');
  return <p>Layar pengaturan siap</p>;
}

function renderApp() {
  render(
    <MemoryRouter initialEntries={['/pengaturan']}>
      <nav aria-label="Navigasi utama">
        <Link to="/tentang">Tentang Aplikasi</Link>
        <Link to="/pengaturan">Pengaturan</Link>
      </nav>
      <ScreenBoundary>
        <Routes>
          <Route path="/pengaturan" element={<Fragile />} />
          <Route path="/tentang" element={<p>Layar tentang</p>} />
        </Routes>
      </ScreenBoundary>
    </MemoryRouter>,
  );
}

beforeEach(async () => {
  await resetDatabase();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('screen error boundary', () => {
  it('names screens by their route', () => {
    expect(screenTitle('/')).toBe('Daftar Evaluasi');
    expect(screenTitle('/evaluasi/abc/indikator/11')).toBe('Penilaian Indikator');
    expect(screenTitle('/bantuan')).toBe('Bantuan');
    expect(errorReport(new Error('rusak'))).toMatch(/^Error: rusak/);
  });

  it('shows the title, the message and the error text, and reloads the screen', async () => {
    state.broken = true;
    const written = vi.spyOn(db, 'transaction');
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Layar ini tidak dapat ditampilkan karena terjadi galat pada aplikasi',
    );
    const text = screen.getByRole('textbox', { name: 'Teks galat' });
    expect(text).toHaveAttribute('readonly');
    expect((text as HTMLTextAreaElement).value).toContain(
      'Error: Nilai tidak terbaca: indicators[3]',
    );

    state.broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(await screen.findByText('Layar pengaturan siap')).toBeInTheDocument();
    expect(written).not.toHaveBeenCalled();
  });

  it('copies the error text', async () => {
    state.broken = true;
    renderApp();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Salin teks galat' }));
    expect(await screen.findByText(/Teks galat disalin/)).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]![0]).toContain('Nilai tidak terbaca: indicators[3]');
  });

  it('keeps the navigation working, and another screen clears the error', async () => {
    state.broken = true;
    renderApp();
    expect(screen.getByRole('button', { name: 'Muat ulang' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Tentang Aplikasi' }));
    expect(await screen.findByText('Layar tentang')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Muat ulang' })).toBeNull();
    state.broken = false;
    await userEvent.click(screen.getByRole('link', { name: 'Pengaturan' }));
    expect(await screen.findByText('Layar pengaturan siap')).toBeInTheDocument();
  });
});
