/**
 * The Instrumen screen with both packs: the list of built-in and loaded packs (status, version,
 * source, the caution line), loading a pack file (accepted and listed, or refused with every
 * reason and nothing stored), saving a pack to a file, removing a loaded pack. The start-up gate
 * reads stored packs back into the registry before the app renders.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPack, registerUserPacks } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import type { MemberId } from '../../../shared/assessment';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { packKey } from '../../../renderer/src/db/commands/packs';
import { db } from '../../../renderer/src/db/db';
import { AboutPage } from '../../../renderer/src/features/about/about-page';
import { InstrumentPage } from '../../../renderer/src/features/instrument/instrument-page';
import { UserPacksGate } from '../../../renderer/src/features/instrument/user-packs-gate';
import type { Platform } from '../../../renderer/src/platform/types';
import { resetDatabase, sampleInput } from '../db/helpers';

const OLD = 'permenpanrb-59-2020';
const PEMDI = 'permenpanrb-8-2026';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations reach into arbitrary JSON

const json = (id: string, mutate: (p: Mutable) => void = () => undefined): Mutable => {
  const copy = JSON.parse(JSON.stringify(findPack(id))) as Mutable;
  mutate(copy);
  return copy;
};
const file = (content: unknown, name = 'paket.json'): File =>
  new File([JSON.stringify(content)], name, { type: 'application/json' });

function renderPage(platform: Partial<Platform> = {}, at = '/') {
  render(
    <PlatformContext.Provider value={platform as Platform}>
      <NoticeProvider>
        <MemoryRouter initialEntries={[at]}>
          <UserPacksGate>
            <InstrumentPage />
          </UserPacksGate>
        </MemoryRouter>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}

const packTable = () => screen.findByRole('table', { name: 'Daftar paket instrumen' });
// Waits for the row (a loaded or restored pack appears once its file or the database is read),
// looking up the table again on every try: it may be rendered anew meanwhile.
const row = (name: RegExp) =>
  waitFor(() =>
    within(screen.getByRole('table', { name: 'Daftar paket instrumen' })).getByRole('row', {
      name,
    }),
  );
const chooser = () => screen.getByLabelText(/Paket instrumen dari berkas/);
const storedPacks = () => db.settings.where('key').startsWith('pack:').toArray();

beforeEach(async () => {
  registerUserPacks([]);
  await resetDatabase();
});
afterEach(() => {
  cleanup();
  registerUserPacks([]);
});

describe('the Instrumen screen', () => {
  it('lists both built-in packs with status, version, source and the one caution line', async () => {
    renderPage();
    const old = await row(/PermenPANRB 59\/2020/);
    expect(old).toHaveTextContent('Resmi');
    expect(old).toHaveTextContent(findPack(OLD)!.version);
    expect(old).toHaveTextContent('Bawaan aplikasi');
    expect(old).not.toHaveTextContent('cocokkan dengan salinan resmi');
    expect(within(old).queryByRole('button', { name: /^Hapus/ })).toBeNull();

    const pemdi = await row(/PermenPANRB 8\/2026/);
    expect(pemdi).toHaveTextContent('Draf, belum resmi');
    expect(pemdi).toHaveTextContent('Bawaan aplikasi');
    expect(pemdi).toHaveTextContent(
      'Disusun dari sumber sekunder; cocokkan dengan salinan resmi PermenPANRB 8/2026.',
    );
  });

  it.each([
    [2025, 'PermenPANRB 59/2020 — Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik'],
    [2026, 'PermenPANRB 8/2026 — Evaluasi Kinerja Pemerintah Digital'],
  ])(
    'opens in %i on the instrument of that year, as a new evaluation proposes it',
    async (year, title) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(year, 10, 22));
      try {
        renderPage();
        await packTable();
        expect(
          screen.getByRole('heading', { level: 1, name: 'Instrumen Evaluasi' }).nextElementSibling,
        ).toHaveTextContent(title);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it('states the target, predikat and scale of each pack in its own terms, with their sources', async () => {
    renderPage({}, `/?paket=${OLD}`);
    await packTable();
    const target = () => screen.getByText('Target', { selector: 'dt' }).nextElementSibling;
    const pemdiCaution = findPack(PEMDI)!.provenance!.caution;
    // 59/2020 is official: its predikat card says how it is read, without a caution.
    const oldPredikat = screen.getByRole('heading', { name: 'Predikat' }).parentElement!;
    expect(oldPredikat).toHaveTextContent('predikat dibaca dari nilai yang disajikan');
    expect(oldPredikat).not.toHaveTextContent(pemdiCaution);
    expect(target()).toHaveTextContent('Tiap indikator tingkat 3; Indeks SPBE paling rendah 2,6');
    expect(target()).toHaveTextContent(findPack(OLD)!.targets.source!);

    await userEvent.click(
      screen.getByRole('button', { name: `Tampilkan PermenPANRB 8/2026 versi 1.0.0` }),
    );
    await screen.findByText(/PermenPANRB 8\/2026 — Evaluasi Kinerja Pemerintah Digital/);
    // A Pemdi value, not a level: "nilai 2,50", not "tingkat 2,5"; and it is the app's default,
    // not the regulation's, which the pack says.
    expect(target()).toHaveTextContent(
      'Tiap indikator nilai 2,50; Indeks Pemdi paling rendah 2,50',
    );
    expect(target()).toHaveTextContent(
      /Bukan ketentuan PermenPANRB 8\/2026: peraturan tidak menetapkan target/,
    );
    // The predikat bounds and the rounding are the pack's reading of secondary sources: said
    // under the table, with how the predikat is read (from the exact value).
    const predikat = screen.getByRole('heading', { name: 'Predikat' }).parentElement!;
    expect(predikat).toHaveTextContent(
      'Batas predikat 1,50 / 2,50 / 3,50 / 4,00 dengan batas bawah inklusif',
    );
    expect(predikat).toHaveTextContent('predikat dibaca dari nilai tepatnya');
    expect(predikat).toHaveTextContent(pemdiCaution);
    // The scale gives each level's range of values, the way a value is read as a level.
    const scale = screen.getByRole('heading', { name: /^Tingkat Kematangan Pemerintah Digital/ })
      .nextElementSibling as HTMLElement;
    const levels = within(scale).getAllByRole('listitem');
    expect(levels[0]).toHaveTextContent(/^Merintis \(1,00–<1,50\): Implementasi Pemdi/);
    expect(levels[4]).toHaveTextContent(/^Unggul \(4,00–5,00\): /);
  });

  it('states how each index is computed, and where the pack took its facts from', async () => {
    renderPage({}, `/?paket=${OLD}`);
    await packTable();
    // PermenPANRB 59/2020 Lampiran II.B.4 (Tabel 10–12): aspect, domain, then the whole index.
    const oldFormula = screen.getByRole('list', { name: 'Rumus Indeks SPBE' });
    expect(
      within(oldFormula)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Indeks Aspek adalah jumlah hasil kali nilai setiap indikator dengan bobotnya, dibagi bobot aspek tersebut.',
      'Indeks Domain adalah jumlah hasil kali indeks aspek dengan bobotnya, dibagi bobot domain tersebut.',
      'Indeks SPBE adalah jumlah hasil kali indeks domain dengan bobotnya, dibagi 100.',
    ]);
    // The regulation prints two formula boxes swapped (pp. 23–24): the pack says so.
    expect(screen.getByRole('list', { name: 'Catatan rumus' })).toHaveTextContent(
      /Perbedaan antarsumber: Lampiran Bab II\.B\.4 mencetak kotak rumus Indeks Domain dan Indeks SPBE tertukar/,
    );
    // The note's source is technical: folded under it, not spread through the summary.
    const formulaSource = within(screen.getByRole('list', { name: 'Catatan rumus' }))
      .getByText('Sumber catatan')
      .closest('details')!;
    expect(formulaSource).not.toHaveAttribute('open');
    expect(formulaSource).toHaveTextContent(
      'PermenPANRB 59/2020, Lampiran Bab II.B.4, Tabel 10–12',
    );
    const oldNotes = screen.getByRole('list', {
      name: 'Catatan paket PermenPANRB 59/2020 versi 1.0.0',
    });
    expect(oldNotes).toHaveTextContent(
      /Keterangan: Kriteria tingkat diambil verbatim dari Kuesioner/,
    );
    expect(
      screen.getByRole('list', { name: 'Sumber paket PermenPANRB 59/2020 versi 1.0.0' }),
    ).toHaveTextContent(/Peraturan Menteri PANRB Nomor 59 Tahun 2020/);

    await userEvent.click(
      screen.getByRole('button', { name: `Tampilkan PermenPANRB 8/2026 versi 1.0.0` }),
    );
    await screen.findByText(/PermenPANRB 8\/2026 — Evaluasi Kinerja Pemerintah Digital/);
    // pemdi-2026-sources.json formula: Σ(w × NI)/wA per aspect; Σ(wA × aspect)/100.
    const formula = screen.getByRole('list', { name: 'Rumus Indeks Pemdi' });
    expect(
      within(formula)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Indeks Aspek adalah jumlah hasil kali nilai setiap indikator dengan bobotnya, dibagi bobot aspek tersebut.',
      'Indeks Pemdi adalah jumlah hasil kali indeks aspek dengan bobotnya, dibagi 100.',
    ]);
    expect(screen.getByText('Keyakinan paket secara keseluruhan: sedang.')).toBeVisible();
    // The known conflicts between the sources and the external-index rule, read on this screen.
    const notes = screen.getByRole('list', {
      name: 'Catatan paket PermenPANRB 8/2026 versi 1.0.0',
    });
    expect(notes).toHaveTextContent(
      /Keterangan: Teks PermenPANRB 8\/2026 beserta lampirannya tidak tersedia/,
    );
    expect(notes).toHaveTextContent(/Perbedaan antarsumber: Aspect membership of I08 PDP/);
    expect(notes).toHaveTextContent(/Indikator 5, 6, 7 dan 18 dinilai dari indeks instansi lain/);
    expect(
      screen.getByRole('list', { name: 'Sumber paket PermenPANRB 8/2026 versi 1.0.0' }),
    ).toHaveTextContent(/github:Niumination\/PemdiAcehTengah/);
  });

  it.each([OLD, PEMDI])(
    'loads a sound copy of %s: listed, stored, shown, and found again after a restart',
    async (id) => {
      const newId = `${id}-resmi`;
      renderPage();
      await packTable();
      await userEvent.upload(
        chooser(),
        file(
          json(id, (p) => {
            p.id = newId;
            p.shortTitle = `${p.shortTitle} resmi`;
            p.status = 'official';
          }),
        ),
      );
      const loaded = await row(new RegExp(newId));
      expect(loaded).toHaveTextContent('Dimuat dari berkas');
      expect(loaded).toHaveTextContent('Resmi');
      expect(
        await screen.findByText(new RegExp(`Paket ${newId} versi .* dimuat\\.`)),
      ).toBeVisible();
      expect((await storedPacks()).map((r) => r.key)).toEqual([
        packKey(newId, findPack(id)!.version),
      ]);

      await userEvent.click(within(loaded).getByRole('button', { name: /^Tampilkan/ }));
      expect(screen.getByRole('heading', { name: 'Struktur dan bobot' })).toBeVisible();
      expect(screen.getByRole('combobox', { name: 'Paket instrumen' })).toHaveDisplayValue(/resmi/);

      // A restart: the registry is empty until the gate reads the database.
      registerUserPacks([]);
      cleanup();
      renderPage();
      expect(await row(new RegExp(newId))).toBeVisible();
      expect(findPack(newId)?.shortTitle).toMatch(/resmi$/);
    },
  );

  it.each([OLD, PEMDI])(
    'refuses a broken %s file with every reason listed and nothing stored',
    async (id) => {
      renderPage();
      await packTable();
      await userEvent.upload(
        chooser(),
        file(
          json(id, (p) => {
            p.id = `${id}-rusak`;
            p.penerbit = 'tidak dikenal';
            p.groups[0].weight += 7;
          }),
          'rusak.json',
        ),
      );
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Paket dalam "rusak.json" ditolak; tidak ada yang diubah.');
      const reasons = within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(reasons).toContain('(akar): kolom tidak dikenal: penerbit');
      expect(reasons.some((r) => /bobot/i.test(r ?? ''))).toBe(true);
      expect(await storedPacks()).toEqual([]);
      expect(within(await packTable()).getAllByRole('row')).toHaveLength(3);
    },
  );

  it('saves a pack to a file as its JSON', async () => {
    const chunks: Uint8Array[] = [];
    const saveFile = vi.fn<Platform['saveFile']>(async (_options, write) => {
      const sink = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
      await write(sink, new AbortController().signal);
      return { name: 'paket.json', size: 1 };
    });
    renderPage({ saveFile });
    for (const id of [OLD, PEMDI]) {
      chunks.length = 0;
      const pack = findPack(id)!;
      await userEvent.click(
        await screen.findByRole('button', {
          name: `Simpan paket ${pack.shortTitle} versi ${pack.version} ke berkas`,
        }),
      );
      await waitFor(() => expect(chunks.length).toBeGreaterThan(0));
      expect(saveFile).toHaveBeenLastCalledWith(
        expect.objectContaining({ kind: 'json', suggestedName: `${id}-${pack.version}.json` }),
        expect.any(Function),
      );
      const text = new TextDecoder().decode(chunks[0]);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(pack)));
    }
  });

  it('removes a loaded pack after a click; built-in packs have no remove button', async () => {
    renderPage();
    await packTable();
    await userEvent.upload(chooser(), file(json(PEMDI, (p) => (p.id = 'pemdi-uji'))));
    const loaded = await row(/pemdi-uji/);
    await userEvent.click(within(loaded).getByRole('button', { name: /^Hapus paket/ }));
    await waitFor(async () => expect(await storedPacks()).toEqual([]));
    await waitFor(() => expect(screen.queryByRole('row', { name: /pemdi-uji/ })).toBeNull());
    expect(findPack('pemdi-uji')).toBeUndefined();
  });

  it('tells at start-up which stored pack was skipped and why, and still opens', async () => {
    const bad = json(PEMDI, (p) => {
      p.id = 'pemdi-rusak';
      p.targets.index = 9;
    });
    await db.settings.put({ key: packKey('pemdi-rusak', bad.version as string), value: bad });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('1 paket instrumen tersimpan tidak dapat dimuat lagi');
    expect(alert).toHaveTextContent(/pemdi-rusak versi .*: Target indeks 9 di luar skala/);
    expect(await packTable()).toBeVisible();
    expect(screen.getByRole('note', { name: 'Paket tersimpan yang dilewati' })).toHaveTextContent(
      'pemdi-rusak',
    );
  });

  it.each([OLD, PEMDI])(
    'refuses to remove a loaded copy of %s while an evaluation uses it, naming the evaluation',
    async (id) => {
      renderPage();
      await packTable();
      await userEvent.upload(chooser(), file(json(id, (p) => (p.id = `${id}-dipakai`))));
      await row(new RegExp(`${id}-dipakai`));
      await createEvaluation(
        sampleInput({ instrumentId: `${id}-dipakai`, instrumentVersion: findPack(id)!.version }),
        { id: 'm1' as MemberId, name: 'Siti Aminah' },
      );
      const loaded = await row(new RegExp(`${id}-dipakai`));
      await userEvent.click(within(loaded).getByRole('button', { name: /^Hapus paket/ }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        /masih dipakai 1 evaluasi \(Pemerintah Kota Balikpapan tahun 2026\)/,
      );
      expect(await storedPacks()).toHaveLength(1);
      expect(await row(new RegExp(`${id}-dipakai`))).toBeVisible();
    },
  );

  it('the about page lists built-in and loaded packs', async () => {
    await db.settings.put({
      key: packKey('pemdi-resmi', findPack(PEMDI)!.version),
      value: json(PEMDI, (p) => (p.id = 'pemdi-resmi')),
    });
    const info = vi.fn(async () => new Promise<never>(() => undefined));
    render(
      <PlatformContext.Provider value={{ info } as unknown as Platform}>
        <MemoryRouter>
          <UserPacksGate>
            <AboutPage />
          </UserPacksGate>
        </MemoryRouter>
      </PlatformContext.Provider>,
    );
    const list = within(
      (await screen.findByRole('heading', { name: 'Paket instrumen terpasang' })).parentElement!,
    ).getByRole('list');
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toHaveLength(3);
    // Each with its status: the built-in Pemdi pack is a draft from secondary sources, and
    // Tentang Aplikasi says so rather than list it beside the official 59/2020 as its equal.
    // The instrument in force first, each with the evaluation years it serves.
    expect(items[0]).toBe(
      'PermenPANRB 8/2026 — Evaluasi Kinerja Pemerintah Digital (paket permenpanrb-8-2026, versi 1.0.0, draf, belum resmi; dipakai untuk evaluasi sejak tahun 2026)Disusun dari sumber sekunder; cocokkan dengan salinan resmi PermenPANRB 8/2026.',
    );
    expect(items[1]).toMatch(
      /paket pemdi-resmi, versi .*, draf, belum resmi, dimuat dari berkas.*\)Disusun dari sumber sekunder/,
    );
    expect(items[2]).toMatch(
      /^PermenPANRB 59\/2020 — .*versi 1\.0\.0, resmi; dipakai untuk evaluasi sampai tahun 2025\)$/,
    );
    // The introduction: 20 decimal-valued indicators from 2026, 47 levelled ones up to 2025.
    expect(screen.getByText(/^Evaluasi SPBE membantu Tim Asesor Internal/).textContent).toMatch(
      /PermenPANRB 8\/2026: 20 indikator, nilai desimal 1,00–5,00 tiap indikator\) untuk evaluasi sejak tahun 2026, dan Evaluasi SPBE \(PermenPANRB 59\/2020, yang digantikannya: 47 indikator, tingkat kematangan 1–5\) untuk riwayat evaluasi sampai tahun 2025\./,
    );
  });
});
