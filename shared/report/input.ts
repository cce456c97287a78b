/**
 * What `buildReport` takes besides the evaluation: earlier years (for the trend and "last year"),
 * the regional profile's regulation (minimal structural types, so that any profile module can
 * pass its own richer object), the sections to include and the moment of writing.
 */
import type { EvaluationSnapshot } from '../assessment';
import { snapshotValues } from '../assessment/snapshot';
import type { InstrumentPack } from '../instrument/schema';
import { score } from '../scoring/score';
import type { ReportSectionId } from './model';

/** The result of an earlier evaluation of the same instansi. */
export interface PreviousEvaluation {
  year: number;
  /**
   * The instrument it was scored with; absent = the same as the current report's. An earlier
   * year on another instrument is shown beside the current one, never compared with it.
   */
  instrument?: { id: string; shortTitle: string; indexLabel: string };
  /**
   * exactDisplay: the exact index where the presented one hides its predikat's side;
   * provisional: not every indicator was answered (absent in callers that only hold final ones).
   */
  overall: {
    value: number;
    display: string;
    rating: string;
    exactDisplay?: string | null;
    provisional?: boolean;
  } | null;
  /** Domain and aspect indices by group id (same pack family), when known. */
  groups?: ReadonlyArray<{ id: string; value: number | null; display: string | null }>;
}

/** A local regulation as a regional profile records it ("Peraturan Wali Kota", "14", 2022). */
export interface LocalRegulation {
  /** "Peraturan Wali Kota Balikpapan" or "Peraturan Wali Kota" (the region is added if absent). */
  kind: string;
  /** The region the regulation belongs to; the evaluation's region when absent. */
  regionName?: string;
  /** null when the available text does not give it (never invented). */
  number: string | null;
  year: number | null;
  /** The subject after "tentang"; blank when unknown (the citation then stops at the number). */
  title: string;
}

/** Whether the evaluation shows an obligation of the regulation met (shared/profiles' statuses). */
export type ComplianceStatus = 'met' | 'notMet' | 'unknown';

/**
 * One obligation of the regional regulation as checked against this evaluation (what
 * `checkCompliance` of shared/profiles returns, with the obligation's articles); see
 * `reportProfileFromRegional` for the adapter.
 */
export interface ReportComplianceItem {
  /** The obligation's id in the profile: the key of the team's decision on it. */
  obligationId?: string;
  title: string;
  status: ComplianceStatus;
  /** What was checked and found, in Indonesian. */
  reason: string;
  /** The articles that set the obligation, quoted. */
  articles: ReadonlyArray<{ ref: string; quote: string }>;
  indicators: readonly number[];
  /** Documents of the snapshot the check found. */
  evidenceIds: readonly string[];
}

/** The parts of a regional profile the report uses. */
export interface ReportProfile {
  regulation?: LocalRegulation | null;
  /** The article that says who evaluates and to whom results go, quoted. */
  evaluationArticle?: { article: string; text: string } | null;
  /** The regulation's obligations checked against this evaluation, in the profile's order. */
  compliance?: readonly ReportComplianceItem[] | null;
  /** The regulation's articles mapped to each indicator of the evaluation's instrument. */
  indicatorArticles?: ReadonlyArray<{ indicator: number; articles: readonly string[] }> | null;
  /**
   * What the regulation says the evaluation is for (Balikpapan Pasal 53 ayat (2) a–d): the
   * article and its lettered points, each of which the report answers in its own section.
   */
  evaluationPurposes?: { article: string; items: readonly string[] } | null;
  /**
   * Where the region's documents are signed, as its regulation closes ("Ditetapkan di Manggar"):
   * for a kabupaten the seat of government, not the region's name. The cover's and the
   * signatures' place; the region's name when null.
   */
  signingPlace?: string | null;
}

export interface BuildReportInput {
  snapshot: EvaluationSnapshot;
  pack: InstrumentPack;
  previous?: readonly PreviousEvaluation[];
  profile?: ReportProfile | null;
  options?: { sections?: readonly ReportSectionId[] };
  now: Date;
}

/** An earlier evaluation's snapshot, scored with `pack`, as `buildReport` takes it. */
export function previousFromSnapshot(
  pack: InstrumentPack,
  snapshot: EvaluationSnapshot,
): PreviousEvaluation {
  const result = score(pack, snapshotValues(snapshot));
  return {
    year: snapshot.evaluation.year,
    instrument: { id: pack.id, shortTitle: pack.shortTitle, indexLabel: pack.indexLabel },
    overall: result.overall
      ? {
          value: result.overall.value,
          display: result.overall.display,
          rating: result.overall.rating,
          exactDisplay: result.overall.exactDisplay,
          provisional: result.overall.provisional,
        }
      : null,
    groups: result.groups.map((g) => ({
      id: g.id,
      value: g.result?.value ?? null,
      display: g.result?.display ?? null,
    })),
  };
}
