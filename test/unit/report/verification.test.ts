/**
 * The report's content as the issue's reader meets it: the verification status up front (the
 * Balikpapan case of issue 12: 2,95 Baik, and 2,37 Cukup with every unsupported level one lower),
 * recommendations to the target, the regulation's purposes, and the Pemdi pack's equivalents.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { findProfile } from '../../../shared/profiles';
import {
  buildReport,
  plainText,
  reportProfileFromRegional,
  type ReportModel,
} from '../../../shared/report';
import { score } from '../../../shared/scoring/score';
import { fixture, NOW } from './helpers';

const spbe = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;

const LEVELS = [
  3,
  3,
  3,
  3,
  3,
  3,
  3,
  3,
  3,
  3,
  2,
  2,
  5,
  4,
  3,
  3,
  3,
  3,
  3,
  2,
  ...Array<number>(11).fill(1),
  4,
  4,
  4,
  4,
  4,
  4,
  3,
  3,
  4,
  5,
  4,
  3,
  2,
  4,
  3,
  3,
];
/** Indicators with a document tagged for the claimed level; the 21 others carry 57,5 % of the weight. */
const BACKED = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 42];

function issueCase(profileId: string): { snapshot: EvaluationSnapshot; model: ReportModel } {
  const base = fixture('balikpapan-2026');
  const doc = base.evidence[0]!;
  const snapshot: EvaluationSnapshot = {
    ...base,
    answers: base.answers.map((a) => ({ ...a, value: LEVELS[a.indicator - 1] ?? null })),
    evidence: [doc],
    links: BACKED.map((n) => ({
      ...base.links[0]!,
      indicator: n,
      levels: Array.from({ length: LEVELS[n - 1]! }, (_, k) => k + 1),
    })),
  };
  snapshot.evaluation = { ...snapshot.evaluation, profileId };
  const profile = findProfile(profileId)!;
  const model = buildReport({
    snapshot,
    pack: spbe,
    profile: reportProfileFromRegional(profile, snapshot, spbe),
    now: NOW,
  });
  return { snapshot, model };
}

const sectionText = (m: ReportModel, id: string): string =>
  (m.sections.find((s) => s.id === id)?.blocks ?? [])
    .map((b) =>
      b.kind === 'paragraph'
        ? plainText(b.content)
        : b.kind === 'list'
          ? b.items.map(plainText).join('\n')
          : b.kind === 'notice'
            ? [b.title, plainText(b.content), ...(b.items ?? [])].join('\n')
            : b.kind === 'heading'
              ? b.text
              : '',
    )
    .join('\n');

