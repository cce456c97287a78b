/**
 * The index arithmetic of PermenPANRB 59/2020 Lampiran II.D, for any valid pack:
 *   Indeks Aspek  = Σ(NI × BI) / BA          (Tabel 10)
 *   Indeks Domain = Σ(NA × BA) / BD          (Tabel 11)
 *   Indeks SPBE   = Σ(ND × BD) / 100         (Tabel 12; the total weight of the pack)
 * computed exactly (rationals), presented half-up at the pack's decimals, predikat read as the
 * pack's rounding policy says. Unanswered indicators are never counted as any value: a group's
 * index is taken over its answered children only and the whole result is marked provisional,
 * with the missing indicators listed.
 *
 * An assumed value (an external index not yet entered, counted at the pack's `assumedValue`)
 * fills in an assessment; it is not one. While the team has assessed no indicator, nothing is
 * counted: no indicator carries its assumed value, no group and no whole index exists, and
 * `noIndexText` says why. Otherwise an index built from assumed values alone would read as a
 * predikat ("1,00 · Kurang") of a region nobody assessed.
 */
import type { Group, InstrumentPack, RatingBand } from '../instrument/schema';
import { groupEntries, indicatorEntries, levelOfValue } from '../instrument/tree';
import { formatValue } from '../instrument/value';
import { formatFixed } from '../format/number';
import {
  add,
  sub,
  compare,
  div,
  fromNumber,
  mul,
  rational,
  roundHalfUp,
  toFixedString,
  toNumber,
  ZERO,
  type Rational,
} from '../math/rational';

/** Indicator values keyed by indicator number; absent or null = not answered. */
export type IndicatorValues = Readonly<Partial<Record<number, number | null>>>;

export interface PresentedValue {
  /** Full precision, for arithmetic. */
  exact: Rational;
  /** Nearest double of the exact value (JSON, charts). */
  value: number;
  /** Presented text: two decimals with a decimal comma ("2,95"). */
  display: string;
}

export interface IndicatorScore {
  number: number;
  name: string;
  weight: number;
  scaleId: string;
  /**
   * The value counted in the index: the answer, or the assumed value of an awaited index (null
   * while no indicator is answered: an assumed value alone is not counted).
   */
  value: number | null;
  /** The value as a user reads it ("3", "2,50"); null when unanswered. */
  valueDisplay: string | null;
  /** The level the value stands for (equal to the value on an integer scale). */
  level: number | null;
  levelName: string | null;
  target: number;
  /** How far below the target, exact (0 when met, null when unanswered). */
  gap: number | null;
  /** The gap as a user reads it ("1", "0,75"); null when unanswered. */
  gapDisplay: string | null;
  meetsTarget: boolean | null;
  /**
   * True for an indicator converted from another agency's index whose index is not entered
   * yet: it counts with the pack's assumed value and is flagged "menunggu nilai eksternal".
   */
  awaitingExternal: boolean;
  /** Index points gained for each level this indicator rises (weight / total weight). */
  gainPerLevel: number;
  /** Ids of the groups holding it, top tier first. */
  path: string[];
}

export interface GroupScore {
  id: string;
  tier: string;
  number: number;
  name: string;
  weight: number;
  parentId: string | null;
  result: PresentedValue | null;
  answered: number;
  total: number;
  missing: number[];
  /** The target as an index value of this group (every indicator at the target level). */
  target: number;
  /** How far the presented index is below the target (0 when met), exact; null = no index. */
  gap: number | null;
  /** Whether the index reaches the target, read as the pack's rounding policy says. */
  meetsTarget: boolean | null;
  /** The exact index where the presented one hides its side of a bound (`exactWhereHidden`). */
  exactDisplay: string | null;
}

export interface OverallScore extends PresentedValue {
  rating: string;
  /**
   * True while some indicators are unanswered (the index covers the answered ones only) or an
   * external index is still awaited (it counts with an assumed value).
   */
  provisional: boolean;
  /** Whether the index reaches the pack's target index, read as the rounding policy says. */
  meetsTarget: boolean;
  /**
   * Index − target: `exact` and `value` on the value the predikat is read from; `display` as a
   * reader works it out from the presented index ("-0,01" for 2,485 shown 2,49), in more places
   * where the presented index reaches the target and the judged value does not ("-0,0045").
   */
  targetDifference: PresentedValue;
  /** The exact index where the presented one hides its side of a bound (`exactWhereHidden`). */
  exactDisplay: string | null;
}

