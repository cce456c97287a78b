/**
 * The instrument's indicator page with both packs: 59/2020 keeps its question and guideline
 * table; Pemdi shows the description, ranges, kondisi, butir, confidence and the external index.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { IndicatorPage } from '../../../renderer/src/features/instrument/indicator-page';

function show(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/instrumen/:packId/:version/indikator/:number" element={<IndicatorPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('instrument indicator page', () => {
  it('59/2020: question, five criteria, guideline table, no ranges', () => {
    show('/instrumen/permenpanrb-59-2020/1.0.0/indikator/1');
    expect(screen.getByRole('heading', { name: 'Pertanyaan' })).toBeVisible();
    const list = screen.getByRole('list', { name: 'Kriteria tingkat indikator 1' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(within(list).queryByText(/Rentang/)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Bukti dukung yang diharapkan' })).toBeVisible();
  });

  it("59/2020: says where a shown text differs from the regulation's or the juknis copy", () => {
    // instrumen-59-2020.json notes: Tabel 3 names indicator 9 otherwise than Tabel 9 and the
    // Kuesioner; the juknis copy's level-3 criteria column held level-2 evidence text.
    show('/instrumen/permenpanrb-59-2020/1.0.0/indikator/9');
    const notes = screen.getByRole('list', { name: 'Catatan paket untuk indikator 9' });
    const items = within(notes).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(notes).toHaveTextContent(
      /Perbedaan antarsumber: Nama indikator: Tabel 3 Lampiran menulis "tingkat kematangan kebijakan internal audit teknologi informasi dan komunikasi"/,
    );
    expect(notes).toHaveTextContent(
      /Koreksi salinan: Kolom kriteria tingkat 3 pada salinan juknis/,
    );
    // An indicator the pack has nothing to say about shows no empty card.
    cleanup();
    show('/instrumen/permenpanrb-59-2020/1.0.0/indikator/2');
    expect(screen.queryByRole('heading', { name: /Catatan paket untuk indikator/ })).toBeNull();
  });

  it('gives the names the sources also use, where they word an indicator otherwise', () => {
    // pemdi-2026-sources.json names indicator 9 "… Audit Keamanan Pemerintah Digital dan
    // Teknologi Pemerintah Digital"; pemdi-2026-criteria.json "… Audit Keamanan dan Teknologi …".
    show('/instrumen/permenpanrb-8-2026/1.0.0/indikator/9');
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Indikator 9. Tingkat Kematangan Pelaksanaan Audit Keamanan dan Teknologi Pemerintah Digital',
      }),
    ).toBeVisible();
    expect(screen.getByText(/^Nama lain dalam sumber: /)).toHaveTextContent(
      'Nama lain dalam sumber: Tingkat Kematangan Pelaksanaan Audit Keamanan Pemerintah Digital dan Teknologi Pemerintah Digital; Tingkat Kematangan Pelaksanaan Audit Keamanan Pemdi dan Teknologi Pemdi; Pelaksanaan Audit Keamanan & Teknologi Pemdi.',
    );
  });

  it('names the counterparts in the other instrument both ways, as the crosswalk suggests', () => {
    // The Pemdi pack's crosswalk: 59/2020 indicators 9, 29, 30 and 31 (audit) lead to Pemdi 9.
    show('/instrumen/permenpanrb-8-2026/1.0.0/indikator/9');
    const earlier = screen.getByRole('list', { name: 'Padanan dalam PermenPANRB 59/2020' });
    expect(
      within(earlier)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      [
        'Indikator 9. Tingkat Kematangan Kebijakan Internal Audit TIK',
        '/instrumen/permenpanrb-59-2020/1.0.0/indikator/9',
      ],
      [
        'Indikator 29. Tingkat Kematangan Pelaksanaan Audit Infrastruktur SPBE',
        '/instrumen/permenpanrb-59-2020/1.0.0/indikator/29',
      ],
      [
        'Indikator 30. Tingkat Kematangan Pelaksanaan Audit Aplikasi SPBE',
        '/instrumen/permenpanrb-59-2020/1.0.0/indikator/30',
      ],
      [
        'Indikator 31. Tingkat Kematangan Pelaksanaan Audit Keamanan SPBE',
        '/instrumen/permenpanrb-59-2020/1.0.0/indikator/31',
      ],
    ]);
    // A suggestion of the app, not the regulation's: the pack says so beside it.
    expect(
      screen.getByRole('list', { name: 'Catatan padanan PermenPANRB 8/2026' }),
    ).toHaveTextContent(
      /Asumsi paket: Padanan indikator PermenPANRB 59\/2020 → 8\/2026 adalah usulan aplikasi/,
    );
    cleanup();
    show('/instrumen/permenpanrb-59-2020/1.0.0/indikator/30');
    const later = screen.getByRole('list', { name: 'Padanan dalam PermenPANRB 8/2026' });
    expect(within(later).getByRole('link')).toHaveAccessibleName(
      'Indikator 9. Tingkat Kematangan Pelaksanaan Audit Keamanan dan Teknologi Pemerintah Digital',
    );
  });

  it("leads back to the indicator's own instrument, whatever this year's is", () => {
    show('/instrumen/permenpanrb-8-2026/1.0.0/indikator/5');
    const trail = screen.getByRole('navigation', { name: 'Lokasi' });
    expect(within(trail).getByRole('link', { name: 'Instrumen' })).toHaveAttribute(
      'href',
      '/instrumen?paket=permenpanrb-8-2026&versi=1.0.0',
    );
    cleanup();
    show('/instrumen/permenpanrb-59-2020/1.0.0/indikator/32');
    expect(
      within(screen.getByRole('navigation', { name: 'Lokasi' })).getByRole('link', {
        name: 'Instrumen',
      }),
    ).toHaveAttribute('href', '/instrumen?paket=permenpanrb-59-2020&versi=1.0.0');
  });

  it('Pemdi: description, ranges, kondisi, butir, one quiet caution, external index', () => {
    show('/instrumen/permenpanrb-8-2026/1.0.0/indikator/5');
    expect(screen.queryByRole('heading', { name: 'Pertanyaan' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Deskripsi indikator' })).toBeVisible();
    const list = screen.getByRole('list', { name: 'Kriteria tingkat indikator 5' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((e) => e.parentElement === list);
    expect(items).toHaveLength(5);
    expect(within(items[0]!).getByText('Rentang 1,00–<1,50')).toBeVisible();
    expect(within(items[4]!).getByText('Rentang 4,00–5,00')).toBeVisible();
    expect(within(items[0]!).getByText('I5-L1-01')).toBeVisible();
    expect(within(items[0]!).getByText(/Indeks Satu Data Indonesia \(SDI\) berada/)).toBeVisible();
    expect(screen.getAllByText(/cocokkan dengan salinan resmi/)).toHaveLength(2); // criteria, conversion
    expect(screen.getByRole('heading', { name: /^Nilai dari Indeks/ })).toBeVisible();
    expect(screen.getByText(/dihitung 1,00/)).toBeVisible();
    // The conversion explained in Indonesian; the research's references folded, marked English.
    expect(
      screen.getByText(/^Keyakinan konversi: sedang\. Konversi linear di dalam rentang/),
    ).toBeVisible();
    const refs = screen.getByText('Rujukan sumber paket (catatan teknis)').closest('details')!;
    expect(refs).not.toHaveAttribute('open');
    expect(within(refs).getByText(/github:Niumination/)).toHaveAttribute('lang', 'en');
    // The research's English wording survives only in the folded technical notes.
    for (const original of screen.getAllByText(/piecewise-linear/)) {
      expect(original.closest('details')).not.toHaveAttribute('open');
    }
  });

  it('Pemdi: a level whose butir the sources do not give says so (indicator 9, level 3)', () => {
    show('/instrumen/permenpanrb-8-2026/1.0.0/indikator/9');
    const list = screen.getByRole('list', { name: 'Kriteria tingkat indikator 9' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((e) => e.parentElement === list);
    expect(items[2]).toHaveTextContent('Butir bukti dukung belum tersedia');
    expect(items[1]).toHaveTextContent('Butir bukti dukung');
    expect(items[1]).not.toHaveTextContent('belum tersedia');
  });
});
