/**
 * What the report takes from a regional profile: the region's own SPBE regulation (for "Dasar
 * Hukum") and the article that says to whom the evaluation's results go, quoted verbatim. Only
 * facts the profile states are passed on; a regulation without its kind or title is left out
 * rather than completed by guesswork.
 */
import type { ReportProfile } from '../report/input';
import type { Profile } from './schema';

export function reportProfileOf(profile: Profile): ReportProfile {
  const { kind, number, year, title } = profile.regulation;
  const regulation =
    kind && title ? { kind, number: number ?? null, year: year ?? null, title } : null;
  // The article on reporting is the one the report cites; who evaluates is the fallback. The
  // checked quote is used, not the article text copy, which may carry OCR debris.
  const citation =
    profile.evaluation.reportsTo?.articles[0] ?? profile.evaluation.performedBy?.articles[0];
  return {
    regulation,
    evaluationArticle: citation ? { article: citation.ref, text: citation.quote } : null,
  };
}
