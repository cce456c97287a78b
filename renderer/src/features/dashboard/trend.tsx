/**
 * The dashboard's trend: this evaluation's index beside the earlier years of the same instansi,
 * one series per instrument (shared/scoring indexTrend), so a 59/2020 Indeks SPBE and an Indeks
 * Pemdi are never one line. Earlier years are scored here from their answers; a year with
 * several evaluations of one instrument shows the one with an index, then the most recently
 * changed; a year evaluated with both instruments keeps its point in each series.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { snapshotValues } from '../../../../shared/assessment/snapshot';
import type { Evaluation } from '../../../../shared/assessment';
import { findPack } from '../../../../shared/instrument';
import { isEarlierEvaluationOf, onePerYearAndInstrument } from '../../../../shared/report/history';
import { indexTrend, score, trendEntry, type TrendEntry } from '../../../../shared/scoring';
import { db } from '../../db/db';
import { useWorkspace } from '../workspace/workspace-context';
import { TrendChart } from './charts';

/** Scored entries of the earlier years of `current`'s instansi, one per year and instrument. */
export async function loadEarlierEntries(current: Evaluation): Promise<TrendEntry[]> {
  const earlier = (await db.evaluations.toArray()).filter((e) => isEarlierEvaluationOf(current, e));
  const scored: { entry: TrendEntry; instrument: string; archived: boolean; updatedAt: number }[] =
    [];
  for (const evaluation of earlier) {
    const pack = findPack(evaluation.instrument.id, evaluation.instrument.version);
    if (!pack) continue; // an instrument this app does not know cannot be scored here
    const answers = await db.answers.where('evaluationId').equals(evaluation.id).toArray();
    try {
      const entry = trendEntry(evaluation.year, pack, score(pack, snapshotValues({ answers })));
      scored.push({
        entry,
        instrument: pack.id,
        archived: evaluation.status === 'archived',
        updatedAt: evaluation.updatedAt,
      });
    } catch {
      continue; // values this pack refuses are left out rather than half-drawn
    }
  }
  return onePerYearAndInstrument(scored, (x) => ({
    year: x.entry.year,
    instrument: x.instrument,
    scored: x.entry.value !== null,
    complete: x.entry.value !== null && !x.entry.provisional,
    archived: x.archived,
    updatedAt: x.updatedAt,
  })).map((x) => x.entry);
}

export function IndexTrend() {
  const { evaluation, pack, result } = useWorkspace();
  const earlier = useLiveQuery(
    () => loadEarlierEntries(evaluation),
    [evaluation.id, evaluation.year, evaluation.instansi.name, evaluation.instansi.kind],
  );
  const trend = useMemo(
    () =>
      earlier && earlier.length > 0
        ? indexTrend([...earlier, trendEntry(evaluation.year, pack, result)])
        : null,
    [earlier, evaluation.year, pack, result],
  );
  if (!trend) return null;
  const max = Math.max(...trend.series.map((s) => findPack(s.id)?.valueScale.max ?? 5));
  return <TrendChart trend={trend} max={max} />;
}
