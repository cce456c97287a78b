/**
 * Toasts: at most three, success closes by itself after a few seconds, an error stays longer and
 * never while the pointer is over it, and a message belongs to the screen that raised it (global
 * ones and those raised together with the navigation stay). Time is fake: no test waits.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Link, MemoryRouter, Route, Routes, useNavigate } from 'react-router';
import {
  MAX_VISIBLE_NOTICES,
  NAVIGATION_GRACE,
  NOTICE_LIFETIME,
  NoticeProvider,
  NoticeScope,
  useNotify,
} from '../../../renderer/src/components/notices';

function Screen({ name }: { name: string }) {
  const notify = useNotify();
  const navigate = useNavigate();
  return (
    <div>
      <h1>{name}</h1>
      <button type="button" onClick={() => notify('ok', `Tersimpan di ${name}`)}>
        Simpan
      </button>
      <button type="button" onClick={() => notify('danger', `Gagal di ${name}`)}>
        Gagal
      </button>
      <button
        type="button"
        onClick={() => notify('warn', `Peringatan umum dari ${name}`, { global: true })}
      >
        Peringatan umum
      </button>
      <button
        type="button"
        onClick={() => {
          notify('ok', 'Evaluasi dibuat');
          void navigate('/b');
        }}
      >
        Buat lalu buka
      </button>
      <Link to={name === 'A' ? '/b' : '/a'}>Pindah</Link>
    </div>
  );
}

function renderApp() {
  render(
    <NoticeProvider>
      <MemoryRouter initialEntries={['/a']}>
        <NoticeScope />
        <Routes>
          <Route path="/a" element={<Screen name="A" />} />
          <Route path="/b" element={<Screen name="B" />} />
        </Routes>
      </MemoryRouter>
    </NoticeProvider>,
  );
}

const region = () => screen.getAllByRole('status').find((e) => e.classList.contains('notices'))!;
const messages = () =>
  within(region())
    .queryAllByRole('button', { name: 'Tutup pesan' })
    .map((b) => b.parentElement!.textContent!.replace('Tutup', ''));
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const advance = (ms: number) => {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('toasts', () => {
  it('shows at most three, the newest', () => {
    renderApp();
    for (let i = 0; i < 5; i++) click(i % 2 ? 'Gagal' : 'Simpan');
    expect(MAX_VISIBLE_NOTICES).toBe(3);
    // Newest first.
    expect(messages()).toEqual(['Tersimpan di A', 'Gagal di A', 'Tersimpan di A']);
    click('Gagal');
    expect(messages()).toEqual(['Gagal di A', 'Tersimpan di A', 'Gagal di A']);
  });

  it('closes a success by itself and an error only later, never while pointed at', () => {
    renderApp();
    click('Simpan');
    click('Gagal');
    advance(NOTICE_LIFETIME.ok - 1);
    expect(messages()).toEqual(['Gagal di A', 'Tersimpan di A']);
    advance(1);
    expect(messages()).toEqual(['Gagal di A']);

    const error = within(region()).getByText('Gagal di A').parentElement!;
    fireEvent.mouseEnter(error);
    advance(NOTICE_LIFETIME.danger * 2);
    expect(messages()).toEqual(['Gagal di A']);
    fireEvent.mouseLeave(error);
    advance(NOTICE_LIFETIME.danger - 1);
    expect(messages()).toEqual(['Gagal di A']);
    advance(1);
    expect(messages()).toEqual([]);
  });

  it('closes on the button at once', () => {
    renderApp();
    click('Gagal');
    fireEvent.click(within(region()).getByRole('button', { name: 'Tutup pesan' }));
    expect(messages()).toEqual([]);
  });

  it('leaves the messages of a screen behind, except global ones', () => {
    renderApp();
    click('Gagal');
    click('Peringatan umum');
    advance(NAVIGATION_GRACE);
    fireEvent.click(screen.getByRole('link', { name: 'Pindah' }));
    expect(screen.getByRole('heading', { name: 'B' })).toBeInTheDocument();
    expect(messages()).toEqual(['Peringatan umum dari A']);

    click('Gagal');
    advance(NAVIGATION_GRACE);
    fireEvent.click(screen.getByRole('link', { name: 'Pindah' }));
    expect(messages()).toEqual(['Peringatan umum dari A']);
  });

  it('keeps a message raised together with the navigation on the new screen', () => {
    renderApp();
    click('Gagal');
    advance(NAVIGATION_GRACE);
    click('Buat lalu buka');
    expect(screen.getByRole('heading', { name: 'B' })).toBeInTheDocument();
    expect(messages()).toEqual(['Evaluasi dibuat']);
    // It belongs to B now: leaving B closes it.
    advance(NAVIGATION_GRACE);
    fireEvent.click(screen.getByRole('link', { name: 'Pindah' }));
    expect(messages()).toEqual([]);
  });
});
