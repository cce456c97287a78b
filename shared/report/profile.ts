/**
 * A regional profile (shared/profiles) as the report takes it: the regulation for the legal
 * basis, the article on to whom results go, and the regulation's obligations checked against
 * this evaluation. The screens and the command line call this; `buildReport` itself only knows
 * the small structural `ReportProfile`.
 */
import type { EvaluationSnapshot } from '../assessment/snapshot';
import type { InstrumentPack } from '../instrument/schema';
import { parseArticleRef, splitArticles } from '../profiles/articles';
import { checkCompliance } from '../profiles/compliance';
import { articlesNote } from '../profiles/evidence-plan';
import { mappingOf, type Profile } from '../profiles/schema';
import type { ReportProfile } from './input';

/**
 * The lettered purposes of the evaluation as the regulation states them ("Pemantauan dan
 * evaluasi … bertujuan untuk: a. …; d. mengukur pelaksanaan Arsitektur SPBE …"): the paragraph
 * of the article that orders the evaluation which says what it is for. Null when the text has none.
 */
export function evaluationPurposes(profile: Profile): { article: string; items: string[] } | null {
  const refs = [
    ...(profile.evaluation.performedBy?.articles ?? []),
    ...(profile.evaluation.reportsTo?.articles ?? []),
    ...(profile.evaluation.frequency?.articles ?? []),
  ].map((c) => parseArticleRef(c.ref));
  const numbers = [...new Set(refs.flatMap((r) => (r && r.kind === 'article' ? [r.article] : [])))];
  const { articles } = splitArticles(profile.regulation.text);
  for (const n of numbers) {
    const article = articles.find((a) => a.number === n);
    if (!article) continue;
    const parts =
      article.paragraphs.length > 0
        ? article.paragraphs.map((p) => ({
            ref: `${article.label} ayat (${p.number})`,
            text: p.text,
          }))
        : [{ ref: article.label, text: article.text }];
    for (const part of parts) {
      if (!/bertujuan/i.test(part.text)) continue;
      // A lettered point runs until the next one; wrapped lines are joined.
      const items: string[] = [];
      let inList = false;
      for (const line of part.text.split('\n')) {
        const m = /^[\s\-*]*[a-z]\.\s+(.*)$/.exec(line);
        if (m) {
          items.push(m[1] ?? '');
          inList = true;
        } else if (inList && line.trim() !== '') {
          items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line.trim()}`;
        }
      }
      for (let k = 0; k < items.length; k += 1) {
        items[k] = (items[k] ?? '')
          .replace(/\s+/g, ' ')
          .replace(/[;.,]?\s*(?:dan\/atau|dan|atau)?\s*[;.,]?\s*$/, '')
          .trim();
      }
      if (items.length > 0) return { article: part.ref, items };
    }
  }
  return null;
}

/**
 * Where the head of region signs, in the words of the regulation's closing ("Ditetapkan di
 * Manggar pada tanggal 13 Juli 2022"): the place a document of the region is dated at. For a
 * kabupaten this is the seat of government (Manggar for Belitung Timur), which its name is not.
 * The checked quotes first, then the text copy; null when neither has the line.
 */
export function signingPlace(profile: Profile): string | null {
  const texts = [...profile.regulation.sources.map((s) => s.quote), profile.regulation.text];
  for (const text of texts) {
    // The place is the capitalised words after "di", up to "pada tanggal" or the line's end.
    const m = /Ditetapkan di[ \t]+(\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*)*)/u.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

const normalRegion = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Where a document of `regionName` is signed: the profile's `signingPlace` when the profile is
 * that region's (a profile bound to another instansi says nothing of it), else null. The report
 * and the Berita Acara Rekonsiliasi both date their signatures with it.
 */
export const signingPlaceFor = (profile: Profile | null, regionName: string): string | null =>
  profile && normalRegion(profile.instansi.regionName) === normalRegion(regionName)
    ? signingPlace(profile)
    : null;

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
  const mapping = mappingOf(profile, pack.id) ?? [];
  return {
    indicatorArticles: mapping
      .filter((m) => m.articles.length > 0)
      .map((m) => ({ indicator: m.indicator, articles: [articlesNote(m.articles)] })),
    evaluationPurposes: evaluationPurposes(profile),
    regulation,
    evaluationArticle: citation ? { article: citation.ref, text: citation.quote } : null,
    signingPlace: signingPlaceFor(profile, snapshot.evaluation.instansi.regionName),
    compliance: checkCompliance(profile, snapshot, pack).map((c) => ({
      obligationId: c.obligationId,
      title: c.title,
      status: c.status,
      reason: c.reason,
      articles: articlesOf.get(c.obligationId) ?? [],
      indicators: c.indicators,
      evidenceIds: c.evidenceIds,
    })),
  };
}