export interface ScoreResult {
  instrument: { id: string; version: string };
  /** null while no indicator is answered (assumed values alone make no index). */
  overall: OverallScore | null;
  groups: GroupScore[];
  indicators: IndicatorScore[];
  missing: number[];
  /**
   * External-index indicators counted with their assumed value until the index is entered: in
   * the index, but neither answered nor missing (answered + missing + awaiting = total).
   */
  awaitingExternal: number[];
  answered: number;
  total: number;
  complete: boolean;
  target: { index: number; indicatorLevel: number; rating: string };
}

export class InvalidValuesError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'InvalidValuesError';
  }
}

/** Problems with a set of values for this pack (unknown indicators, values off the scale). */
export function checkValues(pack: InstrumentPack, values: IndicatorValues): string[] {
  const problems: string[] = [];
  const known = new Set(indicatorEntries(pack).map((e) => e.indicator.number));
  const { kind, min, max, decimals } = pack.valueScale;
  for (const [key, value] of Object.entries(values)) {
    const number = Number(key);
    if (!Number.isInteger(number) || !known.has(number)) {
      problems.push(`indikator "${key}" tidak ada dalam instrumen ${pack.shortTitle}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`nilai indikator ${number} bukan angka`);
      continue;
    }
    if (value < min || value > max) {
      problems.push(`nilai indikator ${number} (${value}) di luar rentang ${min}–${max}`);
      continue;
    }
    if (kind === 'integer' && !Number.isInteger(value)) {
      problems.push(`nilai indikator ${number} (${value}) harus bilangan bulat ${min}–${max}`);
    } else if (
      kind === 'decimal' &&
      compare(roundHalfUp(fromNumber(value), decimals), fromNumber(value)) !== 0
    ) {
      problems.push(`nilai indikator ${number} (${value}) lebih dari ${decimals} angka desimal`);
    }
  }
  return problems;
}

export function present(exact: Rational, decimals: number): PresentedValue {
  return {
    exact,
    value: toNumber(exact),
    display: formatFixed(toFixedString(exact, decimals)),
  };
}

const inBand = (value: Rational, band: RatingBand): boolean => {
  const lo = compare(value, fromNumber(band.min));
  const hi = compare(value, fromNumber(band.max));
  return (band.minInclusive ? lo >= 0 : lo > 0) && (band.maxInclusive ? hi <= 0 : hi < 0);
};

/**
 * The value a predikat or a target is judged on: the presented value when the pack reads its
 * predikat from what is shown, else the exact value. One rule for predikat and "target met".
 */
export function judgedValue(pack: InstrumentPack, exact: Rational): Rational {
  return pack.rounding.ratingFrom === 'displayed'
    ? roundHalfUp(exact, pack.rounding.displayDecimals)
    : exact;
}

/**
 * `exact` cut (not rounded) toward zero to two places more than presented, or more where that
 * would still read zero, trailing zeros left off down to one more: 2,4955 → "2,4955", 2,495 →
 * "2,495", 2,49999… → "2,4999", −0,0045 → "-0,0045". Cut, so a value below a bound is never
 * written as the bound.
 */
function preciseText(exact: Rational, decimals: number): string {
  let places = decimals + 2;
  let cut = rational((exact.num * 10n ** BigInt(places)) / exact.den, 10n ** BigInt(places));
  while (cut.num === 0n && exact.num !== 0n && places < decimals + 8) {
    places += 1;
    cut = rational((exact.num * 10n ** BigInt(places)) / exact.den, 10n ** BigInt(places));
  }
  const text = toFixedString(cut, places).replace(/0+$/, '');
  const [int = '0', frac = ''] = text.split('.');
  return formatFixed(`${int}.${frac.padEnd(decimals + 1, '0')}`);
}

const bandName = (pack: InstrumentPack, value: Rational): string | undefined =>
  pack.rating.find((b) => inBand(value, b))?.name;

/**
 * The exact value in more places ("2,4955") where the presented value would read otherwise than
 * the exact one the pack judges by: with the predikat read from the exact value, an index of
 * 2,4955 is presented as 2,50 (the lower bound of Baik and the target) yet is Cukup and below the
 * target. Null where the presented value tells the truth, and always when the pack reads its
 * predikat from the presented value.
 */
export function exactWhereHidden(
  pack: InstrumentPack,
  exact: Rational,
  target: Rational,
): string | null {
  if (pack.rounding.ratingFrom === 'displayed') return null;
  const decimals = pack.rounding.displayDecimals;
  const shown = roundHalfUp(exact, decimals);
  const sameSide = compare(shown, target) >= 0 === compare(exact, target) >= 0;
  if (sameSide && bandName(pack, shown) === bandName(pack, exact)) return null;
  return preciseText(exact, decimals);
}

/** "2,50 (tepatnya 2,4955)" with the exact value of `exactWhereHidden`, else "2,50". */
export const withExactIndex = (display: string, exactDisplay: string | null | undefined): string =>
  `${display}${exactDisplay ? ` (tepatnya ${exactDisplay})` : ''}`;

/** "Cukup (indeks tepatnya 2,4955)" where a table's index cell shows 2,50 beside the predikat. */
export const ratingWithExactIndex = (
  rating: string,
  exactDisplay: string | null | undefined,
): string => `${rating}${exactDisplay ? ` (indeks tepatnya ${exactDisplay})` : ''}`;

/**
 * Index − target as a reader works it out from the presented index (2,485 is shown 2,49: 0,01
 * below 2,50, not the "-0,02" of the exact difference rounded); in more places where the
 * presented index reaches the target and the judged value does not ("-0,0045", not "0,00").
 * `exact` and `value` stay the judged difference.
 */
export function targetDifferenceOf(
  pack: InstrumentPack,
  exact: Rational,
  target: Rational,
): PresentedValue {
  const decimals = pack.rounding.displayDecimals;
  const shown = roundHalfUp(exact, decimals);
  const judged = judgedValue(pack, exact);
  const difference = present(sub(judged, target), decimals);
  const hidden = compare(shown, target) >= 0 !== compare(judged, target) >= 0;
  return {
    ...difference,
    display: hidden
      ? preciseText(difference.exact, decimals)
      : present(sub(shown, target), decimals).display,
  };
}

/** The predikat of an index value, read as the pack's rounding policy says. */
export function ratingOf(pack: InstrumentPack, exact: Rational): string {
  const basis = judgedValue(pack, exact);
  const band = pack.rating.find((b) => inBand(basis, b));
  if (!band) throw new RangeError(`Nilai ${toNumber(exact)} di luar semua predikat`);
  return band.name;
}

export interface WeightedPart {
  value: Rational;
  weight: Rational;
}

/**
 * Σ(value × weight) / Σ(weight): the one formula behind every index of Lampiran II.D. Over all
 * children Σ(weight) is the parent's weight (BA, BD, or 100 for the whole index).
 */
export function weightedIndex(parts: readonly WeightedPart[]): Rational {
  let weighted = ZERO;
  let weight = ZERO;
  for (const p of parts) {
    weighted = add(weighted, mul(p.value, p.weight));
    weight = add(weight, p.weight);
  }
  return div(weighted, weight);
}

/** Scores a set of values. Throws `InvalidValuesError` when `checkValues` finds problems. */
export function score(pack: InstrumentPack, values: IndicatorValues): ScoreResult {
  const problems = checkValues(pack, values);
  if (problems.length > 0) throw new InvalidValuesError(problems);
  const decimals = pack.rounding.displayDecimals;
  const total = fromNumber(pack.totalWeight);
  const targetLevel = pack.targets.indicatorLevel;
  const target = fromNumber(targetLevel);
  const below = (basis: Rational, goal: Rational): Rational =>
    compare(basis, goal) >= 0 ? ZERO : sub(goal, basis);

  const entries = indicatorEntries(pack);
  const enteredOf = (n: number): number | null => values[n] ?? null;
  // Assumed values count only beside something the team assessed (see the module note).
  const anyAssessed = entries.some((e) => enteredOf(e.indicator.number) !== null);
  const indicators: IndicatorScore[] = entries.map(({ indicator, path, scale }) => {
    const entered = enteredOf(indicator.number);
    const awaitingExternal = entered === null && indicator.externalIndex !== undefined;
    const assumed = anyAssessed ? (indicator.externalIndex?.assumedValue ?? null) : null;
    const value = awaitingExternal ? assumed : entered;
    const level = value === null ? undefined : levelOfValue(pack, scale, value);
    const gap = value === null ? null : below(fromNumber(value), target);
    return {
      number: indicator.number,
      name: indicator.name,
      weight: indicator.weight,
      scaleId: scale.id,
      value,
      valueDisplay: value === null ? null : formatValue(pack, value),
      level: level?.level ?? null,
      levelName: level?.name ?? null,
      target: targetLevel,
      gap: gap === null ? null : toNumber(gap),
      gapDisplay: gap === null ? null : formatValue(pack, gap),
      meetsTarget: value === null ? null : compare(fromNumber(value), target) >= 0,
      awaitingExternal,
      gainPerLevel: toNumber(div(fromNumber(indicator.weight), total)),
      path: path.map((g) => g.id),
    };
  });
  const byNumber = new Map(indicators.map((i) => [i.number, i]));

  // Each group's index over its answered children, bottom up (Tabel 10 and 11).
  const indices = new Map<string, Rational | null>();
  const evaluate = (group: Group): Rational | null => {
    const parts: WeightedPart[] = [];
    for (const child of group.groups ?? []) {
      const value = evaluate(child);
      if (value) parts.push({ value, weight: fromNumber(child.weight) });
    }
    for (const ind of group.indicators ?? []) {
      const v = byNumber.get(ind.number)?.value;
      if (v !== null && v !== undefined)
        parts.push({ value: fromNumber(v), weight: fromNumber(ind.weight) });
    }
    const value = parts.length > 0 ? weightedIndex(parts) : null;
    indices.set(group.id, value);
    return value;
  };
  // The whole index over the top tier (Tabel 12).
  const topParts: WeightedPart[] = [];
  for (const top of pack.groups) {
    const value = evaluate(top);
    if (value) topParts.push({ value, weight: fromNumber(top.weight) });
  }

  const groups: GroupScore[] = groupEntries(pack).map(({ group, tier, path, indicatorNumbers }) => {
    const value = indices.get(group.id) ?? null;
    const missing = indicatorNumbers.filter(
      (n) => byNumber.get(n)?.value === null && !byNumber.get(n)?.awaitingExternal,
    );
    const result = value ? present(value, decimals) : null;
    const judged = value ? judgedValue(pack, value) : null;
    return {
      id: group.id,
      tier: tier.id,
      number: group.number,
      name: group.name,
      weight: group.weight,
      parentId: path[path.length - 1]?.id ?? null,
      result,
      // An awaited external index counts in the index (assumed value) but is not yet answered.
      answered: indicatorNumbers.filter(
        (n) => byNumber.get(n)?.value !== null && !byNumber.get(n)?.awaitingExternal,
      ).length,
      total: indicatorNumbers.length,
      missing,
      target: targetLevel,
      gap: judged ? toNumber(below(judged, target)) : null,
      meetsTarget: judged ? compare(judged, target) >= 0 : null,
      exactDisplay: value ? exactWhereHidden(pack, value, target) : null,
    };
  });

  const missing = indicators
    .filter((i) => i.value === null && !i.awaitingExternal)
    .map((i) => i.number);
  const awaitingExternal = indicators.filter((i) => i.awaitingExternal).map((i) => i.number);
  const targetIndex = fromNumber(pack.targets.index);
  let overall: OverallScore | null = null;
  if (topParts.length > 0) {
    // With every top group answered, Σ weight = total weight: exactly the regulation's /100.
    const exact = weightedIndex(topParts);
    const judged = judgedValue(pack, exact);
    overall = {
      ...present(exact, decimals),
      rating: ratingOf(pack, exact),
      provisional: missing.length > 0 || awaitingExternal.length > 0,
      meetsTarget: compare(judged, targetIndex) >= 0,
      targetDifference: targetDifferenceOf(pack, exact, targetIndex),
      exactDisplay: exactWhereHidden(pack, exact, targetIndex),
    };
  }
  return {
    instrument: { id: pack.id, version: pack.version },
    overall,
    groups,
    indicators,
    missing,
    awaitingExternal,
    answered: indicators.length - missing.length - awaitingExternal.length,
    total: indicators.length,
    complete: missing.length === 0 && awaitingExternal.length === 0,
    target: {
      index: pack.targets.index,
      indicatorLevel: targetLevel,
      rating: ratingOf(pack, fromNumber(pack.targets.index)),
    },
  };
}
