/**
 * The command line with both instruments: the values form of `score` (decimal Pemdi values and
 * 59/2020 levels), its refusals, `instrument --id`, `pack export|validate` over the broken-pack
 * corpus, and validate/score/merge/report on Pemdi bundles.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/run';
import { nodeIo, writeAtomic } from '../../../electron/cli/node-io';
import type { CliIo } from '../../../electron/cli/io';
import { writeBundle } from '../../../shared/bundle/zip';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { MAX_PACK_FILE_BYTES } from '../../../shared/instrument/pack-file';
import { score } from '../../../shared/scoring';
import { snapshotValues } from '../../../shared/assessment';
import { makeFixture, writeInput, type Fixture } from '../bundle/fixtures';
import { brokenCases, shippedPackJson } from '../../fixtures/packs/broken/corpus';
import { memoryIo } from './memory-io';

const VERSION = '0.1.0';
const pemdi = (): InstrumentPack => findPack('permenpanrb-8-2026')!;
const spbe = (): InstrumentPack => findPack('permenpanrb-59-2020')!;

const pemdiValues = {
  '1': 2.0,
  '2': 1.5,
  '3': 3.25,
  '4': 2.5,
  '8': 4,
  '9': 4.5,
  '10': 3,
  '11': 2.75,
  '12': 1,
  '13': 5,
  '14': 3.5,
  '15': 2,
  '16': 2.25,
  '17': 3,
  '19': 4,
  '20': 3.75,
};

describe('spbe-eval score with the values form', () => {
  it('scores Pemdi decimal values exactly as score(), one tier, with awaitingExternal', async () => {
    const input = JSON.stringify({ instrument: 'permenpanrb-8-2026', values: pemdiValues });
    const { io, out, err } = memoryIo({ 'p.json': input });
    expect(await run(['score', 'p.json', '--json'], io, VERSION)).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join('\n'));
    const values = Object.fromEntries(Object.entries(pemdiValues).map(([k, v]) => [Number(k), v]));
    const expected = score(pemdi(), values);
    expect(json.overall).toMatchObject({
      value: expected.overall?.value,
      display: expected.overall?.display,
      rating: expected.overall?.rating,
    });
    expect(json.domains ?? []).toEqual([]);
    expect(json.aspects).toHaveLength(7);
    expect(json.aspects[0]).toMatchObject({ id: 'A1', display: '1,75' });
    expect(json.awaitingExternal).toEqual([5, 6, 7, 18]);
    expect(json.indicators[2]).toMatchObject({ number: 3, value: 3.25, valueDisplay: '3,25' });
  });

  it('prints "Indeks Pemdi" and "PermenPANRB 8/2026" with decimal commas', async () => {
    const input = JSON.stringify({ instrument: 'permenpanrb-8-2026', values: pemdiValues });
    const { io, out } = memoryIo({ 'p.json': input });
    expect(await run(['score', 'p.json'], io, VERSION)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Indeks Pemdi menurut PermenPANRB 8/2026');
    expect(text).toMatch(/Aspek 1\s+Tata Kelola dan Manajemen\s+10\s+1,75/);
    expect(text).toMatch(/^Indeks Pemdi: \d,\d\d \(predikat [A-Za-z ]+\)( — SEMENTARA)?$/m);
    expect(text).toContain('Menunggu nilai eksternal: indikator 5–7 dan 18');
    expect(text).toContain('cocokkan dengan salinan resmi');
    expect(text).not.toMatch(/\d\.\d\d\b/);
  });

  it('with nothing answered, prints no index and no predikat, and says why', async () => {
    const input = JSON.stringify({ instrument: 'permenpanrb-8-2026', values: {} });
    const { io, out } = memoryIo({ 'p.json': input });
    expect(await run(['score', 'p.json'], io, VERSION)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Indeks Pemdi: belum dapat dihitung$/m);
    expect(text).toContain(
      'Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung. 4 indikator menunggu ' +
        'nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.',
    );
    expect(text).not.toMatch(/predikat|nilai anggapan 1,00|1,00/);
    const json = memoryIo({ 'p.json': input });
    expect(await run(['score', 'p.json', '--json'], json.io, VERSION)).toBe(0);
    const parsed = JSON.parse(json.out.join('\n'));
    expect(parsed.overall).toBeNull();
    expect(parsed.awaitingExternal).toEqual([5, 6, 7, 18]);
  });

  it('says the exact index where 2,50 is printed beside Cukup', async () => {
    const values = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [String(i + 1), 2.5]));
    Object.assign(values, { '2': 2.49, '19': 2.49, '20': 2.48 });
    const input = JSON.stringify({ instrument: 'permenpanrb-8-2026', values });
    const { io, out } = memoryIo({ 'p.json': input });
    expect(await run(['score', 'p.json'], io, VERSION)).toBe(0);
    expect(out.join('\n')).toMatch(/^Indeks Pemdi: 2,50 \(tepatnya 2,4955\) \(predikat Cukup\)$/m);
    const json = memoryIo({ 'p.json': input });
    expect(await run(['score', 'p.json', '--json'], json.io, VERSION)).toBe(0);
    expect(JSON.parse(json.out.join('\n')).overall).toMatchObject({
      display: '2,50',
      exactDisplay: '2,4955',
      rating: 'Cukup',
    });
  });

  it('takes "values" for 59/2020 too, identical to "levels"', async () => {
    const levels = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 3]));
    const a = memoryIo({
      'v.json': JSON.stringify({ instrument: 'permenpanrb-59-2020', values: levels }),
    });
    const b = memoryIo({
      'l.json': JSON.stringify({ instrument: 'permenpanrb-59-2020', levels }),
    });
    expect(await run(['score', 'v.json', '--json'], a.io, VERSION)).toBe(0);
    expect(await run(['score', 'l.json', '--json'], b.io, VERSION)).toBe(0);
    expect(a.out).toEqual(b.out);
    expect(JSON.parse(a.out.join('\n')).overall.display).toBe('3,00');
    expect(JSON.parse(a.out.join('\n')).domains).toHaveLength(4);
  });

  it.each([
    [
      'unknown instrument',
      '{"instrument":"pemdi-2030","values":{}}',
      /Instrumen "pemdi-2030" tidak dikenal/,
    ],
    [
      'a value off the scale',
      '{"instrument":"permenpanrb-8-2026","values":{"2":5.5}}',
      /nilai indikator 2 \(5,5\) di luar rentang 1,00–5,00/,
    ],
    [
      'too many decimals',
      '{"instrument":"permenpanrb-8-2026","values":{"3":2.555}}',
      /nilai indikator 3 \(2,555\) lebih dari 2 angka desimal/,
    ],
    [
      'an unknown indicator',
      '{"instrument":"permenpanrb-8-2026","values":{"21":3}}',
      /indikator "21" tidak ada dalam instrumen PermenPANRB 8\/2026/,
    ],
    [
      'keys naming the same indicator',
      '{"instrument":"permenpanrb-8-2026","values":{"1":3,"01":5}}',
      /indikator 1 disebut dua kali \("1" dan "01"\)/,
    ],
    [
      'a key written twice',
      '{"instrument":"permenpanrb-8-2026","values":{"1":3,"1":5}}',
      /kunci "1" ditulis lebih dari sekali/,
    ],
    [
      'a key that is not a number',
      '{"instrument":"permenpanrb-8-2026","values":{"satu":3}}',
      /nomor indikator "satu" bukan angka/,
    ],
    [
      '59/2020 "01" and "1"',
      '{"instrument":"permenpanrb-59-2020","levels":{"1":3,"01":5}}',
      /indikator 1 disebut dua kali/,
    ],
    [
      '59/2020 a decimal level',
      '{"instrument":"permenpanrb-59-2020","values":{"1":2.5}}',
      /tingkat indikator 1 \(2,5\) harus bilangan bulat 1–5/,
    ],
  ])('refuses %s with exit 2 and one line', async (_name, text, message) => {
    const { io, out, err } = memoryIo({ 'x.json': text });
    expect(await run(['score', 'x.json'], io, VERSION)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Kesalahan: /);
    expect(err[0]).toMatch(message);
  });
});

describe('spbe-eval instrument', () => {
  it('prints the Pemdi structure: 7 aspects, 20 indicators, decimal scale', async () => {
    const { io, out } = memoryIo();
    expect(await run(['instrument', '--id', 'permenpanrb-8-2026'], io, VERSION)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('PermenPANRB 8/2026');
    expect(text).toMatch(/^Aspek 7\. /m);
    expect(text).not.toMatch(/Domain/);
    expect(text).toContain('20 indikator');
    expect(text).toContain('Nilai indikator: 1,00–5,00 dengan 2 angka desimal');
    expect(text).toContain('Merintis 1,00–<1,50');
    const json = memoryIo();
    expect(
      await run(['instrument', '--id', 'permenpanrb-8-2026', '--json'], json.io, VERSION),
    ).toBe(0);
    const parsed = JSON.parse(json.out.join('\n'));
    expect(parsed.tiers).toHaveLength(1);
    expect(parsed.groups).toHaveLength(7);
    expect(parsed.valueScale).toEqual({ kind: 'decimal', min: 1, max: 5, decimals: 2 });
  });

  it('still prints 59/2020 by default', async () => {
    const { io, out } = memoryIo();
    expect(await run(['instrument'], io, VERSION)).toBe(0);
    expect(out.join('\n')).toContain('47 indikator');
    expect(out.join('\n')).not.toContain('Nilai indikator');
  });
});

describe('spbe-eval pack', () => {
  it.each(['permenpanrb-8-2026', 'permenpanrb-59-2020'] as const)(
    'exports %s as shipped, and validates the export',
    async (id) => {
      const { io, out, written } = memoryIo();
      expect(await run(['pack', 'export', id, '-o', 'p.json'], io, VERSION)).toBe(0);
      const text = new TextDecoder().decode(written.get('p.json'));
      expect(JSON.parse(text)).toEqual(shippedPackJson(id));
      expect(out[0]).toContain(`Paket ${id} versi`);
      const v = memoryIo({ 'p.json': text });
      expect(await run(['pack', 'validate', 'p.json'], v.io, VERSION)).toBe(0);
      expect(v.err).toEqual([]);
      expect(v.out).toHaveLength(1);
      expect(v.out[0]).toMatch(new RegExp(`^Paket sah: ${id} versi \\d+\\.\\d+\\.\\d+`));
      expect(v.out[0]).toContain(
        id === 'permenpanrb-8-2026' ? '7 aspek, 20 indikator' : '4 domain, 8 aspek, 47 indikator',
      );
    },
  );

  it('refuses an unknown pack id or version on export', async () => {
    const { io, err } = memoryIo();
    expect(await run(['pack', 'export', 'pemdi-2030', '-o', 'p.json'], io, VERSION)).toBe(2);
    expect(err[0]).toMatch(/Instrumen "pemdi-2030" tidak dikenal/);
    const v = memoryIo();
    const args = ['pack', 'export', 'permenpanrb-8-2026', '--version', '9.9.9', '-o', 'p.json'];
    expect(await run(args, v.io, VERSION)).toBe(2);
    expect(v.err[0]).toMatch(/versi 9\.9\.9 tidak dikenal/);
  });

  it.each(brokenCases.map((c) => [c.name, c] as const))(
    'validate refuses %s with exit 2 and its reason on its own line',
    async (_name, c) => {
      const p = shippedPackJson(c.pack);
      c.mutate(p);
      const { io, out, err } = memoryIo({ 'rusak.json': JSON.stringify(p) });
      expect(await run(['pack', 'validate', 'rusak.json'], io, VERSION)).toBe(2);
      expect(out).toEqual([]);
      expect(err[0]).toMatch(/^Paket "rusak\.json" ditolak \(\d+ masalah\):$/);
      expect(
        err.slice(1).some((line) => c.message.test(line)),
        err.join('\n'),
      ).toBe(true);
    },
  );

  it('lists every reason of a pack with several problems', async () => {
    const p = shippedPackJson('permenpanrb-8-2026');
    p.targets.index = 7;
    p.crosswalk[0].to = [30];
    const { io, err } = memoryIo({ 'rusak.json': JSON.stringify(p) });
    expect(await run(['pack', 'validate', 'rusak.json'], io, VERSION)).toBe(2);
    expect(err).toHaveLength(3);
    expect(err[0]).toContain('(2 masalah)');
  });

  it('refuses invalid JSON, and a file over 20 MB without reading it', async () => {
    const { io, err } = memoryIo({ 'a.json': '{"id": ' });
    expect(await run(['pack', 'validate', 'a.json'], io, VERSION)).toBe(2);
    expect(err[1]).toMatch(/^Berkas paket bukan JSON yang sah \(/);
    let read = false;
    const big: CliIo = {
      ...memoryIo().io,
      openFile: async () => ({
        size: MAX_PACK_FILE_BYTES + 1,
        read: async () => {
          read = true;
          return new Uint8Array();
        },
        close: async () => undefined,
      }),
    };
    const captured: string[] = [];
    big.err = (t) => captured.push(t);
    expect(await run(['pack', 'validate', 'besar.json'], big, VERSION)).toBe(2);
    expect(read).toBe(false);
    expect(captured[0]).toMatch(/Berkas "besar\.json" ditolak: Berkas paket terlalu besar/);
  });

  it('asks for a subcommand and a file', async () => {
    const { io, err } = memoryIo();
    expect(await run(['pack'], io, VERSION)).toBe(2);
    expect(await run(['pack', 'validate'], io, VERSION)).toBe(2);
    expect(await run(['pack', 'export', 'permenpanrb-8-2026'], io, VERSION)).toBe(2);
    expect(err[0]).toMatch(/memerlukan subperintah/);
    expect(err[1]).toMatch(/memerlukan nama berkas/);
    expect(err[2]).toMatch(/-o <paket\.json>/);
  });
});

/** A Pemdi evaluation: the 59/2020 fixture moved onto the Pemdi pack with decimal values. */
function pemdiFixture(seed: number, values: Record<number, number | null>): Fixture {
  const f = makeFixture({ seed, levels: values, evidenceSizes: [1200, 30] });
  const pack = pemdi();
  f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
  return f;
}

