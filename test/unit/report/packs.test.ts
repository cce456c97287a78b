/**
 * The report for both instruments: a 59/2020 evaluation (Indeks SPBE, domain → aspect, levels)
 * and a PermenPANRB 8/2026 one (Indeks Pemdi, aspects only, decimal values, external indices
 * awaited), through the model, the DOCX and the XLSX, and the trend when the earlier year was
 * scored with the other instrument.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  buildReport,
  chartKey,
  chartSvg,
  plainText,
  previousFromSnapshot,
  type Block,
  type ReportModel,
  type TableBlock,
} from '../../../shared/report';
import { reportToDocx, reportToXlsx } from '../../../shared/report/office';
import { NOW, fixture, readDocx } from './helpers';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

const spbeModel = (): ReportModel =>
  buildReport({
    snapshot: fixture('balikpapan-2026'),
    pack: spbe,
    previous: [previousFromSnapshot(spbe, fixture('balikpapan-2025'))],
    now: NOW,
  });

/** The Pemdi evaluation; 2025 was scored with 59/2020 unless told otherwise. */
const pemdiModel = (withPrevious = true): ReportModel =>
  buildReport({
    snapshot: fixture('pemdi-2026'),
    pack: pemdi,
    previous: withPrevious ? [previousFromSnapshot(spbe, fixture('balikpapan-2025'))] : [],
    now: NOW,
  });

/**
 * Every indicator at 2,50 but 2, 19 and 20 at 2,49, 2,49 and 2,48: Indeks Pemdi 2,4955,
 * presented 2,50 (the lower bound of Baik and the target) yet Cukup and below the target.
 */
function cukupAtTwoFifty(previousYear?: number): ReportModel {
  const at = { 2: 2.49, 19: 2.49, 20: 2.48 } as Record<number, number>;
  const snapshot = fixture('pemdi-2026');
  const answers = Array.from({ length: 20 }, (_, i) => ({
    ...snapshot.answers[0]!,
    indicator: i + 1,
    value: at[i + 1] ?? 2.5,
    external: null,
  }));
  const current = { ...snapshot, answers };
  const previous = previousYear
    ? [
        previousFromSnapshot(pemdi, {
          ...current,
          evaluation: { ...current.evaluation, year: previousYear },
        }),
      ]
    : [];
  return buildReport({ snapshot: current, pack: pemdi, previous, now: NOW });
}

/** Every word of the model: paragraphs, headings, lists, notices, tables, figures. */
function textOf(model: ReportModel): string {
  const out: string[] = [];
  const block = (b: Block): void => {
    switch (b.kind) {
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(plainText(b.content));
        break;
      case 'list':
        for (const item of b.items) out.push(plainText(item));
        break;
      case 'notice':
        out.push(b.title, plainText(b.content), ...(b.items ?? []));
        break;
      case 'figures':
        for (const f of b.items) out.push(`${f.label} ${f.value} ${f.note ?? ''}`);
        break;
      case 'table':
        out.push(b.caption, ...b.columns.map((c) => c.header), b.note ?? '');
        for (const r of b.rows)
          for (const c of r.cells)
            out.push(
              c.kind === 'lines'
                ? c.lines.join(' ')
                : c.kind === 'level'
                  ? (c.display ?? String(c.level))
                  : c.kind === 'text' || c.kind === 'empty'
                    ? c.text
                    : c.kind === 'number' || c.kind === 'date'
                      ? c.display
                      : '',
            );
        break;
      case 'chart':
        out.push(b.chart.caption, b.chart.description, ...b.chart.series.map((s) => s.name));
        break;
      case 'cover':
        out.push(b.cover.title);
        break;
      default:
        break;
    }
  };
  for (const s of model.sections) {
    out.push(s.heading);
    s.blocks.forEach(block);
  }
  return out.join('\n');
}

