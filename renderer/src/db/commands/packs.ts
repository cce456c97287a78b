/**
 * Instrument packs loaded from files, kept in the `settings` table (no schema change) as
 * `{ key: 'pack:<id>@<version>', value: <pack JSON> }`, so they travel with a full backup.
 * A file is checked fully (`checkPackFile`: schema and arithmetic, every reason) before anything is stored; the
 * registry (shared/instrument/packs) refuses a clash with a known id and version. At start-up
 * the stored packs are read back into the registry; one that no longer validates is skipped and
 * reported, never a crash. A loaded pack can be removed only while no evaluation uses it.
 */
import { formatBytes } from '../../../../shared/format/number';
import {
  isBuiltInPack,
  packAdmission,
  registerUserPack,
  registerUserPacks,
  unregisterUserPack,
  type InstrumentPack,
} from '../../../../shared/instrument';
import { checkPackFile } from '../../../../shared/instrument/user-packs';
import { db, type SpbeDatabase } from '../db';
import { guardWrite } from '../errors';

export const PACK_KEY_PREFIX = 'pack:';
/** A pack file larger than this is refused before it is read. */
export const MAX_PACK_FILE_BYTES = 20 * 1024 * 1024;

export const packKey = (id: string, version: string): string =>
  `${PACK_KEY_PREFIX}${id}@${version}`;

/** A stored pack that could not be loaded at start-up, with the reasons. */
export interface SkippedPack {
  key: string;
  errors: string[];
}

let skipped: SkippedPack[] = [];

/** The stored packs skipped by the last `loadStoredPacks` (shown on the Instrumen screen). */
export const skippedStoredPacks = (): SkippedPack[] => [...skipped];

/**
 * Reads every stored pack into the registry (replacing what was loaded before). Packs that no
 * longer validate, or clash with a known pack, are skipped and returned with the reasons.
 */
export async function loadStoredPacks(
  database: SpbeDatabase = db,
): Promise<{ loaded: InstrumentPack[]; skipped: SkippedPack[] }> {
  const rows = await database.settings.where('key').startsWith(PACK_KEY_PREFIX).toArray();
  const valid: { key: string; pack: InstrumentPack }[] = [];
  const problems: SkippedPack[] = [];
  for (const row of rows) {
    const result = checkPackFile(row.value);
    if (!result.ok) problems.push({ key: row.key, errors: result.errors });
    else if (packKey(result.pack.id, result.pack.version) !== row.key)
      problems.push({
        key: row.key,
        errors: [
          `Isi paket (${result.pack.id} versi ${result.pack.version}) tidak sesuai kuncinya`,
        ],
      });
    else valid.push({ key: row.key, pack: result.pack });
  }
  const { registered, refused } = registerUserPacks(valid.map((v) => v.pack));
  for (const r of refused) problems.push({ key: packKey(r.id, r.version), errors: [r.message] });
  skipped = problems;
  return { loaded: registered, skipped: problems };
}

export type PackFileResult =
  { ok: true; pack: InstrumentPack; added: boolean } | { ok: false; errors: string[] };

/** A chosen file, as the browser or the platform gives it. */
export interface PackFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/**
 * Checks a pack file and, when sound, stores and registers it. Refused with every reason in
 * Indonesian, changing nothing: too large (checked before reading), not JSON, schema or
 * arithmetic problems, a clash with a known id and version. The same pack again is a no-op.
 */
export async function installPackFile(
  file: PackFile,
  database: SpbeDatabase = db,
): Promise<PackFileResult> {
  if (file.size > MAX_PACK_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        `Berkas "${file.name}" terlalu besar (${formatBytes(file.size)}; paling besar ${formatBytes(MAX_PACK_FILE_BYTES)}).`,
      ],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    return { ok: false, errors: [`Berkas "${file.name}" bukan JSON yang sah.`] };
  }
  return installPack(raw, database);
}

/** As `installPackFile`, for content already parsed. */
export async function installPack(
  raw: unknown,
  database: SpbeDatabase = db,
): Promise<PackFileResult> {
  const result = checkPackFile(raw);
  if (!result.ok) return { ok: false, errors: result.errors };
  const pack = result.pack;
  const admission = packAdmission(pack);
  if (admission.kind === 'refused') return { ok: false, errors: [admission.message] };
  if (admission.kind === 'same') return { ok: true, pack, added: false };
  await guardWrite(`Paket instrumen ${pack.id} versi ${pack.version}`, () =>
    database.settings.put({ key: packKey(pack.id, pack.version), value: pack }),
  );
  const refusal = registerUserPack(pack);
  if (refusal) return { ok: false, errors: [refusal] };
  // A corrected file replaces a stored copy skipped at start-up.
  skipped = skipped.filter((s) => s.key !== packKey(pack.id, pack.version));
  return { ok: true, pack, added: true };
}

export type RemovePackResult = { ok: true } | { ok: false; message: string };

/**
 * Removes a loaded pack, refused for a built-in pack and while evaluations use it (naming them).
 */
export async function removePack(
  id: string,
  version: string,
  database: SpbeDatabase = db,
): Promise<RemovePackResult> {
  if (isBuiltInPack(id, version)) {
    return {
      ok: false,
      message: `Paket ${id} versi ${version} bawaan aplikasi; tidak dapat dihapus.`,
    };
  }
  const users = await database.evaluations
    .filter((e) => e.instrument.id === id && e.instrument.version === version)
    .toArray();
  if (users.length > 0) {
    const names = users.map((e) => `${e.instansi.name} tahun ${e.year}`).join('; ');
    return {
      ok: false,
      message: `Paket ${id} versi ${version} masih dipakai ${users.length} evaluasi (${names}); hapus evaluasi itu lebih dahulu bila paket ini memang tidak diperlukan lagi.`,
    };
  }
  await guardWrite(`Paket instrumen ${id} versi ${version}`, () =>
    database.settings.delete(packKey(id, version)),
  );
  unregisterUserPack(id, version);
  skipped = skipped.filter((s) => s.key !== packKey(id, version));
  return { ok: true };
}

/** The pack as a file (pretty JSON) and its suggested name, for "Simpan paket ke berkas". */
export function packFile(pack: InstrumentPack): { name: string; text: string } {
  return { name: `${pack.id}-${pack.version}.json`, text: `${JSON.stringify(pack, null, 2)}\n` };
}
