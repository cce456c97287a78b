/**
 * The report model: the whole content of the "Laporan Hasil Penilaian Mandiri Evaluasi SPBE" as
 * plain data, built once by `buildReport` and rendered by every format (print/PDF in the
 * renderer, DOCX and XLSX in `office/`). Renderers decide layout only; every word, number and
 * chart series comes from here, so the three formats can never disagree.
 *
 * Shape: `sections` (the chosen chapters, in order) hold `blocks` (heading, paragraph, list,
 * notice, key figures, table, chart, cover, signatures, page break). `data` holds the same facts
 * as flat records for the workbook and for screens that want their own layout.
 *
 * Rendering rules every format follows (the DOCX writer is the reference):
 * - each section's `heading` is a level-1 heading on a new page; the cover has none;
 * - a `pageBreak` that is the first block of a section applies before its heading (the appendix
 *   opens in landscape for the 8-column indicator table);
 * - table header rows repeat on every page and rows are not split; `tone` tints a row;
 * - a `notice` of tone `provisional` must stand out (a red box): it carries the list of missing
 *   indicators wherever a provisional index is shown;
 * - chart captions in `sections` are numbered ("Gambar 1. ..."); `chartSvg` draws them as vectors.
 */
import type { AnswerStatus, EvidenceKind, MemberRole } from '../assessment';

export const reportSectionIds = [
  'cover',
  'summary',
  'legal',
  'methodology',
  'results',
  'findings',
  'recommendations',
  'conclusion',
  'closing',
  'appendix',
] as const;
export type ReportSectionId = (typeof reportSectionIds)[number];

/** The section names a user chooses from (Indonesian, as printed). */
export const reportSectionLabel: Record<ReportSectionId, string> = {
  cover: 'Sampul',
  summary: 'Ringkasan Eksekutif',
  legal: 'Pendahuluan',
  methodology: 'Metodologi',
  results: 'Hasil Penilaian',
  findings: 'Kekuatan dan Kelemahan',
  recommendations: 'Rekomendasi',
  conclusion: 'Kesimpulan',
  closing: 'Penutup',
  appendix: 'Lampiran',
};

/** A run of text; a paragraph is a list of runs so that renderers can set labels in bold. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** How a number cell is formatted: the display text is already Indonesian ("2,95"). */
export type NumberFormat = 'index' | 'weight' | 'integer' | 'gain';

/** Excel number formats of `NumberFormat` (Excel shows the reader's decimal separator). */
export const excelNumberFormat: Record<NumberFormat, string> = {
  index: '0.00',
  weight: 'General',
  integer: '0',
  gain: '0.0000',
};

export type Cell =
  | { kind: 'text'; text: string; bold?: boolean }
  | { kind: 'number'; value: number; display: string; format: NumberFormat; bold?: boolean }
  /**
   * A maturity level with its name on the indicator's scale; `display` is the value as printed
   * when it is not the level itself ("2,75" on a decimal scale).
   */
  | { kind: 'level'; level: number; name: string; display?: string }
  /** A calendar date "YYYY-MM-DD" and its presentation ("22 November 2026"). */
  | { kind: 'date'; iso: string; display: string }
  /** Several short lines in one cell (an evidence list). */
  | { kind: 'lines'; lines: string[] }
  /** No value; `text` says why ("belum dinilai", "—"). */
  | { kind: 'empty'; text: string };

export interface TableColumn {
  header: string;
  align: 'left' | 'center' | 'right';
  /** Relative width (the renderer scales the sum to the page width). */
  width: number;
  /**
   * Short names whose words must stay whole ("Berkembang", a level's name): a preview narrower
   * than the page keeps the column at least as wide as its longest word and scrolls instead.
   */
  keepWords?: boolean;
}

export interface TableRow {
  cells: Cell[];
  /** group: a domain row above its aspects; total: the index row; belowTarget / missing: tinted. */
  tone?: 'group' | 'total' | 'belowTarget' | 'missing';
}

export interface TableBlock {
  kind: 'table';
  id: string;
  /** "Tabel 3. Indeks Domain dan Aspek" style caption, numbered by the model. */
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Small print below the table. */
  note?: string;
}

export interface ChartSeries {
  name: string;
  /** value: this evaluation; target: the target; previous: an earlier year. */
  role: 'value' | 'target' | 'previous';
  values: (number | null)[];
  /** The presented text of each value ("2,95", "12"); null where there is no value. */
  displays: (string | null)[];
}

export type ChartId = 'aspects-radar' | 'domains-bar' | 'levels-distribution' | 'trend';

