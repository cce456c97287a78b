/**
 * `spbe-eval rekap`: a folder of bundles from many Pemda (both instruments) becomes one workbook;
 * per instansi and year the latest final evaluation is kept; a broken file, an assessor's partial
 * file and a stranger's junk are listed with their reasons and never stop the rekap; exit 2 when
 * nothing valid was found.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { score } from '../../../shared/scoring';
import { nodeIo, writeAtomic } from '../../../electron/cli/node-io';
import type { CliIo } from '../../../electron/cli/io';
import { run } from '../../../electron/cli/run';
import { makeFixture, writeInput, type Fixture } from '../bundle/fixtures';

const VERSION = '0.1.0-uji';
const old = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;

function capturingIo(): {
  io: CliIo;
  out: string[];
  err: string[];
  written: Map<string, Uint8Array>;
} {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  return {
    io: {
      ...nodeIo(),
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      writeFile: async (p, data) => {
        written.set(p, typeof data === 'string' ? new TextEncoder().encode(data) : data);
      },
    },
    out,
    err,
    written,
  };
}

const verifyAll = (f: Fixture): Fixture => {
  for (const a of f.snapshot.answers) a.status = 'verified';
  return f;
};

async function write(
  file: string,
  f: Fixture,
  o: { pack?: InstrumentPack; exportedAt?: number; scope?: number[] } = {},
): Promise<void> {
  const pack = o.pack ?? old;
  f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
  const input = { ...writeInput(f), pack, ...(o.exportedAt ? { exportedAt: o.exportedAt } : {}) };
  await writeAtomic(file, async (sink) => {
    await writeBundle(sink, input, {
      includeEvidence: true,
      ...(o.scope ? { indicators: o.scope } : {}),
    });
  });
}

const all47 = (level: number) =>
  Object.fromEntries(Array.from({ length: 47 }, (_, i) => [i + 1, level]));
const all20 = (value: number) =>
  Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i + 1, value]));

describe('spbe-eval rekap', () => {
  let dir: string;
  const p = (name: string): string => path.join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'spbe-rekap-'));
    // Balikpapan 2025: a provisional file, then the final one (exported later).
    await write(
      p('balikpapan-draf.spbe'),
      makeFixture({
        seed: 1,
        instansiName: 'Pemerintah Kota Balikpapan',
        year: 2025,
        levels: all47(2),
        at: Date.UTC(2025, 9, 30),
      }),
      { exportedAt: Date.UTC(2025, 10, 1) },
    );
    await write(
      p('balikpapan-final.spbe'),
      verifyAll(
        makeFixture({
          seed: 2,
          instansiName: 'Pemerintah Kota Balikpapan',
          year: 2025,
          levels: all47(3),
          at: Date.UTC(2025, 10, 18),
        }),
      ),
      { exportedAt: Date.UTC(2025, 10, 20) },
    );
    // Mojokerto 2026 on Pemdi.
    await write(
      p('mojokerto.spbe'),
      makeFixture({
        seed: 3,
        instansiName: 'Pemerintah Kabupaten Mojokerto',
        year: 2026,
        levels: all20(2.75),
      }),
      { pack: pemdi },
    );
    // An assessor's part only; junk; a truncated bundle.
    await write(
      p('asesor-ani.spbe'),
      makeFixture({
        seed: 4,
        instansiName: 'Pemerintah Kota Bengkulu',
        year: 2025,
        levels: { 1: 3, 2: 3 },
      }),
      { scope: [1, 2] },
    );
    await writeFile(p('bukan-zip.spbe'), 'ini bukan berkas spbe');
    await writeFile(p('catatan.txt'), 'tidak dibaca: bukan .spbe');
  });

  it('writes one row per instansi and year, the indicator values, the distribution and the refusals', async () => {
    const c = capturingIo();
    const code = await run(['rekap', dir, '-o', p('rekap.xlsx'), '--json'], c.io, VERSION);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(c.out.join('\n'));
    expect(json.files).toBe(5);
    expect(
      json.rows.map((r: { instansi: string; year: number }) => `${r.instansi} ${r.year}`),
    ).toEqual(['Pemerintah Kota Balikpapan 2025', 'Pemerintah Kabupaten Mojokerto 2026']);
    const [balikpapan, mojokerto] = json.rows;
    expect(balikpapan.file).toBe(p('balikpapan-final.spbe'));
    expect(balikpapan.final).toBe(true);
    expect(balikpapan.indexDisplay).toBe(score(old, all47(3)).overall!.display);
    expect(balikpapan.predikat).toBe('Baik');
    expect(mojokerto.indexDisplay).toBe('2,75');
    expect(mojokerto.final).toBe(false);
    expect(json.superseded).toEqual([p('balikpapan-draf.spbe')]);
    expect(json.refused.map((r: { file: string }) => path.basename(r.file)).sort()).toEqual([
      'asesor-ani.spbe',
      'bukan-zip.spbe',
    ]);
    expect(
      json.refused.find((r: { file: string }) => r.file.endsWith('asesor-ani.spbe')).reason,
    ).toMatch(/hanya memuat indikator seorang asesor/);

    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(c.written.get(p('rekap.xlsx'))!) as never);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Rekap PermenPANRB 59-2020',
      'Rekap PermenPANRB 8-2026',
      'Indikator PermenPANRB 59-2020',
      'Indikator PermenPANRB 8-2026',
      'Sebaran',
      'Berkas ditolak',
      'Berkas digantikan',
    ]);
    const rekap = wb.getWorksheet('Rekap PermenPANRB 59-2020')!;
    expect(rekap.getRow(4).getCell(2).value).toBe('Instansi');
    expect(rekap.getRow(5).getCell(2).value).toBe('Pemerintah Kota Balikpapan');
    expect(rekap.getRow(5).getCell(6).value).toBe(score(old, all47(3)).overall!.value);
    expect(rekap.getRow(5).getCell(8).value).toBe('Final');
    // Every domain and aspect index of 59/2020 has a column.
    expect(rekap.getRow(4).cellCount).toBe(8 + 12 + 5);
    const pem = wb.getWorksheet('Indikator PermenPANRB 8-2026')!;
    expect(pem.getRow(2).getCell(3).value).toBe(2.75);
    expect(pem.getColumn(3).numFmt).toBe('0.00');
    const refusedSheet = wb.getWorksheet('Berkas ditolak')!;
    expect(refusedSheet.rowCount).toBe(3);
    const sebaran = wb.getWorksheet('Sebaran')!;
    const texts: string[] = [];
    sebaran.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('Indeks SPBE (PermenPANRB 59/2020) tahun 2025: 1 instansi');
    expect(texts).toContain(
      'Indeks Pemdi (PermenPANRB 8/2026) tahun 2026: 1 instansi (1 di antaranya sementara)',
    );
  });

  it('prints a summary naming each refused file, and exits 2 when nothing valid was found', async () => {
    const c = capturingIo();
    expect(await run(['rekap', dir, '-o', p('r.xlsx')], c.io, VERSION)).toBe(0);
    expect(c.out.join('\n')).toMatch(
      /Rekap: 5 berkas dibaca, 2 instansi-tahun dimuat, 1 berkas digantikan/,
    );
    expect(c.out.join('\n')).toMatch(/Ditolak: .*bukan-zip\.spbe: /);

    const bad = capturingIo();
    expect(
      await run(
        ['rekap', p('bukan-zip.spbe'), p('asesor-ani.spbe'), '-o', p('x.xlsx')],
        bad.io,
        VERSION,
      ),
    ).toBe(2);
    expect(bad.err).toEqual(['Kesalahan: tidak ada berkas sah untuk direkap.']);
    // The workbook still lists the refusals.
    expect(bad.written.has(p('x.xlsx'))).toBe(true);

    const none = capturingIo();
    expect(await run(['rekap', dir], none.io, VERSION)).toBe(2);
    expect(none.err[0]).toMatch(/memerlukan berkas hasil: -o <rekap\.xlsx>/);
  });
});

describe('spbe-eval rekap of an index whose two decimals hide its predikat', () => {
  it('prints the exact index beside the predikat: 2,50 (tepatnya 2,4955), Cukup', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'spbe-rekap-tepat-'));
    // Every indicator at 2,50 but 2, 19 and 20 at 2,49, 2,49 and 2,48: Indeks Pemdi 2,4955.
    await write(
      path.join(dir, 'seluma.spbe'),
      makeFixture({
        seed: 7,
        instansiName: 'Pemerintah Kabupaten Seluma',
        year: 2026,
        levels: { ...all20(2.5), 2: 2.49, 19: 2.49, 20: 2.48 },
      }),
      { pack: pemdi },
    );
    const c = capturingIo();
    expect(await run(['rekap', dir, '-o', path.join(dir, 'r.xlsx')], c.io, VERSION)).toBe(0);
    expect(c.out.join('\n')).toContain('Indeks Pemdi 2,50 (tepatnya 2,4955), Cukup');
  });
});
