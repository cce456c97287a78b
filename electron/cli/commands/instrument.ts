/** `spbe-eval instrument`: the structure of a built-in pack (ids, names, weights). */
import { formatWeight } from '../../../shared/format/number';
import {
  cautionFor,
  DEFAULT_PACK_ID,
  externalIndicators,
  formatValue,
  isDecimalScale,
  levelRangeText,
  indicatorEntries,
  type Group,
  type InstrumentPack,
} from '../../../shared/instrument';
import type { CliIo } from '../io';
import { resolvePack } from '../packs';

interface NodeJson {
  id: string;
  tier: string;
  number: number;
  name: string;
  weight: number;
  groups?: NodeJson[];
  indicators?: { number: number; name: string; weight: number; scale: string }[];
}

const groupJson = (g: Group): NodeJson => ({
  id: g.id,
  tier: g.tier,
  number: g.number,
  name: g.name,
  weight: g.weight,
  ...(g.groups ? { groups: g.groups.map(groupJson) } : {}),
  ...(g.indicators
    ? {
        indicators: g.indicators.map((i) => ({
          number: i.number,
          name: i.name,
          weight: i.weight,
          scale: i.scale,
        })),
      }
    : {}),
});

export function instrumentJson(pack: InstrumentPack): Record<string, unknown> {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    shortTitle: pack.shortTitle,
    status: pack.status,
    totalWeight: pack.totalWeight,
    valueScale: pack.valueScale,
    tiers: pack.tiers,
    levelScales: pack.levelScales.map((s) => ({
      id: s.id,
      name: s.name,
      levels: s.levels.map((l) => ({
        level: l.level,
        name: l.name,
        ...(l.range ? { range: l.range } : {}),
      })),
    })),
    rating: pack.rating.map(({ name, min, max, minInclusive, maxInclusive, text }) => ({
      name,
      min,
      max,
      minInclusive,
      maxInclusive,
      text,
    })),
    targets: pack.targets,
    groups: pack.groups.map(groupJson),
  };
}

export function instrumentText(pack: InstrumentPack): string {
  const lines = [
    `${pack.shortTitle} — ${pack.title}`,
    `Paket ${pack.id} versi ${pack.version}`,
    '',
  ];
  const walk = (groups: readonly Group[], depth: number): void => {
    for (const g of groups) {
      const tier = pack.tiers.find((t) => t.id === g.tier);
      lines.push(
        `${'  '.repeat(depth)}${tier?.label ?? ''} ${g.number}. ${g.name} (bobot ${formatWeight(g.weight)})`,
      );
      if (g.groups) walk(g.groups, depth + 1);
      for (const i of g.indicators ?? []) {
        lines.push(
          `${'  '.repeat(depth + 1)}Indikator ${i.number}. ${i.name} (bobot ${formatWeight(i.weight)})`,
        );
      }
    }
  };
  walk(pack.groups, 0);
  lines.push('');
  lines.push(
    `${indicatorEntries(pack).length} indikator; skala: ${pack.levelScales.map((s) => `${s.name} (${s.levels.map((l) => l.name).join(', ')})`).join('; ')}`,
  );
  if (isDecimalScale(pack)) {
    lines.push(
      `Nilai indikator: ${formatValue(pack, pack.valueScale.min)}–${formatValue(pack, pack.valueScale.max)} dengan ${pack.valueScale.decimals} angka desimal; tingkat: ${pack.levelScales[0]?.levels.map((l) => `${l.name} ${levelRangeText(pack, l)}`).join('; ') ?? ''}`,
    );
  }
  lines.push(`Predikat: ${pack.rating.map((r) => `${r.name} ${r.text}`).join('; ')}`);
  const external = externalIndicators(pack);
  if (external.length > 0) {
    lines.push(
      `Dikonversi dari indeks instansi lain: ${external.map((i) => `indikator ${i.number} (${i.externalIndex?.shortName ?? ''})`).join(', ')}`,
    );
  }
  const caution = cautionFor(pack, undefined);
  if (caution) lines.push(`Catatan: ${caution}`);
  return lines.join('\n');
}

export function instrumentCommand(
  io: CliIo,
  json: boolean,
  id = DEFAULT_PACK_ID,
  version?: string,
): void {
  const pack = resolvePack(id, version);
  io.out(json ? JSON.stringify(instrumentJson(pack), null, 2) : instrumentText(pack));
}
