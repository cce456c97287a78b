/**
 * The profile file users exchange with neighbouring governments:
 * `{ "format": "spbe-profile", "formatVersion": 1, "profile": { … } }` as UTF-8 JSON.
 * Reading one never trusts it: size first, then JSON, then the envelope, then the profile schema,
 * then its indicators against the instrument; every refusal is an Indonesian message. A file that
 * passes yields a profile and, separately, warnings about quotes not found in its own text.
 */
import { z } from 'zod';
import { formatBytes } from '../format/number';
import { fieldErrorMap } from '../format/zod-messages';
import { builtInPacks } from '../instrument/packs';
import type { InstrumentPack } from '../instrument/schema';
import { checkCitations, checkOtherMappings, checkProfileAgainstPack } from './check';
import { profileProblemText } from './labels';
import { PROFILE_FORMAT_VERSION, profileSchema, type Profile } from './schema';

export const PROFILE_FILE_FORMAT = 'spbe-profile';
export const PROFILE_FILE_EXTENSION = '.json';

/** The largest profile file accepted: a regulation text of a few hundred pages fits easily. */
export const MAX_PROFILE_FILE_BYTES = 4 * 1024 * 1024;

export type ProfileFileResult =
  { ok: true; profile: Profile; warnings: string[] } | { ok: false; errors: string[] };

/** The file's contents for a profile (pretty-printed, so a reviewer can read a diff). */
export function serializeProfile(profile: Profile): string {
  return `${JSON.stringify(
    { format: PROFILE_FILE_FORMAT, formatVersion: PROFILE_FORMAT_VERSION, profile },
    null,
    2,
  )}\n`;
}

/** "profil-kota-balikpapan.json". */
export const profileFileName = (profile: Pick<Profile, 'id'>): string =>
  `profil-${profile.id}${PROFILE_FILE_EXTENSION}`;

/**
 * The refusal for a file of `bytes` bytes, or null when its size is acceptable. Call it with the
 * file's size before reading it.
 */
export function checkProfileFileSize(bytes: number): string | null {
  if (bytes === 0) return 'Berkas profil kosong.';
  if (bytes > MAX_PROFILE_FILE_BYTES) {
    return `Berkas profil terlalu besar (${formatBytes(bytes)}; paling besar ${formatBytes(MAX_PROFILE_FILE_BYTES)}).`;
  }
  return null;
}

const envelopeSchema = z.looseObject({
  format: z.unknown(),
  formatVersion: z.unknown(),
  profile: z.unknown(),
});

const pathLabel = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key + 1}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');

/** Indonesian messages for zod issues, each naming where it is. */
export function zodIssuesToMessages(issues: z.ZodError['issues']): string[] {
  return issues.map((issue) => {
    const where = pathLabel(issue.path);
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
}

/**
 * Parse a profile object (not a file) with Indonesian messages, each naming its place as the
 * editor labels it ("Nama instansi: paling banyak 200 karakter").
 */
export function parseProfile(
  value: unknown,
): { ok: true; profile: Profile } | { ok: false; errors: string[] } {
  const result = profileSchema.safeParse(value, { error: fieldErrorMap });
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => profileProblemText(issue.path, issue.message)),
    };
  }
  return { ok: true, profile: result.data };
}

const MAX_ERRORS = 50;

/**
 * Read a profile file's text. `packs` are the instruments the app knows (the built-in ones by
 * default): a profile for a known instrument must use its indicator numbers and levels; one for
 * an unknown instrument is accepted with a warning.
 */
export function parseProfileFile(
  text: string,
  packs: readonly InstrumentPack[] = builtInPacks(),
): ProfileFileResult {
  // UTF-16 length bounds the UTF-8 size from below; the caller checks the byte size first.
  if (text.length > MAX_PROFILE_FILE_BYTES) {
    return { ok: false, errors: [checkProfileFileSize(text.length) ?? 'Berkas terlalu besar.'] };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, errors: ['Berkas profil kosong.'] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, errors: ['Berkas profil rusak: isinya bukan JSON yang sah.'] };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || envelope.data.format !== PROFILE_FILE_FORMAT) {
    return {
      ok: false,
      errors: ['Berkas ini bukan berkas profil daerah Evaluasi SPBE (format "spbe-profile").'],
    };
  }
  const { formatVersion } = envelope.data;
  if (typeof formatVersion === 'number' && formatVersion > PROFILE_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        `Berkas profil memakai versi format ${formatVersion}, lebih baru dari yang dikenal aplikasi ini (${PROFILE_FORMAT_VERSION}). Perbarui aplikasi.`,
      ],
    };
  }
  if (formatVersion !== PROFILE_FORMAT_VERSION) {
    return { ok: false, errors: ['Versi format berkas profil tidak dikenal.'] };
  }
  const extra = Object.keys(envelope.data).filter(
    (k) => k !== 'format' && k !== 'formatVersion' && k !== 'profile',
  );
  if (extra.length > 0) {
    return {
      ok: false,
      errors: [`Berkas profil memuat bagian yang tidak dikenal: ${extra.join(', ')}.`],
    };
  }
  const parsed = parseProfile(envelope.data.profile);
  if (!parsed.ok) {
    const errors = parsed.errors;
    return {
      ok: false,
      errors:
        errors.length > MAX_ERRORS
          ? [...errors.slice(0, MAX_ERRORS), `… dan ${errors.length - MAX_ERRORS} masalah lain.`]
          : errors,
    };
  }
  const profile = parsed.profile;
  const warnings: string[] = [];
  const pack = packs.find((p) => p.id === profile.instrumentId);
  if (pack) {
    const problems = checkProfileAgainstPack(profile, pack);
    if (problems.length > 0) {
      return { ok: false, errors: problems.map((p) => `${p.where}: ${p.message}`) };
    }
  } else {
    warnings.push(
      `Instrumen "${profile.instrumentId}" tidak dikenal aplikasi ini; pemetaan indikator tidak dapat diperiksa.`,
    );
  }
  const others = checkOtherMappings(profile, (id) => packs.find((p) => p.id === id));
  if (others.problems.length > 0) {
    return { ok: false, errors: others.problems.map((p) => `${p.where}: ${p.message}`) };
  }
  for (const id of others.unknown) {
    warnings.push(
      `Instrumen "${id}" tidak dikenal aplikasi ini; pemetaan indikatornya tidak dapat diperiksa.`,
    );
  }
  for (const p of checkCitations(profile)) warnings.push(`${p.where}: ${p.message}`);
  return { ok: true, profile, warnings };
}
