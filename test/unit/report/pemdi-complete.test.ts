/**
 * A complete Pemdi self-assessment of Kabupaten Mojokerto as its Sekda signs it: all 20
 * indicators verified, the four valued from other agencies' indices (5 SDI, 6 SJIG, 7 IPS,
 * 18 SDI interoperabilitas) entered. The report must say where those four values come from, not
 * call them assumed or the result SEMENTARA, not ask the team for documents behind another
 * agency's index, and answer the Perbup's purpose on the quality of the evaluation with the
 * verification, not with the index again.
 */
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultPack, findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  convertExternal,
  externalIndicators,
  externalInputFor,
} from '../../../shared/instrument/value';
import { findProfile } from '../../../shared/profiles';
import {
  buildReport,
  plainText,
  previousFromSnapshot,
  reportProfileFromRegional,
  type Block,
  type PreviousEvaluation,
  type ReportModel,
} from '../../../shared/report';
import { reportToXlsx } from '../../../shared/report/office';
import { NOW, fixture } from './helpers';

const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

const VALUES: Record<number, number> = {
  1: 2.85,
  2: 2.4,
  3: 2.15,
  4: 3.05,
  5: 3.34,
  6: 2.8,
  7: 2.89,
  8: 1.75,
  9: 2.6,
  10: 3.2,
  11: 1.35,
  12: 2.45,
  13: 3.55,
  14: 3.8,
  15: 2.25,
  16: 2.7,
  17: 3.1,
  18: 2.2,
  19: 2.05,
  20: 1.9,
};
/** The entered source indices and what they convert to (checked against the pack below). */
const EXTERNAL: Record<number, number> = { 5: 58.4, 6: 2.8, 7: 2.95, 18: 30 };

function mojokerto2026(previous: PreviousEvaluation[] = []): ReportModel {
  const snapshot = fixture('pemdi-2026');
  snapshot.evaluation.instansi = {
    ...snapshot.evaluation.instansi,
    name: 'Pemerintah Kabupaten Mojokerto',
    kind: 'kabupaten',
    regionName: 'Mojokerto',
    province: 'Jawa Timur',
    headOfRegionTitle: 'Bupati',
  };
  snapshot.evaluation.profileId = 'kabupaten-mojokerto';
  const template = snapshot.answers[0]!;
  snapshot.answers = Object.entries(VALUES).map(([n, value]) => {
    const indicator = Number(n);
    const input = EXTERNAL[indicator];
    return {
      ...template,
      indicator,
      value,
      status: 'verified' as const,
      external: input === undefined ? null : { input, year: 2025, note: '' },
    };
  });
  const profile = findProfile('kabupaten-mojokerto');
  if (!profile) throw new Error('no Mojokerto profile');
  return buildReport({
    snapshot,
    pack: pemdi,
    previous,
    profile: reportProfileFromRegional(profile, snapshot, pemdi),
    now: NOW,
  });
}

function sectionText(model: ReportModel, id: string): string {
  const out: string[] = [];
  const block = (b: Block): void => {
    if (b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'paragraph') out.push(plainText(b.content));
    else if (b.kind === 'list') for (const item of b.items) out.push(plainText(item));
    else if (b.kind === 'notice') out.push(plainText(b.content));
  };
  for (const s of model.sections.filter((x) => x.id === id)) for (const b of s.blocks) block(b);
  return out.join('\n');
}

