/**
 * Chart series derived from a score result, shared by the dashboard and the report so that both
 * draw the same numbers. Values are the exact indices as doubles; labels are Indonesian.
 */
import type { GroupScore, ScoreResult } from './score';

export interface GroupPoint {
  id: string;
  /** Short label for an axis: "Aspek 1". */
  label: string;
  name: string;
  value: number | null;
  display: string | null;
  target: number;
}

function points(groups: readonly GroupScore[], label: string): GroupPoint[] {
  return groups.map((g) => ({
    id: g.id,
    label: `${label} ${g.number}`,
    name: g.name,
    value: g.result?.value ?? null,
    display: g.result?.display ?? null,
    target: g.target,
  }));
}

/** One point per group of a tier (aspects for the radar, domains for the bars). */
export function tierSeries(result: ScoreResult, tierId: string, tierLabel: string): GroupPoint[] {
  return points(
    result.groups.filter((g) => g.tier === tierId),
    tierLabel,
  );
}

export interface LevelCount {
  level: number;
  count: number;
}

/** How many indicators stand at each level (1..max), plus the unanswered count. */
export function levelDistribution(
  result: ScoreResult,
  maxLevel = 5,
): { levels: LevelCount[]; unanswered: number } {
  const levels = Array.from({ length: maxLevel }, (_, i) => ({ level: i + 1, count: 0 }));
  let unanswered = 0;
  for (const i of result.indicators) {
    if (i.level === null) unanswered += 1;
    else {
      const slot = levels[i.level - 1];
      if (slot) slot.count += 1;
    }
  }
  return { levels, unanswered };
}
