/**
 * The what-if sandbox arithmetic for both packs: levels rise by one on 59/2020, decimal values
 * rise to the next level's floor on Pemdi (1,80 → 2,50), and the index difference is exact.
 */
import { describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { raiseByOneLevel, raisedValue, score, whatIf } from '../../../shared/scoring';

const spbe = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;

const allAt = (pack: InstrumentPack, value: number): Record<number, number> => {
  const out: Record<number, number> = {};
  for (const i of score(pack, {}).indicators) out[i.number] = value;
  return out;
};

describe('raisedValue', () => {
  it('59/2020: the next integer level, never above 5', () => {
    expect(raisedValue(spbe, 1, 2)).toBe(3);
    expect(raisedValue(spbe, 1, 5)).toBe(5);
  });

  it('Pemdi: the floor of the next level (1,80 → 2,50, 2,50 → 3,50), the top stays', () => {
    expect(raisedValue(pemdi, 20, 1.8)).toBe(2.5);
    expect(raisedValue(pemdi, 20, 2.5)).toBe(3.5);
    expect(raisedValue(pemdi, 20, 4.5)).toBe(4.5);
  });
});

describe('whatIf', () => {
  it('59/2020: one level on indicator 1 moves the index by its weight exactly', () => {
    const base = allAt(spbe, 2);
    const outcome = whatIf(spbe, base, { 1: 3 });
    expect(outcome.changed).toEqual([1]);
    expect(outcome.before.overall?.display).toBe('2,00');
    expect(outcome.delta?.display.startsWith('+')).toBe(true);
    expect(outcome.after.overall?.value).toBeGreaterThan(2);
  });

  it('Pemdi: 1,80 → 2,50 on indicator 20 (weight 15) adds exactly 0,105, shown +0,11', () => {
    const base = allAt(pemdi, 1.8);
    const outcome = whatIf(pemdi, base, { 20: raisedValue(pemdi, 20, 1.8) });
    expect(outcome.changed).toEqual([20]);
    expect(outcome.before.overall?.display).toBe('1,80');
    // 0,7 × 15 / 100 = 0,105 exactly; float arithmetic would give 0,10499… and show +0,10.
    expect(outcome.delta?.display).toBe('+0,11');
    expect(outcome.after.overall?.display).toBe('1,91');
    expect(outcome.after.indicators.find((i) => i.number === 20)?.valueDisplay).toBe('2,50');
  });

  it('Pemdi: a lowered value gives a negative difference', () => {
    const outcome = whatIf(pemdi, allAt(pemdi, 3), { 19: 2.5 });
    expect(outcome.delta?.display).toBe('-0,05');
  });

  it('Pemdi: raising every indicator below target reaches the next level floors', () => {
    const base = { ...allAt(pemdi, 3), 1: 1.8, 2: 2.49 };
    const { indicators, result } = raiseByOneLevel(pemdi, base);
    expect(indicators.sort((a, b) => a - b)).toEqual([1, 2]);
    expect(result.after.indicators.find((i) => i.number === 1)?.value).toBe(2.5);
    expect(result.after.indicators.find((i) => i.number === 2)?.value).toBe(2.5);
  });

  it('59/2020: raising every indicator below target adds one level to each', () => {
    const base = { ...allAt(spbe, 3), 4: 1, 9: 2 };
    const { indicators, result } = raiseByOneLevel(spbe, base);
    expect(indicators.sort((a, b) => a - b)).toEqual([4, 9]);
    expect(result.after.indicators.find((i) => i.number === 4)?.value).toBe(2);
    expect(result.after.indicators.find((i) => i.number === 9)?.value).toBe(3);
  });
});
