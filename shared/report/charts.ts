/**
 * The chart series of the report, as pure data: a radar of the aspects against the target, a bar
 * chart of the domains, the distribution of indicator levels per scale, and the trend over the
 * years when earlier evaluations exist. `chartSvg` draws them as vectors for the print view and
 * the PDF (inline SVG) and for the DOCX; `chartTable` gives the same figures as a table.
 */
import { indexTrend, trendSummary, type TrendPoint } from '../scoring/series';
import type { Facts } from './facts';
import type { ChartModel, ChartSeries, TableBlock } from './model';
import { joinList } from './text';

function valueSeries(name: string, values: (number | null)[], displays: (string | null)[]) {
  return { name, role: 'value', values, displays } satisfies ChartSeries;
}

export function buildCharts(f: Facts): ChartModel[] {
  const { pack } = f;
  const max = pack.valueScale.max;
  const axis = { min: 0, max, step: 1, decimals: pack.rounding.displayDecimals, label: 'Indeks' };
  const target = pack.targets.indicatorLevel;
  const charts: ChartModel[] = [];

  const aspects = f.groups.filter((g) => g.tier === f.leafTier.id);
  charts.push({
    id: 'aspects-radar',
    kind: 'radar',
    caption: `${f.leafTier.indexLabel} dibandingkan dengan target`,
    description: `${f.leafTier.indexLabel} Tahun ${f.year}: ${joinList(
      aspects.map((a) => `${f.leafTier.label} ${a.number} ${a.display ?? 'belum dinilai'}`),
    )}; target ${f.show(target)} untuk setiap ${f.leafTier.label.toLowerCase()}.`,
    categories: aspects.map((a) => `${f.leafTier.label} ${a.number}`),
    categoryNames: aspects.map((a) => a.name),
    series: [
      valueSeries(
        `${f.leafTier.indexLabel} ${f.year}`,
        aspects.map((a) => a.value),
        aspects.map((a) => a.display),
      ),
      {
        name: `Target (${f.show(target)})`,
        role: 'target',
        values: aspects.map(() => target),
        displays: aspects.map(() => f.show(target)),
      },
    ],
    axis,
  });

  // A one-tier pack (Pemdi: aspects only) has no chart of a top tier above the aspects.
  const domains = pack.tiers.length > 1 ? f.groups.filter((g) => g.tier === f.topTier.id) : [];
  const domainSeries: ChartSeries[] = [];
  if (domains.some((d) => d.previous)) {
    domainSeries.push({
      name: `${f.topTier.indexLabel} ${f.lastYear?.year ?? ''}`.trim(),
      role: 'previous',
      values: domains.map((d) => d.previous?.value ?? null),
      displays: domains.map((d) => d.previous?.display ?? null),
    });
  }
  domainSeries.push(
    valueSeries(
      `${f.topTier.indexLabel} ${f.year}`,
      domains.map((d) => d.value),
      domains.map((d) => d.display),
    ),
  );
  if (domains.length > 0)
    charts.push({
      id: 'domains-bar',
      kind: 'bar',
      caption: `${f.topTier.indexLabel} Tahun ${f.year}`,
      description: `${f.topTier.indexLabel} Tahun ${f.year}: ${joinList(
        domains.map((d) => `${f.topTier.label} ${d.number} ${d.display ?? 'belum dinilai'}`),
      )}; garis target ${f.show(target)}.`,
      categories: domains.map((d) => `${f.topTier.label} ${d.number}`),
      categoryNames: domains.map((d) => d.name),
      series: domainSeries,
      axis,
      reference: { value: target, display: f.show(target), label: `Target ${f.show(target)}` },
    });

  // Levels 1..n of the widest scale; a column for unanswered indicators only when there are any.
  const levelCount = Math.max(...pack.levelScales.map((s) => s.levels.length));
  const levels = Array.from({ length: levelCount }, (_, i) => i + 1);
  const missing = f.indicators.filter((i) => i.level === null).length;
  const categories = levels.map((l) => `Tingkat ${l}`);
  // Each name once: both 59/2020 scales call level 5 "Optimum" ("Optimum / Optimum" otherwise).
  const categoryNames = levels.map((l) =>
    [
      ...new Set(
        pack.levelScales
          .map((s) => s.levels.find((x) => x.level === l)?.name)
          .filter((name): name is string => Boolean(name)),
      ),
    ].join(' / '),
  );
  if (missing > 0) {
    categories.push('Belum dinilai');
    categoryNames.push('Indikator yang belum dinilai');
  }
  const scaleSeries: ChartSeries[] = pack.levelScales.map((scale) => {
    const own = f.indicators.filter((i) => i.scaleName === scale.name);
    const counts = levels.map((l) => own.filter((i) => i.level === l).length);
    if (missing > 0) counts.push(own.filter((i) => i.level === null).length);
    return {
      name: scale.name,
      role: 'value',
      values: counts,
      displays: counts.map((c) => String(c)),
    };
  });
  const peak = Math.max(
    1,
    ...categories.map((_, i) => scaleSeries.reduce((s, x) => s + (x.values[i] ?? 0), 0)),
  );
  const step = peak > 20 ? 5 : peak > 10 ? 2 : 1;
  charts.push({
    id: 'levels-distribution',
    kind: 'bar',
    caption: `Sebaran tingkat kematangan ${f.indicators.length} indikator`,
    description: `Jumlah indikator per tingkat: ${joinList(
      categories.map(
        (c, i) => `${c} ${scaleSeries.reduce((s, x) => s + (x.values[i] ?? 0), 0)} indikator`,
      ),
    )}.`,
    categories,
    categoryNames,
    series: scaleSeries,
    axis: {
      min: 0,
      max: Math.ceil(peak / step) * step,
      step,
      decimals: 0,
      label: 'Jumlah indikator',
    },
    stacked: true,
  });

  if (f.otherHistory.length > 0 && f.headline.value !== null && f.headline.display !== null) {
    charts.push(otherInstrumentTrendChart(f, axis));
  } else if (f.history.length > 0 && f.headline.value !== null && f.headline.display !== null) {
    const points = [
      ...f.history.map((p) => ({
        year: p.year,
        value: p.overall?.value ?? null,
        display: p.overall?.display ?? null,
        provisional: p.overall?.provisional === true,
      })),
      {
        year: f.year,
        value: f.headline.value,
        display: f.headline.display,
        provisional: f.provisional !== null,
      },
    ];
    charts.push({
      id: 'trend',
      kind: 'line',
      caption: `Perkembangan ${pack.indexLabel} per tahun`,
      description: `${pack.indexLabel}: ${joinList(
        points.map(
          (p) => `${p.year} ${p.display ?? 'tidak ada'}${p.provisional ? ' (sementara)' : ''}`,
        ),
      )}; target ${f.headline.target.display}.`,
      categories: points.map((p) => String(p.year)),
      categoryNames: points.map((p) => `Tahun ${p.year}`),
      series: [
        valueSeries(
          pack.indexLabel,
          points.map((p) => p.value),
          points.map((p) => p.display),
        ),
      ],
      axis,
      reference: {
        value: f.headline.target.value,
        display: f.headline.target.display,
        label: `Target ${f.headline.target.display} (${f.headline.target.rating})`,
      },
    });
  }
  return charts;
}

