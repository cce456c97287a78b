/**
 * Which earlier evaluations feed a report's "last year" comparison and its trend: those of the
 * same instansi (same name, ignoring case and spacing, and same kind of government) from earlier
 * years, one per year and instrument (as the dashboard's trend): a year evaluated with both
 * instruments (the official 59/2020 evaluation and a Pemdi trial) keeps its result in each. When
 * a year has several of one instrument (a copy, a merge), a complete one wins over a partial one
 * (whose index is provisional), an active one over an archived one (a copy put aside: archiving
 * makes it the most recently changed), then the most recently changed.
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
  evaluation: Pick<Evaluation, 'id' | 'year' | 'instansi' | 'updatedAt' | 'status'>;
  previous: PreviousEvaluation;
}

export interface YearPick {
  year: number;
  instrument: string;
  /** Whether it has an index (a complete or scored evaluation wins over one without). */
  scored: boolean;
  /** Whether its index is final (every indicator answered), not provisional. */
  complete: boolean;
  /** Whether it was archived (put aside): an active one of the same year wins. */
  archived: boolean;
  updatedAt: number;
}

/** Whether `a` is preferred to `b` among a year's evaluations of one instrument. */
function preferred(a: YearPick, b: YearPick): boolean {
  if (a.complete !== b.complete) return a.complete;
  if (a.scored !== b.scored) return a.scored;
  if (a.archived !== b.archived) return !a.archived;
  return a.updatedAt > b.updatedAt;
}

/**
 * One item per year and instrument, oldest first: where a year has several of one instrument
 * (a copy, a merge), the complete one, then the one with an index, then an active one, then the
 * most recently changed. The rule of the report's comparison and of the dashboard's trend.
 */
export function onePerYearAndInstrument<T>(items: readonly T[], pick: (item: T) => YearPick): T[] {
  const held = new Map<string, { item: T; at: YearPick }>();
  for (const item of items) {
    const at = pick(item);
    const key = `${at.year}@${at.instrument}`;
    const other = held.get(key)?.at;
    if (!other || preferred(at, other)) held.set(key, { item, at });
  }
  return [...held.values()].sort((a, b) => a.at.year - b.at.year).map((x) => x.item);
}

/** One earlier result per year and instrument, oldest first, from the same instansi's candidates. */
export function choosePrevious(
  current: Pick<Evaluation, 'id' | 'year' | 'instansi'>,
  candidates: readonly PreviousCandidate[],
): PreviousEvaluation[] {
  return onePerYearAndInstrument(
    candidates.filter((c) => isEarlierEvaluationOf(current, c.evaluation)),
    (c) => ({
      year: c.evaluation.year,
      // No instrument given = the current report's (PreviousEvaluation.instrument).
      instrument: c.previous.instrument?.id ?? '',
      scored: c.previous.overall !== null,
      complete: c.previous.overall !== null && c.previous.overall.provisional !== true,
      archived: c.evaluation.status === 'archived',
      updatedAt: c.evaluation.updatedAt,
    }),
  ).map((c) => c.previous);
}
