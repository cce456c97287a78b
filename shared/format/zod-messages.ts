/**
 * Indonesian wording of schema problems (bundle manifests, backups, instrument packs, profiles,
 * and the forms beside their fields). Schemas keep their own Indonesian messages where they have
 * one; the generic zod checks (type, size, unknown field) get the wording here, passed per parse
 * so no global zod setting changes for the rest of the app.
 */
import type { z } from 'zod';
import { formatNumber } from './number';
import { capitalized } from './text';

const typeNames: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  boolean: 'benar/salah',
  object: 'objek',
  array: 'daftar',
  null: 'null',
  undefined: 'kosong',
  bigint: 'angka',
};

const typeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'daftar';
  return typeNames[typeof v] ?? typeof v;
};

/** A limit as a reader writes it: 20.000 and 5,5, not 20000 and 5.5. */
const limit = (n: number | bigint): string =>
  typeof n === 'number' && Number.isFinite(n) ? formatNumber(n, 2, 0) : String(n);

/** A zod error map (zod 4 `error` parse option) in Indonesian. */
export const indonesianErrorMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'wajib ada';
      // A number field given letters ("20x1") holds NaN, which is of type number: "harus berupa
      // angka, bukan angka" would contradict itself.
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) {
        return `harus berupa ${typeNames[issue.expected] ?? issue.expected}, tanpa huruf atau tanda lain`;
      }
      return `harus berupa ${typeNames[issue.expected] ?? issue.expected}, bukan ${typeOf(issue.input)}`;
    case 'invalid_value':
      return `nilai tidak diizinkan (seharusnya ${issue.values.map((v) => JSON.stringify(v)).join(' atau ')})`;
    case 'too_big':
      return issue.origin === 'string'
        ? `terlalu panjang (paling banyak ${limit(issue.maximum)} karakter)`
        : issue.origin === 'array'
          ? `terlalu banyak (paling banyak ${limit(issue.maximum)} butir)`
          : `terlalu besar (paling besar ${limit(issue.maximum)})`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'tidak boleh kosong'
          : `terlalu pendek (paling sedikit ${limit(issue.minimum)} karakter)`
        : issue.origin === 'array'
          ? `terlalu sedikit (paling sedikit ${limit(issue.minimum)} butir)`
          : `terlalu kecil (paling kecil ${limit(issue.minimum)})`;
    case 'invalid_format':
      return 'bentuknya tidak sah';
    case 'unrecognized_keys':
      return `kolom tidak dikenal: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'bentuknya tidak sesuai satu pun pilihan yang sah';
    case 'not_multiple_of':
      return 'harus bilangan bulat';
    default:
      return undefined;
  }
};

/**
 * The same wording as a sentence of its own, for a message beside a form field or after a
 * field's name: "Terlalu panjang (paling banyak 200 karakter)".
 */
export const fieldErrorMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  const message = indonesianErrorMap(issue);
  return message === undefined ? undefined : capitalized(message);
};

/** "snapshot.answers.3.value" -> "snapshot.answers[3].value". */
export function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(akar)' : out;
}

/** At most `max` problems, then "dan N masalah lain". */
export function summarizeProblems(problems: readonly string[], max = 5): string {
  const shown = problems.slice(0, max).join('; ');
  const rest = problems.length - max;
  return rest > 0 ? `${shown}; dan ${rest} masalah lain` : shown;
}

/**
 * Why a file cannot be opened without its instrument pack, and how to get it: the pack it needs
 * (id, version, its names when known: "PermenPANRB 8/2026 tentang Evaluasi Kinerja Pemerintah
 * Digital") and where to load it. `installedVersion` is set when the app has that instrument in
 * another version only.
 */
export function packMissingMessage(
  needed: { id: string; version: string; shortTitle?: string; title?: string },
  installedVersion?: string,
): string {
  const why =
    installedVersion === undefined
      ? `Berkas memakai instrumen "${needed.id}" versi ${needed.version} yang tidak dikenal aplikasi ini.`
      : `Berkas memakai instrumen "${needed.id}" versi ${needed.version}, sedangkan aplikasi ini memasang versi ${installedVersion}.`;
  const names = [...new Set([needed.shortTitle, needed.title])].filter((s): s is string => !!s);
  const title = names.length > 0 ? ` (${names.join(' tentang ')})` : '';
  return `${why} Paket instrumen ${needed.id} versi ${needed.version}${title} diperlukan: minta berkas paketnya (.json) kepada pengirim, muat paket di layar Instrumen (Muat paket dari berkas…), lalu buka berkas ini lagi.`;
}