async function exportPemdi(file: string, f: Fixture, pack = pemdi()): Promise<void> {
  await writeAtomic(file, async (sink) => {
    await writeBundle(sink, { ...writeInput(f), pack }, { includeEvidence: true });
  });
}

function capturingIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { ...nodeIo(), out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

describe('spbe-eval on Pemdi bundles', () => {
  let dir: string;
  const p = (name: string): string => path.join(dir, name);
  const values = { 1: 2.5, 2: 1.75, 3: 3, 5: null, 8: 4.25, 13: 5, 20: 1 };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'spbe-pemdi-cli-'));
    await exportPemdi(p('pemdi.spbe'), pemdiFixture(61, values));
  });

  it('validates a Pemdi bundle (exit 0) and scores it as Indeks Pemdi', async () => {
    const v = capturingIo();
    expect(await run(['validate', p('pemdi.spbe')], v.io, VERSION)).toBe(0);
    expect(v.err).toEqual([]);
    expect(v.out.join('\n')).toContain('Instrumen: permenpanrb-8-2026 versi');
    const s = capturingIo();
    expect(await run(['score', p('pemdi.spbe'), '--json'], s.io, VERSION)).toBe(0);
    const json = JSON.parse(s.out.join('\n'));
    const expected = score(pemdi(), snapshotValues(pemdiFixture(61, values).snapshot));
    expect(json.overall.display).toBe(expected.overall?.display);
    expect(json.aspects).toHaveLength(7);
    const t = capturingIo();
    expect(await run(['score', p('pemdi.spbe')], t.io, VERSION)).toBe(0);
    expect(t.out.join('\n')).toContain('Indeks Pemdi menurut PermenPANRB 8/2026');
    expect(t.out.join('\n')).toContain(`Indeks Pemdi: ${expected.overall?.display}`);
  });

  it('merges two Pemdi bundles into a valid Pemdi bundle', async () => {
    const a = pemdiFixture(62, { 1: 2.5, 2: 3.25 });
    const b = pemdiFixture(62, { 1: 2.5, 4: 1.5 });
    await exportPemdi(p('a.spbe'), a);
    await exportPemdi(p('b.spbe'), b);
    const m = capturingIo();
    expect(await run(['merge', p('a.spbe'), p('b.spbe'), '-o', p('ab.spbe')], m.io, VERSION)).toBe(
      0,
    );
    expect(m.err).toEqual([]);
    const s = capturingIo();
    expect(await run(['score', p('ab.spbe'), '--json'], s.io, VERSION)).toBe(0);
    const json = JSON.parse(s.out.join('\n'));
    expect(json.instrument.id).toBe('permenpanrb-8-2026');
    const byNumber = new Map(
      json.indicators.map((i: { number: number; value: number | null }) => [i.number, i.value]),
    );
    expect([byNumber.get(1), byNumber.get(2), byNumber.get(4)]).toEqual([2.5, 3.25, 1.5]);
  });

  it.each(['xlsx', 'docx'])('writes a %s report of a Pemdi bundle', async (format) => {
    const r = capturingIo();
    const out = p(`laporan.${format}`);
    expect(
      await run(['report', p('pemdi.spbe'), '--format', format, '-o', out], r.io, VERSION),
    ).toBe(0);
    expect(r.err).toEqual([]);
    expect((await readFile(out)).byteLength).toBeGreaterThan(1000);
  });

  it('names the pack needed when a bundle uses an unknown one', async () => {
    const pack = { ...pemdi(), id: 'permenpanrb-9-2030', version: '2.0.0' };
    const f = pemdiFixture(63, { 1: 2 });
    f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
    await exportPemdi(p('asing.spbe'), f, pack);
    const v = capturingIo();
    expect(await run(['validate', p('asing.spbe')], v.io, VERSION)).toBe(2);
    expect(v.err[0]).toMatch(/instrumen "permenpanrb-9-2030" versi 2\.0\.0 yang tidak dikenal/);
  });

  it('still validates and scores a 59/2020 bundle', async () => {
    const f = makeFixture({ seed: 64 });
    await exportPemdi(p('spbe.spbe'), f, spbe());
    const s = capturingIo();
    expect(await run(['score', p('spbe.spbe')], s.io, VERSION)).toBe(0);
    expect(s.out.join('\n')).toContain('Indeks SPBE menurut PermenPANRB 59/2020');
  });
});
