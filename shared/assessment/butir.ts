/**
 * Butir progress of one indicator (Pemdi): which levels are complete, how the portal's gating
 * works ("a rejected level rejects the next") and the advisory band-share estimate of the value.
 * Pure rules; the estimate is never an official value and never set by itself.
 */
import type { Indicator, InstrumentPack, LevelScale } from '../instrument/schema';
import { valueDecimals } from '../instrument/value';
import {
  add,
  div,
  fromNumber,
  mul,
  rational,
  roundHalfUp,
  sub,
  toNumber,
  type Rational,
} from '../math/rational';
import type { ButirState } from './answer';

export interface LevelButirProgress {
  level: number;
  total: number;
  accepted: number;
  /** Every butir of this level is accepted (a level without butir cannot be complete). */
  ownComplete: boolean;
  /**
   * The sources name no butir for this level (PermenPANRB 8/2026: I09 level 3). It cannot be
   * checked, so it does not hold back the levels above it; the estimate stops at it.
   */
  unknown: boolean;
  /** Own complete and every lower level complete (portal gating). */
  complete: boolean;
  /** The lowest lower level that is not complete, which blocks this one; null when none. */
  blockedBy: number | null;
}

/** Whether the indicator tracks butir at all (59/2020 levels have none). */
export const hasButir = (indicator: Indicator): boolean =>
  indicator.levels.some((l) => l.butir.length > 0);

/** Per level, in ascending order: counts, own completeness and gated completeness. */
export function butirProgress(
  indicator: Indicator,
  state: ButirState | undefined,
): LevelButirProgress[] {
  const levels = [...indicator.levels].sort((a, b) => a.level - b.level);
  let firstIncomplete: number | null = null;
  return levels.map((l) => {
    const total = l.butir.length;
    const accepted = l.butir.filter((b) => state?.[b.code] === 'diterima').length;
    const unknown = total === 0;
    const ownComplete = total > 0 && accepted === total;
    const blockedBy = firstIncomplete;
    const complete = ownComplete && blockedBy === null;
    if (!ownComplete && !unknown && firstIncomplete === null) firstIncomplete = l.level;
    return { level: l.level, total, accepted, ownComplete, unknown, complete, blockedBy };
  });
}

/**
 * The advisory estimate: lower bound of the band of the first level not complete, plus the share
 * of that level's accepted butir times the band's width; the top of the scale when every level is
 * complete. A level whose butir are unknown ends the estimate at its lower bound (nothing about
 * it can be checked). Rounded half up to the pack's decimals. Null on packs without decimal bands
 * or for an indicator without butir.
 */
export function butirEstimate(
  pack: InstrumentPack,
  scale: LevelScale,
  indicator: Indicator,
  state: ButirState | undefined,
): number | null {
  if (pack.valueScale.kind !== 'decimal' || !hasButir(indicator)) return null;
  const progress = butirProgress(indicator, state);
  const first = progress.find((p) => !p.complete || p.unknown);
  if (!first) return pack.valueScale.max;
  const band = scale.levels.find((l) => l.level === first.level)?.range;
  if (!band) return null;
  const share: Rational =
    first.total === 0 ? rational(0n) : div(fromNumber(first.accepted), fromNumber(first.total));
  const width = sub(fromNumber(band.max), fromNumber(band.min));
  const exact = add(fromNumber(band.min), mul(share, width));
  return toNumber(roundHalfUp(exact, valueDecimals(pack)));
}
