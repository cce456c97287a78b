/**
 * Compliance with the regional regulation in the report: the facts (one per obligation the
 * regional profile checked against this evaluation, with its article quoted and the documents
 * found) and the table that closes the "Kekuatan dan Kelemahan" chapter. The checking itself is
 * `shared/profiles` (`checkCompliance`); the report only presents what it found, in the
 * profile's order, and says nothing when there is no profile.
 */
import type { Facts } from '../facts';
import type { ComplianceStatus } from '../input';
import type { Block, ComplianceFact, TableRow } from '../model';
import { citeDocument, rangeText } from '../text';
import { emptyCell, heading, numberCell, paragraph, t, textCell, type Numbering } from './blocks';
import { regulationText } from './front';

export const complianceStatusText: Record<ComplianceStatus, string> = {
  met: 'Terpenuhi',
  notMet: 'Belum terpenuhi',
  unknown: 'Belum dapat dinilai',
};

/** The obligations as report facts, documents resolved against the snapshot. */
export function complianceFacts(f: Pick<Facts, 'input'>): ComplianceFact[] {
  const items = f.input.profile?.compliance ?? [];
  const evidence = new Map(f.input.snapshot.evidence.map((e) => [e.id as string, e]));
  return items.map((item, i) => {
    const indicators = [...new Set(item.indicators)].sort((a, b) => a - b);
    return {
      number: i + 1,
      title: item.title,
      status: item.status,
      statusLabel: complianceStatusText[item.status],
      reason: item.reason,
      articles: item.articles.map((a) => `${a.ref}: “${a.quote.trim()}”`),
      indicators,
      indicatorsText: indicators.length > 0 ? rangeText(indicators) : '',
      evidence: item.evidenceIds.flatMap((id) => {
        const doc = evidence.get(id);
        return doc ? [citeDocument(doc)] : [];
      }),
    };
  });
}

const toneOf: Record<ComplianceStatus, TableRow['tone']> = {
  met: undefined,
  notMet: 'belowTarget',
  unknown: 'missing',
};

/** The compliance part of the findings chapter; nothing without a regional profile's checks. */
export function complianceBlocks(
  f: Facts,
  facts: readonly ComplianceFact[],
  n: Numbering,
): Block[] {
  if (facts.length === 0) return [];
  const region = f.input.snapshot.evaluation.instansi.regionName;
  const regulation = f.input.profile?.regulation;
  const name = regulation ? regulationText(regulation, region) : 'peraturan daerah tentang SPBE';
  const count = (s: ComplianceStatus) => facts.filter((x) => x.status === s).length;
  const rows: TableRow[] = facts.map((x) => {
    const tone = toneOf[x.status];
    const evidence = x.evidence.length > 0 ? [`Bukti: ${x.evidence.join('; ')}`] : [];
    return {
      cells: [
        numberCell(x.number, String(x.number), 'integer'),
        textCell(x.title, true),
        x.articles.length > 0 ? { kind: 'lines', lines: x.articles } : emptyCell(),
        textCell(x.statusLabel, x.status !== 'met'),
        { kind: 'lines', lines: [x.reason, ...evidence] },
        x.indicatorsText ? textCell(x.indicatorsText) : emptyCell(),
      ],
      ...(tone ? { tone } : {}),
    };
  });
  return [
    heading(2, 'Kepatuhan terhadap Peraturan Daerah'),
    paragraph(
      t(
        `${name} menetapkan kewajiban yang dapat ditunjukkan oleh jawaban dan bukti dukung penilaian ` +
          `mandiri ini. Dari ${facts.length} kewajiban yang diperiksa, ${count('met')} terpenuhi, ` +
          `${count('notMet')} belum terpenuhi, dan ${count('unknown')} belum dapat dinilai.`,
      ),
    ),
    {
      kind: 'table',
      id: 'compliance',
      caption: n.table('Kepatuhan terhadap kewajiban peraturan daerah'),
      columns: [
        { header: 'No', align: 'center', width: 0.5 },
        { header: 'Kewajiban', align: 'left', width: 2.6 },
        { header: 'Pasal', align: 'left', width: 2.8 },
        { header: 'Status', align: 'center', width: 1.8 },
        { header: 'Keterangan', align: 'left', width: 2.9 },
        // Wide enough for its header word in bold ("Indikator" must not be clipped).
        { header: 'Indikator', align: 'center', width: 1.4 },
      ],
      rows,
      note:
        'Pemeriksaan hanya membaca jawaban dan keterangan bukti dukung evaluasi ini. “Belum dapat dinilai” ' +
        'berarti data yang diperlukan belum ada (indikator belum dinilai atau tanggal dokumen belum diisi); ' +
        'kewajiban yang tidak tampak dalam data evaluasi tidak tercantum di sini.',
    },
  ];
}
