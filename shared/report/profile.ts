/**
 * A regional profile (shared/profiles) as the report takes it: the regulation for the legal
 * basis, the article on to whom results go, and the regulation's obligations checked against
 * this evaluation. The screens and the command line call this; `buildReport` itself only knows
 * the small structural `ReportProfile`.
 */
import type { EvaluationSnapshot } from '../assessment/snapshot';
import type { InstrumentPack } from '../instrument/schema';
import { checkCompliance } from '../profiles/compliance';
import type { Profile } from '../profiles/schema';
import type { ReportProfile } from './input';

/**
 * `pack` must be the evaluation's instrument. A profile written for another instrument still
 * gives the regulation; its indicator rules then say they cannot be checked.
 */
export function reportProfileFromRegional(
  profile: Profile,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): ReportProfile {
  const { kind, number, year, title } = profile.regulation;
  // Only a regulation whose kind and title the profile states is cited; nothing is completed by
  // guesswork (a number or year the text does not give stays unknown).
  const regulation =
    kind && title
      ? {
          kind,
          // The regulation is named after its own region, whatever the instansi fields say.
          regionName: profile.instansi.regionName,
          number: number ?? null,
          year: year ?? null,
          title,
        }
      : null;
  // The article on reporting is the one the report cites; who evaluates is the fallback. The
  // checked quote is used, not the article text copy, which may carry OCR debris.
  const citation =
    profile.evaluation.reportsTo?.articles[0] ?? profile.evaluation.performedBy?.articles[0];
  const articlesOf = new Map(profile.obligations.map((o) => [o.id, o.articles]));
  return {
    regulation,
    evaluationArticle: citation ? { article: citation.ref, text: citation.quote } : null,
    compliance: checkCompliance(profile, snapshot, pack).map((c) => ({
      title: c.title,
      status: c.status,
      reason: c.reason,
      articles: articlesOf.get(c.obligationId) ?? [],
      indicators: c.indicators,
      evidenceIds: c.evidenceIds,
    })),
  };
}
