/**
 * The "Rekap Daerah" screen: a folder of .spbe files from several Pemda (both instruments, plus a
 * junk file) becomes a table, a predikat distribution and the list of refused files; the workbook
 * it saves is the CLI's. Nothing is written to the database.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Workbook } from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { App } from '../../../renderer/src/app/app';
import { db } from '../../../renderer/src/db/db';
import type { ContentWriter, Platform } from '../../../renderer/src/platform/types';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { testPlatform } from '../support/platform';

const old = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;

const platform = (saved: Uint8Array[]): Platform =>
  testPlatform({
    saveFile: async (options, content: ContentWriter) => {
      const parts: Uint8Array[] = [];
      await content(
        new WritableStream<Uint8Array>({ write: (c) => void parts.push(c.slice()) }),
        new AbortController().signal,
      );
      saved.push(new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer()));
      return { name: options.suggestedName, size: 0 };
    },
  }).platform;

async function bundleFile(
  name: string,
  f: Fixture,
  pack: InstrumentPack,
  password?: string,
): Promise<File> {
  f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
  const m = memorySink();
  await writeBundle(
    m.sink,
    { ...writeInput(f), pack },
    { includeEvidence: true, ...(password ? { password } : {}) },
  );
  return new File([m.blob()], name);
}

const every = (n: number, v: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1, v]));

afterEach(cleanup);

beforeEach(async () => {
  await resetDatabase();
  window.location.hash = '#/rekap';
});

describe('the Rekap Daerah screen', () => {
  it('reads a folder of bundles into a table, a distribution and the refused files', async () => {
    const saved: Uint8Array[] = [];
    const user = userEvent.setup();
    render(<App platform={platform(saved)} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    const verified = makeFixture({
      seed: 5,
      instansiName: 'Pemerintah Kota Balikpapan',
      year: 2025,
      levels: every(47, 3),
    });
    for (const a of verified.snapshot.answers) a.status = 'verified';
    const files = [
      await bundleFile('balikpapan.spbe', verified, old),
      await bundleFile(
        'mojokerto.spbe',
        makeFixture({
          seed: 6,
          instansiName: 'Pemerintah Kabupaten Mojokerto',
          levels: every(20, 2.75),
        }),
        pemdi,
      ),
      new File(['bukan zip'], 'rusak.spbe'),
    ];
    await user.upload(screen.getByLabelText('Folder berkas .spbe'), files);

    const result = await screen.findByRole('heading', { name: 'Hasil rekap' });
    const section = result.closest('section')!;
    expect(section).toHaveTextContent(
      '3 berkas dibaca: 2 instansi-tahun dimuat, 1 berkas ditolak.',
    );
    const table = within(section).getByRole('table');
    const balikpapan = within(table).getByRole('row', { name: /Pemerintah Kota Balikpapan/ });
    expect(balikpapan).toHaveTextContent('3,00');
    expect(balikpapan).toHaveTextContent('Baik');
    expect(balikpapan).toHaveTextContent('Final');
    const mojokerto = within(table).getByRole('row', { name: /Pemerintah Kabupaten Mojokerto/ });
    expect(mojokerto).toHaveTextContent('2,75');
    expect(mojokerto).toHaveTextContent('Sementara');
    // Mojokerto's file is provisional: the distribution says that its figures include it.
    expect(
      screen.getByRole('figure', {
        name: 'Sebaran predikat Indeks Pemdi (PermenPANRB 8/2026) tahun 2026',
      }),
    ).toHaveTextContent(': 1 instansi (1 di antaranya sementara); rata-rata 2,75');
    const refused = screen.getByRole('heading', { name: 'Berkas ditolak' }).closest('section')!;
    expect(refused).toHaveTextContent(/rusak\.spbe: .*bukan arsip zip/);

    await user.click(screen.getByRole('button', { name: 'Simpan buku kerja Excel…' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const wb = new Workbook();
    await wb.xlsx.load(saved[0]!.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Rekap PermenPANRB 8-2026');
    expect(wb.getWorksheet('Berkas ditolak')!.getRow(2).getCell(2).value).toBe('rusak.spbe');
    // The rekap stores nothing.
    expect(await db.evaluations.count()).toBe(0);
  });

  it('gives the predikat distribution per year: one instansi over five years is not five instansi', async () => {
    const user = userEvent.setup();
    render(<App platform={platform([])} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    const files: File[] = [];
    for (const [i, year] of [2021, 2022, 2023, 2024, 2025].entries()) {
      const f = makeFixture({
        seed: 20 + i,
        instansiName: 'Pemerintah Kota Bengkulu',
        year,
        levels: every(47, i < 2 ? 1 : 3),
      });
      for (const a of f.snapshot.answers) a.status = 'verified';
      files.push(await bundleFile(`bengkulu-${year}.spbe`, f, old));
    }
    const seluma = makeFixture({
      seed: 30,
      instansiName: 'Pemerintah Kabupaten Seluma',
      year: 2025,
      levels: every(47, 2),
    });
    for (const a of seluma.snapshot.answers) a.status = 'verified';
    files.push(await bundleFile('seluma-2025.spbe', seluma, old));
    await user.upload(screen.getByLabelText('Folder berkas .spbe'), files);
    await screen.findByRole('heading', { name: 'Hasil rekap' });

    // Two Pemda were evaluated in 2025; Bengkulu's earlier years are not more instansi.
    const y2025 = screen.getByRole('figure', {
      name: 'Sebaran predikat Indeks SPBE (PermenPANRB 59/2020) tahun 2025',
    });
    expect(y2025).toHaveTextContent(/: 2 instansi; rata-rata 2,50, median 2,50/);
    const kurang2021 = within(
      screen.getByRole('figure', {
        name: 'Sebaran predikat Indeks SPBE (PermenPANRB 59/2020) tahun 2021',
      }),
    ).getByRole('row', { name: /Kurang/ });
    expect(kurang2021).toHaveTextContent('1');
    expect(screen.getAllByRole('figure', { name: /^Sebaran predikat/ })).toHaveLength(5);
  });

  it('keeps a Pemda year once per instrument: a Pemdi trial does not replace the 59/2020 result', async () => {
    const user = userEvent.setup();
    render(<App platform={platform([])} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    const official = makeFixture({
      seed: 40,
      instansiName: 'Pemerintah Kota Bengkulu',
      year: 2025,
      levels: every(47, 3),
    });
    for (const a of official.snapshot.answers) a.status = 'verified';
    const trial = makeFixture({
      seed: 41,
      instansiName: 'Pemerintah Kota Bengkulu',
      year: 2025,
      levels: every(20, 2.5),
    });
    for (const a of trial.snapshot.answers) a.status = 'verified';
    await user.upload(screen.getByLabelText('Folder berkas .spbe'), [
      await bundleFile('bengkulu-2025.spbe', official, old),
      await bundleFile('bengkulu-2025-uji-pemdi.spbe', trial, pemdi),
    ]);
    const section = (await screen.findByRole('heading', { name: 'Hasil rekap' })).closest(
      'section',
    )!;
    expect(section).toHaveTextContent('2 berkas dibaca: 2 instansi-tahun dimuat.');
    const rows = within(within(section).getByRole('table')).getAllByRole('row', {
      name: /Pemerintah Kota Bengkulu/,
    });
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      'PermenPANRB 59/2020',
      'PermenPANRB 8/2026',
    ]);
    expect(screen.queryByRole('heading', { name: 'Berkas digantikan' })).toBeNull();
  });

  it('says the exact index where 2,50 is beside Cukup, on the screen and in the workbook', async () => {
    const saved: Uint8Array[] = [];
    const user = userEvent.setup();
    render(<App platform={platform(saved)} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    // Every indicator at 2,50 but 2, 19 and 20 at 2,49, 2,49 and 2,48: Indeks Pemdi 2,4955,
    // presented 2,50 (the lower bound of Baik) yet Cukup, the pack reading the exact value.
    const seluma = makeFixture({
      seed: 50,
      instansiName: 'Pemerintah Kabupaten Seluma',
      levels: { ...every(20, 2.5), 2: 2.49, 19: 2.49, 20: 2.48 },
    });
    await user.upload(screen.getByLabelText('Folder berkas .spbe'), [
      await bundleFile('seluma.spbe', seluma, pemdi),
    ]);
    const section = (await screen.findByRole('heading', { name: 'Hasil rekap' })).closest(
      'section',
    )!;
    const row = within(within(section).getByRole('table')).getByRole('row', {
      name: /Pemerintah Kabupaten Seluma/,
    });
    expect(row).toHaveTextContent('2,50 (tepatnya 2,4955)');
    expect(row).toHaveTextContent('Cukup');

    await user.click(screen.getByRole('button', { name: 'Simpan buku kerja Excel…' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const wb = new Workbook();
    await wb.xlsx.load(saved[0]!.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('Rekap PermenPANRB 8-2026')!;
    const header = (sheet.getRow(4).values as unknown[]).map(String);
    const cell = sheet.getRow(5).getCell(header.indexOf('Predikat'));
    expect(cell.value).toBe('Cukup (indeks tepatnya 2,4955)');
  });

  it('marks an index that counts awaited external indices with their assumed value', async () => {
    const user = userEvent.setup();
    render(<App platform={platform([])} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    // Indicators 1–3 assessed; 5, 6, 7 and 18 await their external index (assumed 1,00).
    const kaur = makeFixture({
      seed: 51,
      instansiName: 'Pemerintah Kabupaten Kaur',
      levels: { 1: 3, 2: 3, 3: 3 },
    });
    await user.upload(screen.getByLabelText('Folder berkas .spbe'), [
      await bundleFile('kaur.spbe', kaur, pemdi),
    ]);
    const section = (await screen.findByRole('heading', { name: 'Hasil rekap' })).closest(
      'section',
    )!;
    const row = within(within(section).getByRole('table')).getByRole('row', {
      name: /Pemerintah Kabupaten Kaur/,
    });
    expect(row).toHaveTextContent(
      '* termasuk nilai anggapan untuk indikator 5, 6, 7 dan 18 yang menunggu nilai indeks dari instansi sumbernya',
    );
  });

  it('names the workbook by the local date, also in the hours when UTC is still on yesterday', async () => {
    const user = userEvent.setup();
    const names: string[] = [];
    const p = platform([]);
    const saveFile = p.saveFile;
    p.saveFile = (options, content) => {
      names.push(options.suggestedName);
      return saveFile(options, content);
    };
    render(<App platform={p} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    const f = makeFixture({ seed: 50, instansiName: 'Pemerintah Kota Bengkulu', year: 2025 });
    await user.upload(screen.getByLabelText('Folder berkas .spbe'), [
      await bundleFile('bengkulu-2025.spbe', f, old),
    ]);
    const button = await screen.findByRole('button', { name: 'Simpan buku kerja Excel…' });
    const zone = process.env.TZ;
    // 01.30 WIB on 7 December is 18.30 UTC on 6 December.
    process.env.TZ = 'Asia/Jakarta';
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 6, 18, 30) });
    try {
      await user.click(button);
      await waitFor(() => expect(names).toEqual(['Rekap-Evaluasi-2026-12-07.xlsx']));
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('adds each pick to the list, counts a file once, and can be emptied', async () => {
    const user = userEvent.setup();
    render(<App platform={platform([])} />);
    await screen.findByRole('heading', { level: 1, name: 'Rekap Daerah' });
    const folder = screen.getByLabelText('Folder berkas .spbe');
    const summary = async () =>
      (await screen.findByRole('heading', { name: 'Hasil rekap' })).closest('section')!;
    const balikpapan = (seed: number, verified: boolean) => {
      const f = makeFixture({
        seed,
        instansiName: 'Pemerintah Kota Balikpapan',
        year: 2025,
        levels: every(47, 3),
      });
      if (verified) for (const a of f.snapshot.answers) a.status = 'verified';
      return f;
    };
    const provisional = await bundleFile('balikpapan-sementara.spbe', balikpapan(7, false), old);
    const final = await bundleFile('balikpapan-final.spbe', balikpapan(8, true), old);
    const mojokerto = await bundleFile(
      'mojokerto.spbe',
      makeFixture({
        seed: 9,
        instansiName: 'Pemerintah Kabupaten Mojokerto',
        levels: every(20, 2.75),
      }),
      pemdi,
      'sandi-rahasia-2026',
    );

    // First pick: the protected file without its password is refused.
    await user.upload(folder, [provisional, mojokerto]);
    expect(await summary()).toHaveTextContent(
      '2 berkas dibaca: 1 instansi-tahun dimuat, 1 berkas ditolak.',
    );
    expect(screen.getByRole('heading', { name: 'Berkas ditolak' })).toBeInTheDocument();

    // The password typed, the same file picked again with more: added, not replacing.
    await user.type(
      screen.getByLabelText('Kata sandi berkas (bila berkas dilindungi)'),
      'sandi-rahasia-2026',
    );
    await user.upload(folder, [mojokerto, final, provisional]);
    await waitFor(async () =>
      expect(await summary()).toHaveTextContent(
        '3 berkas dibaca: 2 instansi-tahun dimuat, 1 berkas digantikan berkas yang lebih baru.',
      ),
    );
    expect(
      await screen.findByText('1 berkas sudah ada dalam rekap dan tidak dihitung dua kali.'),
    ).toBeInTheDocument();
    const table = within(await summary()).getByRole('table');
    // The latest final evaluation per instansi and year, across both picks.
    const row = within(table).getByRole('row', { name: /Pemerintah Kota Balikpapan/ });
    expect(row).toHaveTextContent('balikpapan-final.spbe');
    expect(row).toHaveTextContent('Final');
    expect(
      within(table).getByRole('row', { name: /Pemerintah Kabupaten Mojokerto/ }),
    ).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Berkas ditolak' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Simpan buku kerja Excel…' })).toBeEnabled();

    // Emptied, then only a refused file: nothing to save.
    await user.click(screen.getByRole('button', { name: 'Kosongkan daftar' }));
    expect(screen.queryByRole('heading', { name: 'Hasil rekap' })).toBeNull();
    await user.upload(folder, [new File(['bukan zip'], 'rusak.spbe')]);
    expect(await summary()).toHaveTextContent(
      '1 berkas dibaca: 0 instansi-tahun dimuat, 1 berkas ditolak.',
    );
    expect(screen.queryByRole('button', { name: 'Simpan buku kerja Excel…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Kosongkan daftar' })).toBeEnabled();
  });
});
