/**
 * The regional regulation in the report: a built-in profile turned into the report's profile
 * (regulation, evaluation article, obligations checked against the evaluation), the compliance
 * table closing the findings chapter, and the same rows in the DOCX and the "Kepatuhan" sheet.
 */
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkCompliance, findProfile, type Profile } from '../../../shared/profiles';
import {
  buildReport,
  plainText,
  reportProfileFromRegional,
  type Block,
  type ReportModel,
  type TableBlock,
} from '../../../shared/report';
import { reportToDocx, reportToXlsx } from '../../../shared/report/office';
import { fixture, mojokertoModel, NOW, pack, readDocx } from './helpers';

const profile = (id: string): Profile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

const balikpapan = fixture('balikpapan-2026');
const mojokerto = fixture('mojokerto-2026-partial');

function modelWith(profileId: string, snapshot = balikpapan): ReportModel {
  return buildReport({
    snapshot,
    pack,
    profile: reportProfileFromRegional(profile(profileId), snapshot, pack),
    now: NOW,
  });
}

const blocksOf = (model: ReportModel, id: string): Block[] =>
  model.sections.find((s) => s.id === id)?.blocks ?? [];

const complianceTable = (model: ReportModel): TableBlock | undefined =>
  blocksOf(model, 'findings').find(
    (b): b is TableBlock => b.kind === 'table' && b.id === 'compliance',
  );

const cellText = (table: TableBlock, row: number, col: number): string => {
  const cell = table.rows[row]?.cells[col];
  if (!cell) return '';
  if (cell.kind === 'lines') return cell.lines.join('\n');
  return 'text' in cell ? cell.text : 'display' in cell ? (cell.display ?? '') : '';
};

describe('reportProfileFromRegional', () => {
  it('gives the regulation, the reporting article and every obligation with its status', () => {
    const p = profile('kota-balikpapan');
    const rp = reportProfileFromRegional(p, balikpapan, pack);
    expect(rp.regulation).toEqual({
      kind: 'Peraturan Wali Kota',
      regionName: 'Balikpapan',
      number: '14',
      year: 2022,
      title: 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
    });
    expect(rp.evaluationArticle).toEqual({
      article: 'Pasal 53 ayat (5)',
      text: 'Tim Asesor Internal melaporkan hasil pemantauan dan evaluasi sebagaimana dimaksud pada ayat (1) kepada Wali Kota melalui Koordinator SPBE.',
    });
    const checked = checkCompliance(p, balikpapan, pack);
    expect(rp.compliance?.map((c) => [c.title, c.status])).toEqual(
      checked.map((c) => [c.title, c.status]),
    );
    expect(rp.compliance?.[4]?.articles).toEqual(p.obligations[4]?.articles);
  });

  it('leaves out what the text does not give, never writing "null"', () => {
    const model = modelWith('kota-bandar-lampung');
    const legal = blocksOf(model, 'legal')
      .map((b) => (b.kind === 'list' ? b.items.map(plainText).join(' ') : ''))
      .join(' ');
    expect(legal).toContain(
      'Peraturan Wali Kota Bandar Lampung tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik.',
    );
    expect(JSON.stringify(model.sections)).not.toMatch(/(Nomor|Tahun|tentang) (null|undefined)/);
  });
});

