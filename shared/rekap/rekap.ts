/**
 * The rekap of many Pemda (for a province's Biro Organisasi or a ministry): from validated
 * bundles to one row per instansi and year, keeping the latest final evaluation of each, and the
 * distribution of the results per instrument. Pure: bundles are validated by the caller exactly
 * as an import validates them; a file refused there is listed here with its reason.
 *
 * "Final" is the report's rule: every indicator answered and every answer verified. A Pemda that
 * sent only provisional files still gets a row, marked "Sementara", so that nobody is missing
 * from the rekap without a word.
 */
import { snapshotValues, type EvaluationSnapshot } from '../assessment/snapshot';
import type { BundleManifest } from '../bundle/manifest';
import type { InstrumentPack } from '../instrument/schema';
import { formatValue } from '../instrument/value';
import { score } from '../scoring/score';

export interface RekapGroupValue {
  id: string;
  tier: string;
  name: string;
  /** Presented index ("2,95"); null when nothing of the group is answered. */
  display: string | null;
  value: number | null;
}

export interface RekapRow {
  file: string;
  instansi: string;
  kind: string;
  region: string;
  province: string;
  year: number;
  pack: { id: string; version: string; shortTitle: string; indexLabel: string };
  /** exactDisplay: the exact index where "2,50" would hide its predikat's side (exactWhereHidden). */
  index: { display: string; value: number; exactDisplay: string | null } | null;
  predikat: string | null;
  groups: RekapGroupValue[];
  /** Indicator number -> value (null = unanswered). */
  values: Record<number, number | null>;
  /** Indicator number -> presented value ("3", "2,75"; "1,00*" when an assumed value). */
  valueText: Record<number, string>;
  /** Indicators awaiting an external index that count with the pack's assumed value. */
  awaitingExternal: number[];
  answered: number;
  verified: number;
  total: number;
  final: boolean;
  exportedAt: number;
}

export interface RefusedFile {
  file: string;
  reason: string;
}

export interface RekapInput {
  file: string;
  manifest: BundleManifest;
  pack: InstrumentPack;
}

/** The mark beside a value that is assumed while its external index is awaited. */
export const ASSUMED_MARK = '*';

/**
 * The note explaining ASSUMED_MARK for one row ("" when nothing is assumed): "* Indikator 5, 6, 7
 * dan 18 menunggu nilai indeks dari instansi sumbernya; sementara itu dihitung dengan nilai anggapan."
 */
export function assumedNote(row: Pick<RekapRow, 'awaitingExternal'>): string {
  const n = row.awaitingExternal;
  if (n.length === 0) return '';
  const list = n.length === 1 ? `${n[0]}` : `${n.slice(0, -1).join(', ')} dan ${n[n.length - 1]}`;
  return (
    `${ASSUMED_MARK} Indikator ${list} menunggu nilai indeks dari instansi sumbernya; ` +
    'sementara itu dihitung dengan nilai anggapan.'
  );
}

/**
 * Beside a row's index on the screen: "* termasuk nilai anggapan untuk indikator 5, 6, 7 dan 18
 * yang menunggu nilai indeks dari instansi sumbernya" ("" when nothing is assumed).
 */
export function assumedIndexNote(row: Pick<RekapRow, 'awaitingExternal'>): string {
  const n = row.awaitingExternal;
  if (n.length === 0) return '';
  const list = n.length === 1 ? `${n[0]}` : `${n.slice(0, -1).join(', ')} dan ${n[n.length - 1]}`;
  return `${ASSUMED_MARK} termasuk nilai anggapan untuk indikator ${list} yang menunggu nilai indeks dari instansi sumbernya`;
}

/** The snapshot's answered and verified counts (an answer counts when it has a value). */
function counts(snapshot: EvaluationSnapshot): { answered: number; verified: number } {
  let answered = 0;
  let verified = 0;
  for (const a of snapshot.answers) {
    if (a.value === null) continue;
    answered += 1;
    if (a.status === 'verified') verified += 1;
  }
  return { answered, verified };
}

/** One row of the rekap, or the reason the file cannot stand for a Pemda's result. */
export function rekapRow(input: RekapInput): RekapRow | RefusedFile {
  const { file, manifest, pack } = input;
  if (manifest.scope.kind !== 'all') {
    return {
      file,
      reason:
        'berkas hanya memuat indikator seorang asesor, bukan hasil evaluasi lengkap; kirim berkas gabungan koordinator',
    };
  }
  const s = manifest.snapshot;
  const result = score(pack, snapshotValues(s));
  const { answered, verified } = counts(s);
  const values: Record<number, number | null> = {};
  const valueText: Record<number, string> = {};
  const awaitingExternal: number[] = [];
  for (const i of result.indicators) {
    values[i.number] = i.value;
    const assumed = i.awaitingExternal && i.value !== null;
    if (assumed) awaitingExternal.push(i.number);
    valueText[i.number] =
      i.value === null ? '' : `${formatValue(pack, i.value)}${assumed ? ASSUMED_MARK : ''}`;
  }
  const tierName = new Map(pack.tiers.map((t) => [t.id, t.label]));
  return {
    file,
    instansi: s.evaluation.instansi.name,
    kind: s.evaluation.instansi.kind,
    region: s.evaluation.instansi.regionName,
    province: s.evaluation.instansi.province,
    year: s.evaluation.year,
    pack: {
      id: pack.id,
      version: pack.version,
      shortTitle: pack.shortTitle,
      indexLabel: pack.indexLabel,
    },
    index: result.overall
      ? {
          display: result.overall.display,
          value: result.overall.value,
          exactDisplay: result.overall.exactDisplay,
        }
      : null,
    predikat: result.overall?.rating ?? null,
    groups: result.groups.map((g) => ({
      id: g.id,
      tier: tierName.get(g.tier) ?? g.tier,
      name: g.name,
      display: g.result?.display ?? null,
      value: g.result?.value ?? null,
    })),
    values,
    valueText,
    awaitingExternal,
    answered,
    verified,
    total: result.total,
    final: result.complete && verified === result.total,
    exportedAt: manifest.exportedAt,
  };
}

