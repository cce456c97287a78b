/**
 * The report's charts as standalone SVG text, drawn from `ChartModel` series alone (no DOM, no
 * canvas), so that the CLI and the DOCX writer embed the same vector charts as the print view.
 * Simple by design: radar, grouped or stacked bars, a line, a dashed target, value labels, a
 * legend. Fonts fall back from Liberation Sans to Arial, both metric-compatible with Helvetica.
 */
import { formatNumber } from '../format/number';
import type { ChartModel, ChartSeries } from './model';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 400;

const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
const VALUE_COLOURS = ['#1f4e79', '#5b9bd5', '#70ad47', '#ed7d31'];
const PREVIOUS_COLOUR = '#a5a5a5';
const TARGET_COLOUR = '#c00000';
const GRID_COLOUR = '#d9d9d9';
const TEXT_COLOUR = '#262626';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

function colours(series: readonly ChartSeries[]): string[] {
  let next = 0;
  return series.map((s) => {
    if (s.role === 'target') return TARGET_COLOUR;
    if (s.role === 'previous') return PREVIOUS_COLOUR;
    const c = VALUE_COLOURS[next % VALUE_COLOURS.length] ?? '#1f4e79';
    next += 1;
    return c;
  });
}

function text(
  x: number,
  y: number,
  content: string,
  opts: {
    anchor?: 'start' | 'middle' | 'end';
    size?: number;
    weight?: 'bold';
    fill?: string;
    /** A white outline so that a value label stays legible over lines and bars. */
    halo?: boolean;
  } = {},
): string {
  const halo = opts.halo ? ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' : '';
  return `<text x="${r1(x)}" y="${r1(y)}" text-anchor="${opts.anchor ?? 'middle'}" font-size="${opts.size ?? 12}"${
    opts.weight ? ` font-weight="${opts.weight}"` : ''
  } fill="${opts.fill ?? TEXT_COLOUR}"${halo}>${esc(content)}</text>`;
}

interface LegendItem {
  label: string;
  colour: string;
  dashed?: boolean;
}

/**
 * The legend under a chart, centred; entries that do not fit one row (two instruments' long
 * names and a target) go on to a second row above the last baseline, between the axis labels
 * and the figure's bottom edge.
 */
function legend(items: readonly LegendItem[], y: number): string {
  // Approximate text width (Arial ≈ 0.55 em per character at 12 px) to centre the rows.
  const widths = items.map((i) => 26 + i.label.length * 6.6 + 18);
  const room = CHART_WIDTH - 16;
  const rows: number[][] = [];
  widths.forEach((w, k) => {
    const row = rows[rows.length - 1];
    const used = row?.reduce((a, j) => a + (widths[j] ?? 0), 0) ?? 0;
    if (row && used + w <= room) row.push(k);
    else rows.push([k]);
  });
  const parts: string[] = [];
  rows.forEach((row, r) => {
    // The last row sits on the given baseline; earlier ones 18 px above each.
    const rowY = y - (rows.length - 1 - r) * 18;
    // The row's width without the gap after its last entry, so it centres on what is drawn.
    const total = row.reduce((a, k) => a + (widths[k] ?? 0), 0) - 18;
    let x = Math.max(8, (CHART_WIDTH - total) / 2);
    for (const k of row) {
      const item = items[k]!;
      parts.push(
        item.dashed
          ? `<line x1="${r1(x)}" y1="${r1(rowY - 4)}" x2="${r1(x + 20)}" y2="${r1(rowY - 4)}" stroke="${item.colour}" stroke-width="2" stroke-dasharray="5 3"/>`
          : `<rect x="${r1(x)}" y="${r1(rowY - 10)}" width="20" height="12" fill="${item.colour}"/>`,
      );
      parts.push(text(x + 26, rowY, item.label, { anchor: 'start' }));
      x += widths[k] ?? 0;
    }
  });
  return parts.join('');
}

function tickLabel(chart: ChartModel, v: number): string {
  return formatNumber(v, Number.isInteger(chart.axis.step) ? 0 : 1);
}