/**
 * The trend when earlier years used another instrument: one series per instrument, each named
 * by its regulation, on the years (a year evaluated with both has a point in each); no line
 * joins two instruments. Its description reads as the dashboard's trend (trendSummary).
 */
function otherInstrumentTrendChart(f: Facts, axis: ChartModel['axis']): ChartModel {
  const { pack } = f;
  const h = f.headline;
  const own = { id: pack.id, indexLabel: pack.indexLabel, shortTitle: pack.shortTitle };
  const trend = indexTrend([
    ...[...f.otherHistory, ...f.history].map((p) => ({
      year: p.year,
      instrument: p.instrument ?? own,
      value: p.overall?.value ?? null,
      display: p.overall?.display ?? null,
      rating: p.overall?.rating ?? null,
      provisional: p.overall?.provisional === true,
    })),
    {
      year: f.year,
      instrument: own,
      value: h.value,
      display: h.display,
      rating: h.rating,
      provisional: f.provisional !== null,
    },
  ]);
  const at = (points: readonly TrendPoint[], year: number) => points.find((p) => p.year === year);
  const series: ChartSeries[] = trend.series.map((s) => ({
    name: s.name,
    role: s.id === pack.id ? 'value' : 'previous',
    values: trend.years.map((y) => at(s.points, y)?.value ?? null),
    displays: trend.years.map((y) => at(s.points, y)?.display ?? null),
  }));
  const names = joinList(trend.series.map((s) => s.name));
  const ownSeries = trend.series.find((s) => s.id === pack.id);
  return {
    id: 'trend',
    kind: 'line',
    caption: `Perkembangan ${names} per tahun`,
    description: `${trendSummary(trend)}.${trend.note ? ` ${trend.note}` : ''}`,
    categories: trend.years.map(String),
    categoryNames: trend.years.map((y) => `Tahun ${y}`),
    series,
    axis,
    reference: {
      value: h.target.value,
      display: h.target.display,
      label: `Target ${pack.indexLabel} ${h.target.display} (${h.target.rating})`,
      // This instrument's target, over its own years only: not a line the earlier
      // instrument's indices are read against.
      fromCategory: Math.max(
        0,
        trend.years.findIndex((y) => at(ownSeries?.points ?? [], y) !== undefined),
      ),
    },
  };
}

