/**
 * What-if and target arithmetic on top of `score`: the index after changed values, and which
 * indicators below target raise the index most per level (the weight decides: Σ(NI × BI) / 100).
 */
import type { InstrumentPack } from '../instrument/schema';
import { findIndicator } from '../instrument/tree';
import { nextLevelValue } from '../instrument/value';
import { compare, sub, type Rational } from '../math/rational';
import {
  present,
  score,
  type IndicatorScore,
  type IndicatorValues,
  type ScoreResult,
} from './score';

export interface WhatIfResult {
  before: ScoreResult;
  after: ScoreResult;
  /** after − before, exact, presented with a sign ("+0,13"); null when either has no index. */
  delta: { exact: Rational; value: number; display: string } | null;
  /** Indicators whose value the changes actually alter. */
  changed: number[];
}

function signed(display: string, exact: Rational): string {
  return compare(exact, { num: 0n, den: 1n }) > 0 ? `+${display}` : display;
}

/** The scores before and after applying `changes` (null clears an answer) to `base`. */
export function whatIf(
  pack: InstrumentPack,
  base: IndicatorValues,
  changes: IndicatorValues,
): WhatIfResult {
  const merged: Record<number, number | null> = { ...base } as Record<number, number | null>;
  const changed: number[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const n = Number(key);
    const next = value ?? null;
    if ((base[n] ?? null) !== next) changed.push(n);
    merged[n] = next;
  }
  const before = score(pack, base);
  const after = score(pack, merged);
  let delta: WhatIfResult['delta'] = null;
  if (before.overall && after.overall) {
    const exact = sub(after.overall.exact, before.overall.exact);
    const p = present(exact, pack.rounding.displayDecimals);
    delta = { exact, value: p.value, display: signed(p.display, exact) };
  }
  return { before, after, delta, changed: changed.sort((a, b) => a - b) };
}

/**
 * Indicators below the target level, most index gained per level first (higher weight first,
 * then instrument order). Unanswered indicators are not included: they have no level to raise.
 */
export function belowTargetByGain(result: ScoreResult): IndicatorScore[] {
  return result.indicators
    .filter((i) => i.meetsTarget === false)
    .sort((a, b) => b.gainPerLevel - a.gainPerLevel || a.number - b.number);
}

/**
 * The value one level above `value` for indicator `number`: the next integer on a level scale,
 * the lowest value of the next level's range on a decimal one (1,80 → 2,50 on Pemdi). The value
 * itself when it cannot rise (top level, unknown indicator).
 */
export function raisedValue(pack: InstrumentPack, number: number, value: number): number {
  const entry = findIndicator(pack, number);
  return entry ? nextLevelValue(pack, entry.scale, value) : value;
}

export interface RaiseScenario {
  indicators: number[];
  result: WhatIfResult;
}

/**
 * "Raising these N indicators by one level gives index X (predikat Y)": raises the given
 * indicators (default: every indicator below target) to the next level (the next integer, or
 * the lowest value of the next level's range on a decimal scale).
 */
export function raiseByOneLevel(
  pack: InstrumentPack,
  values: IndicatorValues,
  numbers?: readonly number[],
): RaiseScenario {
  const base = score(pack, values);
  const chosen = numbers ?? belowTargetByGain(base).map((i) => i.number);
  const changes: Record<number, number> = {};
  for (const n of chosen) {
    const v = values[n];
    if (v === null || v === undefined) continue;
    const next = raisedValue(pack, n, v);
    if (next !== v) changes[n] = next;
  }
  return { indicators: Object.keys(changes).map(Number), result: whatIf(pack, values, changes) };
}