describe('the issue 12 Balikpapan case', () => {
  const { model } = issueCase('kota-balikpapan');

  it('states up front that the index is a self-assessment and how far evidence backs it', () => {
    expect(model.headline.display).toBe('2,95');
    expect(model.headline.rating).toBe('Baik');
    const v = model.data.verification!;
    expect(v.unsupported).toHaveLength(21);
    expect(v.unsupported.filter((u) => u.valueDisplay === '5').map((u) => u.number)).toEqual([
      13, 41,
    ]);
    expect(v.unsupportedShareDisplay).toBe('57,5%');
    expect(v.supportedShareDisplay).toBe('26%');
    expect(v.lowered).toMatchObject({ display: '2,37', rating: 'Cukup' });
    const summary = sectionText(model, 'summary');
    expect(summary).toContain('hasil penilaian mandiri oleh Tim Asesor Internal');
    expect(summary).toContain('diverifikasi oleh asesor eksternal');
    expect(summary).toContain(
      'jika setiap tingkat yang belum didukung bukti satu tingkat lebih rendah, Indeks SPBE menjadi 2,37 (predikat Cukup)',
    );
    // The status comes before anything else is said about the index.
    const first = model.sections.find((s) => s.id === 'summary')!.blocks;
    expect(first.findIndex((b) => b.kind === 'notice')).toBeLessThan(
      first.findIndex((b) => b.kind === 'figures'),
    );
  });

  it('computes the lowered index with score() on the values one level lower', () => {
    const lowered: Record<number, number> = {};
    LEVELS.forEach((v, k) => {
      const n = k + 1;
      lowered[n] = BACKED.includes(n) || v === 1 ? v : v - 1;
    });
    expect(score(spbe, lowered).overall?.display).toBe(model.data.verification?.lowered?.display);
  });

  it('never lists an unsupported claim as a strength', () => {
    const findings = model.sections.find((s) => s.id === 'findings')!.blocks;
    let under = '';
    for (const b of findings) {
      if (b.kind === 'heading') under = b.text;
      if (b.kind !== 'list' || under !== 'Kekuatan') continue;
      for (const item of b.items) {
        const n = Number(/^Indikator (\d+) /.exec(plainText(item))?.[1]);
        expect(BACKED.includes(n) || LEVELS[n - 1] === 1).toBe(true);
      }
    }
    expect(sectionText(model, 'findings')).toContain('Perlu perhatian');
  });

  it('recommends every level up to the target with its criteria, documents and articles', () => {
    const r = model.data.recommendations.find((x) => x.number === 21)!;
    expect(r.level).toBe(1);
    expect(r.steps.map((s) => s.level)).toEqual([2, 3]);
    const levels = spbe.groups.flatMap(function all(g): typeof spbe.groups {
      return [g, ...(g.groups ?? []).flatMap(all)];
    });
    const indicator = levels.flatMap((g) => g.indicators ?? []).find((i) => i.number === 21)!;
    expect(r.steps.map((s) => s.criteria)).toEqual([
      indicator.levels[1]!.criteria,
      indicator.levels[2]!.criteria,
    ]);
    // The gain of reaching the target is exact from score().
    const values = Object.fromEntries(LEVELS.map((v, k) => [k + 1, v]));
    const before = score(spbe, values).overall!;
    const after = score(spbe, { ...values, 21: 3 }).overall!;
    expect(r.gainToTarget).toBeCloseTo(after.value - before.value, 10);
    // Ordered by gain per level step.
    const perStep = model.data.recommendations.map((x) => x.gainToTarget / x.steps.length);
    for (let k = 1; k < perStep.length; k += 1) {
      expect(perStep[k - 1]! + 1e-12).toBeGreaterThanOrEqual(perStep[k]!);
    }
    const text = sectionText(model, 'recommendations');
    expect(text).toMatch(/Indikator 21 [^]*Kriteria tingkat 2 [^]*Kriteria tingkat 3 /);
    // A policy indicator below target cites the Perwal articles mapped to it.
    const withArticles = model.data.recommendations.filter((x) => x.regionalArticles.length > 0);
    expect(withArticles.length).toBeGreaterThan(0);
    expect(withArticles[0]!.regionalArticles[0]).toMatch(/^Pasal \d+/);
  });

  it('has the structure the regulations ask for, with Pasal 53 ayat (2) a–d answered', () => {
    expect(model.sections.map((s) => s.title)).toEqual([
      'Sampul',
      'Ringkasan Eksekutif',
      'Pendahuluan',
      'Metodologi',
      'Hasil Penilaian',
      'Kekuatan dan Kelemahan',
      'Rekomendasi',
      'Kesimpulan',
      'Penutup',
      'Lampiran',
    ]);
    const intro = sectionText(model, 'legal');
    for (const h of ['Dasar Hukum', 'Maksud dan Tujuan', 'Ruang Lingkup'])
      expect(intro).toContain(h);
    expect(intro).toContain('Pasal 53 ayat (2)');
    const conclusion = sectionText(model, 'conclusion');
    expect(conclusion).toContain('c. Mengidentifikasi peluang SPBE');
    expect(conclusion).toContain('d. Mengukur pelaksanaan Arsitektur SPBE dan Peta Rencana SPBE');
    expect(conclusion).toMatch(/Indikator 11 Tingkat Kematangan Arsitektur SPBE[^\n]*tingkat 2/);
    expect(conclusion).toMatch(/Indikator 12 Tingkat Kematangan Peta Rencana SPBE/);
    const closing = model.sections.find((s) => s.id === 'closing')!.blocks;
    const signatures = closing.find((b) => b.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.signers.map((s) => s.caption)).toEqual([
      'Koordinator SPBE',
      'Ketua Tim Asesor Internal',
    ]);
    expect(signatures?.kind === 'signatures' && signatures.signers[1]?.name).toBe(
      'Ir. Ratna Dewi Lestari, M.T.',
    );
  });

  it('uses no developer wording', () => {
    const all = model.sections
      .map((s) => sectionText(s.id === 'cover' ? model : model, s.id))
      .join('\n');
    expect(all).not.toMatch(/asumsi paket|permenpanrb-59-2020|versi 1\.0\.0/);
    expect(all).not.toMatch(/\b0 (belum|indikator)/);
    expect(all).not.toContain('Tim tidak menuliskan penjelasan');
  });
});

describe('a Mojokerto (Bupati) evaluation', () => {
  const { model } = issueCase('kabupaten-mojokerto');
  it('takes its purposes from Pasal 49 ayat (3) and signs for the Koordinator SPBE', () => {
    const intro = sectionText(model, 'legal');
    expect(intro).toContain('Pasal 49 ayat (3)');
    expect(sectionText(model, 'conclusion')).toContain(
      'b. Memberikan saran perbaikan berkesinambungan',
    );
    expect(model.data.verification?.lowered?.display).toBe('2,37');
  });
});

describe('an Indeks Pemdi evaluation', () => {
  const m = buildReport({ snapshot: fixture('pemdi-2026'), pack: pemdi, now: NOW });
  it('lowers an unsupported value to the floor of the level below, through score()', () => {
    const v = m.data.verification!;
    const one = v.unsupported.find((u) => u.number === 1)!;
    expect(one).toMatchObject({ valueDisplay: '2,75', loweredDisplay: '1,50' });
    expect(v.sentence).toContain('Indeks Pemdi menjadi');
    expect(sectionText(m, 'summary')).toContain(
      'Indeks Pemdi dalam laporan ini adalah hasil penilaian mandiri',
    );
  });
});