export interface ChartModel {
  id: ChartId;
  kind: 'radar' | 'bar' | 'line';
  /** "Gambar 1. ..." caption, numbered by the model. */
  caption: string;
  /** One sentence with the figures, for screen readers and the DOCX alt text. */
  description: string;
  /** Short axis labels ("Aspek 1", "Tingkat 3", "2025"). */
  categories: string[];
  /** Full names of the categories (for a legend or a tooltip). */
  categoryNames: string[];
  series: ChartSeries[];
  axis: { min: number; max: number; step: number; decimals: number; label: string };
  /**
   * A horizontal reference line (the target) on bar and line charts. fromCategory: the first
   * category it holds for (a Pemdi target is not drawn over the years on PermenPANRB 59/2020);
   * all of them when absent.
   */
  reference?: { value: number; display: string; label: string; fromCategory?: number };
  /** Bars of the series stacked (the level distribution by scale). */
  stacked?: boolean;
}

export interface CoverModel {
  title: string;
  /** "Pemerintah Kota Balikpapan". */
  instansiName: string;
  province: string;
  /** The blob-store hash of the logo; the caller resolves the bytes. */
  logoHash: string | null;
  /** "Disampaikan kepada Wali Kota Balikpapan melalui Sekretaris Daerah". */
  addressee: string;
  /**
   * The same in its phrases ("Disampaikan kepada Wali Kota Balikpapan", "melalui Sekretaris
   * Daerah"): a line that must break does so between them, never inside a name.
   */
  addresseePhrases: string[];
  preparedBy: string;
  /** Place and month of the report: "Balikpapan, November 2026". */
  dateLine: string;
  /** "SEMENTARA" for a partial evaluation. */
  provisionalMark: string | null;
}

export interface Signer {
  /** "Mengetahui," or the place and date line above the caption. */
  intro: string;
  /** "Penanggung Jawab Tim Asesor Internal", "Koordinator SPBE". */
  caption: string;
  position: string;
  /** null: a blank line to write the name by hand (no member with that role is recorded). */
  name: string | null;
  nip: string | null;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[]; align?: 'justify' | 'center' }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /** A boxed notice: `provisional` must stand out wherever a provisional index is shown. */
  | {
      kind: 'notice';
      tone: 'provisional' | 'info';
      title: string;
      content: Inline[];
      items?: string[];
    }
  | { kind: 'figures'; items: { label: string; value: string; note?: string }[] }
  | TableBlock
  | { kind: 'chart'; chart: ChartModel }
  | { kind: 'cover'; cover: CoverModel }
  | { kind: 'signatures'; signers: Signer[] }
  /** A new page; `orientation` switches the page (wide tables in landscape). */
  | { kind: 'pageBreak'; orientation: 'portrait' | 'landscape' };

export interface ReportSection {
  id: ReportSectionId;
  /** Roman chapter number, null for the cover and the appendix. */
  number: string | null;
  title: string;
  /** The heading as printed: "I. Ringkasan Eksekutif", "Lampiran"; empty for the cover. */
  heading: string;
  blocks: Block[];
}

/** A document cited as evidence, with its presentation. */
export interface EvidenceCitation {
  evidenceId: string;
  title: string;
  kind: EvidenceKind;
  kindLabel: string;
  number: string;
  documentDate: string | null;
  dateDisplay: string | null;
  fileName: string;
  /** Levels of this indicator the document backs. */
  levels: number[];
  /** Where in the document ("Pasal 5 ayat (2)"). */
  note: string;
  /** One line: "Judul, Nomor 14 Tahun 2022, tanggal 22 Agustus 2022 (Pasal 5)". */
  text: string;
}

export interface IndicatorFact {
  number: number;
  name: string;
  weight: number;
  scaleName: string;
  domain: { id: string; number: number; name: string } | null;
  aspect: { id: string; number: number; name: string } | null;
  /** The indicator's number within its aspect as the regulation writes it ("1.1"), if any. */
  code: string | null;
  value: number | null;
  /** The value as printed ("3", "2,75"), from score(); null when unanswered. */
  valueDisplay: string | null;
  level: number | null;
  levelName: string | null;
  target: number;
  /** The target as printed ("3", "2,50"). */
  targetDisplay: string;
  /** How far below the target, exact from score() (0 when met). */
  gap: number | null;
  /** The gap as printed ("1", "0,75"), from score(). */
  gapDisplay: string | null;
  meetsTarget: boolean | null;
  /** An external-index indicator counted with its assumed value until the index is entered. */
  awaitingExternal: boolean;
  /**
   * The source agency's index entered for an external-index indicator (source "Indeks SDI",
   * display "58,4", year 2025), from
   * which its value was converted; null when none was entered or the indicator has none.
   */
  externalInput: { source: string; display: string; year: number | null } | null;
  gainPerLevel: number;
  agency: string;
  status: AnswerStatus | null;
  statusLabel: string;
  justification: string;
  justificationSummary: string;
  reviewNote: string;
  evidence: EvidenceCitation[];
  /**
   * Whether a linked document is tagged for the claimed level: null when unanswered, valued
   * from an external index (entered or awaited: the source agency sets it, not the team's
   * documents), or at the lowest level (which needs no document).
   */
  claimSupported: boolean | null;
}

