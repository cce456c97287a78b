/**
 * The PermenPANRB 59/2020 pack against the regulation: structure and weights (Lampiran II.B,
 * Tabel 7–9), the two level scales, predikat (Tabel 13), and every level criterion verbatim from
 * the questionnaire (Bab II.E; a copy of the public text is kept under test/fixtures/reference).
 */
import { describe, expect, it } from 'vitest';
import { defaultPack, groupsOfTier, indicatorEntries } from '../../../shared/instrument';
import { readJson, repoRoot } from '../helpers';
import { readFileSync } from 'node:fs';

const pack = defaultPack();
const questionnaire = readJson<
  Record<string, { question: string; levels: Record<string, string> }>
>('test/fixtures/reference/kuesioner-59-2020.json');
const regulation = readFileSync(
  `${repoRoot}/test/fixtures/reference/permenpanrb-59-2020.txt`,
  'utf8',
);

/** Whitespace and PDF line-break hyphenation ("masing- masing") do not count as differences. */
const norm = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/(\w)- (\w)/g, '$1-$2')
    .trim();

describe('structure and weights (Tabel 7–9)', () => {
  it('has 4 domains, 8 aspects and 47 indicators numbered 1..47', () => {
    expect(groupsOfTier(pack, 'domain')).toHaveLength(4);
    expect(groupsOfTier(pack, 'aspect')).toHaveLength(8);
    expect(indicatorEntries(pack).map((e) => e.indicator.number)).toEqual(
      Array.from({ length: 47 }, (_, i) => i + 1),
    );
  });

  it('weighs domains 13 / 25 / 16,5 / 45,5 and aspects 13 / 10 / 10 / 5 / 12 / 4,5 / 27,5 / 18', () => {
    expect(groupsOfTier(pack, 'domain').map((g) => [g.group.name, g.group.weight])).toEqual([
      ['Kebijakan Internal SPBE', 13],
      ['Tata Kelola SPBE', 25],
      ['Manajemen SPBE', 16.5],
      ['Layanan SPBE', 45.5],
    ]);
    expect(groupsOfTier(pack, 'aspect').map((g) => g.group.weight)).toEqual([
      13, 10, 10, 5, 12, 4.5, 27.5, 18,
    ]);
    expect(groupsOfTier(pack, 'aspect').map((g) => g.indicatorNumbers.length)).toEqual([
      10, 4, 4, 2, 8, 3, 10, 6,
    ]);
  });

  it('weighs indicators 1,30 (1–10), 2,50 (11–20), 1,50 (21–31), 2,75 (32–41), 3,00 (42–47)', () => {
    const expected = (n: number): number =>
      n <= 10 ? 1.3 : n <= 20 ? 2.5 : n <= 31 ? 1.5 : n <= 41 ? 2.75 : 3;
    for (const { indicator } of indicatorEntries(pack)) {
      expect(indicator.weight, `indikator ${indicator.number}`).toBe(expected(indicator.number));
    }
  });

  it('uses the process scale for 1–31 and the service scale for 32–47', () => {
    for (const { indicator, scale } of indicatorEntries(pack)) {
      expect(scale.id).toBe(indicator.number <= 31 ? 'process' : 'service');
    }
    const names = (id: string) =>
      pack.levelScales.find((s) => s.id === id)?.levels.map((l) => l.name);
    expect(names('process')).toEqual([
      'Rintisan',
      'Terkelola',
      'Terdefinisi',
      'Terpadu dan Terukur',
      'Optimum',
    ]);
    expect(names('service')).toEqual([
      'Informasi',
      'Interaksi',
      'Transaksi',
      'Kolaborasi',
      'Optimum',
    ]);
  });

  it('names every indicator as the regulation does', () => {
    // The PDF text interleaves the "Indikator n :" labels of the questionnaire with the names.
    const text = norm(regulation.replace(/Indikator\s+\d+\s*:?/g, ' ')).toLowerCase();
    for (const { indicator } of indicatorEntries(pack)) {
      expect(
        text.includes(norm(indicator.name).toLowerCase()),
        `indikator ${indicator.number}: ${indicator.name}`,
      ).toBe(true);
    }
  });
});

describe('criteria (Bab II.E)', () => {
  it('has every level criterion verbatim from the questionnaire', () => {
    for (const { indicator } of indicatorEntries(pack)) {
      const q = questionnaire[String(indicator.number)];
      expect(q, `indikator ${indicator.number}`).toBeDefined();
      expect(norm(indicator.question ?? '')).toBe(norm(q!.question));
      expect(indicator.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      for (const level of indicator.levels) {
        expect(
          norm(level.criteria ?? ''),
          `indikator ${indicator.number} tingkat ${level.level}`,
        ).toBe(norm(q!.levels[String(level.level)] ?? ''));
      }
    }
  });

  it('has the juknis explanation and per-level evidence guidance for every indicator', () => {
    for (const { indicator } of indicatorEntries(pack)) {
      expect(
        indicator.explanation.indicator.length,
        `indikator ${indicator.number}`,
      ).toBeGreaterThan(0);
      expect(
        indicator.explanation.evidence.length,
        `indikator ${indicator.number}`,
      ).toBeGreaterThan(0);
      for (const level of indicator.levels) {
        expect(
          level.evidence.length,
          `indikator ${indicator.number} tingkat ${level.level}`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('carries no known copy error of the juknis and records each fix', () => {
    const i1 = indicatorEntries(pack)[0]!.indicator;
    expect(i1.levels[3]!.evidence.join(' ')).not.toMatch(/aplikasi|API/i);
    const corrections = pack.notes.filter((n) => n.kind === 'correction');
    expect(corrections.some((n) => n.topic === 'indicator:1')).toBe(true);
    expect(corrections.length).toBeGreaterThan(10);
  });
});

describe('predikat, targets and rounding', () => {
  it('has the bands of Tabel 13 with their bounds', () => {
    expect(pack.rating.map((r) => [r.name, r.min, r.max, r.minInclusive, r.maxInclusive])).toEqual([
      ['Memuaskan', 4.2, 5, true, true],
      ['Sangat Baik', 3.5, 4.2, true, false],
      ['Baik', 2.6, 3.5, true, false],
      ['Cukup', 1.8, 2.6, true, false],
      ['Kurang', 1, 1.8, true, false],
    ]);
  });

  it('targets level 3 per indicator and an index of 2,6; presents two decimals half up', () => {
    expect(pack.targets).toMatchObject({ indicatorLevel: 3, index: 2.6 });
    expect(pack.rounding).toMatchObject({
      displayDecimals: 2,
      mode: 'half-up',
      ratingFrom: 'displayed',
    });
  });
});
