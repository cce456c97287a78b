/**
 * Exact rational arithmetic on BigInt, for the index formulas. Weights such as 1,30 and 2,75 and
 * decimal values such as 3,45 are not exact in binary floating point; an index of exactly 2,945
 * must present as 2,95 (half up) and a value of exactly 2,6 must be "Baik". Computing on
 * fractions keeps every result exact until it is presented.
 */

export interface Rational {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x === 0n ? 1n : x;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('Pembagian dengan nol');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/**
 * The exact value of a decimal number as written (1.3 is 13/10, not the nearest double).
 * Uses the shortest round-trip representation, which for regulation figures is the figure.
 */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`Bukan bilangan terhingga: ${value}`);
  const text = value.toString();
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Bilangan tidak dikenali: ${text}`);
  const [, sign = '', int = '0', frac = '', exp = '0'] = match;
  let num = BigInt(int + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) num *= 10n ** BigInt(e);
  if (e < 0) den *= 10n ** BigInt(-e);
  return rational(sign === '-' ? -num : num, den);
}

export const ZERO = rational(0n);

export const add = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);

/** -1, 0 or 1. */
export const compare = (a: Rational, b: Rational): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** Nearest double; for JSON output and charts only, never for further arithmetic. */
export const toNumber = (a: Rational): number => {
  // Both parts exact as doubles: one correctly rounded division is the nearest double
  // (3 + 18/25 would give 3.7199999999999998, 93/25 gives 3.72).
  const LIMIT = 2n ** 53n;
  if (a.den <= LIMIT && a.num <= LIMIT && -a.num <= LIMIT) return Number(a.num) / Number(a.den);
  // Divide as integers first so that e.g. 2947500/1000000 yields exactly 2.9475.
  const whole = a.num / a.den;
  const rest = a.num - whole * a.den;
  return Number(whole) + Number(rest) / Number(a.den);
};

/**
 * Round half up (away from zero for ties on positive values, the usual school rounding that
 * official tables use) to `decimals` places. Returns the rounded value as a rational.
 */
export function roundHalfUp(a: Rational, decimals: number): Rational {
  const scale = 10n ** BigInt(decimals);
  const scaled = a.num * scale;
  const negative = scaled < 0n;
  const magnitude = abs(scaled);
  let q = magnitude / a.den;
  const r = magnitude - q * a.den;
  if (2n * r >= a.den) q += 1n;
  return rational(negative ? -q : q, scale);
}

/**
 * Fixed-point text of a rational that is already rounded to `decimals` places, with `.` as the
 * separator (formatting with a decimal comma is the job of shared/format).
 */
export function toFixedString(a: Rational, decimals: number): string {
  const rounded = roundHalfUp(a, decimals);
  const scale = 10n ** BigInt(decimals);
  const scaled = (rounded.num * scale) / rounded.den;
  const negative = scaled < 0n;
  const digits = abs(scaled)
    .toString()
    .padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}