/** The figures of a chart as a table (for formats that cannot draw it, and for screen readers). */
export function chartTable(chart: ChartModel, caption = chart.caption): TableBlock {
  return {
    kind: 'table',
    id: `${chart.id}-data`,
    caption,
    columns: [
      { header: 'Kategori', align: 'left', width: 3 },
      ...chart.series.map((s) => ({ header: s.name, align: 'right' as const, width: 1.5 })),
    ],
    rows: chart.categories.map((category, i) => ({
      cells: [
        {
          kind: 'text' as const,
          text:
            chart.categoryNames[i] && chart.categoryNames[i] !== category
              ? `${category} — ${chart.categoryNames[i]}`
              : category,
        },
        ...chart.series.map((s) => {
          const value = s.values[i];
          const display = s.displays[i];
          return value === null || value === undefined || display === null || display === undefined
            ? { kind: 'empty' as const, text: '—' }
            : {
                kind: 'number' as const,
                value,
                display,
                format: chart.axis.decimals === 0 ? ('integer' as const) : ('index' as const),
              };
        }),
      ],
    })),
  };
}

/**
 * The names behind a chart's short axis labels, as printed under it ("Aspek 1: Kebijakan
 * Internal …; Aspek 2: …"), so that a reader never has to look up what "Aspek 3" is; null when
 * the labels are the names already (years, levels).
 */
export function chartKey(chart: ChartModel): string | null {
  // A name that is the label with one word more ("2025": "Tahun 2025") tells the reader nothing.
  const adds = (label: string, name: string) =>
    name !== '' &&
    name !== label &&
    !(name.includes(label) && name.replace(label, '').trim().split(/\s+/).length === 1);
  const pairs = chart.categories
    .map((c, i) => ({ label: c, name: chart.categoryNames[i] ?? '' }))
    .filter((p) => adds(p.label, p.name));
  if (pairs.length === 0) return null;
  return pairs.map((p) => `${p.label}: ${p.name}`).join('; ');
}