describe('a complete Pemdi evaluation with the external indices entered', () => {
  const m = mojokerto2026();

  it('is final, with the index the weights give (Σ bobot × nilai / 100 = 2,5462)', () => {
    expect(m.headline.display).toBe('2,55');
    expect(m.headline.rating).toBe('Baik');
    expect(m.data.indicators.filter((i) => i.awaitingExternal)).toEqual([]);
  });

  it('says which source index each converted value comes from, with no SEMENTARA or assumed value', () => {
    const method = sectionText(m, 'methodology');
    expect(method).toContain('Seluruh indeks tersebut telah dimasukkan');
    expect(method).toContain('Indeks SDI tahun 2025 sebesar 58,4 dikonversi menjadi nilai 3,34');
    expect(method).toContain('Nilai SJIG tahun 2025 sebesar 2,8 dikonversi menjadi nilai 2,80');
    expect(method).toContain(
      'Indeks Pembangunan Statistik (IPS) tahun 2025 sebesar 2,95 dikonversi menjadi nilai 2,89',
    );
    expect(method).toContain(
      'Indeks SDI aspek interoperabilitas tahun 2025 sebesar 30 dikonversi menjadi nilai 2,20',
    );
    expect(method).not.toContain('SEMENTARA');
    expect(method).not.toContain('nilai anggapan 1,00');
  });

  it('does not ask for documents behind a value set by another agency’s index', () => {
    const unsupported = m.data.verification?.unsupported.map((u) => u.number) ?? [];
    for (const n of [5, 6, 7, 18]) expect(unsupported).not.toContain(n);
    const findings = sectionText(m, 'findings');
    expect(findings).not.toMatch(/Indikator (5|6|7|18) [^\n]*belum ada bukti dukung/);
    expect(findings).toContain(
      'Indikator 5 Tingkat Kematangan Tata Kelola Data berada pada nilai 3,34 (Berkembang), dikonversi dari Indeks SDI tahun 2025 sebesar 58,4',
    );
    expect(m.data.verification?.sentence).toContain(
      'Nilai 4 indikator (bobot 14%) dikonversi dari indeks yang ditetapkan instansi lain',
    );
  });

  it('XLSX: the Indikator sheet’s "Nilai eksternal" names the entered index', async () => {
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await reportToXlsx(m)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Indikator');
    const col = ((ws?.getRow(1).values as unknown[]) ?? []).indexOf('Nilai eksternal');
    const cellOf = (n: number) => ws?.getRow(n + 1).getCell(col).value;
    expect(cellOf(5)).toBe('Indeks SDI tahun 2025 sebesar 58,4');
    expect(cellOf(7)).toBe('Indeks Pembangunan Statistik (IPS) tahun 2025 sebesar 2,95');
    expect(cellOf(18)).toBe('Indeks SDI aspek interoperabilitas tahun 2025 sebesar 30');
    expect(cellOf(1)).toBe('');
    // The what-if sentence stands alone on the Indeks sheet: it names what is raised.
    expect(wb.getWorksheet('Indeks')?.getCell('A5').value).toBe(
      'Apabila 9 indikator di bawah target dinaikkan ke batas bawah tingkat kematangan berikutnya, ' +
        'Indeks Pemdi menjadi 2,76 (predikat Baik).',
    );
  });

  it('tells what the source index must reach for a converted value below target', () => {
    const recommendations = sectionText(m, 'recommendations');
    expect(recommendations).toContain(
      'Nilai indikator ini dikonversi dari Indeks SDI aspek interoperabilitas tahun 2025 sebesar 30; ' +
        'target nilai 2,50 tercapai bila Indeks SDI aspek interoperabilitas mencapai 37,5.',
    );
    // The index named converts back to the target, for each of the pack's four.
    for (const ind of externalIndicators(pemdi)) {
      const x = ind.externalIndex!;
      const needed = externalInputFor(x, 2.5);
      expect(needed).not.toBeNull();
      expect(convertExternal(pemdi, x, needed!)).toMatchObject({ ok: true, value: 2.5 });
    }
  });

  it('answers the purpose on the quality of the evaluation with its verification', () => {
    const conclusion = sectionText(m, 'conclusion');
    const quality = conclusion.split('c. Menjamin kualitas pelaksanaan evaluasi SPBE')[1] ?? '';
    expect(quality).toContain('Seluruh 20 jawaban telah diverifikasi oleh Tim Asesor Internal');
    expect(quality).not.toContain('Indeks Pemdi Tahun 2026 adalah');
  });
});

describe('the first Pemdi year after years on PermenPANRB 59/2020', () => {
  // 2025 on 59/2020: Indeks SPBE 2,86 (Baik), above the Pemdi 2,55 of 2026 on another scale.
  const spbe = defaultPack();
  const y2025 = fixture('balikpapan-2025');
  y2025.answers = y2025.answers.map((a) => ({ ...a, value: a.indicator % 2 === 0 ? 4 : 2 }));
  const earlier = previousFromSnapshot(spbe, y2025);
  const m = mojokerto2026([earlier]);

  it('tells the Bupati in the summary and the conclusion that 2025 was on another instrument', () => {
    expect(earlier.overall?.display).not.toBe(m.headline.display);
    const said =
      `Tahun 2025 dinilai dengan PermenPANRB 59/2020 (Indeks SPBE ${earlier.overall?.display}, ` +
      `predikat ${earlier.overall?.rating}). Karena instrumen dan skalanya berbeda, Indeks Pemdi ` +
      'Tahun 2026 tidak dapat dibandingkan langsung dengan nilai tersebut';
    expect(sectionText(m, 'summary')).toContain(said);
    expect(sectionText(m, 'conclusion')).toContain(said);
  });

  it('says nothing of another instrument when there is no earlier year', () => {
    expect(sectionText(mojokerto2026(), 'summary')).not.toContain('dinilai dengan');
  });
});
