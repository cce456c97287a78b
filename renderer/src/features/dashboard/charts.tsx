/** Thin recharts views of the shared series, each with its data as a table for screen readers. */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
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
import type { GroupPoint } from '../../../../shared/scoring';

const decimal = (v: unknown): string => (typeof v === 'number' ? formatNumber(v, 2) : String(v));

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
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function AspectRadar({ points, max }: { points: GroupPoint[]; max: number }) {
  const data = points.map((p) => ({ label: p.label, Indeks: p.value ?? 0, Target: p.target }));
  const summary = points.map((p) => `${p.label} ${p.display ?? 'belum ada'}`).join(', ');
  return (
    <figure className="chart">
      <figcaption>Indeks aspek dibandingkan target</figcaption>
      <div role="img" aria-label={`Diagram radar indeks aspek: ${summary}`} className="chart-box">
        <ResponsiveContainer width="100%" height={300}>
          <RadarChart data={data} outerRadius="75%">
            <PolarGrid />
            <PolarAngleAxis dataKey="label" />
            <PolarRadiusAxis domain={[0, max]} tickCount={max + 1} />
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
            <Tooltip formatter={decimal} />
          </RadarChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Indeks aspek" points={points} />
    </figure>
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
  const data = points.map((p) => ({ label: p.label, Indeks: p.value ?? 0, Target: p.target }));
  const summary = points.map((p) => `${p.label} ${p.display ?? 'belum ada'}`).join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div
        role="img"
        aria-label={`Diagram batang ${title.toLowerCase()}: ${summary}`}
        className="chart-box"
      >
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, max]} tickCount={max + 1} />
            <Tooltip formatter={decimal} />
            <Legend />
            <Bar dataKey="Indeks" fill="#0b3d6b" isAnimationActive={false} />
            <Bar dataKey="Target" fill="#d9a021" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption={title} points={points} />
    </figure>
  );
}