export interface GroupFact {
  id: string;
  tier: string;
  tierLabel: string;
  number: number;
  name: string;
  weight: number;
  parentId: string | null;
  value: number | null;
  display: string | null;
  target: number;
  targetDisplay: string;
  /** Index minus target, both as presented ("-0,30"); null when not yet computable. */
  targetDifference: { value: number; display: string } | null;
  answered: number;
  total: number;
  missing: number[];
  previous: { year: number; value: number; display: string } | null;
}

/** An indicator whose claimed level no linked document is tagged for. */
export interface UnsupportedClaim {
  number: number;
  name: string;
  weight: number;
  /** The claimed value as printed ("3", "2,75") and its level name. */
  valueDisplay: string;
  levelName: string;
  /** The value one level lower (the floor of the level below on a decimal scale), as printed. */
  loweredDisplay: string;
  /** Whether any document is linked at all (tagged for other levels only). */
  hasEvidence: boolean;
}

/**
 * How far the self-assessed index is backed by evidence: the share of the index weight whose
 * claimed level a linked document is tagged for, the claims without such a document, and the
 * index if each of those were one level lower (from score(), exact).
 */
/**
 * One year's index of the instansi on one instrument, as the trend lists it: the earlier years
 * (each named by its instrument, never compared across instruments) and this year last.
 */
export interface TrendYearFact {
  year: number;
  /** "Indeks SPBE", "Indeks Pemdi". */
  indexLabel: string;
  /** "PermenPANRB 59/2020". */
  shortTitle: string;
  value: number | null;
  display: string | null;
  rating: string | null;
  /** Not every indicator of that year was answered (or awaits an external value). */
  provisional: boolean;
  /** This report's own year and instrument. */
  current: boolean;
}

export interface VerificationFact {
  /** "penilaian mandiri Tim Asesor Internal, diverifikasi asesor eksternal KemenPANRB". */
  statement: string;
  supportedWeight: number;
  totalWeight: number;
  /** "42,5%". */
  supportedShareDisplay: string;
  unsupported: UnsupportedClaim[];
  unsupportedWeight: number;
  /** "57,5%". */
  unsupportedShareDisplay: string;
  /** The index with every unsupported claim one level lower; null when no index or nothing lowered. */
  lowered: { value: number; display: string; rating: string } | null;
  /** One sentence on the support, with the lowered index where there is one. */
  sentence: string;
}

/** One level step of a recommendation, with the documents already linked that may serve it. */
export interface RecommendationStep {
  level: number;
  name: string;
  /** The lowest value of the level as printed ("3", "3,00"). */
  floorDisplay: string;
  criteria: string | null;
  /** The level's butir (Pemdi) or the guideline's evidence list (59/2020). */
  guidance: string[];
}

export interface RecommendationFact {
  rank: number;
  number: number;
  name: string;
  aspectName: string;
  weight: number;
  gainPerLevel: number;
  gainDisplay: string;
  level: number;
  levelName: string;
  /** The current value as printed ("1", "1,75"). */
  valueDisplay: string;
  nextLevel: number;
  nextLevelName: string;
  targetLevel: number;
  /** The target as printed ("3", "2,50"). */
  targetDisplay: string;
  /** The level the target falls in (the target itself on an integer scale). */
  targetLevelOfScale: number;
  levelsToTarget: number;
  criteria: string;
  /**
   * The levels still to reach, from the next one up to the target's level, each with its
   * criteria (null when the pack has none yet: "kriteria belum tersedia").
   */
  steps: RecommendationStep[];
  /**
   * The index gained by reaching the target, exact from score(); printed as the presented index
   * changes ("0,08", "< 0,01").
   */
  gainToTarget: number;
  gainToTargetDisplay: string;
  /** Documents already linked to the indicator, cited with their kind and tagged levels. */
  existingEvidence: string[];
  /** The regional regulation's articles mapped to the indicator ("Pasal 5 ayat (1)"). */
  regionalArticles: string[];
  fulfilment: string[];
  evidence: string[];
  agency: string;
}

export interface EvidenceFact {
  id: string;
  title: string;
  kind: EvidenceKind;
  kindLabel: string;
  number: string;
  documentDate: string | null;
  dateDisplay: string | null;
  fileName: string;
  size: number;
  description: string;
  /** Indicator numbers it is linked to, ascending. */
  indicators: number[];
  /** "Indikator 1 (tingkat 2–3; Pasal 5)" per link. */
  links: string[];
}

export interface TeamMemberFact {
  name: string;
  nip: string;
  position: string;
  role: MemberRole;
  roleLabel: string;
  indicators: number[];
  indicatorsText: string;
}

