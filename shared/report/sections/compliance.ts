/**
 * Compliance with the regional regulation in the report: the facts (one per obligation the
 * regional profile checked against this evaluation, with its article quoted, the documents found
 * and the team's decision on it) and the table that closes the "Kekuatan dan Kelemahan" chapter.
 * The checking itself is `shared/profiles` (`checkCompliance`). The body never accuses: it prints
 * only obligations the team confirmed or overrode; automatic findings still awaiting the team go
 * to an internal annex. Every status is worded as on the dashboard's compliance panel
 * (`complianceDecisionLabel`: "Terpenuhi", "Belum terpenuhi", "Belum dapat dinilai", "Terpenuhi
 * (dikonfirmasi tim)", "Tidak berlaku"). Nothing is said without a profile.
 */
import type { ComplianceDecision } from '../../assessment/evaluation';
import type { Facts } from '../facts';
import type { Block, ComplianceFact, ComplianceReportStatus, TableRow } from '../model';
import {
  complianceDecisionLabel,
  complianceStatusLabel,
  keptFinding,
} from '../../profiles/compliance';
import { citeDocument, joinList, rangeText } from '../text';
import { emptyCell, heading, numberCell, paragraph, t, textCell, type Numbering } from './blocks';
import { regulationText } from './front';

/** The obligations as report facts, documents resolved and the team's decisions applied. */
export function complianceFacts(f: Pick<Facts, 'input'>): ComplianceFact[] {
  const items = f.input.profile?.compliance ?? [];
  const evidence = new Map(f.input.snapshot.evidence.map((e) => [e.id as string, e]));
  const decisions: Record<string, ComplianceDecision> =
    f.input.snapshot.evaluation.complianceDecisions ?? {};
  return items.map((item, i) => {
    const indicators = [...new Set(item.indicators)].sort((a, b) => a - b);
    const decision = item.obligationId ? decisions[item.obligationId] : undefined;
    const reportStatus = decision?.status ?? keptFinding(item.status);
    return {
      number: i + 1,
      obligationId: item.obligationId ?? null,
      title: item.title,
      status: item.status,
      reportStatus,
      statusLabel: complianceDecisionLabel(reportStatus, item.status),
      decided: decision !== undefined,
      decisionNote: decision?.note.trim() ?? '',
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

const toneOf: Record<ComplianceReportStatus, TableRow['tone']> = {
  confirmed: undefined,
  evidenceFound: undefined,
  evidenceMissing: 'missing',
  notApplicable: undefined,
};

const columns = [
  { header: 'No', align: 'center' as const, width: 0.6 },
  { header: 'Kewajiban', align: 'left' as const, width: 2.6 },
  { header: 'Pasal', align: 'left' as const, width: 2.8 },
  { header: 'Status', align: 'center' as const, width: 1.8 },
  { header: 'Keterangan', align: 'left' as const, width: 2.9 },
  // Wide enough for its header word in bold ("Indikator" must not be clipped).
  { header: 'Indikator', align: 'center' as const, width: 1.4 },
];

function rowOf(x: ComplianceFact, withReason: boolean): TableRow {
  const tone = toneOf[x.reportStatus];
  const evidence = x.evidence.length > 0 ? [`Bukti: ${x.evidence.join('; ')}`] : [];
  const note = x.decisionNote ? [`Catatan tim: ${x.decisionNote}`] : [];
  const lines = [...note, ...(withReason ? [x.reason] : []), ...evidence];
  return {
    cells: [
      numberCell(x.number, String(x.number), 'integer'),
      textCell(x.title, true),
      x.articles.length > 0 ? { kind: 'lines', lines: x.articles } : emptyCell(),
      textCell(x.statusLabel),
      lines.length > 0 ? { kind: 'lines', lines } : emptyCell(),
      x.indicatorsText ? textCell(x.indicatorsText) : emptyCell(),
    ],
    ...(tone ? { tone } : {}),
  };
}

/** The order counts are told in: the team's confirmation first, "not applicable" last. */
const labelOrder = [
  complianceDecisionLabel('confirmed', 'met'),
  complianceStatusLabel.met,
  complianceStatusLabel.notMet,
  complianceStatusLabel.unknown,
  complianceDecisionLabel('notApplicable', 'met'),
];

/** "1 terpenuhi (dikonfirmasi tim), 5 terpenuhi, dan 1 belum terpenuhi": counts above zero only. */
function countsText(facts: readonly ComplianceFact[]): string {
  const parts = labelOrder
    .map((label) => ({ label, n: facts.filter((x) => x.statusLabel === label).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} ${x.label.toLowerCase()}`);
  return joinList(parts);
}

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
  const decided = facts.filter((x) => x.decided);
  const open = facts.length - decided.length;
  const blocks: Block[] = [heading(2, 'Kepatuhan terhadap Peraturan Daerah')];
  const intro =
    `${name} menetapkan ${facts.length} kewajiban yang dapat ditunjukkan oleh jawaban dan bukti dukung ` +
    'penilaian mandiri ini. ';
  if (decided.length === 0) {
    blocks.push(
      paragraph(
        t(
          intro +
            'Temuan pemeriksaan otomatis atas kewajiban tersebut belum dikonfirmasi oleh Tim Asesor Internal, ' +
            'sehingga belum dimuat dalam laporan ini.',
        ),
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      t(
        intro +
          `Tim Asesor Internal telah menelaah ${decided.length} kewajiban: ${countsText(decided)}.` +
          (open > 0
            ? ` ${open} kewajiban lainnya masih menunggu konfirmasi tim dan belum dimuat dalam laporan ini.`
            : ''),
      ),
    ),
    {
      kind: 'table',
      id: 'compliance',
      caption: n.table('Kepatuhan terhadap kewajiban peraturan daerah'),
      columns,
      rows: decided.map((x) => rowOf(x, false)),
      note:
        `“${complianceStatusLabel.notMet}” dan “${complianceStatusLabel.unknown}” berarti jawaban atau ` +
        'dokumen yang menunjukkan kewajiban tersebut belum tampak pada evaluasi ini, bukan bahwa ' +
        'kewajiban itu tidak dilaksanakan.',
    },
  );
  return blocks;
}

/**
 * The internal annex: automatic findings the team has not yet confirmed, for the team's own
 * review before the report is forwarded. Nothing when every finding is decided.
 */
export function internalComplianceBlocks(facts: readonly ComplianceFact[], n: Numbering): Block[] {
  const open = facts.filter((x) => !x.decided);
  if (open.length === 0) return [];
  return [
    { kind: 'pageBreak', orientation: 'portrait' },
    heading(2, 'Lampiran internal: temuan otomatis yang belum dikonfirmasi'),
    paragraph(
      t(
        'Temuan berikut dihasilkan dari pemeriksaan otomatis atas judul, jenis, dan tautan bukti dukung. ' +
          'Tim Asesor Internal perlu mengonfirmasi atau mengoreksi setiap temuan beserta catatannya sebelum ' +
          'laporan disampaikan; lampiran ini tidak untuk diteruskan.',
      ),
    ),
    {
      kind: 'table',
      id: 'compliance-internal',
      caption: n.table('Temuan otomatis kepatuhan yang belum dikonfirmasi'),
      columns,
      rows: open.map((x) => rowOf(x, true)),
    },
  ];
}
