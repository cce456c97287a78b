/**
 * Thin recharts views of the shared series, each with its data as a table for screen readers.
 * Groups are named by their names (not "Aspek 1–8"); values read with a decimal comma.
 *
 * Each chart is an image named by its summary (role="img"); its drawing is hidden from screen
 * readers and recharts' keyboard layer is off. Inside that image they made a Tab stop with role
 * "application" and no name, and read the legend as "Indeks legend icon" (English). The values
 * are read in the summary and in "Lihat data".
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../../../../shared/format/number';
import { trendSummary, type GroupPoint, type Trend } from '../../../../shared/scoring';
import { wrapWords } from './axis-label';

const decimal = (v: unknown): string => (typeof v === 'number' ? formatNumber(v, 2) : String(v));
const tick = (v: unknown): string => (typeof v === 'number' ? formatNumber(v, 2, 0) : String(v));
/** Long group names fold to a short axis tick; the full name is in the tooltip and the table. */
const shortName = (name: string): string => (name.length > 22 ? `${name.slice(0, 21)}…` : name);
const targetStatus = (p: GroupPoint): string =>
  p.meetsTarget === null ? '—' : p.meetsTarget ? 'tercapai' : 'di bawah target';

function DataTable({ caption, points }: { caption: string; points: GroupPoint[] }) {
  return (
    <details className="chart-data">
      <summary>Lihat data: {caption}</summary>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Bagian</th>
            <th scope="col" className="num">
              Indeks
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.label}. {p.name}
              </th>
              <td className="num">{p.display ?? '—'}</td>
              <td className="num">{formatNumber(p.target, 2)}</td>
              <td>{targetStatus(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const chartData = (points: GroupPoint[]) =>
  points.map((p) => ({
    label: shortName(p.name),
    name: p.name,
    Indeks: p.value,
    Target: p.target,
  }));
const summaryOf = (points: GroupPoint[]): string =>
  points.map((p) => `${p.name} ${p.display ?? 'belum ada'}`).join(', ');

export function AspectRadar({
  points,
  max,
  title = 'Indeks aspek dibandingkan target',
}: {
  points: GroupPoint[];
  max: number;
  title?: string;
}) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div
        role="img"
        aria-label={`Diagram radar ${title.toLowerCase()}: ${summaryOf(points)}`}
        className="chart-box"
      >
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={300}>
            <RadarChart data={chartData(points)} outerRadius="70%" accessibilityLayer={false}>
              <PolarGrid />
              <PolarAngleAxis dataKey="label" />
              <PolarRadiusAxis domain={[0, max]} tickCount={max + 1} tickFormatter={tick} />
              <Radar
                name="Indeks"
                dataKey="Indeks"
                stroke="#0b3d6b"
                fill="#0b3d6b"
                fillOpacity={0.35}
                isAnimationActive={false}
              />
              <Radar
                name="Target"
                dataKey="Target"
                stroke="#b06d00"
                fill="none"
                strokeDasharray="5 4"
                isAnimationActive={false}
              />
              <Legend />
              <Tooltip formatter={decimal} labelFormatter={fullName(points)} />
            </RadarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <DataTable caption={title} points={points} />
    </figure>
  );
}

/** The tooltip's title: the group's full name for its shortened tick. */
const fullName =
  (points: GroupPoint[]) =>
  (label: unknown): string =>
    points.find((p) => shortName(p.name) === label)?.name ?? String(label);

/** Characters per line and lines of a bar's name under the axis (seven Pemdi aspects at 1280 px). */
const BAR_LABEL_WIDTH = 18;
const BAR_LABEL_LINES = 3;

/** A bar's axis label: its group's full name in whole words over up to three lines. */
function WrappedTick({
  x,
  y,
  payload,
  points,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  points: GroupPoint[];
}) {
  const lines = wrapWords(fullName(points)(payload?.value), BAR_LABEL_WIDTH, BAR_LABEL_LINES);
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={11} fill="#4a5563">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 12 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function GroupBars({
  points,
  max,
  title,
}: {
  points: GroupPoint[];
  max: number;
  title: string;
}) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div
        role="img"
        aria-label={`Diagram batang ${title.toLowerCase()}: ${summaryOf(points)}`}
        className="chart-box"
      >
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={300}>
            <BarChart data={chartData(points)} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="label"
                interval={0}
                height={52}
                tick={(props: object) => <WrappedTick {...props} points={points} />}
              />
              <YAxis domain={[0, max]} tickCount={max + 1} tickFormatter={tick} />
              <Tooltip formatter={decimal} labelFormatter={fullName(points)} />
              <Legend />
              <Bar dataKey="Indeks" fill="#0b3d6b" isAnimationActive={false} />
              <Bar dataKey="Target" fill="#d9a021" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <DataTable caption={title} points={points} />
    </figure>
  );
}

const seriesColors = ['#0b3d6b', '#b06d00', '#2e7d32', '#6a1b9a'];

/**
 * The index over the years: one line per instrument, never joined across instruments, with the
 * sentence saying why when there are several.
 */
export function TrendChart({ trend, max }: { trend: Trend; max: number }) {
  const data = trend.years.map((year) => {
    const row: Record<string, number | string | boolean | null> = { year: String(year) };
    for (const s of trend.series) {
      const p = s.points.find((x) => x.year === year);
      row[s.id] = p?.value ?? null;
      row[`${s.id}:sementara`] = p?.provisional ?? false;
    }
    return row;
  });
  // A provisional year says so wherever its value is read, as the data table does.
  const summary = trendSummary(trend);
  const tooltipValue = (v: unknown, _name: unknown, item: unknown): string => {
    const { dataKey, payload } = (item ?? {}) as {
      dataKey?: unknown;
      payload?: Record<string, unknown>;
    };
    return `${decimal(v)}${payload?.[`${String(dataKey)}:sementara`] === true ? ' (sementara)' : ''}`;
  };
  const title = 'Perkembangan indeks per tahun';
  return (
    <figure className="chart trend-chart">
      <figcaption>{title}</figcaption>
      {trend.note && <p className="small muted trend-note">{trend.note}</p>}
      <div
        role="img"
        aria-label={`Diagram garis ${title.toLowerCase()}: ${summary}`}
        className="chart-box"
      >
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={data} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              {/* The first and last years' points sit inside the plot, not half over its edges. */}
              <XAxis dataKey="year" padding={{ left: 16, right: 16 }} />
              <YAxis domain={[0, max]} tickCount={max + 1} tickFormatter={tick} />
              <Tooltip formatter={tooltipValue} />
              <Legend />
              {trend.series.map((s, i) => (
                <Line
                  key={s.id}
                  type="linear"
                  dataKey={s.id}
                  name={s.name}
                  stroke={seriesColors[i % seriesColors.length]}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      <details className="chart-data">
        <summary>Lihat data: {title}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Tahun</th>
              {trend.series.map((s) => (
                <th key={s.id} scope="col" className="num">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.years.map((year) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {trend.series.map((s) => {
                  const p = s.points.find((x) => x.year === year);
                  return (
                    <td key={s.id} className="num">
                      {p?.display
                        ? `${p.display} (${p.rating ?? '—'})${p.provisional ? ' sementara' : ''}`
                        : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
