/**
 * The report model: content written from the data (strengths with their documents, weaknesses
 * with the team's words), recommendations by weight, the what-if against `score`, provisional
 * handling, the head-of-region title exactly as given, Indonesian numbers and dates.
 */
import { describe, expect, it } from 'vitest';
import { snapshotValues } from '../../../shared/assessment';
import { findIndicator } from '../../../shared/instrument';
import {
  buildReport,
  chartSvg,
  plainText,
  type Block,
  type ReportModel,
  type ReportSectionId,
} from '../../../shared/report';
import { belowTargetByGain, score } from '../../../shared/scoring';
import { balikpapanModel, fixture, mojokertoModel, NOW, pack } from './helpers';

function blocksOf(model: ReportModel, id: ReportSectionId): Block[] {
  const section = model.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section.blocks;
}

/** Every word of a block list, for "does the report say ..." assertions. */
function textOf(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return b.text;
        case 'paragraph':
          return plainText(b.content);
        case 'list':
          return b.items.map(plainText).join('\n');
        case 'notice':
          return `${b.title}\n${plainText(b.content)}\n${(b.items ?? []).join('\n')}`;
        case 'table':
          return `${b.caption}\n${b.rows
            .map((r) =>
              r.cells
                .map((c) =>
                  c.kind === 'number' || c.kind === 'date'
                    ? c.display
                    : c.kind === 'level'
                      ? String(c.level)
                      : c.kind === 'lines'
                        ? c.lines.join('\n')
                        : c.text,
                )
                .join(' | '),
            )
            .join('\n')}`;
        case 'figures':
          return b.items.map((i) => `${i.label} ${i.value} ${i.note ?? ''}`).join('\n');
        case 'cover':
          return Object.values(b.cover).join('\n');
        case 'signatures':
          return b.signers.map((s) => Object.values(s).join('\n')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

const allText = (model: ReportModel): string =>
  model.sections.map((s) => `${s.heading}\n${textOf(s.blocks)}`).join('\n');

/**
 * The list items of the findings that start with "Indikator <n> " (a strength or a weakness, and
 * a risk when its level has no evidence), joined.
 */
function findingOf(model: ReportModel, n: number): string {
  const found: string[] = [];
  for (const b of blocksOf(model, 'findings')) {
    if (b.kind !== 'list') continue;
    for (const item of b.items) {
      const text = plainText(item);
      if (text.startsWith(`Indikator ${n} `)) found.push(text);
    }
  }
  if (found.length === 0) throw new Error(`no finding for indicator ${n}`);
  return found.join('\n');
}

describe('buildReport: a complete evaluation (Kota Balikpapan 2026)', () => {
  const model = balikpapanModel();
  const snapshot = fixture('balikpapan-2026');
  const result = score(pack, snapshotValues(snapshot));

  it('takes the index, predikat and every group index from shared/scoring', () => {
    expect(model.headline.display).toBe(result.overall?.display);
    expect(model.headline.rating).toBe(result.overall?.rating);
    expect(model.headline.display).toBe('2,77');
    expect(model.headline.rating).toBe('Baik');
    expect(model.provisional).toBeNull();
    for (const g of model.data.groups) {
      expect(g.display).toBe(result.groups.find((x) => x.id === g.id)?.result?.display);
    }
    expect(model.data.indicators).toHaveLength(47);
  });

  it('writes the cover and the addressee with the title exactly as the instansi writes it', () => {
    const [cover] = blocksOf(model, 'cover');
    expect(cover?.kind).toBe('cover');
    if (cover?.kind !== 'cover') return;
    expect(cover.cover.title).toBe('Laporan Hasil Penilaian Mandiri Evaluasi SPBE Tahun 2026');
    expect(cover.cover.addressee).toBe(
      'Disampaikan kepada Wali Kota Balikpapan melalui Sekretaris Daerah',
    );
    expect(cover.cover.provisionalMark).toBeNull();
    expect(model.instansi.headOfRegion).toBe('Wali Kota Balikpapan');
    // Never the other spelling anywhere in the report.
    expect(allText(model)).not.toMatch(/Walikota/);
  });

  it('uses "Walikota" and "Bupati" exactly as given too', () => {
    const snap = fixture('balikpapan-2026');
    const bengkulu = buildReport({
      snapshot: {
        ...snap,
        evaluation: {
          ...snap.evaluation,
          instansi: {
            ...snap.evaluation.instansi,
            name: 'Pemerintah Kota Bengkulu',
            regionName: 'Bengkulu',
            headOfRegionTitle: 'Walikota',
          },
        },
      },
      pack,
      now: NOW,
    });
    expect(allText(bengkulu)).toContain(
      'Disampaikan kepada Walikota Bengkulu melalui Sekretaris Daerah',
    );
    // Evidence titles keep their own wording; every sentence the report writes uses "Walikota".
    expect(allText(bengkulu)).not.toMatch(/Wali Kota Bengkulu/);
    expect(allText(mojokertoModel())).toContain(
      'Disampaikan kepada Bupati Mojokerto melalui Sekretaris Daerah',
    );
  });

  it('summarises against the target and last year, with the three strongest and weakest aspects', () => {
    const text = textOf(blocksOf(model, 'summary'));
    expect(text).toContain(
      'Indeks SPBE Pemerintah Kota Balikpapan Tahun 2026 adalah 2,77 dengan predikat Baik.',
    );
    expect(text).toContain(
      'telah memenuhi target Indeks SPBE 2,60 (predikat Baik) dan melampauinya sebesar 0,17.',
    );
    // Below the target the sentence gives the direction and the amount without a sign.
    expect(textOf(blocksOf(mojokertoModel(), 'summary'))).toContain(
      'Nilai tersebut masih 0,28 di bawah target Indeks SPBE 2,60 (predikat Baik).',
    );
    expect(text).toContain(
      'Dibandingkan dengan Tahun 2025 (Indeks SPBE 2,37, predikat Cukup), Indeks SPBE naik 0,40.',
    );
    const lists = blocksOf(model, 'summary').filter((b) => b.kind === 'list');
    const [strong, weak] = lists.map((l) => (l.kind === 'list' ? l.items.map(plainText) : []));
    expect(strong).toEqual([
      'Aspek 4 Penyelenggara SPBE: 3,50',
      'Aspek 7 Layanan Administrasi Pemerintahan Berbasis Elektronik: 3,10',
      'Aspek 8 Layanan Publik Berbasis Elektronik: 3,00',
    ]);
    expect(weak).toEqual([
      'Aspek 5 Penerapan Manajemen SPBE: 1,88',
      'Aspek 6 Pelaksanaan Audit TIK: 2,33',
      'Aspek 2 Perencanaan Strategis SPBE: 2,50',
    ]);
  });

  it('names the strengths with the documents that back them (title, number, date)', () => {
    const ten = findingOf(model, 10);
    expect(ten).toContain('berada pada tingkat 4 (Terpadu dan Terukur)');
    // The document backing the highest level first.
    expect(ten).toContain(
      'didukung oleh Keputusan Wali Kota Balikpapan tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Balikpapan, Nomor 188.45-312/2025, tanggal 10 Maret 2025',
    );
    // The Perwal is tagged for levels 1–3 only: it does not back the claimed level 4.
    expect(ten).not.toContain('Nomor 14 Tahun 2022, tanggal 22 Agustus 2022 (Pasal 51)');
  });

  it('explains the weaknesses from the justifications, summarised and quoted', () => {
    const twentySix = findingOf(model, 26);
    expect(twentySix).toContain(
      'baru mencapai tingkat 1 (Rintisan), 2 tingkat di bawah target tingkat 3',
    );
    expect(twentySix).toContain(
      'Penjelasan tim: “Belum ada sistem manajemen pengetahuan; dokumentasi pengetahuan masih tersebar',
    );
    // No boilerplate per indicator: missing evidence is listed once per aspect.
    expect(twentySix).not.toContain('Belum ada bukti dukung');
    expect(textOf(blocksOf(model, 'findings'))).toContain(
      'Indikator di bawah target yang belum memiliki bukti dukung: 21 dan 24–28.',
    );
    // A long justification is cut at whole sentences, never mid-word.
    const fourteen = model.data.indicators.find((i) => i.number === 14);
    expect(fourteen?.justification.length).toBeGreaterThan(240);
    expect(fourteen?.justificationSummary.length).toBeLessThanOrEqual(240);
    expect(
      fourteen?.justification.startsWith(fourteen.justificationSummary.replace(/…$/, '')),
    ).toBe(true);
    expect(findingOf(model, 14)).toContain(`“${fourteen?.justificationSummary}”`);
  });

  it('lists a met target that has no linked evidence as a risk, never as a strength', () => {
    const snap = fixture('balikpapan-2026');
    const bare = buildReport({
      snapshot: { ...snap, links: snap.links.filter((l) => l.indicator !== 11) },
      pack,
      now: NOW,
    });
    expect(findingOf(bare, 11)).toContain('(tingkat 3, Terdefinisi): belum ada bukti dukung.');
    const findings = blocksOf(bare, 'findings');
    const risk = findings.findIndex((b) => b.kind === 'heading' && b.text === 'Perlu perhatian');
    const strengths = findings.findIndex(
      (b, k) => k < risk && b.kind === 'heading' && b.text === 'Kekuatan',
    );
    expect(risk).toBeGreaterThan(strengths);
    const between = textOf(findings.slice(strengths, risk));
    expect(between).not.toContain('Indikator 11 ');
    expect(bare.data.indicators.find((i) => i.number === 11)?.claimSupported).toBe(false);
  });

  it('orders the recommendations by gain per level (weight), with next-level criteria and the agency', () => {
    const recs = model.data.recommendations;
    expect(recs.map((r) => r.number)).toEqual(belowTargetByGain(result).map((i) => i.number));
    expect(recs.slice(0, 4).map((r) => r.number)).toEqual([46, 47, 38, 39]);
    for (let i = 1; i < recs.length; i += 1) {
      const [a, b] = [recs[i - 1], recs[i]];
      if (!a || !b) continue;
      expect(a.weight >= b.weight).toBe(true);
      if (a.weight === b.weight) expect(a.number).toBeLessThan(b.number);
    }
    for (const r of recs) {
      const levels = findIndicator(pack, r.number)?.indicator.levels ?? [];
      const level = levels.find((l) => l.level === r.nextLevel);
      expect(r.nextLevel).toBe(r.level + 1);
      expect(r.criteria).toBe(level?.criteria);
      expect(r.evidence).toEqual(level?.evidence);
      // Every step up to the target, each with its own criteria.
      expect(r.steps.map((s) => s.level)).toEqual(
        Array.from({ length: 3 - r.level }, (_, k) => r.level + 1 + k),
      );
      for (const s of r.steps) {
        expect(s.criteria).toBe(levels.find((l) => l.level === s.level)?.criteria);
      }
    }
    expect(recs[0]).toMatchObject({
      agency: 'Dinas Kesehatan',
      gainDisplay: '0,0300',
      nextLevelName: 'Transaksi',
    });
    const twentySix = recs.find((r) => r.number === 26);
    expect(twentySix).toMatchObject({
      level: 1,
      nextLevel: 2,
      levelsToTarget: 2,
      agency: 'Bagian Organisasi',
    });
    const text = textOf(blocksOf(model, 'recommendations'));
    expect(text).toContain('Kriteria tingkat 2 (Terkelola): Kriteria tingkat 1 telah terpenuhi');
    expect(text).toMatch(/26 Tingkat[^]*Kriteria tingkat 2 [^]*Kriteria tingkat 3 /);
    expect(text).toContain('Penanggung jawab: Bagian Organisasi');
  });

  it('states the what-if with the index that score() gives for every below-target indicator +1', () => {
    const values = snapshotValues(snapshot);
    const raised = { ...values };
    for (const i of belowTargetByGain(result)) raised[i.number] = (i.value ?? 0) + 1;
    const expected = score(pack, raised).overall;
    expect(model.data.whatIf).toMatchObject({
      count: 20,
      display: expected?.display,
      rating: expected?.rating,
    });
    expect(model.data.whatIf?.sentence).toBe(
      `Apabila 20 indikator di bawah target dinaikkan satu tingkat, Indeks SPBE menjadi ${expected?.display} (predikat ${expected?.rating}).`,
    );
    expect(model.data.whatIf?.display).toBe('3,15');
    expect(textOf(blocksOf(model, 'recommendations'))).toContain(
      model.data.whatIf?.sentence ?? '?',
    );
  });

  it('cites the legal basis: Perpres 95/2018, the pack, and the region’s own regulation', () => {
    const text = textOf(blocksOf(model, 'legal'));
    expect(text).toContain(
      'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;',
    );
    for (const l of pack.legalBasis)
      expect(text).toContain(`Nomor ${l.number} Tahun ${l.year} tentang ${l.title}`);
    expect(text).toContain(
      'Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022 tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah.',
    );
    expect(text).toContain('Pasal 53 ayat (5)');
    const without = textOf(blocksOf(mojokertoModel(), 'legal'));
    expect(without).not.toContain('Peraturan Bupati');
  });

  it('describes the method from the pack: weights, both scales with meanings, predikat, team, period, evidence', () => {
    const blocks = blocksOf(model, 'methodology');
    const tables = blocks.filter((b) => b.kind === 'table');
    const weights = tables.find((t) => t.kind === 'table' && t.id === 'weights');
    expect(weights?.kind === 'table' && weights.rows).toHaveLength(4 + 8 + 1);
    for (const scale of pack.levelScales) {
      const t = tables.find((x) => x.kind === 'table' && x.id === `scale-${scale.id}`);
      if (t?.kind !== 'table') throw new Error('scale table missing');
      expect(t.rows.map((r) => (r.cells[2]?.kind === 'text' ? r.cells[2].text : ''))).toEqual(
        scale.levels.map((l) => l.meaning),
      );
    }
    const rating = tables.find((x) => x.kind === 'table' && x.id === 'rating');
    expect(rating?.kind === 'table' && rating.rows.length).toBe(pack.rating.length);
    const text = textOf(blocks);
    expect(text).toContain(
      'beranggotakan 6 orang (1 koordinator SPBE, 1 penanggung jawab, 1 pelaksana entri data, dan 3 anggota)',
    );
    expect(text).toContain('periode 15 September 2026 sampai dengan 20 November 2026');
    expect(text).toContain('21 dokumen bukti dukung');
  });

  it('builds the chart series: radar vs target, domains with last year, level distribution, trend', () => {
    const charts = model.data.charts;
    expect(charts.map((c) => c.id)).toEqual([
      'aspects-radar',
      'domains-bar',
      'levels-distribution',
      'trend',
    ]);
    const radar = charts[0];
    expect(radar?.categories).toHaveLength(8);
    expect(radar?.series.map((s) => s.role)).toEqual(['value', 'target']);
    expect(radar?.series[1]?.values).toEqual(Array(8).fill(3));
    const bar = charts[1];
    expect(bar?.series.map((s) => s.name)).toEqual(['Indeks Domain 2025', 'Indeks Domain 2026']);
    const dist = charts[2];
    const total = dist?.series.reduce(
      (s, x) => s + x.values.reduce<number>((a, b) => a + (b ?? 0), 0),
      0,
    );
    expect(total).toBe(47);
    expect(charts[3]?.categories).toEqual(['2025', '2026']);
    expect(charts[3]?.series[0]?.displays).toEqual(['2,37', '2,77']);
    // Without earlier years there is no trend.
    expect(mojokertoModel().data.charts.map((c) => c.id)).not.toContain('trend');
  });

  it('draws each chart as SVG with its values and escaped text', () => {
    for (const chart of model.data.charts) {
      const svg = chartSvg(chart);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      for (const d of chart.series.flatMap((s) => (s.role === 'target' ? [] : s.displays))) {
        if (d && d !== '0') expect(svg).toContain(`>${d}<`);
      }
    }
    const radar = model.data.charts[0];
    if (!radar) throw new Error('no radar');
    expect(chartSvg({ ...radar, categories: radar.categories.map(() => 'A & <B>') })).toContain(
      'A &amp; &lt;B&gt;',
    );
  });

  it('ends with all 47 indicators, the team and the Berita Acara with both signature blocks', () => {
    const blocks = blocksOf(model, 'appendix');
    const table = blocks.find((b) => b.kind === 'table' && b.id === 'indicators');
    if (table?.kind !== 'table') throw new Error('indicator table missing');
    const rows = table.rows.filter((r) => r.tone !== 'group');
    expect(rows).toHaveLength(47);
    // What is missing to the target is "Kekurangan": "Selisih" elsewhere is value less target.
    expect(table.columns.map((c) => c.header)).toContain('Kekurangan');
    expect(table.columns.map((c) => c.header)).not.toContain('Selisih');
    const ten = rows[9];
    expect(ten?.cells[0]).toEqual({ kind: 'text', text: '10' });
    expect(ten?.cells[2]).toEqual({ kind: 'level', level: 4, name: 'Terpadu dan Terukur' });
    expect(ten?.cells[7]?.kind === 'lines' && ten.cells[7].lines[0]).toContain(
      'Nomor 188.45-312/2025, tanggal 10 Maret 2025',
    );
    const signatures = blocks.find((b) => b.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.signers).toEqual([
      {
        intro: 'Mengetahui,',
        caption: 'Koordinator SPBE',
        position: 'Sekretaris Daerah Kota Balikpapan',
        name: 'Drs. Hendra Wiratama, M.Si.',
        nip: '196805121994031007',
      },
      {
        intro: 'Balikpapan, 22 November 2026',
        caption: 'Ketua Tim Asesor Internal',
        position: 'Kepala Dinas Komunikasi dan Informatika',
        name: 'Ir. Ratna Dewi Lestari, M.T.',
        nip: '197503172002122004',
      },
    ]);
    expect(textOf(blocks)).toContain(
      // The customary opening of a berita acara: the day, then the date in words and figures.
      'Pada hari ini Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam (22/11/2026), bertempat di Balikpapan, Tim Asesor Internal Pemerintah Kota Balikpapan',
    );
  });

  it('presents every index with a decimal comma and two places', () => {
    for (const section of model.sections) {
      for (const b of section.blocks) {
        if (b.kind !== 'table') continue;
        for (const row of b.rows) {
          for (const c of row.cells) {
            if (c.kind === 'number' && c.format === 'index')
              expect(c.display).toMatch(/^[+-]?\d+,\d{2}$/);
          }
        }
      }
    }
    expect(model.dateDisplay).toBe('22 November 2026');
  });

  it('includes only the chosen sections, numbered in order', () => {
    const some = balikpapanModel({
      options: { sections: ['summary', 'recommendations', 'appendix'] },
    });
    expect(some.sections.map((s) => s.heading)).toEqual([
      'I. Ringkasan Eksekutif',
      'II. Rekomendasi',
      'Lampiran',
    ]);
    const table = some.sections[1]?.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.caption).toMatch(/^Tabel 1\. /);
  });
});

describe('buildReport: a partial evaluation (Kabupaten Mojokerto 2026)', () => {
  const model = mojokertoModel();
  const result = score(pack, snapshotValues(fixture('mojokerto-2026-partial')));

  it('is marked SEMENTARA with the missing indicators listed', () => {
    expect(result.missing).toHaveLength(15);
    expect(model.provisional).toMatchObject({ label: 'SEMENTARA', answered: 32, total: 47 });
    expect(model.provisional?.missing.map((m) => m.number)).toEqual(result.missing);
    expect(model.provisional?.text).toContain('baru 32 dari 47 indikator yang dinilai');
    expect(model.provisional?.text).toContain(
      'Indikator yang belum dinilai: 21–28, 38–41, dan 45–47.',
    );
    expect(model.runningHeader).toContain('(SEMENTARA)');
    const cover = blocksOf(model, 'cover')[0];
    expect(cover?.kind === 'cover' && cover.cover.provisionalMark).toBe('SEMENTARA');
  });

  it('shows the provisional notice wherever the index appears', () => {
    for (const id of ['summary', 'results', 'recommendations', 'appendix'] as const) {
      const notices = blocksOf(model, id).filter(
        (b) => b.kind === 'notice' && b.tone === 'provisional',
      );
      expect(notices.length, id).toBeGreaterThan(0);
      const notice = notices[0];
      if (notice?.kind !== 'notice') continue;
      expect(notice.items).toHaveLength(15);
      expect(notice.items?.[0]).toBe(
        'Indikator 21 Tingkat Kematangan Penerapan Manajemen Risiko SPBE',
      );
    }
    expect(textOf(blocksOf(model, 'summary'))).toContain('2,32 dengan predikat Cukup (SEMENTARA).');
    const indices = blocksOf(model, 'results').find(
      (b) => b.kind === 'table' && b.id === 'indices',
    );
    expect(indices?.kind === 'table' && indices.columns.map((c) => c.header)).toContain('Dinilai');
    expect(model.data.whatIf?.sentence).toMatch(
      /dihitung dari indikator yang sudah dinilai \(SEMENTARA\)\.$/,
    );
  });

  it('marks unanswered aspects and indicators instead of counting them', () => {
    const aspect5 = model.data.groups.find((g) => g.id === 'A5');
    expect(aspect5).toMatchObject({ value: null, display: null, answered: 0, total: 8 });
    const findings = textOf(blocksOf(model, 'findings'));
    expect(findings).toContain('Indikator 21–28 belum dinilai; indeks aspek ini SEMENTARA.');
    const table = blocksOf(model, 'appendix').find(
      (b) => b.kind === 'table' && b.id === 'indicators',
    );
    const row21 =
      table?.kind === 'table'
        ? table.rows.find((r) => r.cells[0]?.kind === 'text' && r.cells[0].text === '21')
        : undefined;
    expect(row21?.tone).toBe('missing');
    expect(row21?.cells[2]).toEqual({ kind: 'empty', text: 'belum dinilai' });
  });

  it('falls back to the Sekda of the instansi for the coordinator signature', () => {
    const signatures = blocksOf(model, 'appendix').find((b) => b.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.signers[0]).toEqual({
      intro: 'Mengetahui,',
      caption: 'Koordinator SPBE',
      position: 'Sekretaris Daerah Kabupaten Mojokerto',
      name: 'Dr. Bambang Setiawan, S.H., M.H.',
      nip: '197009151996031004',
    });
  });
});
