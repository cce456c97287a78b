/**
 * Which earlier evaluations feed a report's "last year" comparison and its trend: those of the
 * same instansi (same name, ignoring case and spacing, and same kind of government) from earlier
 * years, one per year. When a year has several (a copy, a merge), a complete one wins over a
 * partial one, then the most recently changed.
 */
import type { Evaluation } from '../assessment';
import type { PreviousEvaluation } from './input';

const normalName = (name: string): string =>
  name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/** Whether `candidate` is an evaluation of the same instansi in an earlier year than `current`. */
export function isEarlierEvaluationOf(
  current: Pick<Evaluation, 'id' | 'year' | 'instansi'>,
  candidate: Pick<Evaluation, 'id' | 'year' | 'instansi'>,
): boolean {
  return (
    candidate.id !== current.id &&
    candidate.year < current.year &&
    candidate.instansi.kind === current.instansi.kind &&
    normalName(candidate.instansi.name) === normalName(current.instansi.name)
  );
}

export interface PreviousCandidate {
  evaluation: Pick<Evaluation, 'id' | 'year' | 'instansi' | 'updatedAt'>;
  previous: PreviousEvaluation;
}

/** One earlier result per year, oldest first, from the candidates of the same instansi. */
export function choosePrevious(
  current: Pick<Evaluation, 'id' | 'year' | 'instansi'>,
  candidates: readonly PreviousCandidate[],
): PreviousEvaluation[] {
  const byYear = new Map<number, PreviousCandidate>();
  for (const c of candidates) {
    if (!isEarlierEvaluationOf(current, c.evaluation)) continue;
    const held = byYear.get(c.evaluation.year);
    const better =
      !held ||
      (c.previous.overall !== null && held.previous.overall === null) ||
      ((c.previous.overall === null) === (held.previous.overall === null) &&
        c.evaluation.updatedAt > held.evaluation.updatedAt);
    if (better) byYear.set(c.evaluation.year, c);
  }
  return [...byYear.values()]
    .sort((a, b) => a.evaluation.year - b.evaluation.year)
    .map((c) => c.previous);
}
