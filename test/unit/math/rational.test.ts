import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  div,
  fromNumber,
  mul,
  rational,
  roundHalfUp,
  toFixedString,
  toNumber,
} from '../../../shared/math/rational';

describe('rational arithmetic', () => {
  it('reads decimals exactly as written', () => {
    expect(fromNumber(1.3)).toEqual({ num: 13n, den: 10n });
    expect(fromNumber(2.75)).toEqual({ num: 11n, den: 4n });
    expect(fromNumber(16.5)).toEqual({ num: 33n, den: 2n });
    expect(fromNumber(-0.5)).toEqual({ num: -1n, den: 2n });
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10000000n });
  });

  it('adds 1,3 ten times to exactly 13 (floating point does not)', () => {
    let total = rational(0n);
    for (let i = 0; i < 10; i += 1) total = add(total, fromNumber(1.3));
    expect(compare(total, fromNumber(13))).toBe(0);
    let float = 0;
    for (let i = 0; i < 10; i += 1) float += 1.3;
    expect(float).not.toBe(13);
  });

  it('rounds half up at two decimals, exactly at the tie', () => {
    // 2,945 is not representable in binary; as a fraction it is exact and rounds up.
    expect(toFixedString(rational(2945n, 1000n), 2)).toBe('2.95');
    expect(toFixedString(rational(29449999n, 10000000n), 2)).toBe('2.94');
    expect(toFixedString(rational(2595n, 1000n), 2)).toBe('2.60');
    expect(toFixedString(rational(5n, 1n), 2)).toBe('5.00');
    expect(toFixedString(rational(1n, 3n), 2)).toBe('0.33');
    expect(toFixedString(rational(2n, 3n), 2)).toBe('0.67');
    expect(toFixedString(rational(-2945n, 1000n), 2)).toBe('-2.95');
    expect(compare(roundHalfUp(rational(3282n, 1000n), 2), fromNumber(3.28))).toBe(0);
  });

  it('multiplies, divides and converts', () => {
    const x = div(mul(fromNumber(3), fromNumber(2.5)), fromNumber(10));
    expect(x).toEqual({ num: 3n, den: 4n });
    expect(toNumber(rational(29475n, 10000n))).toBe(2.9475);
    expect(() => rational(1n, 0n)).toThrow();
  });
});
