/** A broken pack is refused with a message naming the problem; a sound one loads. */
import { describe, expect, it } from 'vitest';
import type { InstrumentPackInput } from '../../../shared/instrument';
import { InvalidPackError, loadPack, loadPackOrThrow } from '../../../shared/instrument';
import { readJson } from '../helpers';

const pack59 = (): InstrumentPackInput =>
  readJson<InstrumentPackInput>('shared/instrument/packs/permenpanrb-59-2020.json');

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations reach into arbitrary JSON

function refused(mutate: (p: Mutable) => void): string[] {
  const p = pack59() as unknown as Mutable;
  mutate(p);
  const result = loadPack(p);
  if (result.ok) throw new Error('Paket rusak diterima');
  return result.errors;
}

describe('loading the PermenPANRB 59/2020 pack', () => {
  it('accepts the shipped pack', () => {
    const result = loadPack(pack59());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('refusing broken packs', () => {
  it('names an indicator weight that breaks its aspect total', () => {
    const errors = refused((p) => {
      p.groups[1].groups[0].indicators[0].weight = 2.4;
    });
    expect(errors.join('\n')).toMatch(
      /Aspek 2 "Perencanaan Strategis SPBE": bobot 10 tidak sama dengan jumlah bobot indikatornya \(9,9\)/,
    );
    expect(errors.join('\n')).toMatch(
      /Jumlah bobot indikator \(99,9\) tidak sama dengan total 100/,
    );
  });

  it('names an aspect weight that breaks its domain total', () => {
    const errors = refused((p) => {
      p.groups[3].groups[1].weight = 19;
    });
    expect(errors.join('\n')).toMatch(
      /Domain 4 "Layanan SPBE": bobot 45,5 tidak sama dengan jumlah bobot aspeknya \(46,5\)/,
    );
  });

  it('names domain weights that do not total 100', () => {
    const errors = refused((p) => {
      p.totalWeight = 99;
    });
    expect(errors.join('\n')).toMatch(/Jumlah bobot domain \(100\) tidak sama dengan total 99/);
  });

  it('names duplicate and missing indicator numbers', () => {
    const errors = refused((p) => {
      p.groups[0].groups[0].indicators[1].number = 1;
    });
    expect(errors.join('\n')).toMatch(/Nomor indikator 1 ganda/);
    expect(errors.join('\n')).toMatch(/nomor tidak berurutan/);
  });

  it('names an indicator without the criteria of a level', () => {
    const errors = refused((p) => {
      p.groups[3].groups[0].indicators[0].levels.splice(4, 1);
    });
    expect(errors.join('\n')).toMatch(
      /Indikator 32 ".*": kriteria tingkat 5 \(Optimum\) tidak ada/,
    );
  });

  it('names an unknown level scale', () => {
    const errors = refused((p) => {
      p.groups[0].groups[0].indicators[0].scale = 'tidak-ada';
    });
    expect(errors.join('\n')).toMatch(/Indikator 1 ".*": skala tingkat "tidak-ada" tidak dikenal/);
  });

  it('names predikat bands that overlap or leave a gap', () => {
    expect(
      refused((p) => {
        p.rating[2].maxInclusive = true; // Baik up to and including 3,5: overlaps Sangat Baik
      }).join('\n'),
    ).toMatch(/Batas 3,5 antara predikat "Baik" dan "Sangat Baik" tumpang tindih/);
    expect(
      refused((p) => {
        p.rating[3].min = 1.9;
      }).join('\n'),
    ).toMatch(/Predikat "Kurang" dan "Cukup" tidak bersambung/);
  });

  it('names a predikat band whose printed range is not the one it is read with', () => {
    // Tabel 13 prints "2,6 – < 3,5" for Baik: a text without "<" says 3,5 is still Baik.
    expect(
      refused((p) => {
        p.rating[2].text = '2,6 – 3,5';
      }),
    ).toEqual([
      'Predikat "Baik": teks rentang "2,6 – 3,5" tidak sesuai batas yang dipakai menghitung (2,6 sampai kurang dari 3,5)',
    ]);
    // The draft-era Pemdi bounds printed over the Tabel 4 bounds the pack computes with.
    const pemdi = readJson<Mutable>('shared/instrument/packs/permenpanrb-8-2026.json');
    pemdi.rating[1].text = '1,51 – 2,50';
    const result = loadPack(pemdi);
    expect(result.ok ? [] : result.errors).toEqual([
      'Predikat "Cukup": teks rentang "1,51 – 2,50" tidak sesuai batas yang dipakai menghitung (1,5 sampai kurang dari 2,5)',
    ]);
    // "< 1,8" for Kurang stands: the band starts at the scale's lowest value.
    expect(refused((p) => (p.rating[4].text = '< 1,9')).join('\n')).toMatch(/"Kurang"/);
  });

  it('names a range of years that holds none', () => {
    expect(
      refused((p) => {
        p.years = { from: 2026, to: 2025 };
      }),
    ).toEqual(['Tahun berlaku paket dari 2026 sampai 2025 tidak memuat satu tahun pun']);
  });

  it('names a group holding both groups and indicators, or neither', () => {
    const errors = refused((p) => {
      p.groups[0].indicators = [];
    });
    expect(errors.join('\n')).toMatch(
      /Domain 1 "Kebijakan Internal SPBE": harus berisi kelompok atau indikator/,
    );
  });

  it('names schema problems with their path', () => {
    const errors = refused((p) => {
      delete p.groups[0].groups[0].indicators[0].question;
      p.version = 'satu';
    });
    expect(errors.some((e) => e.startsWith('groups.0.groups.0.indicators.0.question:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('version:'))).toBe(true);
  });

  it('throws InvalidPackError with every reason from loadPackOrThrow', () => {
    const p = pack59() as unknown as Mutable;
    p.totalWeight = 90;
    expect(() => loadPackOrThrow(p, 'uji')).toThrow(InvalidPackError);
    expect(() => loadPackOrThrow(p, 'uji')).toThrow(/Paket instrumen uji ditolak/);
  });

  it('refuses what is not a pack at all', () => {
    expect(loadPack(null).ok).toBe(false);
    expect(loadPack('teks').ok).toBe(false);
    expect(loadPack({}).ok).toBe(false);
  });
});
