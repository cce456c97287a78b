/**
 * The one value model of every pack: how an indicator's value is written, read, stepped and
 * named. 59/2020 values are integer levels ("3"); Pemdi values are decimals with two places
 * ("2,50"). Screens, reports, the CLI and merge read values only through this module, so none of
 * them assumes integer levels.
 */
import { formatFixed } from '../format/number';
import {
  add,
  compare,
  div,
  fromNumber,
  mul,
  roundHalfUp,
  sub,
  toFixedString,
  toNumber,
  type Rational,
} from '../math/rational';
import type {
  Confidence,
  ExternalIndex,
  Indicator,
  InstrumentPack,
  LevelScale,
  ScaleLevel,
} from './schema';
import { levelOfValue } from './tree';
import { capitalized } from '../format/text';

export const isDecimalScale = (pack: InstrumentPack): boolean => pack.valueScale.kind === 'decimal';

/** Places shown for a value: 0 for integer levels, the pack's decimals otherwise. */
export const valueDecimals = (pack: InstrumentPack): number =>
  pack.valueScale.kind === 'integer' ? 0 : pack.valueScale.decimals;

/** "tingkat" for integer levels, "nilai" for decimal values: the noun a sentence uses. */
export const valueNoun = (pack: InstrumentPack): string =>
  isDecimalScale(pack) ? 'nilai' : 'tingkat';

/** A value as a user reads it: "3" on a level scale, "2,50" on a decimal one. */
export function formatValue(pack: InstrumentPack, value: number | Rational): string {
  const exact = typeof value === 'number' ? fromNumber(value) : value;
  return formatFixed(toFixedString(exact, valueDecimals(pack)));
}

/** A value with its level name: "3 (Terdefinisi)", "2,75 (Berkembang)". */
export function describeValue(pack: InstrumentPack, scale: LevelScale, value: number): string {
  const level = levelOfValue(pack, scale, value);
  return level ? `${formatValue(pack, value)} (${level.name})` : formatValue(pack, value);
}

