/**
 * Read-only views of a pack's tree: indicators in order, their ancestry, groups by tier, level
 * names. Everything here works for any valid pack (any depth, any scales).
 */
import type { Group, Indicator, InstrumentPack, LevelScale, ScaleLevel, Tier } from './schema';

export interface IndicatorEntry {
  indicator: Indicator;
  /** Ancestors from the top tier down to the group that holds the indicator. */
  path: Group[];
  scale: LevelScale;
}

export interface GroupEntry {
  group: Group;
  tier: Tier;
  depth: number;
  /** Ancestors from the top tier down, excluding the group itself. */
  path: Group[];
  /** Indicator numbers under the group, at any depth. */
  indicatorNumbers: number[];
}

const cache = new WeakMap<InstrumentPack, { indicators: IndicatorEntry[]; groups: GroupEntry[] }>();

function index(pack: InstrumentPack): { indicators: IndicatorEntry[]; groups: GroupEntry[] } {
  const hit = cache.get(pack);
  if (hit) return hit;
  const scales = new Map(pack.levelScales.map((s) => [s.id, s]));
  const indicators: IndicatorEntry[] = [];
  const groups: GroupEntry[] = [];
  const walk = (list: readonly Group[], depth: number, path: Group[]): number[] => {
    const numbers: number[] = [];
    for (const group of list) {
      const tier = pack.tiers[depth];
      if (!tier) throw new Error(`Pohon instrumen lebih dalam dari tingkatannya: ${group.id}`);
      const entry: GroupEntry = { group, tier, depth, path, indicatorNumbers: [] };
      groups.push(entry);
      const below = [...path, group];
      if (group.groups) entry.indicatorNumbers = walk(group.groups, depth + 1, below);
      for (const indicator of group.indicators ?? []) {
        const scale = scales.get(indicator.scale);
        if (!scale) throw new Error(`Skala tidak dikenal: ${indicator.scale}`);
        indicators.push({ indicator, path: below, scale });
        entry.indicatorNumbers.push(indicator.number);
      }
      numbers.push(...entry.indicatorNumbers);
    }
    return numbers;
  };
  walk(pack.groups, 0, []);
  const value = { indicators, groups };
  cache.set(pack, value);
  return value;
}

/** All indicators in the order of the instrument. */
export const indicatorEntries = (pack: InstrumentPack): IndicatorEntry[] => index(pack).indicators;

/** All groups, parents before children (pre-order). */
export const groupEntries = (pack: InstrumentPack): GroupEntry[] => index(pack).groups;

export const groupsOfTier = (pack: InstrumentPack, tierId: string): GroupEntry[] =>
  index(pack).groups.filter((g) => g.tier.id === tierId);

export function findIndicator(pack: InstrumentPack, number: number): IndicatorEntry | undefined {
  return index(pack).indicators.find((e) => e.indicator.number === number);
}

/** The level (1..n) a value stands for on the pack's value scale. */
export function levelOfValue(
  pack: InstrumentPack,
  scale: LevelScale,
  value: number,
): ScaleLevel | undefined {
  if (pack.valueScale.kind === 'integer') return scale.levels.find((l) => l.level === value);
  return scale.levels.find((l) => {
    const r = l.range;
    if (!r) return false;
    return value >= r.min && (value < r.max || (r.maxInclusive && value === r.max));
  });
}

/** The tier that directly holds indicators (aspects, in both known instruments). */
export const leafTier = (pack: InstrumentPack): Tier => {
  const tier = pack.tiers[pack.tiers.length - 1];
  if (!tier) throw new Error('Instrumen tanpa tingkatan');
  return tier;
};