describe('the compliance table of the findings chapter', () => {
  const model = modelWith('kota-balikpapan');
  const table = complianceTable(model);

  it('lists every obligation with its article quoted, status, reason and indicators', () => {
    const p = profile('kota-balikpapan');
    expect(table?.rows).toHaveLength(p.obligations.length);
    expect(table?.columns.map((c) => c.header)).toEqual([
      'No',
      'Kewajiban',
      'Pasal',
      'Status',
      'Keterangan',
      'Indikator',
    ]);
    if (!table) throw new Error('no table');
    expect(cellText(table, 4, 1)).toBe('Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota');
    expect(cellText(table, 4, 2)).toBe(
      'Pasal 51 ayat (2): “Tim Koordinasi SPBE sebagaimana dimaksud pada ayat (1) ditetapkan dengan Keputusan Wali Kota.”',
    );
    expect(cellText(table, 4, 3)).toBe('Terpenuhi');
    expect(cellText(table, 4, 4)).toContain(
      'Bukti: Keputusan Wali Kota Balikpapan tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Balikpapan',
    );
    expect(cellText(table, 2, 3)).toBe('Belum terpenuhi');
    expect(cellText(table, 2, 5)).toBe('29–31');
    expect(table.rows[2]?.tone).toBe('belowTarget');
    expect(table.rows[4]?.tone).toBeUndefined();
  });

  it('is numbered after the tables before it and introduced with the counts', () => {
    const captions = model.sections
      .flatMap((s) => s.blocks)
      .filter((b): b is TableBlock => b.kind === 'table')
      .map((b) => Number(/^Tabel (\d+)\./.exec(b.caption)?.[1]));
    expect(captions).toEqual(captions.map((_, i) => i + 1));
    expect(table?.caption).toMatch(/^Tabel \d+\. Kepatuhan terhadap kewajiban peraturan daerah$/);
    const intro = blocksOf(model, 'findings').find(
      (b) => b.kind === 'paragraph' && plainText(b.content).includes('kewajiban yang diperiksa'),
    );
    expect(intro?.kind === 'paragraph' && plainText(intro.content)).toBe(
      'Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022 tentang Penyelenggaraan Sistem Pemerintahan ' +
        'Berbasis Elektronik di Daerah menetapkan kewajiban yang dapat ditunjukkan oleh jawaban dan bukti ' +
        'dukung penilaian mandiri ini. Dari 8 kewajiban yang diperiksa, 3 terpenuhi, 5 belum terpenuhi, ' +
        'dan 0 belum dapat dinilai.',
    );
    expect(model.data.compliance.map((c) => c.statusLabel)).toEqual([
      'Terpenuhi',
      'Terpenuhi',
      'Belum terpenuhi',
      'Belum terpenuhi',
      'Terpenuhi',
      'Belum terpenuhi',
      'Belum terpenuhi',
      'Belum terpenuhi',
    ]);
  });

  it('says "belum dapat dinilai" while the self-assessment is partial (Kabupaten Mojokerto, Bupati)', () => {
    const m = modelWith('kabupaten-mojokerto', mojokerto);
    const t = complianceTable(m);
    if (!t) throw new Error('no table');
    const yearly = t.rows.findIndex((r) =>
      cellText({ ...t, rows: [r] }, 0, 1).startsWith('Pemantauan dan evaluasi SPBE'),
    );
    expect(cellText(t, yearly, 3)).toBe('Belum dapat dinilai');
    expect(t.rows[yearly]?.tone).toBe('missing');
    expect(cellText(t, yearly, 1)).toContain('disampaikan kepada Bupati');
  });

  it('is absent without a regional profile', () => {
    const m = mojokertoModel();
    expect(complianceTable(m)).toBeUndefined();
    expect(m.data.compliance).toEqual([]);
  });
});

describe('the compliance rows in the office files', () => {
  const model = modelWith('kota-balikpapan');

  it('are in the DOCX findings chapter', async () => {
    const { rows, paragraphs } = readDocx(await reportToDocx(model));
    expect(paragraphs).toContain('Kepatuhan terhadap Peraturan Daerah');
    const row = rows.find((r) =>
      r.includes('Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota'),
    );
    expect(row).toContain('Terpenuhi');
    expect(row).toContain('Pasal 51 ayat (2)');
  });

  it('fill the "Kepatuhan" sheet, which only a report with a profile has', async () => {
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await reportToXlsx(model)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Kepatuhan');
    if (!ws) throw new Error('no sheet');
    expect(ws.actualRowCount).toBe(1 + model.data.compliance.length);
    expect(ws.getCell(1, 3).value).toBe('Status');
    expect(ws.getCell(6, 2).value).toBe(
      'Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota',
    );
    expect(ws.getCell(6, 3).value).toBe('Terpenuhi');
    expect(ws.getCell(4, 6).value).toBe('29–31');
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });

    const plain = new Workbook();
    await plain.xlsx.load(
      Buffer.from(await reportToXlsx(mojokertoModel())) as unknown as ArrayBuffer,
    );
    expect(plain.getWorksheet('Kepatuhan')).toBeUndefined();
  });
});