export type ParsedValue = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A number typed the way an Indonesian user writes it: a decimal comma ("2,75"); a dot is read
 * as a decimal point ("2.8", from a keyboard's numeric pad or an English habit), except where it
 * reads as Indonesian thousands grouping: a dot followed by exactly three digits ("1.000" is one
 * thousand, not one). `thousands` holds that reading, so the caller can say it is refused and why.
 */
type TypedNumber = { kind: 'number'; value: number } | { kind: 'thousands' } | { kind: 'text' };

function readTypedNumber(trimmed: string, maxPlaces: number): TypedNumber {
  if (/^-?\d{1,3}(\.\d{3})+$/.test(trimmed)) return { kind: 'thousands' };
  if (!new RegExp(`^-?\\d{1,3}(?:[.,]\\d{1,${maxPlaces}})?$`).test(trimmed))
    return { kind: 'text' };
  return { kind: 'number', value: Number(trimmed.replace(',', '.')) };
}

/** The message for "1.000": a dot there separates thousands, so the text reads one thousand. */
const thousandsMessage = (text: string, example: string): string =>
  `Titik pada "${text}" memisahkan ribuan (terbaca ${text.replace(/\./g, '')}). ` +
  `Tulis desimal dengan koma, misalnya ${example}`;

/**
 * Reads a value typed by a user: "2,5", "2,50", "2.5", " 3 ". Empty text is no value. Refused
 * with an Indonesian message when it is not a number, reads as thousands ("1.000"), is off the
 * scale, or has too many places.
 */
export function parseValue(pack: InstrumentPack, text: string): ParsedValue {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const { min, max } = pack.valueScale;
  const decimals = valueDecimals(pack);
  const range = `${formatValue(pack, min)}–${formatValue(pack, max)}`;
  // Up to 12 places are read, so "2,555" is refused for its places, not as text.
  const typed = readTypedNumber(trimmed, 12);
  if (typed.kind === 'thousands') {
    // What was most likely meant: "1.000" typed for 1,000.
    const asDecimal = Number(trimmed);
    const example =
      asDecimal >= min && asDecimal <= max
        ? formatValue(pack, asDecimal)
        : formatValue(pack, min + (max - min) / 2);
    return {
      ok: false,
      message: isDecimalScale(pack)
        ? thousandsMessage(trimmed, example)
        : `Tulis tingkat sebagai bilangan bulat ${range}`,
    };
  }
  if (typed.kind === 'text') {
    return {
      ok: false,
      message: isDecimalScale(pack)
        ? `Tulis nilai sebagai angka ${range}, misalnya ${formatValue(pack, min + (max - min) / 2)}`
        : `Tulis tingkat sebagai bilangan bulat ${range}`,
    };
  }
  const exact = fromNumber(typed.value);
  if (compare(exact, fromNumber(min)) < 0 || compare(exact, fromNumber(max)) > 0) {
    // "antara 1,00 dan 5,00": a dash range reads as one number after "antara".
    const noun = valueNoun(pack);
    return {
      ok: false,
      message: `${capitalized(noun)} harus antara ${formatValue(pack, min)} dan ${formatValue(pack, max)}`,
    };
  }
  if (compare(roundHalfUp(exact, decimals), exact) !== 0) {
    return {
      ok: false,
      message:
        decimals === 0
          ? `Tingkat harus bilangan bulat ${range}`
          : `Nilai paling banyak ${decimals} angka di belakang koma`,
    };
  }
  return { ok: true, value: toNumber(exact) };
}

/**
 * The value one level up: the next integer on a level scale; on a decimal scale the lowest
 * value of the next level's range (a value in the top level stays where it is).
 */
export function nextLevelValue(pack: InstrumentPack, scale: LevelScale, value: number): number {
  const current = levelOfValue(pack, scale, value);
  if (!isDecimalScale(pack)) return Math.min(pack.valueScale.max, value + 1);
  const next = current ? scale.levels.find((l) => l.level === current.level + 1) : undefined;
  return next?.range ? next.range.min : value;
}

/** The lowest value that counts as `level` (the level itself on an integer scale). */
export function levelFloor(pack: InstrumentPack, level: ScaleLevel): number {
  return isDecimalScale(pack) && level.range ? level.range.min : level.level;
}

/** "1,00–<1,50" style text of a level's range on a decimal scale; "" on an integer scale. */
export function levelRangeText(pack: InstrumentPack, level: ScaleLevel): string {
  if (!isDecimalScale(pack) || !level.range) return '';
  const lo = formatValue(pack, level.range.min);
  const hi = formatValue(pack, level.range.max);
  return level.range.maxInclusive ? `${lo}–${hi}` : `${lo}–<${hi}`;
}

export interface ExternalConversion {
  /** The indicator value, rounded half up to the pack's decimals. */
  value: number;
  exact: Rational;
  /** 1-based band the source index fell in. */
  band: number;
}

export type ExternalConversionResult =
  ({ ok: true } & ExternalConversion) | { ok: false; message: string };

/**
 * Converts another agency's index into the indicator value: linear inside the band that holds
 * it, value = outLow + (x − inLow) / (inHigh − inLow) × (outHigh − outLow). A value on a shared
 * bound belongs to the higher band (the same result either way, bands join up).
 */
export function convertExternal(
  pack: InstrumentPack,
  external: ExternalIndex,
  input: number,
): ExternalConversionResult {
  if (!Number.isFinite(input) || input < external.min || input > external.max) {
    return {
      ok: false,
      message: `${external.shortName} harus antara ${formatExternalInput(external.min)} dan ${formatExternalInput(external.max)}`,
    };
  }
  const x = fromNumber(input);
  let chosen = -1;
  external.bands.forEach((b, i) => {
    if (compare(x, fromNumber(b.input[0])) >= 0 && compare(x, fromNumber(b.input[1])) <= 0) {
      chosen = i;
    }
  });
  const band = external.bands[chosen];
  if (!band) return { ok: false, message: `${external.shortName} tidak masuk rentang mana pun` };
  const [inLo, inHi] = band.input.map(fromNumber) as [Rational, Rational];
  const [outLo, outHi] = band.output.map(fromNumber) as [Rational, Rational];
  const exact = add(outLo, mul(div(sub(x, inLo), sub(inHi, inLo)), sub(outHi, outLo)));
  const rounded = roundHalfUp(exact, valueDecimals(pack));
  return { ok: true, value: toNumber(rounded), exact: rounded, band: chosen + 1 };
}

/**
 * The source index whose conversion is exactly `value` (the inverse of convertExternal): what
 * another agency's index must reach for the indicator to reach a value, e.g. Indeks SDI 37,5 for
 * 2,50. Null when no band's output range holds the value.
 */
export function externalInputFor(external: ExternalIndex, value: number): number | null {
  const v = fromNumber(value);
  const band = external.bands.find(
    (b) => compare(v, fromNumber(b.output[0])) >= 0 && compare(v, fromNumber(b.output[1])) <= 0,
  );
  if (!band) return null;
  const [inLo, inHi] = band.input.map(fromNumber) as [Rational, Rational];
  const [outLo, outHi] = band.output.map(fromNumber) as [Rational, Rational];
  if (compare(outHi, outLo) === 0) return toNumber(inLo);
  return toNumber(add(inLo, mul(div(sub(v, outLo), sub(outHi, outLo)), sub(inHi, inLo))));
}

/** Reads a source index typed by a user ("68,75"); null for empty text. */
export function parseExternalInput(
  pack: InstrumentPack,
  external: ExternalIndex,
  text: string,
): { ok: true; input: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, input: null };
  const typed = readTypedNumber(trimmed, 4);
  if (typed.kind === 'thousands') return { ok: false, message: thousandsMessage(trimmed, '68,75') };
  // A number off the scale ("-5", "101") is told the scale, not to write a number.
  if (typed.kind === 'text') {
    return { ok: false, message: `Tulis ${external.shortName} sebagai angka, misalnya 68,75` };
  }
  const converted = convertExternal(pack, external, typed.value);
  return converted.ok
    ? { ok: true, input: typed.value }
    : { ok: false, message: converted.message };
}

/** The number a user reads for a source index: "68,75", "25". */
export const formatExternalInput = (input: number): string => formatFixed(String(input));

/** Indicators of the pack whose value comes from another agency's index. */
export const externalIndicators = (pack: InstrumentPack): Indicator[] => {
  const out: Indicator[] = [];
  const walk = (groups: InstrumentPack['groups']): void => {
    for (const g of groups) {
      if (g.groups) walk(g.groups);
      for (const i of g.indicators ?? []) if (i.externalIndex) out.push(i);
    }
  };
  walk(pack.groups);
  return out;
};

/** The caution shown once beside facts below high confidence; null for official facts. */
export function cautionFor(
  pack: InstrumentPack,
  confidence: Confidence | undefined,
): string | null {
  if (!pack.provenance) return null;
  const c = confidence ?? pack.provenance.confidence;
  return c === 'high' ? null : pack.provenance.caution;
}

export const confidenceLabel: Record<Confidence, string> = {
  high: 'tinggi',
  medium: 'sedang',
  low: 'rendah',
};

/** A pack's status as the Instrumen screen and Tentang Aplikasi say it. */
export const packStatusLabel: Record<InstrumentPack['status'], string> = {
  official: 'Resmi',
  draft: 'Draf, belum resmi',
  test: 'Paket uji',
};