const table = (model: ReportModel, id: string): TableBlock | undefined =>
  model.sections
    .flatMap((s) => s.blocks)
    .find((b): b is TableBlock => b.kind === 'table' && b.id === id);

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe.each([
  { name: 'PermenPANRB 59/2020', model: spbeModel, index: 'Indeks SPBE', noun: 'tingkat' },
  { name: 'PermenPANRB 8/2026', model: () => pemdiModel(), index: 'Indeks Pemdi', noun: 'nilai' },
])('the report of a $name evaluation', ({ model, index, noun }) => {
  const m = model();
  const text = textOf(m);

  it('names its index and prints no float noise', () => {
    expect(m.headline.indexLabel).toBe(index);
    expect(text).toContain(index);
    expect(text).not.toMatch(/\d\.\d{5,}/);
    expect(text).not.toMatch(/\d,\d{5,}/);
  });

  it('reads every gap and target check from score()', () => {
    for (const ind of m.data.indicators) {
      if (ind.value === null) continue;
      expect(ind.meetsTarget).toBe(ind.gap === 0);
      expect(ind.gapDisplay).not.toBeNull();
    }
    expect(m.headline.meetsTarget).toBe((m.headline.targetDifference?.value ?? -1) >= 0);
  });

  it('writes indicator values with the word of its scale', () => {
    expect(text).toContain(`target ${noun} `);
  });
});

