/**
 * Chart series derived from a score result, shared by the dashboard and the report so that both
 * draw the same numbers, and the trend over the years of one instansi. Values are the exact
 * indices as doubles; labels are Indonesian. A trend never joins two instruments into one line:
 * each pack is its own series, named by its regulation.
 */
import { joinList } from '../format/list';
import type { GroupScore, ScoreResult } from './score';

export interface GroupPoint {
  id: string;
  /** Short label for an axis: "Aspek 1". */
  label: string;
  name: string;
  value: number | null;
  display: string | null;
  target: number;
  /** Whether the group's index reaches the target, from score(); null = no index yet. */
  meetsTarget: boolean | null;
}

function points(groups: readonly GroupScore[], label: string): GroupPoint[] {
  return groups.map((g) => ({
    id: g.id,
    label: `${label} ${g.number}`,
    name: g.name,
    value: g.result?.value ?? null,
    display: g.result?.display ?? null,
    target: g.target,
    meetsTarget: g.meetsTarget,
  }));
}

/** One point per group of a tier (aspects for the radar, domains for the bars). */
export function tierSeries(result: ScoreResult, tierId: string, tierLabel: string): GroupPoint[] {
  return points(
    result.groups.filter((g) => g.tier === tierId),
    tierLabel,
  );
}

/** The instrument an index was measured with, as a trend names it. */
export interface TrendInstrument {
  id: string;
  /** "Indeks SPBE", "Indeks Pemdi". */
  indexLabel: string;
  /** "PermenPANRB 59/2020". */
  shortTitle: string;
}

/** One year's index of one instansi, measured with one instrument. */
export interface TrendEntry {
  year: number;
  instrument: TrendInstrument;
  value: number | null;
  display: string | null;
  rating: string | null;
  provisional: boolean;
}

export interface TrendPoint {
  year: number;
  value: number | null;
  display: string | null;
  rating: string | null;
  provisional: boolean;
}

export interface TrendSeries {
  /** The instrument id: one series per instrument, never joined with another. */
  id: string;
  /** "Indeks SPBE (PermenPANRB 59/2020)". */
  name: string;
  indexLabel: string;
  shortTitle: string;
  /** Oldest year first, one point per year. */
  points: TrendPoint[];
}

export interface Trend {
  /** Every year with an entry, oldest first. */
  years: number[];
  /** One series per instrument, in the order the instruments first appear. */
  series: TrendSeries[];
  /** Why the series cannot be read as one line; null when there is one instrument only. */
  note: string | null;
}

/** "Indeks SPBE (PermenPANRB 59/2020)". */
export const trendSeriesName = (i: TrendInstrument): string => `${i.indexLabel} (${i.shortTitle})`;

/** One year's entry from a score result. */
export function trendEntry(
  year: number,
  instrument: TrendInstrument,
  result: Pick<ScoreResult, 'overall'>,
): TrendEntry {
  const o = result.overall;
  return {
    year,
    instrument: {
      id: instrument.id,
      indexLabel: instrument.indexLabel,
      shortTitle: instrument.shortTitle,
    },
    value: o?.value ?? null,
    display: o?.display ?? null,
    rating: o?.rating ?? null,
    provisional: o?.provisional ?? false,
  };
}

/**
 * The sentence that says why indices of different instruments are not one line: "Indeks SPBE
 * dan Indeks Pemdi diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung."
 * Names the regulations too when two instruments share an index label.
 */
export function incomparableNote(series: readonly TrendSeries[]): string | null {
  if (series.length < 2) return null;
  const labels = series.map((s) => s.indexLabel);
  const names = new Set(labels).size === labels.length ? labels : series.map((s) => s.name);
  return `${joinList(names)} diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.`;
}

/**
 * The trend read aloud, series by series: "Indeks SPBE (PermenPANRB 59/2020): 2024 2,37, 2025
 * 3,00; Indeks Pemdi (PermenPANRB 8/2026): 2026 2,48 (sementara)". A provisional year says so.
 */
export function trendSummary(trend: Pick<Trend, 'series'>): string {
  const point = (p: TrendPoint): string =>
    `${p.year} ${p.display ?? 'belum ada'}${p.display && p.provisional ? ' (sementara)' : ''}`;
  return trend.series.map((s) => `${s.name}: ${s.points.map(point).join(', ')}`).join('; ');
}

/**
 * The trend of one instansi over the years: one series per instrument (a 59/2020 Indeks SPBE and
 * a Pemdi index are never one line), one point per year in each (the later entry of a year wins).
 */
export function indexTrend(entries: readonly TrendEntry[]): Trend {
  const byInstrument = new Map<
    string,
    { instrument: TrendInstrument; byYear: Map<number, TrendEntry> }
  >();
  const years = new Set<number>();
  const order = [...entries].sort((a, b) => a.year - b.year);
  for (const e of order) {
    years.add(e.year);
    const held = byInstrument.get(e.instrument.id) ?? {
      instrument: e.instrument,
      byYear: new Map<number, TrendEntry>(),
    };
    held.byYear.set(e.year, e);
    byInstrument.set(e.instrument.id, held);
  }
  const series: TrendSeries[] = [...byInstrument.values()].map(({ instrument, byYear }) => ({
    id: instrument.id,
    name: trendSeriesName(instrument),
    indexLabel: instrument.indexLabel,
    shortTitle: instrument.shortTitle,
    points: [...byYear.values()]
      .sort((a, b) => a.year - b.year)
      .map(({ year, value, display, rating, provisional }) => ({
        year,
        value,
        display,
        rating,
        provisional,
      })),
  }));
  return { years: [...years].sort((a, b) => a - b), series, note: incomparableNote(series) };
}
