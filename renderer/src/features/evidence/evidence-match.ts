/**
 * Whether a document answers what the user typed to find it: every word typed must appear in
 * its title, file name, number ("Nomor 12"), date, kind or description, in any order and case.
 * "perwali 12 2025" finds "Perwali Nomor 12 Tahun 2025 tentang SPBE".
 */
import { evidenceKindLabel, type Evidence } from '../../../../shared/assessment';
import { documentLabel } from './evidence-view';

/** The words of a query, lower-cased; an empty list matches every document. */
export const queryWords = (query: string): string[] =>
  query.toLowerCase().split(/\s+/).filter(Boolean);

export function matchesEvidence(e: Evidence, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = [documentLabel(e), e.fileName, e.title, evidenceKindLabel[e.kind], e.description]
    .join('\n')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}