describe('a PermenPANRB 8/2026 (Indeks Pemdi) report', () => {
  const m = pemdiModel();
  const text = textOf(m);

  it('cites PermenPANRB 8/2026 in the legal basis and the method', () => {
    const legal = m.sections.find((s) => s.id === 'legal');
    expect(legal && textOf({ ...m, sections: [legal] })).toContain(
      'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital',
    );
    const method = m.sections.find((s) => s.id === 'methodology');
    expect(method && textOf({ ...m, sections: [method] })).toContain(
      'Penilaian menggunakan instrumen PermenPANRB 8/2026',
    );
    expect(legal && textOf({ ...m, sections: [legal] })).toContain(
      'langkah peningkatan kinerja Pemerintah Digital di lingkungan Pemerintah Kota Balikpapan.',
    );
    expect(m.title).toBe(
      'Laporan Hasil Penilaian Mandiri Evaluasi Kinerja Pemerintah Digital Tahun 2026',
    );
  });

  it('has one tier: no domain anywhere, aspects by name', () => {
    expect(text).not.toMatch(/Domain/);
    expect(m.data.charts.map((c) => c.id)).not.toContain('domains-bar');
    const radar = m.data.charts.find((c) => c.id === 'aspects-radar');
    expect(radar?.categoryNames).toContain('Tata Kelola dan Manajemen');
    const indices = table(m, 'indices');
    expect(
      indices?.rows.map((r) => (r.cells[1]?.kind === 'text' ? r.cells[1].text : '')),
    ).toContain('Keamanan Pemerintah Digital');
    expect(indices?.rows.some((r) => r.tone === 'group')).toBe(false);
  });

  it('prints values with a decimal comma and the level name', () => {
    // No document is tagged for it: a risk, not a strength.
    expect(text).toContain(
      'Tingkat Kematangan Aplikasi Pemerintah Digital (nilai 3,75, Melembaga)',
    );
    expect(text).toMatch(
      /baru mencapai nilai 1,25 \(Merintis\), 1,25 poin di bawah target nilai 2,50\./,
    );
    const appendix = table(m, 'indicators');
    expect(appendix?.columns[2]?.header).toBe('Nilai');
    const row1 = appendix?.rows.find((r) => r.cells[0]?.kind === 'text' && r.cells[0].text === '1');
    expect(row1?.cells[2]).toMatchObject({ kind: 'level', level: 3, display: '2,75' });
    expect(row1?.cells[4]).toMatchObject({ display: '2,50' });
    expect(row1?.cells[5]).toMatchObject({ display: '0,00' });
  });

  it('has the predikat table of the pack with its ranges', () => {
    const rating = table(m, 'rating');
    expect(rating?.rows.map((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : '')))).toEqual(
      pemdi.rating.map((r) => [r.name, r.text]),
    );
  });

  it('lists external indices still awaited and is SEMENTARA because of them', () => {
    expect(m.provisional?.awaitingExternal.map((a) => a.number)).toEqual([5, 18]);
    expect(m.provisional?.missing).toEqual([]);
    expect(m.provisional?.text).toContain('menunggu nilai eksternal (dihitung 1,00)');
    expect(m.runningHeader).toContain('(SEMENTARA)');
    expect(text).toContain('menunggu nilai eksternal (dihitung 1,00)');
  });

  it('says an awaited value apart in its aspect, not as a value without documents', () => {
    const findings = m.sections.find((s) => s.id === 'findings');
    const said = findings ? textOf({ ...m, sections: [findings] }) : '';
    expect(said).toContain('Indikator 5 menunggu nilai eksternal (dihitung 1,00).');
    for (const line of said.split('\n').filter((l) => l.includes('belum memiliki bukti dukung'))) {
      expect(line).not.toMatch(/bukti dukung: [^.]*\b(5|18)\b/);
    }
  });

  it('marks the awaited values in the appendix and says once under it what they are', () => {
    const appendix = table(m, 'indicators');
    const nameOf = (n: number) => {
      const row = appendix?.rows.find(
        (r) => r.cells[0]?.kind === 'text' && r.cells[0].text === String(n),
      );
      const cell = row?.cells[3];
      return cell?.kind === 'text' ? cell.text : undefined;
    };
    // A name and a mark, not a sentence squeezed into the narrow "Nama Tingkat" column.
    expect(nameOf(5)).toMatch(/^\S+\*$/);
    expect(nameOf(18)).toMatch(/^\S+\*$/);
    expect(nameOf(1)).not.toContain('*');
    expect(appendix?.note).toContain(
      '* Indikator 5 dan 18 menunggu nilai eksternal; dihitung dengan nilai anggapan 1,00 sampai nilai sumbernya diisi.',
    );
  });

  it('says the source caution once, in the method chapter', () => {
    const caution = 'cocokkan dengan salinan resmi PermenPANRB 8/2026';
    expect(count(text, caution)).toBe(1);
    const method = m.sections.find((s) => s.id === 'methodology');
    expect(method && textOf({ ...m, sections: [method] })).toContain(
      'Disusun dari sumber sekunder; cocokkan dengan salinan resmi PermenPANRB 8/2026.',
    );
  });

  it('recommends the criteria of every level up to the level that holds the target', () => {
    const r = m.data.recommendations.find((x) => x.number === 11);
    // 1,25 is Merintis (1); the target 2,50 lies in Berkembang (3): criteria of levels 2 and 3.
    expect(r?.targetLevelOfScale).toBe(3);
    expect(r?.steps.map((s) => s.level)).toEqual([2, 3]);
    expect(text).toContain('Kriteria tingkat 2 (Membangun, mulai 1,50): ');
    expect(text).toContain('Kriteria tingkat 3 (Berkembang, mulai 2,50): ');
    expect(text).toContain(
      'Nilai saat ini 1,25 (Merintis); target nilai 2,50, masih 1,25 di bawah target. Langkah yang diperlukan: 2 langkah (tingkat 2 dan 3).',
    );
    const rec = table(m, 'recommendations');
    expect(rec?.columns.map((c) => c.header)).toContain('Nilai saat ini');
    // The target column prints a value ("2,50"), so it is headed as one, as in the workbook.
    expect(rec?.columns.map((c) => c.header)).toContain('Nilai target');
    expect(rec?.columns.map((c) => c.header)).not.toContain('Tingkat target');
  });

  it('shows a 59/2020 year beside Indeks Pemdi without comparing them', () => {
    expect(m.headline.previous).toBeNull();
    expect(text).toContain(
      'Indeks SPBE (PermenPANRB 59/2020) dan Indeks Pemdi (PermenPANRB 8/2026) diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
    );
    expect(text).not.toMatch(/Dibandingkan dengan Tahun 2025/);
    const trend = table(m, 'trend');
    expect(trend?.columns.map((c) => c.header)).toEqual([
      'Tahun',
      'Indeks SPBE (PermenPANRB 59/2020)',
      'Indeks Pemdi (PermenPANRB 8/2026)',
      'Predikat',
    ]);
    const chart = m.data.charts.find((c) => c.id === 'trend');
    expect(chart?.series.map((s) => s.name)).toEqual([
      'Indeks SPBE (PermenPANRB 59/2020)',
      'Indeks Pemdi (PermenPANRB 8/2026)',
    ]);
    // Each series has a value only in its own years: no line joins the two instruments.
    expect(chart?.series[0]?.values[1]).toBeNull();
    expect(chart?.series[1]?.values[0]).toBeNull();
  });

  it('describes the two-instrument trend in sentences, as the dashboard speaks it', () => {
    const chart = m.data.charts.find((c) => c.id === 'trend');
    // Each year once on the axis; the legend names the instruments, so no key repeats them.
    expect(chart?.categories).toEqual(['2025', '2026']);
    expect(chart && chartKey(chart)).toBeNull();
    expect(chart?.description).toBe(
      'Indeks SPBE (PermenPANRB 59/2020): 2025 2,37; Indeks Pemdi (PermenPANRB 8/2026): 2026 2,48 (sementara). ' +
        'Indeks SPBE dan Indeks Pemdi diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
    );
  });

  it('draws a year evaluated with both instruments once, with a point in each series', () => {
    const official = previousFromSnapshot(spbe, fixture('balikpapan-2025'));
    const pemdi2026 = fixture('pemdi-2026');
    const trial = previousFromSnapshot(pemdi, {
      ...pemdi2026,
      evaluation: { ...pemdi2026.evaluation, year: 2025 },
    });
    const both = buildReport({
      snapshot: pemdi2026,
      pack: pemdi,
      previous: [official, trial],
      now: NOW,
    });
    const chart = both.data.charts.find((c) => c.id === 'trend');
    expect(chart?.categories).toEqual(['2025', '2026']);
    expect(chart?.series.map((s) => s.displays)).toEqual([
      ['2,37', null],
      ['2,48', '2,48'],
    ]);
    // The two values of 2025 (2,37 and 2,48) lie close: their labels must not print over each other.
    const labels = [
      ...chartSvg(chart!).matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>(\d,\d\d)<\/text>/g),
    ].map((l) => ({ x: Number(l[1]), y: Number(l[2]), text: l[3] }));
    // 2,37 is drawn in 2025 only (the 59/2020 year); 2,48 in 2025 and 2026.
    const x2025 = labels.find((l) => l.text === '2,37')?.x;
    const in2025 = labels.filter((l) => l.x === x2025);
    expect(in2025.map((l) => l.text).sort()).toEqual(['2,37', '2,48']);
    expect(Math.abs((in2025[0]?.y ?? 0) - (in2025[1]?.y ?? 0))).toBeGreaterThanOrEqual(14);
  });

  it('keeps the two-instrument trend legend inside the figure, on a second row when one does not hold it', () => {
    const chart = pemdiModel().data.charts.find((c) => c.id === 'trend');
    const svg = chartSvg(chart!);
    // Legend entries: a swatch (rect or dashed line) then its label at swatch + 26.
    const labels = [
      ...svg.matchAll(
        /<text x="(-?[\d.]+)" y="(-?[\d.]+)" text-anchor="start"[^>]*>([^<]+)<\/text>/g,
      ),
    ].map((l) => ({ x: Number(l[1]), y: Number(l[2]), text: l[3] ?? '' }));
    expect(labels.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        'Indeks SPBE (PermenPANRB 59/2020)',
        'Indeks Pemdi (PermenPANRB 8/2026)',
      ]),
    );
    for (const l of labels) {
      expect(l.x - 26).toBeGreaterThanOrEqual(0);
      // The same width estimate the layout uses (Arial ≈ 6,6 px per character at 12 px).
      expect(l.x + l.text.length * 6.6).toBeLessThanOrEqual(640);
      expect(l.y).toBeLessThanOrEqual(400 - 4);
    }
  });

  it('counts indicators awaiting an external value apart, so the summary adds up', () => {
    const summary = m.sections.find((s) => s.id === 'summary');
    const said = summary ? textOf({ ...m, sections: [summary] }) : '';
    const awaiting = m.data.indicators.filter((i) => i.awaitingExternal);
    expect(awaiting).toHaveLength(2);
    const assessed = m.data.indicators.filter((i) => !i.awaitingExternal && i.value !== null);
    const met = assessed.filter((i) => i.meetsTarget === true).length;
    const below = assessed.filter((i) => i.meetsTarget === false).length;
    expect(met + below).toBe(assessed.length);
    expect(said).toContain(
      `Sebanyak ${met} dari ${assessed.length} indikator yang dinilai telah mencapai target nilai 2,50; ${below} indikator masih di bawah target.`,
    );
    expect(said).toContain(
      'Selain itu, 2 indikator menunggu nilai eksternal dan dihitung dengan nilai anggapan 1,00, sehingga seluruhnya berada di bawah target.',
    );
    // The recommendations include the awaited indicators; the simulation raises the others.
    const recs = m.data.recommendations.length;
    expect(recs).toBe(below + 2);
    expect(said).toContain(
      `Rekomendasi disusun untuk ${recs} indikator yang berada di bawah target (2 di antaranya menunggu nilai eksternal dan dihitung dengan nilai anggapan), `,
    );
    expect(said).toContain(`Apabila ${below} indikator yang dinilai tim dinaikkan ke batas bawah`);
    expect(said).toContain(
      'Sebanyak 2 indikator lainnya menunggu nilai indeks dari instansi sumbernya, sehingga tidak dapat dinaikkan oleh tim.',
    );
  });

  it('writes the index gained at the target with the decimals of the index (2,48 → 2,54: 0,06)', () => {
    const recs = m.sections.find((s) => s.id === 'recommendations');
    const said = recs ? textOf({ ...m, sections: [recs] }) : '';
    const gains = [...said.matchAll(/Indeks Pemdi naik (sebesar|kurang dari) (\d+,\d+)\./g)];
    expect(gains).toHaveLength(m.data.recommendations.length);
    for (const g of gains) expect(g[2]).toMatch(/^\d+,\d{2}$/);
    const table = m.sections
      .flatMap((s) => s.blocks)
      .find((b): b is TableBlock => b.kind === 'table' && b.id === 'recommendations');
    const column = table?.columns.findIndex((c) => c.header === 'Kenaikan indeks sampai target');
    for (const row of table?.rows ?? []) {
      const cell = row.cells[column ?? -1];
      expect(cell?.kind === 'number' && cell.display).toMatch(/^(< )?\d+,\d{2}$/);
    }
    // The gain is what the presented index would become, less what it is now.
    const first = m.data.recommendations[0]!;
    expect(first.gainToTargetDisplay).toBe('0,06');
  });

  it('speaks of Pemerintah Digital, not of SPBE, in its purpose and scope', () => {
    expect(text).toContain(
      'Penilaian mandiri ini dimaksudkan untuk mengukur kinerja Pemerintah Digital di lingkungan Pemerintah Kota Balikpapan sebelum evaluasi',
    );
    expect(text).toContain(
      'Ruang lingkup penilaian adalah kinerja Pemerintah Digital di lingkungan Pemerintah Kota Balikpapan Tahun 2026, diukur dengan 20 indikator PermenPANRB 8/2026',
    );
    expect(text).toContain('langkah peningkatan kinerja Pemerintah Digital');
    expect(text).not.toContain('penerapan SPBE');
    // 59/2020 keeps its words.
    const old = textOf(spbeModel());
    expect(old).toContain(
      'Penilaian mandiri ini dimaksudkan untuk mengukur tingkat penerapan Sistem Pemerintahan Berbasis Elektronik di lingkungan',
    );
    expect(old).toContain(
      'Ruang lingkup penilaian adalah penerapan SPBE Pemerintah Kota Balikpapan Tahun 2026',
    );
    expect(old).toContain('langkah peningkatan penerapan SPBE di lingkungan');
  });

  it('has no trend without earlier years', () => {
    const alone = pemdiModel(false);
    expect(table(alone, 'trend')).toBeUndefined();
    expect(alone.data.charts.map((c) => c.id)).toEqual(['aspects-radar', 'levels-distribution']);
  });
});

