import { describe, expect, it } from 'vitest';
import type { ButirState } from '../../../shared/assessment';
import { butirEstimate, butirProgress, hasButir } from '../../../shared/assessment/butir';
import { findIndicator, findPack } from '../../../shared/instrument';

const pemdi = findPack('permenpanrb-8-2026')!;
const old = findPack('permenpanrb-59-2020')!;
const entry = findIndicator(pemdi, 1)!; // butir per level 1/4/4/2/3
const codes = (level: number) =>
  entry.indicator.levels.find((l) => l.level === level)!.butir.map((b) => b.code);
const accept = (list: string[], state: ButirState = {}): ButirState => {
  const next = { ...state };
  for (const c of list) next[c] = 'diterima';
  return next;
};

describe('butir progress and gating', () => {
  it('a level is complete only when all its butir are accepted and every lower level is', () => {
    const state = accept(codes(2)); // level 2 fully accepted, level 1 not
    const p = butirProgress(entry.indicator, state);
    expect(p[0]).toMatchObject({ level: 1, total: 1, accepted: 0, complete: false });
    expect(p[1]).toMatchObject({
      level: 2,
      accepted: 4,
      ownComplete: true,
      complete: false,
      blockedBy: 1,
    });

    const both = accept(codes(1), state);
    const q = butirProgress(entry.indicator, both);
    expect(q.map((l) => l.complete)).toEqual([true, true, false, false, false]);
    expect(q[2]!.blockedBy).toBeNull();
  });

  it('a butir needing revision or only uploaded does not count as accepted', () => {
    const state: ButirState = {
      ...accept(codes(1)),
      [codes(2)[0]!]: 'perluRevisi',
      [codes(2)[1]!]: 'diunggah',
    };
    const p = butirProgress(entry.indicator, state);
    expect(p[1]).toMatchObject({ accepted: 0, ownComplete: false, complete: false });
  });

  it('estimates lower bound of the first incomplete level plus the accepted share of its band', () => {
    const { indicator, scale } = entry;
    expect(butirEstimate(pemdi, scale, indicator, {})).toBe(1);
    expect(butirEstimate(pemdi, scale, indicator, accept(codes(2)))).toBe(1); // gated by level 1
    const l1 = accept(codes(1));
    expect(butirEstimate(pemdi, scale, indicator, l1)).toBe(1.5);
    expect(butirEstimate(pemdi, scale, indicator, accept(codes(2).slice(0, 2), l1))).toBe(2);
    expect(butirEstimate(pemdi, scale, indicator, accept(codes(2).slice(0, 1), l1))).toBe(1.75);
    const all = accept([1, 2, 3, 4, 5].flatMap(codes));
    expect(butirEstimate(pemdi, scale, indicator, all)).toBe(5);
  });

  it('a level whose butir are unknown (I09 level 3) does not hold back the levels above it', () => {
    const i09 = findIndicator(pemdi, 9)!;
    const at = (level: number) =>
      i09.indicator.levels.find((l) => l.level === level)!.butir.map((b) => b.code);
    expect(at(3)).toEqual([]);
    const state = accept([1, 2, 4].flatMap(at));
    const p = butirProgress(i09.indicator, state);
    expect(p[2]).toMatchObject({ level: 3, total: 0, unknown: true, complete: false });
    expect(p[3]).toMatchObject({ level: 4, ownComplete: true, complete: true, blockedBy: null });
    // A level below it still holds it back.
    expect(butirProgress(i09.indicator, accept(at(4)))[3]).toMatchObject({ blockedBy: 1 });
    // Nothing about level 3 can be checked: the estimate stops at its lower bound.
    expect(butirEstimate(pemdi, i09.scale, i09.indicator, state)).toBe(2.5);
  });

  it('has no butir and no estimate on the integer 59/2020 pack', () => {
    const e = findIndicator(old, 1)!;
    expect(hasButir(e.indicator)).toBe(false);
    expect(butirEstimate(old, e.scale, e.indicator, {})).toBeNull();
  });
});