export const isRefused = (r: RekapRow | RefusedFile): r is RefusedFile => 'reason' in r;

/** Instansi names compare without case, spacing or punctuation differences. */
const instansiKey = (name: string): string =>
  name
    .toLocaleLowerCase('id-ID')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** What is kept of a superseded file: enough to say which file replaced it. */
export type SupersededRow = Pick<
  RekapRow,
  'file' | 'instansi' | 'year' | 'pack' | 'final' | 'exportedAt'
>;

const slim = (r: RekapRow): SupersededRow => ({
  file: r.file,
  instansi: r.instansi,
  year: r.year,
  pack: r.pack,
  final: r.final,
  exportedAt: r.exportedAt,
});

/**
 * The rows kept, as files are read one by one: per instansi, year and instrument the latest final
 * evaluation, or the latest provisional one when none is final (a Pemdi trial of a year never
 * replaces that year's 59/2020 result, nor the reverse: they are two results). A superseded row is dropped at
 * once (only its file name and key are kept, to list it), so memory grows with the rows kept,
 * not with the number of files.
 */
/** Whether `a` supersedes `b`: a final evaluation over a provisional one, else the later export. */
const supersedes = (a: RekapRow, b: RekapRow): boolean =>
  a.final !== b.final ? a.final : a.exportedAt > b.exportedAt;

/** One result per instansi, year and instrument. */
export const rekapKey = (r: Pick<RekapRow, 'instansi' | 'year' | 'pack'>): string =>
  `${instansiKey(r.instansi)}\u0000${r.year}\u0000${r.pack.id}`;

export class LatestRows {
  private readonly best = new Map<string, RekapRow>();
  private readonly dropped: SupersededRow[] = [];

  add(row: RekapRow): void {
    const key = rekapKey(row);
    const current = this.best.get(key);
    if (!current) this.best.set(key, row);
    else if (supersedes(row, current)) {
      this.dropped.push(slim(current));
      this.best.set(key, row);
    } else this.dropped.push(slim(row));
  }

  /** Rows kept sorted by instrument, instansi and year; the superseded ones in reading order. */
  result(): { kept: RekapRow[]; superseded: SupersededRow[] } {
    const kept = [...this.best.values()].sort(
      (a, b) =>
        a.pack.id.localeCompare(b.pack.id) ||
        a.instansi.localeCompare(b.instansi, 'id-ID') ||
        a.year - b.year,
    );
    return { kept, superseded: [...this.dropped] };
  }
}

export interface GroupStat {
  id: string;
  tier: string;
  name: string;
  count: number;
  mean: number | null;
  median: number | null;
}

export interface PackDistribution {
  pack: RekapRow['pack'];
  /** The evaluation year: a distribution never mixes years (one Pemda's five years are not five Pemda). */
  year: number;
  /** Rows of this instrument and year: one per instansi. */
  rows: number;
  /** Of those, rows from provisional (not final) evaluations: counted in every figure. */
  provisional: number;
  /** Count per predikat, in the pack's order (lowest first), zeros included. */
  predikat: { name: string; count: number }[];
  indexMean: number | null;
  indexMedian: number | null;
  groups: GroupStat[];
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((t, x) => t + x, 0) / xs.length;

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Per instrument and year (instruments in the rows' order, years oldest first): predikat counts
 * and the mean and median of the index and of each group.
 */
export function distribution(
  rows: readonly RekapRow[],
  packOf: (id: string, version: string) => InstrumentPack | undefined,
): PackDistribution[] {
  const byPack = new Map<string, Map<number, RekapRow[]>>();
  for (const r of rows) {
    const key = `${r.pack.id}@${r.pack.version}`;
    const byYear = byPack.get(key) ?? new Map<number, RekapRow[]>();
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    byPack.set(key, byYear);
  }
  const lists = [...byPack.values()].flatMap((byYear) =>
    [...byYear.entries()].sort(([a], [b]) => a - b).map(([, list]) => list),
  );
  return lists.map((list) => {
    const first = list[0]!;
    const pack = packOf(first.pack.id, first.pack.version);
    const names = pack ? [...pack.rating].sort((a, b) => a.min - b.min).map((b) => b.name) : [];
    for (const r of list) if (r.predikat && !names.includes(r.predikat)) names.push(r.predikat);
    const indices = list.flatMap((r) => (r.index ? [r.index.value] : []));
    const groups = first.groups.map((g) => {
      const xs = list.flatMap((r) => {
        const v = r.groups.find((x) => x.id === g.id)?.value;
        return v === null || v === undefined ? [] : [v];
      });
      return {
        id: g.id,
        tier: g.tier,
        name: g.name,
        count: xs.length,
        mean: mean(xs),
        median: median(xs),
      };
    });
    return {
      pack: first.pack,
      year: first.year,
      rows: list.length,
      provisional: list.filter((r) => !r.final).length,
      predikat: names.map((name) => ({
        name,
        count: list.filter((r) => r.predikat === name).length,
      })),
      indexMean: mean(indices),
      indexMedian: median(indices),
      groups,
    };
  });
}