describe('a Pemdi report while indicators await an external value', () => {
  const sectionText = (model: ReportModel, id: string): string => {
    const section = model.sections.find((s) => s.id === id);
    return section ? textOf({ ...model, sections: [section] }) : '';
  };

  it('with nothing scored, has no index and no predikat, and says why, in DOCX and XLSX too', async () => {
    const empty = buildReport({
      snapshot: { ...fixture('pemdi-2026'), answers: [] },
      pack: pemdi,
      previous: [],
      now: NOW,
    });
    // Four assumed values of 1,00 are not an assessment: no "1,00 · Kurang" of a region
    // nobody has assessed.
    expect(empty.headline).toMatchObject({ display: null, rating: null });
    expect(empty.data.groups.every((g) => g.value === null)).toBe(true);
    const why =
      'Belum ada indikator yang dinilai; Indeks Pemdi belum dapat dihitung. 4 indikator menunggu ' +
      'nilai eksternal; nilai anggapannya baru dihitung setelah ada indikator yang dinilai.';
    expect(empty.provisional?.text).toContain(why);
    const summary = sectionText(empty, 'summary');
    expect(summary).toContain(
      'Indeks Pemdi belum dapat dihitung karena belum ada indikator yang dinilai.',
    );
    const all = textOf(empty);
    expect(all).not.toContain('dihitung 1,00');
    expect(all).not.toContain('sejauh ini dihitung');
    expect(all).not.toContain('predikat Kurang');
    expect(all).not.toContain(
      'Seluruh indikator yang dinilai pada aspek ini telah mencapai target',
    );
    expect(sectionText(empty, 'findings')).toContain(
      'Belum ada indikator yang dinilai pada aspek ini.',
    );

    const { text } = readDocx(await reportToDocx(empty));
    expect(text).toContain(why);
    expect(text).not.toContain('dihitung 1,00');
    expect(text).not.toContain('predikat Kurang');

    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await reportToXlsx(empty)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
    );
    const sheetText = cells.join('\n');
    expect(sheetText).toContain(why);
    expect(sheetText).not.toContain('dihitung 1,00');
    expect(sheetText).not.toMatch(/^Kurang$/m);
  });

  it('with some scored, counts the scored ones and the awaited ones', () => {
    const fixtureSnapshot = fixture('pemdi-2026');
    const partial = buildReport({
      snapshot: { ...fixtureSnapshot, answers: fixtureSnapshot.answers.slice(0, 10) },
      pack: pemdi,
      previous: [],
      now: NOW,
    });
    const answered = partial.data.indicators.filter(
      (i) => !i.awaitingExternal && i.value !== null,
    ).length;
    const awaited = partial.data.indicators.filter((i) => i.awaitingExternal).length;
    const basis = `${answered} indikator yang sudah dinilai dan ${awaited} indikator yang menunggu nilai eksternal dengan nilai anggapan 1,00`;
    const summary = sectionText(partial, 'summary');
    expect(summary).toContain(`Indeks Pemdi sejauh ini dihitung dari ${basis} dan dapat berubah`);
    expect(summary).toContain(`(SEMENTARA); nilai tersebut sejauh ini dihitung dari ${basis}.`);
    expect(textOf(partial)).not.toContain('dihitung dari indikator yang sudah dinilai');
  });

  it('says which of the strongest aspects are still below their target, with both packs', () => {
    const pemdiSummary = sectionText(pemdiModel(), 'summary');
    expect(pemdiSummary).toContain('Aspek 5 Teknologi Pemerintah Digital: 3,93\n');
    expect(pemdiSummary).toContain(
      'Aspek 7 Kepuasan Pengguna Layanan Digital Pemerintah: 2,42 (belum mencapai target 2,50)',
    );
    expect(pemdiSummary).not.toMatch(/terlemah[\s\S]*belum mencapai target/);
    // 59/2020: Balikpapan 2026 meets its target of 3,00 in its strongest aspects, 2025 did not.
    const spbe2026 = sectionText(spbeModel(), 'summary');
    expect(spbe2026).toContain('Aspek 8 Layanan Publik Berbasis Elektronik: 3,00\n');
    expect(spbe2026).not.toContain('belum mencapai target');
    const spbe2025 = buildReport({
      snapshot: fixture('balikpapan-2025'),
      pack: spbe,
      previous: [],
      now: NOW,
    });
    expect(sectionText(spbe2025, 'summary')).toMatch(/: 2,70 \(belum mencapai target 3,00\)/);
  });

  it('says the exact index where 2,50 is written beside Cukup', () => {
    const model = cukupAtTwoFifty();
    expect(model.headline).toMatchObject({ display: '2,50', rating: 'Cukup', meetsTarget: false });
    const summary = sectionText(model, 'summary');
    expect(summary).toContain('adalah 2,50 (tepatnya 2,4955) dengan predikat Cukup.');
    expect(summary).toContain('Nilai tersebut masih 0,0045 di bawah target Indeks Pemdi 2,50');
    expect(sectionText(model, 'conclusion')).toContain(
      'adalah 2,50 (tepatnya 2,4955) dengan predikat Cukup, belum memenuhi target 2,50 (predikat Baik).',
    );
  });

  it('an aspect shown 2,50 yet below its target of 2,50 has its exact shortfall, not 0,00', () => {
    const model = cukupAtTwoFifty();
    const hidden = model.data.groups.filter((g) => g.display === '2,50' && g.value !== null);
    const below = hidden.filter((g) => g.targetDifference?.display.startsWith('-'));
    expect(below.length).toBeGreaterThan(0);
    for (const g of below) expect(g.targetDifference?.display).toMatch(/^-0,00\d+$/);
    const rows = table(model, 'indices')?.rows ?? [];
    const shown = rows.map((r) => r.cells.map((c) => ('display' in c ? c.display : '')));
    expect(shown.some((cells) => cells[3] === '2,50' && /^-0,00\d+$/.test(cells[5] ?? ''))).toBe(
      true,
    );
    expect(table(model, 'indices')?.note).toContain('selisih ditulis dari nilai tepatnya');
    expect(table(pemdiModel(), 'indices')?.note).not.toContain('nilai tepatnya');
  });

  it('says the exact index in the trend table where 2,50 is beside Cukup, each year', () => {
    const trend = table(cukupAtTwoFifty(2025), 'trend');
    expect(
      trend?.rows.map((r) =>
        r.cells.map((c) => ('display' in c ? c.display : 'text' in c ? c.text : '')),
      ),
    ).toEqual([
      ['2025', '2,50 (tepatnya 2,4955)', 'Cukup'],
      ['2026', '2,50 (tepatnya 2,4955)', 'Cukup'],
    ]);
  });

  it('leaves the 59/2020 wording as it was', () => {
    const old = textOf(spbeModel());
    expect(old).not.toContain('nilai anggapan');
    expect(old).not.toContain('nilai tersebut sejauh ini');
  });
});