function frame(chart: ChartModel, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" ` +
    `viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT}" role="img" aria-label="${esc(chart.description)}">` +
    `<title>${esc(chart.caption)}</title><desc>${esc(chart.description)}</desc>` +
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>${body}</svg>`
  );
}

function barSvg(chart: ChartModel): string {
  const left = 56;
  const right = 24;
  const top = 24;
  const bottom = 76;
  const w = CHART_WIDTH - left - right;
  const h = CHART_HEIGHT - top - bottom;
  const { min, max, step } = chart.axis;
  const y = (v: number): number => top + h - ((v - min) / (max - min || 1)) * h;
  const parts: string[] = [];
  for (let v = min; v <= max + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" y1="${r1(y(v))}" x2="${left + w}" y2="${r1(y(v))}" stroke="${GRID_COLOUR}" stroke-width="1"/>`,
      text(left - 8, y(v) + 4, tickLabel(chart, v), { anchor: 'end', size: 11 }),
    );
  }
  const series = chart.series;
  const fill = colours(series);
  const band = w / Math.max(1, chart.categories.length);
  const inner = band * 0.7;
  chart.categories.forEach((category, i) => {
    const x0 = left + band * i + (band - inner) / 2;
    if (chart.stacked) {
      let acc = 0;
      // A bar of one segment already has its number above it (the total): the same number
      // inside would print it twice (every bar of a one-scale instrument such as Pemdi).
      const segments = series.filter((s) => (s.values[i] ?? 0) > 0).length;
      series.forEach((s, k) => {
        const v = s.values[i] ?? 0;
        if (v <= 0) return;
        const yTop = y(acc + v);
        const yBottom = y(acc);
        parts.push(
          `<rect x="${r1(x0)}" y="${r1(yTop)}" width="${r1(inner)}" height="${r1(yBottom - yTop)}" fill="${fill[k]}"/>`,
        );
        if (segments > 1 && yBottom - yTop >= 14) {
          parts.push(
            text(x0 + inner / 2, (yTop + yBottom) / 2 + 4, s.displays[i] ?? '', {
              fill: '#ffffff',
              size: 11,
              weight: 'bold',
            }),
          );
        }
        acc += v;
      });
      if (acc > 0)
        parts.push(
          text(x0 + inner / 2, y(acc) - 5, formatNumber(acc, 0), { size: 11, weight: 'bold' }),
        );
    } else {
      const bar = inner / Math.max(1, series.length);
      series.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const bx = x0 + bar * k;
        parts.push(
          `<rect x="${r1(bx + 1)}" y="${r1(y(v))}" width="${r1(bar - 2)}" height="${r1(y(min) - y(v))}" fill="${fill[k]}"/>`,
          text(bx + bar / 2, y(v) - 5, s.displays[i] ?? '', {
            size: 11,
            weight: 'bold',
            halo: true,
          }),
        );
      });
    }
    parts.push(text(left + band * i + band / 2, top + h + 18, category, { size: 12 }));
  });
  parts.push(
    `<line x1="${left}" y1="${top + h}" x2="${left + w}" y2="${top + h}" stroke="${TEXT_COLOUR}" stroke-width="1"/>`,
  );
  const items: LegendItem[] = series.map((s, k) => ({
    label: s.name,
    colour: fill[k] ?? TEXT_COLOUR,
  }));
  if (chart.reference) {
    const ry = y(chart.reference.value);
    parts.push(
      `<line x1="${left}" y1="${r1(ry)}" x2="${left + w}" y2="${r1(ry)}" stroke="${TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
    items.push({ label: chart.reference.label, colour: TARGET_COLOUR, dashed: true });
  }
  parts.push(legend(items, CHART_HEIGHT - 20));
  return frame(chart, parts.join(''));
}

function lineSvg(chart: ChartModel): string {
  const left = 56;
  const right = 40;
  const top = 28;
  const bottom = 76;
  const w = CHART_WIDTH - left - right;
  const h = CHART_HEIGHT - top - bottom;
  const { min, max, step } = chart.axis;
  const y = (v: number): number => top + h - ((v - min) / (max - min || 1)) * h;
  const n = chart.categories.length;
  const x = (i: number): number => left + (w * (i + 0.5)) / Math.max(1, n);
  const parts: string[] = [];
  for (let v = min; v <= max + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" y1="${r1(y(v))}" x2="${left + w}" y2="${r1(y(v))}" stroke="${GRID_COLOUR}"/>`,
      text(left - 8, y(v) + 4, tickLabel(chart, v), { anchor: 'end', size: 11 }),
    );
  }
  chart.categories.forEach((c, i) => parts.push(text(x(i), top + h + 18, c)));
  const fill = colours(chart.series);
  const items: LegendItem[] = [];
  if (chart.reference) {
    const ry = y(chart.reference.value);
    // From the band of its first category (the target holds only for its instrument's years).
    const x1 = left + (w * (chart.reference.fromCategory ?? 0)) / Math.max(1, n);
    parts.push(
      `<line x1="${r1(x1)}" y1="${r1(ry)}" x2="${left + w}" y2="${r1(ry)}" stroke="${TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  chart.series.forEach((s, k) => {
    const points = s.values
      .map((v, i) =>
        v === null || v === undefined
          ? null
          : { i, px: x(i), py: y(v), label: s.displays[i] ?? '' },
      )
      .filter((p): p is { i: number; px: number; py: number; label: string } => p !== null);
    if (points.length > 1) {
      parts.push(
        `<polyline points="${points.map((p) => `${r1(p.px)},${r1(p.py)}`).join(' ')}" fill="none" stroke="${fill[k]}" stroke-width="2.5"/>`,
      );
    }
    for (const p of points) {
      // Another series' point in this year just above (a year with both instruments, 2,37
      // beside 2,48): this label goes under its point so the two do not print over each other.
      const crowded = chart.series.some((o, j) => {
        const v = o.values[p.i];
        if (j === k || v === null || v === undefined) return false;
        // Of two equal values, the later series' label goes under.
        return (y(v) < p.py || (y(v) === p.py && j < k)) && p.py - y(v) < 16;
      });
      parts.push(
        `<circle cx="${r1(p.px)}" cy="${r1(p.py)}" r="4.5" fill="${fill[k]}"/>`,
        text(p.px, crowded && p.py + 22 <= top + h ? p.py + 20 : p.py - 10, p.label, {
          size: 12,
          weight: 'bold',
          halo: true,
        }),
      );
    }
    items.push({ label: s.name, colour: fill[k] ?? TEXT_COLOUR });
  });
  if (chart.reference)
    items.push({ label: chart.reference.label, colour: TARGET_COLOUR, dashed: true });
  parts.push(legend(items, CHART_HEIGHT - 20));
  return frame(chart, parts.join(''));
}

function radarSvg(chart: ChartModel): string {
  const cx = CHART_WIDTH / 2;
  const cy = 178;
  const radius = 130;
  const n = chart.categories.length;
  const { min, max, step } = chart.axis;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
  const point = (i: number, v: number): [number, number] => {
    const r = (Math.max(min, Math.min(max, v)) - min) / (max - min || 1);
    return [cx + Math.cos(angle(i)) * radius * r, cy + Math.sin(angle(i)) * radius * r];
  };
  const parts: string[] = [];
  for (let v = min + step; v <= max + 1e-9; v += step) {
    const ring = chart.categories.map((_, i) => point(i, v).map(r1).join(',')).join(' ');
    parts.push(`<polygon points="${ring}" fill="none" stroke="${GRID_COLOUR}"/>`);
    // The scale sits between the first two axes, not on an axis, so that it never collides
    // with an axis label or a value label (which sit on the axes).
    const half = Math.PI / Math.max(3, n);
    const tickRadius = ((v - min) / (max - min || 1)) * radius * Math.cos(half);
    const ta = angle(0) + half;
    parts.push(
      text(
        cx + Math.cos(ta) * tickRadius,
        cy + Math.sin(ta) * tickRadius + 4,
        tickLabel(chart, v),
        {
          anchor: 'middle',
          size: 10,
          fill: '#7f7f7f',
          halo: true,
        },
      ),
    );
  }
  chart.categories.forEach((c, i) => {
    const [ex, ey] = point(i, max);
    parts.push(
      `<line x1="${cx}" y1="${cy}" x2="${r1(ex)}" y2="${r1(ey)}" stroke="${GRID_COLOUR}"/>`,
    );
    const a = angle(i);
    const lx = cx + Math.cos(a) * (radius + 20);
    const ly = cy + Math.sin(a) * (radius + 20) + 4;
    const cos = Math.cos(a);
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    parts.push(text(lx, ly, c, { anchor, size: 12, weight: 'bold' }));
  });
  const fill = colours(chart.series);
  const items: LegendItem[] = [];
  // Value labels are painted after every line: a target drawn later would otherwise cross them
  // ("1,87" cut by the dashed target), their white halo hiding only what lies beneath.
  const labels: string[] = [];
  chart.series.forEach((s, k) => {
    const pts = chart.categories.map((_, i) => point(i, s.values[i] ?? min));
    const poly = pts.map(([px, py]) => `${r1(px)},${r1(py)}`).join(' ');
    if (s.role === 'target') {
      parts.push(
        `<polygon points="${poly}" fill="none" stroke="${fill[k]}" stroke-width="2" stroke-dasharray="6 4"/>`,
      );
      items.push({ label: s.name, colour: fill[k] ?? TARGET_COLOUR, dashed: true });
      return;
    }
    parts.push(
      `<polygon points="${poly}" fill="${fill[k]}" fill-opacity="0.25" stroke="${fill[k]}" stroke-width="2.5"/>`,
    );
    pts.forEach(([px, py], i) => {
      if (s.values[i] === null || s.values[i] === undefined) return;
      parts.push(`<circle cx="${r1(px)}" cy="${r1(py)}" r="3.5" fill="${fill[k]}"/>`);
      const a = angle(i);
      labels.push(
        text(px + Math.cos(a) * 18, py + Math.sin(a) * 18 + 4, s.displays[i] ?? '', {
          size: 11,
          weight: 'bold',
          fill: fill[k] ?? TEXT_COLOUR,
          halo: true,
        }),
      );
    });
    items.push({ label: s.name, colour: fill[k] ?? TEXT_COLOUR });
  });
  parts.push(...labels, legend(items, CHART_HEIGHT - 20));
  return frame(chart, parts.join(''));
}

/** The chart as an SVG document (CHART_WIDTH × CHART_HEIGHT user units). */
export function chartSvg(chart: ChartModel): string {
  if (chart.kind === 'radar') return radarSvg(chart);
  if (chart.kind === 'line') return lineSvg(chart);
  return barSvg(chart);
}
