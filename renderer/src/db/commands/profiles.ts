/**
 * Custom regional profiles (`db.profiles`): saving one the user made or imported, reading them
 * back, deleting. A profile is validated before it is written (schema, indicator numbers against
 * its instrument), never after: what is stored is always a profile the app can use. Quotes that
 * do not stand in the regulation text are warnings, as on import (the user may still be typing
 * the text in). Built-in profiles live in `shared/profiles` and are never written here.
 */
import { findPack } from '../../../../shared/instrument';
import {
  checkCitations,
  checkOtherMappings,
  checkProfileAgainstPack,
  isBuiltInProfileId,
  parseProfile,
  parseProfileFile,
  type Profile,
} from '../../../../shared/profiles';
import { db, type ProfileRow } from '../db';
import { guardWrite, StorageError } from '../errors';

/** A profile the schema refused; `errors` are Indonesian, each naming where. */
export class InvalidProfileInputError extends Error {
  constructor(readonly errors: string[]) {
    super(
      `Profil belum dapat disimpan: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? '; …' : ''}`,
    );
    this.name = 'InvalidProfileInputError';
  }
}

export interface SaveProfileResult {
  profile: Profile;
  /** Citation problems (a quote not found in its article), shown to the user. */
  warnings: string[];
}

/** A stored custom profile, read back: usable, or refused with the reasons (never thrown). */
export type CustomProfile =
  | { ok: true; id: string; updatedAt: number; profile: Profile }
  | { ok: false; id: string; updatedAt: number; errors: string[] };

export function readProfileRow(row: ProfileRow): CustomProfile {
  const parsed = parseProfile(row.profile);
  return parsed.ok
    ? { ok: true, id: row.id, updatedAt: row.updatedAt, profile: parsed.profile }
    : { ok: false, id: row.id, updatedAt: row.updatedAt, errors: parsed.errors };
}

/** Schema and instrument checks; throws InvalidProfileInputError with every problem. */
export function validateProfile(value: unknown): SaveProfileResult {
  const parsed = parseProfile(value);
  if (!parsed.ok) throw new InvalidProfileInputError(parsed.errors);
  const profile = parsed.profile;
  const errors: string[] = [];
  if (isBuiltInProfileId(profile.id)) {
    errors.push(`id: "${profile.id}" adalah id profil bawaan; pilih id lain`);
  }
  const pack = findPack(profile.instrumentId);
  if (pack) {
    errors.push(...checkProfileAgainstPack(profile, pack).map((p) => `${p.where}: ${p.message}`));
  } else {
    errors.push(`instrumentId: instrumen "${profile.instrumentId}" tidak dikenal aplikasi ini`);
  }
  const others = checkOtherMappings(profile, findPack);
  errors.push(...others.problems.map((p) => `${p.where}: ${p.message}`));
  for (const id of others.unknown) {
    errors.push(`otherMappings: instrumen "${id}" tidak dikenal aplikasi ini`);
  }
  if (errors.length > 0) throw new InvalidProfileInputError(errors);
  return {
    profile,
    warnings: checkCitations(profile).map((p) => `${p.where}: ${p.message}`),
  };
}

/**
 * Saves a custom profile. `mode: 'create'` refuses an id already stored (a new profile must not
 * silently replace another); `'update'` requires it to exist; `'replace'` writes either way (an
 * import the user confirmed).
 */
export async function saveCustomProfile(
  value: unknown,
  mode: 'create' | 'update' | 'replace',
): Promise<SaveProfileResult> {
  const result = validateProfile(value);
  const { profile } = result;
  await guardWrite(`Profil daerah "${profile.id}"`, () =>
    db.transaction('rw', db.profiles, async () => {
      const existing = await db.profiles.get(profile.id);
      if (mode === 'create' && existing) {
        throw new StorageError(
          `Id profil "${profile.id}" sudah dipakai profil lain; pilih id lain.`,
          'other',
        );
      }
      if (mode === 'update' && !existing) {
        throw new StorageError(
          `Profil "${profile.id}" tidak ditemukan; mungkin sudah dihapus.`,
          'other',
        );
      }
      await db.profiles.put({ id: profile.id, updatedAt: Date.now(), profile });
    }),
  );
  return result;
}

export function deleteCustomProfile(id: string): Promise<void> {
  return guardWrite(`Penghapusan profil "${id}"`, () => db.profiles.delete(id));
}

/** A custom profile by id; null when absent or no longer valid. */
export async function loadCustomProfile(id: string): Promise<Profile | null> {
  const row = await db.profiles.get(id);
  if (!row) return null;
  const read = readProfileRow(row);
  return read.ok ? read.profile : null;
}

/** An id not yet taken by a built-in or stored profile: "kota-balikpapan-salinan", "…-2", … */
export async function freeProfileId(base: string): Promise<string> {
  const stem = base.slice(0, 56);
  for (let n = 1; n < 1000; n += 1) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!isBuiltInProfileId(id) && !(await db.profiles.get(id))) return id;
  }
  throw new StorageError('Tidak ada id profil yang masih bebas.', 'other');
}

export type ProfileImport =
  | { ok: true; profile: Profile; warnings: string[]; exists: boolean }
  | { ok: false; errors: string[] };

/**
 * Reads a profile file's text and says whether it can be stored: the file's own checks, then the
 * app's (a built-in id is refused: the file would shadow a regulation the app ships). Writes
 * nothing; `saveCustomProfile(profile, exists ? 'replace' : 'create')` stores it.
 */
export async function readProfileImport(text: string): Promise<ProfileImport> {
  const parsed = parseProfileFile(text);
  if (!parsed.ok) return parsed;
  if (isBuiltInProfileId(parsed.profile.id)) {
    return {
      ok: false,
      errors: [
        `Berkas ini memakai id "${parsed.profile.id}" milik profil bawaan aplikasi. Profil bawaan tidak dapat ditimpa; ubah id pada berkas atau salin profil bawaan di aplikasi.`,
      ],
    };
  }
  try {
    validateProfile(parsed.profile);
  } catch (e) {
    if (e instanceof InvalidProfileInputError) return { ok: false, errors: e.errors };
    throw e;
  }
  const exists = (await db.profiles.get(parsed.profile.id)) !== undefined;
  return { ok: true, profile: parsed.profile, warnings: parsed.warnings, exists };
}

/**
 * A custom copy of a profile (a built-in one, usually) under a free id "<id>-salinan": the way a
 * user adapts a neighbour's regulation or corrects a reading without touching the original.
 */
export async function duplicateAsCustomProfile(profile: Profile): Promise<Profile> {
  const id = await freeProfileId(`${profile.id}-salinan`);
  const copy: Profile = { ...profile, id };
  await saveCustomProfile(copy, 'create');
  return copy;
}
