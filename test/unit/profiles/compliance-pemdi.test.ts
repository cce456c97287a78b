/**
 * Compliance rules of the built-in regional profiles (written on 59/2020 indicators) on Pemdi
 * evaluations: an indicator rule is read on the Pemdi indicator the profile maps the same
 * articles to (else the pack's crosswalk), on the decimal values; a rule without a single sound
 * counterpart stays "belum dapat dinilai" with its reason. Balikpapan (audit every two years)
 * and Mojokerto (document and yearly-evaluation rules only) on a complete Pemdi evaluation.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../../shared/assessment';
import { findPack, indicatorEntries, type InstrumentPack } from '../../../shared/instrument';
import {
  checkCompliance,
  checkObligation,
  findProfile,
  type Obligation,
  type Profile,
} from '../../../shared/profiles';
import { evaluationOf, type Doc } from './evaluation';

const pack59 = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
const profile = (id: string): Profile => findProfile(id) as Profile;

const evaluation = (
  pack: InstrumentPack,
  answers: Record<number, number>,
  docs: Doc[] = [],
  instansi?: Parameters<typeof evaluationOf>[0]['instansi'],
): EvaluationSnapshot => evaluationOf({ pack, year: 2026, answers, docs, instansi });

/** Every indicator of the pack at `value`, with `overrides`. */
const all = (
  pack: InstrumentPack,
  value: number,
  overrides: Record<number, number> = {},
): Record<number, number> => ({
  ...Object.fromEntries(indicatorEntries(pack).map((e) => [e.indicator.number, value])),
  ...overrides,
});

const auditReport: Doc = {
  id: 'ev-0',
  title: 'Laporan Hasil Audit Keamanan SPBE',
  kind: 'laporan',
  date: '2025-09-10',
  indicators: [9],
};

const indicatorRule = (p: Profile): Obligation =>
  p.obligations.find((o) => o.rules.some((r) => r.kind === 'indicators'))!;

describe('Kota Balikpapan on a Pemdi evaluation', () => {
  const balikpapan = profile('kota-balikpapan');
  const audit = indicatorRule(balikpapan);

  it('checks the audit obligation on Pemdi indicator 9 and its decimal value', () => {
    const met = checkObligation(
      audit,
      balikpapan,
      evaluation(pemdi, { 9: 2.5 }, [auditReport]),
      pemdi,
    );
    expect(met.status).toBe('met');
    expect(met.indicators).toEqual([9]);
    expect(met.evidenceIds).toEqual(['ev-0']);
    expect(met.reason).toBe(
      'Aturan ini menyebut indikator 29, 30, dan 31 instrumen PermenPANRB 59/2020, sedangkan evaluasi memakai PermenPANRB 8/2026; ' +
        'padanan indikator 29, 30, dan 31 adalah indikator 9 menurut pemetaan pasal profil ini (Pasal 48 ayat (1), Pasal 47 ayat (7), Pasal 49 ayat (2), dan Pasal 50 ayat (2)). ' +
        'Tingkat paling sedikit 2 dibaca pada skala indikator PermenPANRB 8/2026 tersebut. ' +
        'Diperiksa: Indikator 9 paling sedikit tingkat 2 (nilai 1,50), dengan bukti dukung berjenis Laporan yang tertaut dan bertanggal tahun 2025–2026. ' +
        'Ditemukan: indikator 9 bernilai 2,50 (tingkat 3) dengan bukti "Laporan Hasil Audit Keamanan SPBE", tanggal 10 September 2025.',
    );
  });

  it('is not met below the level, or without a recent report; unknown while unanswered', () => {
    const below = checkObligation(
      audit,
      balikpapan,
      evaluation(pemdi, { 9: 1.25 }, [auditReport]),
      pemdi,
    );
    expect(below.status).toBe('notMet');
    expect(below.reason).toContain('indikator 9 bernilai 1,25 (tingkat 1), di bawah 2');
    const old = checkObligation(
      audit,
      balikpapan,
      evaluation(pemdi, { 9: 3 }, [{ ...auditReport, date: '2023-01-05' }]),
      pemdi,
    );
    expect(old.status).toBe('notMet');
    expect(old.reason).toContain('tidak bertanggal tahun 2025–2026');
    const open = checkObligation(audit, balikpapan, evaluation(pemdi, { 1: 3 }), pemdi);
    expect(open.status).toBe('unknown');
    expect(open.reason).toContain('indikator 9 belum dinilai');
  });

  it('leaves no obligation "belum dapat dinilai" for want of a mapping on a complete evaluation', () => {
    const results = checkCompliance(
      balikpapan,
      evaluation(pemdi, all(pemdi, 3.25), [
        auditReport,
        {
          id: 'doc-1',
          title: 'SK Tim Asesor Internal',
          kind: 'sk',
          date: '2026-01-10',
          indicators: [],
        },
        {
          id: 'doc-2',
          title: 'SK Tim Auditor TIK',
          kind: 'sk',
          date: '2026-01-10',
          indicators: [],
        },
        {
          id: 'doc-3',
          title: 'SK Tim Koordinasi SPBE',
          kind: 'sk',
          date: '2026-01-10',
          indicators: [],
        },
        {
          id: 'doc-4',
          title: 'Keputusan Arsitektur SPBE',
          kind: 'sk',
          date: '2025-01-10',
          indicators: [1],
        },
        {
          id: 'doc-5',
          title: 'Keputusan Peta Rencana SPBE',
          kind: 'sk',
          date: '2025-01-10',
          indicators: [1],
        },
        {
          id: 'doc-6',
          title: 'Keputusan Proses Bisnis',
          kind: 'sk',
          date: '2025-01-10',
          indicators: [15],
        },
      ]),
      pemdi,
    );
    expect(results.map((r) => [r.obligationId, r.status])).toEqual(
      balikpapan.obligations.map((o) => [o.id, 'met']),
    );
    for (const r of results) expect(r.reason).not.toContain('tidak dapat diperiksa');
  });

  it('checks the same obligation on 59/2020 as before, by level', () => {
    const r = checkObligation(
      audit,
      balikpapan,
      evaluation(pack59, { 29: 3, 30: 2, 31: 2 }, [{ ...auditReport, indicators: [29, 30, 31] }]),
      pack59,
    );
    expect(r.status).toBe('met');
    expect(r.indicators).toEqual([29, 30, 31]);
    expect(r.reason).toMatch(
      /^Diperiksa: Setiap indikator 29, 30, dan 31 paling sedikit tingkat 2, /,
    );
    expect(r.reason).toContain('indikator 29 bertingkat 3 dengan bukti');
  });
});

