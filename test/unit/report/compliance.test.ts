/**
 * The regional regulation in the report: a built-in profile turned into the report's profile
 * (regulation, evaluation article, obligations checked against the evaluation), the compliance
 * table closing the findings chapter, and the same rows in the DOCX and the "Kepatuhan" sheet.
 */
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  checkCompliance,
  complianceStatusLabel,
  findProfile,
  keptFinding,
  type Profile,
} from '../../../shared/profiles';
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

/** Balikpapan with the team's decisions on every obligation but the last one. */
function decided(): typeof balikpapan {
  const ids = profile('kota-balikpapan').obligations.map((o) => o.id);
  const at = 1_790_000_000_000;
  const by = 'Ir. Ratna Dewi Lestari, M.T.';
  const decisions = Object.fromEntries(
    ids.slice(0, -1).map((id) => [
      id,
      id === 'audit-tik-dua-tahun'
        ? {
            status: 'evidenceMissing' as const,
            note: 'Laporan audit 2025 sedang disusun.',
            by,
            at,
          }
        : id === 'tim-koordinasi-keputusan'
          ? { status: 'confirmed' as const, note: '', by, at }
          : { status: 'evidenceFound' as const, note: '', by, at },
    ]),
  );
  return {
    ...balikpapan,
    evaluation: { ...balikpapan.evaluation, complianceDecisions: decisions },
  };
}

