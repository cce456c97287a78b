/**
 * Which earlier evaluations feed a report's "last year" comparison and its trend: those of the
 * same instansi (same name, ignoring case and spacing, and same kind of government) from earlier
 * years, one per year and instrument (as the dashboard's trend): a year evaluated with both
 * instruments (the official 59/2020 evaluation and a Pemdi trial) keeps its result in each. When
 * a year has several of one instrument (a copy, a merge), a complete one wins over a partial one,
 * then the most recently changed.
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

/** One earlier result per year and instrument, oldest first, from the same instansi's candidates. */
export function choosePrevious(
  current: Pick<Evaluation, 'id' | 'year' | 'instansi'>,
  candidates: readonly PreviousCandidate[],
): PreviousEvaluation[] {
  const byYearAndInstrument = new Map<string, PreviousCandidate>();
  for (const c of candidates) {
    if (!isEarlierEvaluationOf(current, c.evaluation)) continue;
    // No instrument given = the current report's (PreviousEvaluation.instrument).
    const key = `${c.evaluation.year}@${c.previous.instrument?.id ?? ''}`;
    const held = byYearAndInstrument.get(key);
    const better =
      !held ||
      (c.previous.overall !== null && held.previous.overall === null) ||
      ((c.previous.overall === null) === (held.previous.overall === null) &&
        c.evaluation.updatedAt > held.evaluation.updatedAt);
    if (better) byYearAndInstrument.set(key, c);
  }
  return [...byYearAndInstrument.values()]
    .sort((a, b) => a.evaluation.year - b.evaluation.year)
    .map((c) => c.previous);
}