/** The status a report prints for an obligation (the team's decision or the automatic finding). */
export type ComplianceReportStatus =
  'confirmed' | 'evidenceFound' | 'evidenceMissing' | 'notApplicable';

/** An obligation of the regional regulation and what this evaluation shows of it. */
export interface ComplianceFact {
  /** Row number, in the profile's order. */
  number: number;
  obligationId: string | null;
  title: string;
  /** The automatic finding of shared/profiles (kept for the workbook's colouring). */
  status: 'met' | 'notMet' | 'unknown';
  /** What is printed: the team's decision, else what the automatic finding amounts to. */
  reportStatus: ComplianceReportStatus;
  /** As on the dashboard (`complianceDecisionLabel`): "Terpenuhi", "Belum dapat dinilai", … */
  statusLabel: string;
  /** Whether the team confirmed or overrode the finding; only decided rows are in the body. */
  decided: boolean;
  /** The team's note on its decision ("" when none). */
  decisionNote: string;
  reason: string;
  /** "Pasal 51 ayat (2): “… ditetapkan dengan Keputusan Wali Kota.”" per article. */
  articles: string[];
  indicators: number[];
  /** "29–31". */
  indicatorsText: string;
  /** The documents the check found, cited. */
  evidence: string[];
}

export interface ProvisionalInfo {
  /** "SEMENTARA". */
  label: string;
  answered: number;
  total: number;
  missing: { number: number; name: string }[];
  /** External-index indicators counted with their assumed value until the index is entered. */
  /** `assumedDisplay` is null while the assumed value is not counted (nothing answered). */
  awaitingExternal: { number: number; name: string; assumedDisplay: string | null }[];
  /** The sentence printed next to every provisional index. */
  text: string;
}

export interface ReportHeadline {
  indexLabel: string;
  value: number | null;
  display: string | null;
  rating: string | null;
  target: { value: number; display: string; rating: string };
  meetsTarget: boolean | null;
  /** Index minus target, both as presented ("+0,17"). */
  targetDifference: { value: number; display: string } | null;
  /**
   * The exact index where the presented one hides its side of a predikat bound or the target
   * ("2,4955" for 2,50 written beside Cukup); null otherwise.
   */
  exactDisplay: string | null;
  /** The latest earlier year on this instrument; provisional: that year was never completed. */
  previous: {
    year: number;
    value: number;
    display: string;
    rating: string;
    provisional: boolean;
  } | null;
}

export interface WhatIfFact {
  count: number;
  indicators: number[];
  value: number;
  display: string;
  rating: string;
  deltaDisplay: string;
  sentence: string;
}

export interface ReportModel {
  title: string;
  year: number;
  instansi: {
    name: string;
    kind: string;
    regionName: string;
    province: string;
    headOfRegionTitle: string;
    headOfRegionName: string;
    /** "Wali Kota Balikpapan", exactly as the instansi writes the title. */
    headOfRegion: string;
    ictAgencyName: string;
    address: string;
    logoHash: string | null;
  };
  instrument: {
    id: string;
    version: string;
    shortTitle: string;
    title: string;
    /** "tingkat" (integer levels) or "nilai" (decimal values): the word for an indicator value. */
    valueNoun: string;
    /** Decimal places of an indicator value (0 for integer levels). */
    valueDecimals: number;
    /** Number of tiers (2: domain and aspect; 1: aspect only). */
    tierCount: number;
    /** The label of each tier, top first ("Domain", "Aspek"). */
    tierLabels: string[];
  };
  /** The running header of every page after the cover. */
  runningHeader: string;
  /** "22 November 2026": the date the report was made. */
  dateDisplay: string;
  /** ISO timestamp of the same moment. */
  generatedAt: string;
  headline: ReportHeadline;
  provisional: ProvisionalInfo | null;
  /** Said on the report screen before printing: blank signature names, a signer unlike the profile's. */
  signatureNotes: string[];
  sections: ReportSection[];
  data: {
    groups: GroupFact[];
    indicators: IndicatorFact[];
    recommendations: RecommendationFact[];
    whatIf: WhatIfFact | null;
    verification: VerificationFact | null;
    evidence: EvidenceFact[];
    team: TeamMemberFact[];
    charts: ChartModel[];
    /** The regional regulation's obligations; empty without a regional profile. */
    compliance: ComplianceFact[];
    /** The index over the years, oldest first, this year last; empty without earlier years. */
    trend: TrendYearFact[];
    /** Why two instruments' indices are not compared; null when every year has this one's. */
    trendNote: string | null;
  };
}

/** The plain text of runs, for tests, alt texts and renderers without rich text. */
export const plainText = (content: readonly Inline[]): string =>
  content.map((i) => i.text).join('');