describe('the compliance table of the findings chapter', () => {
  const model = modelWith('kota-balikpapan', decided());
  const table = complianceTable(model);

  it('prints only the obligations the team decided, with its status and note', () => {
    const p = profile('kota-balikpapan');
    expect(table?.rows).toHaveLength(p.obligations.length - 1);
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
    expect(cellText(table, 4, 3)).toBe('Terpenuhi (dikonfirmasi tim)');
    expect(cellText(table, 4, 4)).toContain(
      'Bukti: Keputusan Wali Kota Balikpapan tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Balikpapan',
    );
    // The finding kept by the team reads as on the dashboard's compliance panel.
    expect(cellText(table, 2, 3)).toBe('Belum terpenuhi');
    expect(cellText(table, 2, 4)).toContain('Catatan tim: Laporan audit 2025 sedang disusun.');
    expect(cellText(table, 2, 5)).toBe('29–31');
    // Every status is worded as the dashboard words the finding (or the team's decision on it).
    for (const c of model.data.compliance) {
      if (c.reportStatus === keptFinding(c.status))
        expect(c.statusLabel).toBe(complianceStatusLabel[c.status]);
    }
    expect(model.data.compliance.map((c) => c.statusLabel)).not.toContain('Bukti ditemukan');
  });

  it('introduces the table with counts above zero and puts the open finding in an internal annex', () => {
    const intro = blocksOf(model, 'findings').find(
      (b) => b.kind === 'paragraph' && plainText(b.content).includes('telah menelaah'),
    );
    const text = intro?.kind === 'paragraph' ? plainText(intro.content) : '';
    expect(text).toContain(
      'Tim Asesor Internal telah menelaah 7 kewajiban: 1 terpenuhi (dikonfirmasi tim), 5 terpenuhi, dan 1 belum terpenuhi.',
    );
    expect(text).toContain('1 kewajiban lainnya masih menunggu konfirmasi tim');
    expect(text).not.toMatch(/\b0 /);
    const appendix = blocksOf(model, 'appendix');
    const h = appendix.findIndex(
      (b) =>
        b.kind === 'heading' &&
        b.text === 'Lampiran internal: temuan otomatis yang belum dikonfirmasi',
    );
    expect(h).toBeGreaterThan(0);
    const annex = appendix.find(
      (b): b is TableBlock => b.kind === 'table' && b.id === 'compliance-internal',
    );
    expect(annex?.rows).toHaveLength(1);
    expect(annex && cellText(annex, 0, 1)).toBe(
      'Proses Bisnis ditetapkan dengan Keputusan Wali Kota',
    );
    const captions = model.sections
      .flatMap((s) => s.blocks)
      .filter((b): b is TableBlock => b.kind === 'table')
      .map((b) => Number(/^Tabel (\d+)\./.exec(b.caption)?.[1]));
    expect(captions).toEqual(captions.map((_, i) => i + 1));
  });

  it('says nothing in the body until the team decides (Kabupaten Mojokerto, Bupati)', () => {
    const m = modelWith('kabupaten-mojokerto', mojokerto);
    expect(complianceTable(m)).toBeUndefined();
    const findings = blocksOf(m, 'findings')
      .map((b) => (b.kind === 'paragraph' ? plainText(b.content) : ''))
      .join(' ');
    expect(findings).toContain('belum dikonfirmasi oleh Tim Asesor Internal');
    const yearly = m.data.compliance.find((c) =>
      c.title.startsWith('Pemantauan dan evaluasi SPBE'),
    );
    // Not decided yet: the dashboard's words for the automatic finding.
    expect(yearly).toMatchObject({
      decided: false,
      status: 'unknown',
      statusLabel: 'Belum dapat dinilai',
    });
    expect(yearly?.title).toContain('disampaikan kepada Bupati');
  });

  it('never reports the Tim Asesor Internal or a linked Arsitektur decree as missing', () => {
    const m = modelWith('kota-balikpapan');
    const team = m.data.compliance.find((c) => c.title.startsWith('Tim Asesor Internal'));
    expect(team?.status).toBe('met');
    // An SK linked to the Arsitektur indicator counts even when its title does not say so.
    const sk = balikpapan.evidence.find((e) => e.kind === 'sk')!;
    const withArch = {
      ...balikpapan,
      evidence: [
        { ...sk, title: 'Keputusan Wali Kota Nomor 100/2025' },
        ...balikpapan.evidence.filter((e) => e.id !== sk.id),
      ],
      links: [
        ...balikpapan.links,
        { ...balikpapan.links[0]!, evidenceId: sk.id, indicator: 11, levels: [2] },
      ],
    };
    const arch = modelWith('kota-balikpapan', withArch).data.compliance.find((c) =>
      c.title.startsWith('Arsitektur SPBE'),
    );
    expect(arch?.status).toBe('met');
  });

  it('is absent without a regional profile', () => {
    const m = mojokertoModel();
    expect(complianceTable(m)).toBeUndefined();
    expect(m.data.compliance).toEqual([]);
  });
});

describe('the compliance rows in the office files', () => {
  const model = modelWith('kota-balikpapan', decided());

  it('are in the DOCX findings chapter', async () => {
    const { rows, paragraphs } = readDocx(await reportToDocx(model));
    expect(paragraphs).toContain('Kepatuhan terhadap Peraturan Daerah');
    const row = rows.find((r) =>
      r.includes('Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota'),
    );
    expect(row).toContain('Terpenuhi (dikonfirmasi tim)');
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
    expect(ws.getCell(6, 3).value).toBe('Terpenuhi (dikonfirmasi tim)');
    expect(ws.getCell(4, 6).value).toBe('29–31');
    // Each status in the dashboard's words: the undecided finding as the panel shows it.
    model.data.compliance.forEach((c, i) => expect(ws.getCell(i + 2, 3).value).toBe(c.statusLabel));
    const open = model.data.compliance.at(-1)!;
    expect(open.decided).toBe(false);
    expect(ws.getCell(model.data.compliance.length + 1, 3).value).toBe(
      complianceStatusLabel[open.status],
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });

    const plain = new Workbook();
    await plain.xlsx.load(
      Buffer.from(await reportToXlsx(mojokertoModel())) as unknown as ArrayBuffer,
    );
    expect(plain.getWorksheet('Kepatuhan')).toBeUndefined();
  });
});