describe('Kabupaten Mojokerto on a Pemdi evaluation', () => {
  const mojokerto = profile('kabupaten-mojokerto');
  const instansi = {
    name: 'Pemerintah Kabupaten Mojokerto',
    kind: 'kabupaten' as const,
    regionName: 'Mojokerto',
  };

  it('checks every obligation on the Pemdi evaluation', () => {
    const docs: Doc[] = [
      {
        id: 'doc-1',
        title: 'Keputusan Bupati tentang Tim Koordinasi SPBE',
        kind: 'sk',
        date: '2025-02-01',
        indicators: [],
      },
      {
        id: 'doc-2',
        title: 'Peraturan Bupati tentang Arsitektur SPBE',
        kind: 'perkada',
        date: '2024-02-01',
        indicators: [1],
      },
      {
        id: 'doc-3',
        title: 'Peraturan Bupati tentang Peta Rencana SPBE',
        kind: 'perkada',
        date: '2024-02-01',
        indicators: [1],
      },
    ];
    const complete = checkCompliance(
      mojokerto,
      evaluation(pemdi, all(pemdi, 2.75), docs, instansi),
      pemdi,
    );
    expect(complete.map((r) => r.status)).toEqual(mojokerto.obligations.map(() => 'met'));
    const yearly = complete.find((r) => r.obligationId === 'pemantauan-evaluasi-tahunan')!;
    expect(yearly.reason).toContain('Ditemukan: 20 dari 20 indikator bernilai.');

    // Half done, without the Peta Rencana: the yearly evaluation is not yet shown, the decree
    // is missing; neither for want of a mapping.
    const half = Object.fromEntries(Object.entries(all(pemdi, 2)).slice(0, 10));
    const partial = checkCompliance(
      mojokerto,
      evaluation(pemdi, half, docs.slice(0, 2), instansi),
      pemdi,
    );
    expect(Object.fromEntries(partial.map((r) => [r.obligationId, r.status]))).toEqual({
      'tim-koordinasi-keputusan': 'met',
      'pemantauan-evaluasi-tahunan': 'unknown',
      'arsitektur-ditetapkan-bupati': 'met',
      'peta-rencana-ditetapkan-bupati': 'notMet',
    });
    for (const r of partial) expect(r.reason).not.toContain('tidak dapat diperiksa');
  });
});

describe('a rule without a single sound counterpart', () => {
  const balikpapan = profile('kota-balikpapan');
  const { otherMappings: _dropped, ...withoutPemdi } = balikpapan;
  const ruleOn = (indicators: number[]): Obligation => ({
    ...indicatorRule(balikpapan),
    rules: [
      {
        kind: 'indicators',
        indicators,
        match: 'all',
        minLevel: 2,
        requireEvidence: false,
        evidenceKinds: [],
        evidenceWithinYears: null,
      },
    ],
  });

  it('stays "belum dapat dinilai" with its reason when nothing maps (risk management, 21)', () => {
    const r = checkObligation(ruleOn([21]), balikpapan, evaluation(pemdi, all(pemdi, 4)), pemdi);
    expect(r.status).toBe('unknown');
    expect(r.indicators).toEqual([]);
    expect(r.reason).toBe(
      'Aturan ini menyebut indikator 21 instrumen PermenPANRB 59/2020, sedangkan evaluasi memakai PermenPANRB 8/2026; indikator 21 tidak berpadanan dengan indikator PermenPANRB 8/2026 mana pun, baik menurut pemetaan pasal profil ini maupun menurut padanan indikator paket. Aturan ini tidak dapat diperiksa pada evaluasi ini.',
    );
  });

  it('does not choose between two counterparts (7 → 16 and 18 in the crosswalk)', () => {
    const r = checkObligation(ruleOn([7]), withoutPemdi, evaluation(pemdi, all(pemdi, 4)), pemdi);
    expect(r.status).toBe('unknown');
    expect(r.reason).toContain(
      'indikator 7 berpadanan dengan lebih dari satu indikator PermenPANRB 8/2026 (16 dan 18) sehingga padanannya tidak dapat dipilih tanpa menebak',
    );
    expect(r.reason).toMatch(
      /^Profil ini belum memetakan pasal ke indikator PermenPANRB 8\/2026\. /,
    );
  });
});
