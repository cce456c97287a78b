/**
 * The PermenPANRB 8/2026 (Indeks Pemdi) pack: exactly what the reference research builds, its
 * structure and weights as the sources give them, and the arithmetic checked against the sources'
 * own worked examples (SDI 25 → 2,00 and SDI 68,75 → 3,75) and the predikat bounds of Tabel 4.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  convertExternal,
  findIndicator,
  findPack,
  formatValue,
  groupEntries,
  indicatorEntries,
  levelOfValue,
  loadPack,
  nextLevelValue,
  parseExternalInput,
  parseValue,
  type InstrumentPack,
} from '../../../shared/instrument';
import { ratingOf, score } from '../../../shared/scoring';
import { fromNumber } from '../../../shared/math/rational';
import { buildPemdiPack } from '../../fixtures/packs/make-pemdi-pack';
import { readJson, repoRoot } from '../helpers';

const shippedPath = 'shared/instrument/packs/permenpanrb-8-2026.json';

function pemdi(): InstrumentPack {
  const pack = findPack('permenpanrb-8-2026');
  if (!pack) throw new Error('Pemdi pack not built in');
  return pack;
}

describe('the Pemdi 2026 pack', () => {
  it('is exactly what the reference research builds', () => {
    const built = buildPemdiPack(
      readJson('test/fixtures/reference/pemdi-2026/pemdi-2026-sources.json'),
      readJson('test/fixtures/reference/pemdi-2026/pemdi-2026-criteria.json'),
    );
    if (process.env.UPDATE_PACK) {
      writeFileSync(`${repoRoot}/${shippedPath}`, `${JSON.stringify(built, null, 2)}\n`);
    }
    expect(readJson(shippedPath)).toEqual(built);
    const loaded = loadPack(built);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it('states each known conflict with only what the research gives (never "undefined")', () => {
    const conflicts = pemdi().notes.filter((n) => n.topic === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const note of conflicts) expect(note.text).not.toMatch(/undefined/);
    expect(conflicts.map((n) => n.text)).toContainEqual(
      expect.stringMatching(
        /^Level names: dipakai Kurang\/Cukup.*; juga ditemukan Rintisan\/Terkelola.*\.$/,
      ),
    );
    expect(conflicts.map((n) => n.text)).toContainEqual(
      expect.stringMatching(
        /^Invented frameworks in peer apps: ditolak github:firmanms\/pemdi2 .*\.$/,
      ),
    );
  });

  it('has 7 aspects and 20 indicators with the weights of the sources', () => {
    const pack = pemdi();
    expect(pack.tiers.map((t) => t.id)).toEqual(['aspect']);
    expect(groupEntries(pack).map((g) => [g.group.id, g.group.weight])).toEqual([
      ['A1', 10],
      ['A2', 10],
      ['A3', 15],
      ['A4', 15],
      ['A5', 10],
      ['A6', 15],
      ['A7', 25],
    ]);
    expect(indicatorEntries(pack).map((e) => e.indicator.weight)).toEqual([
      5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15,
    ]);
    // I08 PDP is in Data; I11 Kriptografi and I12 Insiden in Keamanan (the draft had them wrong).
    const aspectOf = (n: number) => findIndicator(pack, n)?.path[0]?.id;
    expect([aspectOf(8), aspectOf(11), aspectOf(12)]).toEqual(['A3', 'A4', 'A4']);
    expect(pack.indexLabel).toBe('Indeks Pemdi');
    expect(pack.valueScale).toEqual({ kind: 'decimal', min: 1, max: 5, decimals: 2 });
  });

  it('reads the predikat of Tabel 4 with the lower bounds inclusive', () => {
    const pack = pemdi();
    const r = (v: number) => ratingOf(pack, fromNumber(v));
    expect([r(1), r(1.49), r(1.5), r(2.49), r(2.5), r(3.49), r(3.5), r(3.99), r(4), r(5)]).toEqual([
      'Kurang',
      'Kurang',
      'Cukup',
      'Cukup',
      'Baik',
      'Baik',
      'Sangat Baik',
      'Sangat Baik',
      'Memuaskan',
      'Memuaskan',
    ]);
    // Read from the exact value: 2,4966… shows as 2,50 but is still Cukup (the pack says so).
    expect(pack.rounding.ratingFrom).toBe('exact');
    expect(pack.rating.map((b) => b.aliases[0])).toEqual([
      'Merintis',
      'Membangun',
      'Berkembang',
      'Melembaga',
      'Unggul',
    ]);
  });

  it('converts the Satu Data Indonesia index as the official worked examples do', () => {
    const pack = pemdi();
    const sdi = findIndicator(pack, 5)!.indicator.externalIndex!;
    const at = (x: number) => {
      const c = convertExternal(pack, sdi, x);
      return c.ok ? formatValue(pack, c.value) : c.message;
    };
    expect(at(25)).toBe('2,00');
    expect(at(68.75)).toBe('3,75');
    expect(at(0)).toBe('1,00');
    expect(at(12.5)).toBe('1,50');
    expect(at(100)).toBe('5,00');
    expect(at(101)).toMatch(/Indeks SDI harus antara 0 dan 100/);
    for (const ex of sdi.examples) {
      const c = convertExternal(pack, sdi, ex.input);
      expect(c.ok && c.value).toBe(ex.output);
    }
  });

  it('counts an awaited external index as 1,00 and flags it', () => {
    const pack = pemdi();
    const values: Record<number, number> = {};
    for (const e of indicatorEntries(pack))
      if (!e.indicator.externalIndex) values[e.indicator.number] = 3;
    const result = score(pack, values);
    expect(result.awaitingExternal).toEqual([5, 6, 7, 18]);
    expect(result.missing).toEqual([]);
    // Counted in the index, but not answered: 16 answered + 0 missing + 4 awaited = 20.
    expect(result.answered).toBe(16);
    expect(result.complete).toBe(false);
    expect(result.overall?.provisional).toBe(true);
    // (86 × 3 + 14 × 1) / 100 = 2,72.
    expect(result.overall?.display).toBe('2,72');
    expect(result.indicators[4]).toMatchObject({
      value: 1,
      awaitingExternal: true,
      valueDisplay: '1,00',
    });
  });

  it('reproduces a hand-computed index with aspect indices over decimal values', () => {
    const pack = pemdi();
    const values = {
      1: 2,
      2: 1.5,
      3: 1.26,
      4: 1.3,
      5: 2,
      6: 1,
      7: 1,
      8: 1.25,
      9: 1.5,
      10: 1.5,
      11: 1.5,
      12: 1.25,
      13: 1.17,
      14: 1.5,
      15: 1.5,
      16: 1.5,
      17: 2.5,
      18: 1,
      19: 1.3,
      20: 1.3,
    };
    const result = score(pack, values);
    // A1 = (2×5 + 1,5×5)/10 = 1,75; A2 = (1,26×5 + 1,3×5)/10 = 1,28.
    expect(result.groups.slice(0, 2).map((g) => g.result?.display)).toEqual(['1,75', '1,28']);
    // Σ(w × v) / 100 = 139,9 / 100.
    const sum =
      2 * 5 +
      1.5 * 5 +
      1.26 * 5 +
      1.3 * 5 +
      2 * 5 +
      1 * 3 +
      1 * 3 +
      1.25 * 4 +
      1.5 * 4 +
      1.5 * 4 +
      1.5 * 3 +
      1.25 * 4 +
      1.17 * 5 +
      1.5 * 5 +
      1.5 * 4 +
      1.5 * 4 +
      2.5 * 4 +
      1 * 3 +
      1.3 * 10 +
      1.3 * 15;
    expect(result.overall?.display).toBe((Math.round(sum) / 100).toFixed(2).replace('.', ','));
    expect(result.overall?.rating).toBe('Kurang');
    expect(result.indicators[2]).toMatchObject({
      gap: 1.24,
      gapDisplay: '1,24',
      meetsTarget: false,
    });
  });

  it('says the exact index where 2,50 is presented for a Cukup value below the target', () => {
    const pack = pemdi();
    const values: Record<number, number> = {};
    for (const e of indicatorEntries(pack)) values[e.indicator.number] = 2.5;
    // Indicator 2 at 2,49: Aspek 1 = (2,50×5 + 2,49×5)/10 = 2,495; indicators 19 and 20 at
    // 2,49 and 2,48: Indeks Pemdi = 2,50 − (0,05 + 0,10 + 0,30)/100 = 2,4955.
    Object.assign(values, { 2: 2.49, 19: 2.49, 20: 2.48 });
    const result = score(pack, values);
    expect(result.overall).toMatchObject({
      display: '2,50',
      rating: 'Cukup',
      meetsTarget: false,
      exactDisplay: '2,4955',
    });
    // Not "selisih 0,00" beside "di bawah target".
    expect(result.overall?.targetDifference.display).toBe('-0,0045');
    const a1 = result.groups.find((g) => g.id === 'A1');
    expect(a1).toMatchObject({ meetsTarget: false, exactDisplay: '2,495' });
    expect(a1?.result?.display).toBe('2,50');
    // Where the presented value tells the truth, nothing more is said.
    const a2 = result.groups.find((g) => g.id === 'A2');
    expect(a2).toMatchObject({ meetsTarget: true, exactDisplay: null });
    const plain = score(pack, { ...values, 2: 2.5, 19: 2.5, 20: 2.5 });
    expect(plain.overall).toMatchObject({ display: '2,50', rating: 'Baik', exactDisplay: null });
    expect(plain.overall?.targetDifference.display).toBe('0,00');
    // A value plainly below keeps its two places, and its difference is the one a reader
    // works out from what is shown: 2,485 is shown 2,49, so 0,01 below 2,50 (not "-0,02").
    const low = score(pack, { ...values, 2: 2.5, 19: 2.5, 20: 2.4 });
    expect(low.overall).toMatchObject({ display: '2,49', rating: 'Cukup', exactDisplay: null });
    expect(low.overall?.targetDifference.display).toBe('-0,01');
  });

  it('reads and writes values with a decimal comma', () => {
    const pack = pemdi();
    expect(parseValue(pack, '2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parseValue(pack, '2,50')).toEqual({ ok: true, value: 2.5 });
    expect(parseValue(pack, '2.75')).toEqual({ ok: true, value: 2.75 });
    expect(parseValue(pack, '')).toEqual({ ok: true, value: null });
    expect(parseValue(pack, '2,555')).toMatchObject({
      ok: false,
      message: /2 angka di belakang koma/,
    });
    expect(parseValue(pack, '5,01')).toMatchObject({ ok: false, message: /1,00–5,00/ });
    expect(parseValue(pack, 'abc')).toMatchObject({ ok: false });
    // Indonesian notation: a dot before exactly three digits groups thousands ("1.000" = 1000).
    expect(parseValue(pack, '1.000')).toMatchObject({
      ok: false,
      message: /memisahkan ribuan \(terbaca 1000\).*koma, misalnya 1,00/,
    });
    expect(parseValue(pack, '3.500')).toMatchObject({ ok: false, message: /ribuan/ });
    expect(parseValue(pack, '2.8')).toEqual({ ok: true, value: 2.8 });
    expect(parseValue(pack, '-2')).toEqual({
      ok: false,
      message: 'Nilai harus antara 1,00 dan 5,00',
    });
    // A level scale names its own noun and bounds.
    const p59 = findPack('permenpanrb-59-2020')!;
    expect(parseValue(p59, '7')).toEqual({ ok: false, message: 'Tingkat harus antara 1 dan 5' });
    const sdi = findIndicator(pack, 5)!.indicator.externalIndex!;
    expect(parseExternalInput(pack, sdi, '-5')).toEqual({
      ok: false,
      message: 'Indeks SDI harus antara 0 dan 100',
    });
    expect(parseExternalInput(pack, sdi, '68.75')).toEqual({ ok: true, input: 68.75 });
    expect(parseExternalInput(pack, sdi, '68.750')).toMatchObject({ ok: false, message: /ribuan/ });
    expect(formatValue(pack, 2.5)).toBe('2,50');
    const scale = findIndicator(pack, 1)!.scale;
    expect(levelOfValue(pack, scale, 2.49)?.name).toBe('Membangun');
    expect(nextLevelValue(pack, scale, 1.8)).toBe(2.5);
    expect(nextLevelValue(pack, scale, 4.5)).toBe(4.5);
  });

  it('writes the decimals of the level criteria with a comma, as the assessor reads them', () => {
    // The reference (pemdi-2026-criteria.json, I05 kondisi) has "rentang 12.5 – 37.5"; the
    // conversion table beside it says 12,5–37,5.
    const pack = pemdi();
    const texts = indicatorEntries(pack).flatMap((e) =>
      e.indicator.levels.flatMap((l) => [
        l.criteria ?? '',
        ...l.conditions,
        ...l.butir.map((b) => b.text),
      ]),
    );
    expect(texts.filter((t) => /\d\.\d/.test(t))).toEqual([]);
    expect(findIndicator(pack, 5)!.indicator.levels[1]!.conditions).toEqual([
      'Indeks Satu Data Indonesia (SDI) berada pada rentang 12,5 – 37,5.',
    ]);
  });

  it('keeps a source and a confidence on every level and says where it is below high', () => {
    const pack = pemdi();
    for (const e of indicatorEntries(pack)) {
      for (const l of e.indicator.levels) {
        expect(l.source, `indikator ${e.indicator.number} tingkat ${l.level}`).toBeTruthy();
        expect(['high', 'medium', 'low']).toContain(l.confidence);
      }
    }
    expect(pack.provenance?.caution).toMatch(/sumber sekunder; cocokkan dengan salinan resmi/);
    const butir = indicatorEntries(pack).flatMap((e) => e.indicator.levels.flatMap((l) => l.butir));
    expect(new Set(butir.map((b) => b.code)).size).toBe(butir.length);
  });
});
