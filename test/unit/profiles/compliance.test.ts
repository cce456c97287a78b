/**
 * Compliance rules against evaluation snapshots: met, notMet and unknown for each rule kind, and
 * reasons that say what was checked.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot, EvidenceKind } from '../../../shared/assessment';
import { defaultPack, indicatorEntries } from '../../../shared/instrument';
import {
  checkCompliance,
  checkObligation,
  complianceStatusLabel,
  complianceSummary,
  findProfile,
  type Obligation,
  type Profile,
} from '../../../shared/profiles';
import { evaluationOf } from './evaluation';

const pack = defaultPack();

const snapshot = (options: Parameters<typeof evaluationOf>[0]): EvaluationSnapshot =>
  evaluationOf({ pack, ...options });

const balikpapan = findProfile('kota-balikpapan') as Profile;
const obligation = (profile: Profile, id: string): Obligation => {
  const o = profile.obligations.find((x) => x.id === id);
  if (!o) throw new Error(id);
  return o;
};
const audit = obligation(balikpapan, 'audit-tik-dua-tahun');
const auditReport = (
  id: string,
  n: number,
  date: string | null,
  kind: EvidenceKind = 'laporan',
) => ({
  id,
  kind,
  title: `Laporan Audit indikator ${n}`,
  date,
  indicators: [n],
});

describe('indicator rule: audits at least once in two years (Balikpapan Pasal 48–50)', () => {
  it('is met with levels of at least 2 and audit reports dated within the two years', () => {
    const s = snapshot({
      answers: { 29: 2, 30: 3, 31: 4 },
      docs: [
        auditReport('a29', 29, '2024-05-02'),
        auditReport('a30', 30, '2025-01-10'),
        auditReport('a31', 31, '2024-12-31'),
      ],
    });
    const result = checkObligation(audit, balikpapan, s, pack);
    expect(result.status).toBe('met');
    expect(result.indicators).toEqual([29, 30, 31]);
    expect(result.evidenceIds.sort()).toEqual(['a29', 'a30', 'a31']);
    expect(result.reason).toContain('Setiap indikator 29, 30, dan 31 paling sedikit tingkat 2');
    expect(result.reason).toContain('berjenis Laporan');
    expect(result.reason).toContain('bertanggal tahun 2024–2025');
    expect(result.reason).toContain('"Laporan Audit indikator 29", tanggal 2 Mei 2024');
  });

  it('is not met when one indicator is below level 2', () => {
    const s = snapshot({
      answers: { 29: 1, 30: 3, 31: 4 },
      docs: [auditReport('a30', 30, '2025-01-10'), auditReport('a31', 31, '2025-02-01')],
    });
    const result = checkObligation(audit, balikpapan, s, pack);
    expect(result.status).toBe('notMet');
    expect(result.reason).toContain('indikator 29 bertingkat 1, di bawah 2');
  });

  it('is unknown while an indicator is not answered, but not met once one fails', () => {
    const open = snapshot({
      answers: { 29: 2, 30: null },
      docs: [auditReport('a29', 29, '2025-03-01'), auditReport('a31', 31, '2025-03-01')],
    });
    const r1 = checkObligation(audit, balikpapan, open, pack);
    expect(r1.status).toBe('unknown');
    expect(r1.reason).toContain('indikator 30 belum dinilai');
    expect(r1.reason).toContain('indikator 31 belum dinilai');

    const failed = snapshot({ answers: { 29: 1 } });
    expect(checkObligation(audit, balikpapan, failed, pack).status).toBe('notMet');
  });

  it('is not met without a linked report of the right kind', () => {
    const s = snapshot({
      answers: { 29: 3, 30: 3, 31: 3 },
      docs: [
        auditReport('a29', 29, '2025-01-01'),
        auditReport('a30', 30, '2025-01-01'),
        // A decree is not an audit report.
        auditReport('a31', 31, '2025-01-01', 'sk'),
      ],
    });
    const result = checkObligation(audit, balikpapan, s, pack);
    expect(result.status).toBe('notMet');
    expect(result.reason).toContain(
      'indikator 31 bertingkat 3, tetapi tidak ada bukti dukung berjenis Laporan yang tertaut',
    );
  });

  it('is not met when the only reports are older than two years, unknown when undated', () => {
    const old = snapshot({
      answers: { 29: 3, 30: 3, 31: 3 },
      docs: [
        auditReport('a29', 29, '2022-06-01'),
        auditReport('a30', 30, '2025-01-01'),
        auditReport('a31', 31, '2025-01-01'),
      ],
    });
    const r1 = checkObligation(audit, balikpapan, old, pack);
    expect(r1.status).toBe('notMet');
    expect(r1.reason).toContain('tidak bertanggal tahun 2024–2025');

    const undated = snapshot({
      answers: { 29: 3, 30: 3, 31: 3 },
      docs: [
        auditReport('a29', 29, null),
        auditReport('a30', 30, '2025-01-01'),
        auditReport('a31', 31, '2025-01-01'),
      ],
    });
    const r2 = checkObligation(audit, balikpapan, undated, pack);
    expect(r2.status).toBe('unknown');
    expect(r2.reason).toContain('tanggal bukti dukungnya belum diisi');
  });

  it('counts the two years back from the evaluation year', () => {
    const docs = [
      auditReport('a29', 29, '2023-06-01'),
      auditReport('a30', 30, '2023-06-01'),
      auditReport('a31', 31, '2023-06-01'),
    ];
    const answers = { 29: 2, 30: 2, 31: 2 };
    expect(
      checkObligation(audit, balikpapan, snapshot({ year: 2024, answers, docs }), pack).status,
    ).toBe('met');
    expect(
      checkObligation(audit, balikpapan, snapshot({ year: 2025, answers, docs }), pack).status,
    ).toBe('notMet');
  });

  it('without an interval (Belitung Timur: "secara berkala") any linked report counts', () => {
    const belitung = findProfile('kabupaten-belitung-timur') as Profile;
    const rule = obligation(belitung, 'audit-tik-berkala');
    const s = snapshot({
      answers: { 29: 2, 30: 2, 31: 2 },
      docs: [
        auditReport('a29', 29, '2019-01-01'),
        auditReport('a30', 30, null),
        auditReport('a31', 31, '2020-01-01'),
      ],
    });
    expect(checkObligation(rule, belitung, s, pack).status).toBe('met');
  });
});

describe('document rule: a team formed by decree', () => {
  const rule = obligation(balikpapan, 'tim-koordinasi-keputusan');

  it('is met by a decree whose title names the team, in any case, and lists its indicators', () => {
    const s = snapshot({
      docs: [
        {
          id: 'sk1',
          kind: 'sk',
          title: 'Keputusan Wali Kota tentang Pembentukan TIM  KOORDINASI SPBE',
          number: '188.45/120/2023',
          date: '2023-02-01',
          indicators: [19, 10],
        },
      ],
    });
    const result = checkObligation(rule, balikpapan, s, pack);
    expect(result.status).toBe('met');
    expect(result.evidenceIds).toEqual(['sk1']);
    expect(result.indicators).toEqual([10, 19]);
    expect(result.reason).toContain(
      'berjenis Surat Keputusan (SK) yang judulnya memuat "Tim Koordinasi"',
    );
    expect(result.reason).toContain('nomor 188.45/120/2023');
  });

  it('is not met by another kind of document with that title, or by nothing', () => {
    const other = snapshot({
      docs: [
        { id: 'x', kind: 'lainnya', title: 'Tim Koordinasi SPBE', date: null, indicators: [] },
      ],
    });
    const r1 = checkObligation(rule, balikpapan, other, pack);
    expect(r1.status).toBe('notMet');
    expect(r1.reason).toContain('Ditemukan: tidak ada.');
    expect(checkObligation(rule, balikpapan, snapshot({}), pack).status).toBe('notMet');
  });

  it('with an interval, is unknown for an undated decree and not met for an old one', () => {
    const recent: Obligation = {
      ...rule,
      id: 'sk-baru',
      rules: [
        {
          kind: 'document',
          evidenceKinds: ['sk'],
          titleIncludes: ['Tim Asesor', 'Asesor Internal'],
          withinYears: 1,
        },
      ],
    };
    const doc = (date: string | null) =>
      snapshot({
        docs: [{ id: 's', kind: 'sk', title: 'SK Tim Asesor Internal', date, indicators: [] }],
      });
    expect(checkObligation(recent, balikpapan, doc('2025-03-01'), pack).status).toBe('met');
    expect(checkObligation(recent, balikpapan, doc(null), pack).status).toBe('unknown');
    const old = checkObligation(recent, balikpapan, doc('2023-03-01'), pack);
    expect(old.status).toBe('notMet');
    expect(old.reason).toContain('"Tim Asesor" atau "Asesor Internal"');
    expect(old.reason).toContain('hanya "SK Tim Asesor Internal"');
  });
});

describe('self-assessment rule: the yearly evaluation (Balikpapan Pasal 53)', () => {
  const rule = obligation(balikpapan, 'pemantauan-evaluasi-tahunan');
  const all = indicatorEntries(pack).map((e) => e.indicator.number);

  it('is met when every indicator has a value', () => {
    const answers = Object.fromEntries(all.map((n) => [n, 3]));
    const result = checkObligation(rule, balikpapan, snapshot({ answers }), pack);
    expect(result.status).toBe('met');
    expect(result.reason).toContain('47 dari 47 indikator bernilai');
  });

  it('is unknown, not "not met", while the self-assessment is in progress', () => {
    const answers = Object.fromEntries(all.slice(1).map((n) => [n, 3]));
    const result = checkObligation(
      rule,
      balikpapan,
      snapshot({ answers: { ...answers, 1: null } }),
      pack,
    );
    expect(result.status).toBe('unknown');
    expect(result.reason).toContain('46 dari 47 indikator bernilai');
  });
});

describe('rules combined and whole profiles', () => {
  it('an obligation is not met if any rule fails, unknown if any is open', () => {
    const both: Obligation = {
      id: 'gabungan',
      title: 'Gabungan',
      description: '',
      articles: audit.articles,
      rules: [{ kind: 'selfAssessment' }, ...audit.rules],
    };
    const r = checkObligation(both, balikpapan, snapshot({ answers: { 29: 1 } }), pack);
    expect(r.checks.map((c) => c.status)).toEqual(['unknown', 'notMet']);
    expect(r.status).toBe('notMet');
    const open = checkObligation(
      both,
      balikpapan,
      snapshot({ answers: { 29: 2 }, docs: [auditReport('a29', 29, '2025-01-01')] }),
      pack,
    );
    expect(open.status).toBe('unknown');
  });

  it('"any" is met by one indicator reaching the level', () => {
    const any: Obligation = {
      id: 'salah-satu',
      title: 'Salah satu',
      description: '',
      articles: audit.articles,
      rules: [
        {
          kind: 'indicators',
          indicators: [21, 22],
          match: 'any',
          minLevel: 3,
          requireEvidence: false,
          evidenceKinds: [],
          evidenceWithinYears: null,
        },
      ],
    };
    expect(
      checkObligation(any, balikpapan, snapshot({ answers: { 21: 1, 22: 3 } }), pack).status,
    ).toBe('met');
    expect(
      checkObligation(any, balikpapan, snapshot({ answers: { 21: 1, 22: 2 } }), pack).status,
    ).toBe('notMet');
    const r = checkObligation(any, balikpapan, snapshot({ answers: { 21: 1 } }), pack);
    expect(r.status).toBe('unknown');
    expect(r.reason).toContain('Salah satu indikator 21 dan 22 paling sedikit tingkat 3');
  });

  it('checks every obligation of a profile in order and sums them up', () => {
    const mojokerto = findProfile('kabupaten-mojokerto') as Profile;
    const results = checkCompliance(mojokerto, snapshot({}), pack);
    expect(results.map((r) => r.obligationId)).toEqual(mojokerto.obligations.map((o) => o.id));
    expect(results.map((r) => r.status)).toEqual(['notMet', 'unknown', 'notMet', 'notMet']);
    expect(complianceSummary(results)).toEqual({ met: 0, notMet: 3, unknown: 1 });
    expect(complianceStatusLabel.unknown).toBe('Belum dapat dinilai');
  });

  it('refuses a pack that is not the evaluation instrument', () => {
    const other = { ...pack, version: '9.9.9' };
    expect(() => checkCompliance(balikpapan, snapshot({}), other)).toThrow(
      /bukan instrumen evaluasi/,
    );
  });

  it('cannot check indicator rules of a profile written for another instrument', () => {
    const foreign: Profile = { ...balikpapan, instrumentId: 'instrumen-lain' };
    const r = checkObligation(audit, foreign, snapshot({ answers: { 29: 3, 30: 3, 31: 3 } }), pack);
    expect(r.status).toBe('unknown');
    expect(r.reason).toContain('instrumen "instrumen-lain"');
  });
});
