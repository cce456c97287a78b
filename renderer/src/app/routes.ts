/**
 * Every route of the app in one typed table: its path pattern (as the router matches it), the
 * title of its screen (error boundary, tabs) and a builder that makes a link to it. The router
 * (app.tsx), the navigation, every link and the print routes (printed by Electron's main process
 * and by the browser) take their paths from here; no other renderer module writes a route by
 * hand (test/unit/architecture/routes.test.ts keeps it so).
 *
 * A builder takes the pattern's parameters and the route's query parameters in one object:
 * `routes.evaluation.indicator({ evaluationId, number: 11 })` → "/evaluasi/<id>/indikator/11",
 * `routes.merge({ dasar: id })` → "/gabung?dasar=<id>". Parameters are URI-encoded; a query
 * value that is null or undefined is left out.
 */
import { matchPath } from 'react-router';

/** The names of a pattern's parameters: "/a/:x/b/:y" → "x" | "y". */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type QueryValues<Q extends string> = { readonly [K in Q]?: string | null | undefined };

/** What a route's builder takes: its parameters (required) and its query (optional). */
type RouteArgs<P extends string, Q extends string> = [ParamNames<P>] extends [never]
  ? [query?: [Q] extends [never] ? Record<string, never> : QueryValues<Q>]
  : [args: { readonly [K in ParamNames<P>]: string | number } & QueryValues<Q>];

/** A route: call it for a path to link to; `pattern` is what the router matches. */
interface AppRoute<P extends string = string, Q extends string = string> {
  (...args: RouteArgs<P, Q>): string;
  readonly pattern: P;
  readonly title: string;
  /** The query parameters the route reads. */
  readonly query: readonly Q[];
}

function route<const P extends string, const Q extends string = never>(
  pattern: P,
  title: string,
  query: readonly Q[] = [],
): AppRoute<P, Q> {
  const build = (...args: unknown[]): string => {
    const values = (args[0] ?? {}) as Record<string, string | number | null | undefined>;
    const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined || value === null || value === '') {
        throw new Error(`Rute ${pattern} memerlukan parameter ${name}.`);
      }
      return encodeURIComponent(String(value));
    });
    const search = new URLSearchParams();
    for (const key of query) {
      const value = values[key];
      if (value !== undefined && value !== null) search.set(key, String(value));
    }
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  return Object.assign(build, { pattern, title, query }) as AppRoute<P, Q>;
}

/** The routes of one evaluation's workspace, in the order of its tabs. */
const evaluation = {
  dashboard: route('/evaluasi/:evaluationId', 'Dasbor'),
  indicators: route('/evaluasi/:evaluationId/indikator', 'Penilaian Indikator'),
  indicator: route('/evaluasi/:evaluationId/indikator/:number', 'Penilaian Indikator'),
  evidence: route('/evaluasi/:evaluationId/bukti', 'Bukti Dukung'),
  team: route('/evaluasi/:evaluationId/tim', 'Tim Asesor'),
  history: route('/evaluasi/:evaluationId/riwayat', 'Riwayat'),
  instansiProfile: route('/evaluasi/:evaluationId/profil', 'Profil Instansi'),
  report: route('/evaluasi/:evaluationId/laporan', 'Laporan'),
  exchange: route('/evaluasi/:evaluationId/pertukaran', 'Pertukaran'),
};

/** Printable pages: outside the app frame, printed to PDF by Electron or the browser. */
const print = {
  /** `bagian`: the chosen report sections (see report-export.ts); absent means all. */
  report: route('/cetak/laporan/:evaluationId', 'Cetak Laporan', ['bagian']),
  minutes: route('/cetak/berita-acara/:mergeId', 'Cetak Berita Acara'),
};

export const routes = {
  evaluations: route('/', 'Daftar Evaluasi'),
  /** `profil`: the regional profile the form starts from (a link of Profil Daerah). */
  newEvaluation: route('/evaluasi/baru', 'Evaluasi Baru', ['profil']),
  import: route('/impor', 'Impor Berkas'),
  /** `dasar`: the evaluation proposed as the base of the merge. */
  merge: route('/gabung', 'Gabungkan Berkas', ['dasar']),
  minutes: route('/gabungan/:mergeId', 'Berita Acara Penggabungan'),
  evaluation,
  regionalProfiles: route('/profil-daerah', 'Profil Daerah'),
  newRegionalProfile: route('/profil-daerah/baru', 'Profil Daerah Baru'),
  regionalProfile: route('/profil-daerah/:profileId', 'Profil Daerah'),
  /** `paket`, `versi`: the pack shown; absent means the instrument of this year. */
  instrument: route('/instrumen', 'Instrumen', ['paket', 'versi']),
  rekap: route('/rekap', 'Rekap Daerah'),
  instrumentIndicator: route(
    '/instrumen/:packId/:version/indikator/:number',
    'Indikator Instrumen',
  ),
  settings: route('/pengaturan', 'Pengaturan'),
  backups: route('/cadangan', 'Cadangan'),
  about: route('/tentang', 'Tentang Aplikasi'),
  help: route('/bantuan', 'Bantuan'),
  print,
} as const;

/**
 * Every route, in the table's order: a fixed path ("/evaluasi/baru") comes before a pattern
 * that would also match it ("/evaluasi/:evaluationId").
 */
export const allRoutes: readonly AppRoute[] = (function flatten(
  table: Record<string, unknown>,
): AppRoute[] {
  return Object.values(table).flatMap((entry) =>
    typeof entry === 'function' ? [entry as AppRoute] : flatten(entry as Record<string, unknown>),
  );
})(routes);

/** The route a path belongs to ("/evaluasi/abc/bukti" → Bukti Dukung), if any. */
export function routeOf(pathname: string): AppRoute | undefined {
  const path = pathname.split(/[?#]/)[0] ?? pathname;
  return allRoutes.find((r) => matchPath(r.pattern, path) !== null);
}

/** True for a printable page (a print route), which stands outside the app frame. */
export function isPrintPath(pathname: string): boolean {
  const found = routeOf(pathname);
  return found !== undefined && Object.values(print).some((r) => r === found);
}
