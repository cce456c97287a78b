import { describe, expect, it } from 'vitest';
import { evidenceSupport, type EvidenceLink } from '../../../shared/assessment';
import { defaultPack, findIndicator, findPack } from '../../../shared/instrument';

const indicator = findIndicator(defaultPack(), 10)!.indicator;
const link = (evidenceId: string, levels: number[], ind = 10) =>
  ({
    id: `l-${evidenceId}-${ind}`,
    evaluationId: 'e',
    evidenceId,
    indicator: ind,
    levels,
    note: '',
    addedAt: Date.UTC(2026, 0, 1),
    addedBy: null,
  }) as unknown as EvidenceLink;

describe('evidence support of claimed levels', () => {
  it('flags every claimed level from 2 up that has no document', () => {
    const check = evidenceSupport(indicator, 4, [link('sk', [2, 3])]);
    expect(check.unsupported).toEqual([4]);
    expect(check.levels.map((l) => [l.level, l.evidenceIds, l.claimed])).toEqual([
      [1, [], true],
      [2, ['sk'], true],
      [3, ['sk'], true],
      [4, [], true],
      [5, [], false],
    ]);
  });

  it('warns about a lower level even when the claimed one is backed (levels are cumulative)', () => {
    expect(evidenceSupport(indicator, 3, [link('perwal', [3])]).unsupported).toEqual([2]);
  });

  it('ignores links of other indicators and needs nothing for level 1 or no claim', () => {
    expect(evidenceSupport(indicator, 3, [link('x', [2, 3], 11)]).unsupported).toEqual([2, 3]);
    expect(evidenceSupport(indicator, 1, []).unsupported).toEqual([]);
    expect(evidenceSupport(indicator, null, []).unsupported).toEqual([]);
  });

  it('carries the guideline text of each level', () => {
    const check = evidenceSupport(indicator, 2, []);
    expect(check.levels[1]!.guidance.length).toBeGreaterThan(0);
  });

  it('lists the butir of each level on a pack without guideline lists (PermenPANRB 8/2026)', () => {
    const i01 = findIndicator(findPack('permenpanrb-8-2026')!, 1)!.indicator;
    const level2 = i01.levels.find((l) => l.level === 2)!;
    expect(level2.evidence).toEqual([]);
    const check = evidenceSupport(i01, 2, []);
    expect(check.levels[1]!.guidance).toEqual(level2.butir.map((b) => `${b.code} — ${b.text}`));
    expect(check.levels[1]!.guidance).toHaveLength(4);
  });
});