describe('the office files of both packs', () => {
  it('DOCX: the Pemdi report names its index and regulation, with decimal values and no domain', async () => {
    const { text } = readDocx(await reportToDocx(pemdiModel()));
    expect(text).toContain('Indeks Pemdi');
    expect(text).toContain('PermenPANRB 8/2026');
    expect(text).toContain('menunggu nilai eksternal (dihitung 1,00)');
    expect(text).toContain('2,75');
    expect(text).not.toContain('Domain');
    expect(count(text, 'cocokkan dengan salinan resmi')).toBe(1);
  });

  it('DOCX: the 59/2020 report still has its domains and no caution', async () => {
    const { text } = readDocx(await reportToDocx(spbeModel()));
    expect(text).toContain('Domain');
    expect(text).toContain('Indeks SPBE');
    expect(text).not.toContain('cocokkan dengan salinan resmi');
  });

  async function sheets(model: ReportModel): Promise<Workbook> {
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await reportToXlsx(model)) as unknown as ArrayBuffer);
    return wb;
  }
  const headers = (ws: Worksheet | undefined): string[] =>
    ((ws?.getRow(1).values as unknown[]) ?? []).slice(1).map(String);

  it('XLSX: the Indeks sheet says the exact index where 2,50 is beside Cukup', async () => {
    const ws = (await sheets(cukupAtTwoFifty())).getWorksheet('Indeks');
    const h = ((ws?.getRow(7).values as unknown[]) ?? []).slice(1).map(String);
    const row = ws?.getRow(8);
    const col = (name: string) => h.indexOf(name) + 1;
    // The cell holds the exact index, shown with two decimals as 2,50.
    expect(row?.getCell(col('Indeks')).value).toBeCloseTo(2.4955, 10);
    expect(row?.getCell(col('Predikat')).value).toBe('Cukup (indeks tepatnya 2,4955)');
    // The shortfall is shown in the places that say it (-0,0045), not as -0,00.
    const difference = row?.getCell(col('Selisih (Indeks − Target)'));
    expect(difference?.value).toBeCloseTo(-0.0045, 10);
    expect(difference?.numFmt).toBe('0.0000');
    // So does an aspect shown 2,50 below its target: its cell does not read -0,00 either.
    const aspects = Array.from({ length: 7 }, (_, k) => ws?.getRow(9 + k));
    const hiddenAspects = aspects.filter((r) => {
      const v = r?.getCell(col('Selisih (Indeks − Target)')).value;
      return typeof v === 'number' && v < 0 && v >= -0.005;
    });
    expect(hiddenAspects.length).toBeGreaterThan(0);
    for (const r of hiddenAspects) {
      expect(r?.getCell(col('Selisih (Indeks − Target)')).numFmt).toMatch(/^0\.000+$/);
    }
  });

  it("XLSX: the Indeks sheet's Selisih is the one the report says (2,485 shown 2,49: -0,01)", async () => {
    // Every indicator at 2,50 but 1 at 2,20 (5 % of the index): Indeks Pemdi 2,485, presented 2,49.
    const at = { 1: 2.2 } as Record<number, number>;
    const snapshot = fixture('pemdi-2026');
    const answers = Array.from({ length: 20 }, (_, i) => ({
      ...snapshot.answers[0]!,
      indicator: i + 1,
      value: at[i + 1] ?? 2.5,
      external: null,
    }));
    const model = buildReport({
      snapshot: { ...snapshot, answers },
      pack: pemdi,
      previous: [],
      now: NOW,
    });
    expect(model.headline).toMatchObject({ display: '2,49' });
    expect(model.headline.targetDifference?.display).toBe('-0,01');
    const ws = (await sheets(model)).getWorksheet('Indeks');
    const h = ((ws?.getRow(7).values as unknown[]) ?? []).slice(1).map(String);
    const cell = ws?.getRow(8).getCell(h.indexOf('Selisih (Indeks − Target)') + 1);
    // Excel shows the number with two decimals: it must read -0,01 too, not -0,02 (of -0,015).
    expect(cell?.value).toBeCloseTo(-0.01, 10);
  });

  it('XLSX: headers fit each pack', async () => {
    const a = await sheets(spbeModel());
    expect(headers(a.getWorksheet('Indikator'))).toEqual(
      expect.arrayContaining(['Domain', 'Tingkat', 'Nama Tingkat', 'Target']),
    );
    expect(headers(a.getWorksheet('Rencana Tindak Lanjut'))).toEqual(
      expect.arrayContaining(['Tingkat saat ini', 'Tingkat target', 'Langkah']),
    );

    const b = await sheets(pemdiModel());
    const ind = b.getWorksheet('Indikator');
    const h = headers(ind);
    expect(h).not.toContain('Domain');
    expect(h).not.toContain('Tingkat');
    expect(h).toEqual(
      expect.arrayContaining(['Kode', 'Nilai', 'Nilai sasaran', 'Nilai eksternal']),
    );
    const col = (name: string) => h.indexOf(name) + 1;
    const row = ind?.getRow(2);
    expect(row?.getCell(col('Kode')).value).toBe('1.1');
    expect(row?.getCell(col('Nilai')).value).toBe(2.75);
    expect(ind?.getColumn(col('Nilai')).numFmt).toBe('0.00');
    const awaited = ind?.getRow(6);
    expect(awaited?.getCell(col('Nilai eksternal')).value).toBe(
      'Menunggu nilai eksternal (dihitung 1,00)',
    );
    expect(headers(b.getWorksheet('Rencana Tindak Lanjut'))).toEqual(
      expect.arrayContaining(['Nilai saat ini', 'Nilai target', 'Langkah']),
    );
    // In the plan an awaited value is still a number, and its indicator says it is awaited.
    const plan = b.getWorksheet('Rencana Tindak Lanjut');
    const rows = Array.from({ length: (plan?.rowCount ?? 1) - 1 }, (_, i) => plan!.getRow(i + 2));
    const five = rows.find((r) => r.getCell(1).value === 5);
    expect(five?.getCell(2).value).toMatch(/; menunggu nilai eksternal \(dihitung 1,00\)$/);
    expect(five?.getCell(3).value).toBe(1);
    const one = rows.find((r) => r.getCell(1).value !== 5 && r.getCell(1).value !== 18);
    expect(String(one?.getCell(2).value)).not.toContain('menunggu');
  });
});

describe('XLSX of a Pemdi evaluation awaiting external values', () => {
  it('counts the indicators scored as the report does, without those awaiting a value', async () => {
    const model = pemdiModel(false);
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await reportToXlsx(model)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Indeks');
    const header = ((ws?.getRow(7).values as unknown[]) ?? []).map(String);
    const scored = header.indexOf('Indikator dinilai');
    // Indicators 5 and 18 count with their assumed 1,00 but are not scored yet: 18 of 20.
    expect(model.data.indicators.filter((i) => i.awaitingExternal)).toHaveLength(2);
    expect(ws?.getCell(8, scored).value).toBe(18);
    const aspects = model.data.groups.reduce((n, g) => n + g.answered, 0);
    expect(ws?.getCell(8, scored).value).toBe(aspects);
  });
});
