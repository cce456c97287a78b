/**
 * Loading an instrument pack: schema first, then its arithmetic and consistency. A pack that
 * fails any check is refused with Indonesian messages naming each problem, so that a broken
 * pack can never score an evaluation.
 */
import type { z } from 'zod';
import { formatWeight } from '../format/number';
import { add, compare, fromNumber, roundHalfUp, sum, ZERO, type Rational } from '../math/rational';
import {
  instrumentPackSchema,
  type Group,
  type Indicator,
  type InstrumentPack,
  type LevelScale,
} from './schema';
import { convertExternal } from './value';

export type PackLoadResult = { ok: true; pack: InstrumentPack } | { ok: false; errors: string[] };

export class InvalidPackError extends Error {
  constructor(
    readonly packLabel: string,
    readonly errors: string[],
  ) {
    super(`Paket instrumen ${packLabel} ditolak: ${errors.join('; ')}`);
    this.name = 'InvalidPackError';
  }
}

/** Indonesian wording of the schema's generic issues (messages set in the schema win). */
const zodIndonesian = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'wajib ada, tetapi tidak ada'
        : `jenis tidak sesuai (seharusnya ${issue.expected})`;
    case 'unrecognized_keys':
      return `kolom tidak dikenal: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return `terlalu kecil atau terlalu sedikit (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `terlalu besar atau terlalu banyak (maksimum ${String(issue.maximum)})`;
    case 'invalid_value':
      return `nilai tidak diizinkan (pilihan: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
    case 'invalid_format':
      return 'bentuk teks tidak sesuai';
    default:
      return undefined;
  }
};

function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(akar)';
    return `${where}: ${issue.message}`;
  });
}

const w = (r: Rational): string => formatWeight(Number(r.num) / Number(r.den));

const groupLabel = (g: Group, tierLabel: string): string => `${tierLabel} ${g.number} "${g.name}"`;

/** Every check beyond the schema. Returns the problems found, none when the pack is sound. */
export function checkPack(pack: InstrumentPack): string[] {
  const errors: string[] = [];
  const scales = new Map<string, LevelScale>();

  const vs = pack.valueScale;
  if (vs.min >= vs.max) {
    errors.push(
      `Skala nilai: batas bawah ${formatWeight(vs.min)} harus di bawah batas atas ${formatWeight(vs.max)}`,
    );
  }
  const onScale = (v: number): boolean => v >= vs.min && v <= vs.max;
  const scaleText = `${formatWeight(vs.min)}–${formatWeight(vs.max)}`;

  // Level scales: unique ids, levels numbered 1..n, decimal ranges contiguous over the value scale.
  for (const scale of pack.levelScales) {
    if (scales.has(scale.id)) errors.push(`Skala tingkat "${scale.id}" didefinisikan dua kali`);
    scales.set(scale.id, scale);
    scale.levels.forEach((lvl, i) => {
      if (lvl.level !== i + 1) {
        errors.push(
          `Skala "${scale.name}": tingkat ke-${i + 1} bernomor ${lvl.level}, seharusnya ${i + 1}`,
        );
      }
    });
    if (pack.valueScale.kind === 'integer') {
      const top = scale.levels.length;
      if (pack.valueScale.min !== 1 || pack.valueScale.max !== top) {
        errors.push(
          `Skala "${scale.name}" memiliki ${top} tingkat, tetapi rentang nilai ${pack.valueScale.min}–${pack.valueScale.max}`,
        );
      }
    } else {
      let expectedMin = fromNumber(pack.valueScale.min);
      scale.levels.forEach((lvl, i) => {
        if (!lvl.range) {
          errors.push(
            `Skala "${scale.name}" tingkat ${lvl.level}: rentang nilai desimal tidak ada`,
          );
          return;
        }
        if (lvl.range.min >= lvl.range.max) {
          errors.push(
            `Skala "${scale.name}" tingkat ${lvl.level}: rentang ${formatWeight(lvl.range.min)}–${formatWeight(lvl.range.max)} kosong atau terbalik`,
          );
        }
        if (compare(fromNumber(lvl.range.min), expectedMin) !== 0) {
          errors.push(
            `Skala "${scale.name}" tingkat ${lvl.level}: rentang dimulai ${formatWeight(lvl.range.min)}, seharusnya ${w(expectedMin)} (rentang harus bersambung)`,
          );
        }
        const last = i === scale.levels.length - 1;
        if (last && (lvl.range.max !== pack.valueScale.max || !lvl.range.maxInclusive)) {
          errors.push(
            `Skala "${scale.name}": tingkat tertinggi harus berakhir di ${formatWeight(pack.valueScale.max)} (inklusif)`,
          );
        }
        expectedMin = fromNumber(lvl.range.max);
      });
    }
  }

  // Tree: tiers by depth, weights add up, group ids unique.
  const groupIds = new Set<string>();
  const indicators: Indicator[] = [];
  const walk = (groups: readonly Group[], depth: number, parentLabel: string): Rational => {
    const tier = pack.tiers[depth];
    const tierLabel = tier?.label ?? `Kelompok tingkat ${depth + 1}`;
    if (!tier) errors.push(`${parentLabel}: kedalaman pohon melebihi tingkatan yang didefinisikan`);
    const numbers = new Set<number>();
    let total = ZERO;
    for (const g of groups) {
      const label = groupLabel(g, tierLabel);
      if (groupIds.has(g.id)) errors.push(`Id kelompok "${g.id}" dipakai lebih dari sekali`);
      groupIds.add(g.id);
      if (numbers.has(g.number)) errors.push(`${label}: nomor ${g.number} ganda`);
      numbers.add(g.number);
      if (tier && g.tier !== tier.id) {
        errors.push(`${label}: berada pada tingkatan "${tier.id}", tetapi ditandai "${g.tier}"`);
      }
      const weight = fromNumber(g.weight);
      total = add(total, weight);
      const hasGroups = g.groups !== undefined;
      const hasIndicators = g.indicators !== undefined;
      if (hasGroups === hasIndicators) {
        errors.push(`${label}: harus berisi kelompok atau indikator (tepat salah satu)`);
        continue;
      }
      if ((g.groups ?? g.indicators ?? []).length === 0) {
        errors.push(`${label}: kosong, tidak berisi kelompok maupun indikator`);
        continue;
      }
      let childTotal: Rational;
      let childKind: string;
      if (hasGroups) {
        childTotal = walk(g.groups ?? [], depth + 1, label);
        childKind = pack.tiers[depth + 1]?.label.toLowerCase() ?? 'kelompok';
      } else {
        if (depth !== pack.tiers.length - 1) {
          errors.push(`${label}: indikator hanya boleh berada pada tingkatan terakhir`);
        }
        const list = g.indicators ?? [];
        indicators.push(...list);
        childTotal = sum(list.map((i) => fromNumber(i.weight)));
        childKind = 'indikator';
      }
      if (compare(childTotal, weight) !== 0) {
        errors.push(
          `${label}: bobot ${w(weight)} tidak sama dengan jumlah bobot ${childKind}nya (${w(childTotal)})`,
        );
      }
    }
    return total;
  };
  const topTotal = walk(pack.groups, 0, 'Instrumen');
  const total = fromNumber(pack.totalWeight);
  if (compare(topTotal, total) !== 0) {
    errors.push(
      `Jumlah bobot ${pack.tiers[0]?.label.toLowerCase() ?? 'kelompok'} (${w(topTotal)}) tidak sama dengan total ${w(total)}`,
    );
  }
  const indicatorTotal = sum(indicators.map((i) => fromNumber(i.weight)));
  if (compare(indicatorTotal, total) !== 0) {
    errors.push(
      `Jumlah bobot indikator (${w(indicatorTotal)}) tidak sama dengan total ${w(total)}`,
    );
  }

  // Indicators: numbered 1..N in order, unique, each with criteria for every level of its scale.
  const seen = new Set<number>();
  const butirCodes = new Map<string, number>();
  indicators.forEach((ind, i) => {
    const label = `Indikator ${ind.number} "${ind.name}"`;
    if (seen.has(ind.number)) errors.push(`Nomor indikator ${ind.number} ganda`);
    seen.add(ind.number);
    if (ind.number !== i + 1) {
      errors.push(`${label}: nomor tidak berurutan (urutan ke-${i + 1} dalam pohon)`);
    }
    const scale = scales.get(ind.scale);
    if (!scale) {
      errors.push(`${label}: skala tingkat "${ind.scale}" tidak dikenal`);
      return;
    }
    const levels = new Set(ind.levels.map((l) => l.level));
    for (const lvl of scale.levels) {
      if (!levels.has(lvl.level)) {
        errors.push(`${label}: kriteria tingkat ${lvl.level} (${lvl.name}) tidak ada`);
      }
    }
    for (const l of ind.levels) {
      if (!scale.levels.some((s) => s.level === l.level)) {
        errors.push(`${label}: tingkat ${l.level} tidak ada pada skala "${scale.name}"`);
      }
    }
    if (levels.size !== ind.levels.length) errors.push(`${label}: kriteria tingkat ganda`);
    for (const l of ind.levels) {
      for (const b of l.butir) {
        const other = butirCodes.get(b.code);
        if (other !== undefined) {
          errors.push(
            `Kode butir "${b.code}" ganda (indikator ${other} dan indikator ${ind.number} tingkat ${l.level})`,
          );
        } else butirCodes.set(b.code, ind.number);
      }
      if (l.range && (!onScale(l.range.min) || !onScale(l.range.max))) {
        errors.push(
          `${label} tingkat ${l.level}: rentang ${formatWeight(l.range.min)}–${formatWeight(l.range.max)} di luar skala ${scaleText}`,
        );
      }
    }
    if (ind.externalIndex) errors.push(...checkExternal(pack, label, ind));
  });

  // Crosswalk: suggestions must name indicators of this pack.
  const known = new Set(indicators.map((i) => i.number));
  pack.crosswalk.forEach((entry, i) => {
    for (const to of entry.to) {
      if (!known.has(to)) {
        errors.push(
          `Padanan ke-${i + 1} (${entry.fromPack} indikator ${entry.from}) menunjuk indikator ${to} yang tidak ada dalam paket ini`,
        );
      }
    }
  });

  // Predikat bands: unique names, no gap and no overlap over the value scale.
  const bands = [...pack.rating].sort((a, b) => a.min - b.min);
  const names = new Set<string>();
  for (const band of bands) {
    if (names.has(band.name)) errors.push(`Predikat "${band.name}" didefinisikan dua kali`);
    names.add(band.name);
    if (band.min > band.max) errors.push(`Predikat "${band.name}": batas bawah di atas batas atas`);
  }
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first && (first.min > pack.valueScale.min || !first.minInclusive)) {
    errors.push(`Predikat tidak mencakup nilai terendah ${formatWeight(pack.valueScale.min)}`);
  }
  if (last && (last.max < pack.valueScale.max || !last.maxInclusive)) {
    errors.push(`Predikat tidak mencakup nilai tertinggi ${formatWeight(pack.valueScale.max)}`);
  }
  for (let i = 1; i < bands.length; i += 1) {
    const lower = bands[i - 1];
    const upper = bands[i];
    if (!lower || !upper) continue;
    if (lower.max !== upper.min) {
      errors.push(
        `Predikat "${lower.name}" dan "${upper.name}" tidak bersambung (${formatWeight(lower.max)} ≠ ${formatWeight(upper.min)})`,
      );
    } else if (lower.maxInclusive === upper.minInclusive) {
      errors.push(
        `Batas ${formatWeight(upper.min)} antara predikat "${lower.name}" dan "${upper.name}" ${lower.maxInclusive ? 'tumpang tindih' : 'tidak tercakup'}`,
      );
    }
  }

  for (const band of bands) {
    if (!onScale(band.min) || !onScale(band.max)) {
      errors.push(`Predikat "${band.name}" (${band.text}) berada di luar skala nilai ${scaleText}`);
    }
  }

  // The band's text is what the Instrumen screen, Bantuan and the report print as its range:
  // it must say the bounds the app reads a value with.
  for (const band of bands) {
    if (!ratingTextAgrees(band, pack.valueScale.min)) {
      errors.push(
        `Predikat "${band.name}": teks rentang "${band.text}" tidak sesuai batas yang dipakai menghitung (${boundsText(band)})`,
      );
    }
  }

  // Targets within the scale.
  const { min, max } = pack.valueScale;
  if (pack.targets.indicatorLevel < min || pack.targets.indicatorLevel > max) {
    errors.push(
      `Target tingkat indikator ${formatWeight(pack.targets.indicatorLevel)} di luar skala`,
    );
  }
  if (pack.targets.index < min || pack.targets.index > max) {
    errors.push(`Target indeks ${formatWeight(pack.targets.index)} di luar skala`);
  }
  // The years the pack serves: a range that holds none would be proposed for no evaluation and
  // called the wrong instrument for every year.
  const years = pack.years;
  if (years?.from !== undefined && years.to !== undefined && years.from > years.to) {
    errors.push(
      `Tahun berlaku paket dari ${years.from} sampai ${years.to} tidak memuat satu tahun pun`,
    );
  }
  return errors;
}

type Band = InstrumentPack['rating'][number];

/** "1,5 sampai kurang dari 2,5", "4,2 sampai 5": the bounds of a band in words. */
const boundsText = (band: Band): string =>
  `${band.minInclusive ? '' : 'lebih dari '}${formatWeight(band.min)} sampai ${band.maxInclusive ? '' : 'kurang dari '}${formatWeight(band.max)}`;

/**
 * Whether a band's text ("1,00 – < 1,50", "4,2 – 5,0", "< 1,8" where the band starts at the
 * scale's minimum) names exactly its bounds, with "<" before an exclusive upper bound and ">"
 * before an exclusive lower one.
 */
function ratingTextAgrees(band: Band, scaleMin: number): boolean {
  const numbers = [...band.text.matchAll(/([<>]?)\s*(\d+(?:,\d+)?)/g)].map((m) => ({
    sign: m[1],
    value: Number(m[2]!.replace(',', '.')),
  }));
  const upper = numbers[numbers.length - 1];
  if (!upper || upper.value !== band.max || (upper.sign === '<') === band.maxInclusive) {
    return false;
  }
  if (numbers.length === 1) return band.min === scaleMin && band.minInclusive;
  const lower = numbers[0]!;
  return (
    numbers.length === 2 && lower.value === band.min && (lower.sign === '>') !== band.minInclusive
  );
}

/**
 * An indicator converted from another agency's index: bands ordered, joined and spanning the
 * source's min–max, outputs on the value scale, and every worked example reproduced.
 */
function checkExternal(pack: InstrumentPack, label: string, ind: Indicator): string[] {
  const ext = ind.externalIndex;
  if (!ext) return [];
  const errors: string[] = [];
  const name = `${label} (${ext.shortName})`;
  const vs = pack.valueScale;
  const onScale = (v: number): boolean => v >= vs.min && v <= vs.max;
  if (ext.min >= ext.max) {
    errors.push(`${name}: batas bawah ${formatWeight(ext.min)} harus di bawah batas atas`);
  }
  ext.bands.forEach((band, i) => {
    const [lo, hi] = band.input;
    if (lo >= hi) {
      errors.push(
        `${name}: rentang ke-${i + 1} (${formatWeight(lo)}–${formatWeight(hi)}) kosong atau terbalik`,
      );
    }
    if (lo < ext.min || hi > ext.max) {
      errors.push(
        `${name}: rentang ke-${i + 1} (${formatWeight(lo)}–${formatWeight(hi)}) di luar ${formatWeight(ext.min)}–${formatWeight(ext.max)}`,
      );
    }
    if (!onScale(band.output[0]) || !onScale(band.output[1])) {
      errors.push(
        `${name}: hasil rentang ke-${i + 1} (${formatWeight(band.output[0])}–${formatWeight(band.output[1])}) di luar skala nilai`,
      );
    }
    const prev = ext.bands[i - 1];
    if (i === 0 && lo !== ext.min) {
      errors.push(
        `${name}: rentang pertama dimulai ${formatWeight(lo)}, seharusnya ${formatWeight(ext.min)}`,
      );
    }
    if (prev && prev.input[1] !== lo) {
      errors.push(
        `${name}: rentang ke-${i} dan ke-${i + 1} tidak bersambung (${formatWeight(prev.input[1])} ≠ ${formatWeight(lo)})`,
      );
    }
    if (i === ext.bands.length - 1 && hi !== ext.max) {
      errors.push(
        `${name}: rentang terakhir berakhir ${formatWeight(hi)}, seharusnya ${formatWeight(ext.max)}`,
      );
    }
  });
  if (!onScale(ext.assumedValue)) {
    errors.push(`${name}: nilai anggapan ${formatWeight(ext.assumedValue)} di luar skala nilai`);
  }
  if (errors.length > 0) return errors;
  for (const example of ext.examples) {
    const converted = convertExternal(pack, ext, example.input);
    const expected = roundHalfUp(fromNumber(example.output), pack.valueScale.decimals);
    if (!converted.ok) {
      errors.push(
        `${name}: contoh ${formatWeight(example.input)} tidak dapat dikonversi (${converted.message})`,
      );
    } else if (
      compare(converted.exact, expected) !== 0 ||
      compare(fromNumber(example.output), expected) !== 0
    ) {
      errors.push(
        `${name}: contoh ${formatWeight(example.input)} menghasilkan ${formatWeight(converted.value)}, bukan ${formatWeight(example.output)}`,
      );
    }
  }
  return errors;
}

/** Parses and checks a pack. Never throws; a refused pack comes back with every reason. */
export function loadPack(input: unknown): PackLoadResult {
  const parsed = instrumentPackSchema.safeParse(input, { error: zodIndonesian });
  if (!parsed.success) return { ok: false, errors: zodMessages(parsed.error) };
  const errors = checkPack(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, pack: parsed.data };
}

/** As `loadPack`, throwing `InvalidPackError` for a refused pack. */
export function loadPackOrThrow(input: unknown, label = 'tanpa nama'): InstrumentPack {
  const result = loadPack(input);
  if (!result.ok) throw new InvalidPackError(label, result.errors);
  return result.pack;
}
