/**
 * The pack registry: the packs shipped with the app plus the packs a user loaded from files.
 * Packs live side by side; an evaluation names the pack id and version it is scored with.
 * PermenPANRB 59/2020 is the default of years up to 2025 (the instrument of the client's history
 * and the regional regulations); PermenPANRB 8/2026 (Indeks Pemdi) replaced it and is proposed
 * from 2026 on. Built-in packs always win: a loaded pack can add an id or a version, never
 * replace one, and a loaded pack with the id and version of a known pack but other content is
 * refused (the same content again is a no-op).
 */
import type { InstrumentPack, InstrumentRef } from '../schema';
import { loadPackOrThrow } from '../validate';
import permenpanrb592020 from './permenpanrb-59-2020.json';
import permenpanrb82026 from './permenpanrb-8-2026.json';

export const DEFAULT_PACK_ID = 'permenpanrb-59-2020';

const sources: ReadonlyArray<readonly [string, unknown]> = [
  ['permenpanrb-59-2020', permenpanrb592020],
  ['permenpanrb-8-2026', permenpanrb82026],
];

let loaded: InstrumentPack[] | undefined;

/** Every built-in pack, validated once (a broken pack fails loudly at first use). */
export function builtInPacks(): InstrumentPack[] {
  loaded ??= sources.map(([label, json]) => loadPackOrThrow(json, label));
  return loaded;
}

export function defaultPack(): InstrumentPack {
  const pack = builtInPacks().find((p) => p.id === DEFAULT_PACK_ID);
  if (!pack) throw new Error(`Paket instrumen bawaan ${DEFAULT_PACK_ID} tidak ada`);
  return pack;
}

let userPacks: InstrumentPack[] = [];

/** Built-in packs first, then the loaded ones (by id, newest version first). */
export function allPacks(): InstrumentPack[] {
  return [...builtInPacks(), ...userPacks];
}

export const isBuiltInPack = (id: string, version: string): boolean =>
  builtInPacks().some((p) => p.id === id && p.version === version);

/** The pack with this id (and version, when given); undefined when the app does not know it. */
export function findPack(id: string, version?: string): InstrumentPack | undefined {
  return allPacks().find((p) => p.id === id && (version === undefined || p.version === version));
}

/** JSON with object keys sorted, so that two packs compare by content, not key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

export const samePackContent = (a: InstrumentPack, b: InstrumentPack): boolean =>
  canonical(a) === canonical(b);

export const packConflictMessage = (id: string, version: string): string =>
  `Paket ${id} versi ${version} sudah ada dengan isi berbeda; naikkan nomor versinya.`;

/**
 * How a pack would join the packs given: 'new', 'same' (that id and version with the same
 * content is already there: nothing to do) or the refusal message.
 */
export function packAdmission(
  pack: InstrumentPack,
  existing: readonly InstrumentPack[] = allPacks(),
): { kind: 'new' } | { kind: 'same' } | { kind: 'refused'; message: string } {
  const known = existing.find((p) => p.id === pack.id && p.version === pack.version);
  if (!known) return { kind: 'new' };
  if (samePackContent(known, pack)) return { kind: 'same' };
  return { kind: 'refused', message: packConflictMessage(pack.id, pack.version) };
}

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

export interface RegisterResult {
  /** The packs now loaded (beside the built-in ones). */
  registered: InstrumentPack[];
  /** Packs not taken, each with the reason in Indonesian. */
  refused: { id: string; version: string; message: string }[];
}

/**
 * Sets the loaded packs (replacing the ones set before). Each is taken unless it clashes with a
 * built-in pack or with one taken before it; a pack the same as a built-in one is dropped quietly.
 * Packs must be validated (`loadPack`) by the caller.
 */
export function registerUserPacks(packs: readonly InstrumentPack[]): RegisterResult {
  const taken: InstrumentPack[] = [];
  const refused: RegisterResult['refused'] = [];
  for (const pack of packs) {
    const admission = packAdmission(pack, [...builtInPacks(), ...taken]);
    if (admission.kind === 'new') taken.push(pack);
    else if (admission.kind === 'refused')
      refused.push({ id: pack.id, version: pack.version, message: admission.message });
  }
  userPacks = taken.sort((a, b) =>
    a.id === b.id ? compareVersions(b.version, a.version) : a.id < b.id ? -1 : 1,
  );
  return { registered: [...userPacks], refused };
}

/** Adds one loaded pack; the refusal message when it clashes, null when added or already there. */
export function registerUserPack(pack: InstrumentPack): string | null {
  const admission = packAdmission(pack);
  if (admission.kind === 'refused') return admission.message;
  if (admission.kind === 'new') registerUserPacks([...userPacks, pack]);
  return null;
}

/** Forgets a loaded pack (built-in packs stay). */
export function unregisterUserPack(id: string, version: string): void {
  userPacks = userPacks.filter((p) => !(p.id === id && p.version === version));
}

/** Whether `year` is among the evaluation years `pack` is proposed for. */
const holdsYear = (pack: InstrumentPack, year: number): boolean =>
  (pack.years?.from === undefined || year >= pack.years.from) &&
  (pack.years?.to === undefined || year <= pack.years.to);

/**
 * The pack proposed for a new evaluation of `year`: the newest pack whose years hold it (Pemdi
 * from 2026, 59/2020 up to 2025). The user may still choose any pack.
 */
export function proposedPack(
  year: number,
  packs: readonly InstrumentPack[] = allPacks(),
): InstrumentPack {
  const fits = packs.filter((p) => p.status !== 'test' && holdsYear(p, year));
  // Newest regulation first; on a tie an official pack before a draft one.
  const newest = [...fits].sort(
    (a, b) =>
      (b.legalBasis[0]?.year ?? 0) - (a.legalBasis[0]?.year ?? 0) ||
      Number(b.status === 'official') - Number(a.status === 'official'),
  )[0];
  return newest ?? defaultPack();
}

/**
 * "dipakai untuk evaluasi sejak tahun 2026": the evaluation years a pack is proposed for, as
 * Bantuan and Tentang Aplikasi say them; null for a pack proposed for any year.
 */
export function packYearsText(pack: InstrumentPack): string | null {
  const { from, to } = pack.years ?? {};
  if (from !== undefined && to !== undefined)
    return `dipakai untuk evaluasi tahun ${from} sampai ${to}`;
  if (from !== undefined) return `dipakai untuk evaluasi sejak tahun ${from}`;
  if (to !== undefined) return `dipakai untuk evaluasi sampai tahun ${to}`;
  return null;
}

/** The packs with the newest regulation first (Pemdi before 59/2020); ties keep their order. */
export const packsNewestFirst = (packs: readonly InstrumentPack[] = allPacks()): InstrumentPack[] =>
  [...packs].sort((a, b) => (b.legalBasis[0]?.year ?? 0) - (a.legalBasis[0]?.year ?? 0));

export interface PackYearNoteOptions {
  check?: 'instrument' | 'year';
  packs?: readonly InstrumentPack[];
}

/**
 * What to tell a user who chose `pack` for an evaluation of `year` outside the years it is
 * proposed for (PermenPANRB 59/2020 for 2026, 8/2026 for 2025): which years it serves and the
 * pack the year proposes. Null when the year is among the pack's own. The choice stays the
 * user's (an assessor may re-enter an old year), but a wrong pick is not to pass unseen: the
 * whole evaluation is scored on it. `check` is what the user is asked to look at again: the
 * instrument where it is chosen, the year where only the year can be changed (Profil Instansi).
 */
export function packYearNote(
  pack: InstrumentPack,
  year: number,
  { check = 'instrument', packs = allPacks() }: PackYearNoteOptions = {},
): string | null {
  if (holdsYear(pack, year)) return null;
  const { from, to } = pack.years ?? {};
  const serves =
    from !== undefined && year < from
      ? `${pack.shortTitle} dipakai untuk evaluasi sejak tahun ${from}`
      : `${pack.shortTitle} dipakai untuk evaluasi sampai tahun ${to}`;
  const proposed = proposedPack(year, packs);
  const advice =
    proposed.id !== pack.id && holdsYear(proposed, year)
      ? `; evaluasi tahun ${year} memakai ${proposed.shortTitle} (${proposed.title})`
      : '';
  const again = check === 'year' ? 'tahun evaluasi' : 'pilihan instrumen';
  return `${serves}${advice}. Periksa kembali ${again}.`;
}

export const packRef = (pack: InstrumentPack): InstrumentRef => ({
  id: pack.id,
  version: pack.version,
});

/** The packs a user may choose for an evaluation: built-in and loaded, never a test pack. */
export const selectablePacks = (): InstrumentPack[] =>
  allPacks().filter((p) => p.status !== 'test');

/**
 * The value that names a pack in a choice list: the id for a built-in pack, `id@version` for a
 * loaded one (a loaded official text may share its id with the built-in draft).
 */
export const packChoiceKey = (pack: InstrumentPack): string =>
  isBuiltInPack(pack.id, pack.version) ? pack.id : `${pack.id}@${pack.version}`;

/** The pack a choice-list value names (see packChoiceKey); undefined when unknown. */
export function packFromChoiceKey(key: string): InstrumentPack | undefined {
  const at = key.lastIndexOf('@');
  if (at < 0) return builtInPacks().find((p) => p.id === key) ?? findPack(key);
  return findPack(key.slice(0, at), key.slice(at + 1));
}

/** How a pack reads in a choice list: "PermenPANRB 8/2026 — … (dimuat dari berkas, versi 1.0.0)". */
export function packChoiceLabel(pack: InstrumentPack): string {
  const base = `${pack.shortTitle} — ${pack.title}`;
  return isBuiltInPack(pack.id, pack.version)
    ? base
    : `${base} (dimuat dari berkas, versi ${pack.version})`;
}

/**
 * How an evaluation's instrument reads in a list: "PermenPANRB 8/2026"; a pack loaded from a
 * file adds its version, and a pack this computer does not know reads as its id and version.
 */
export function instrumentShortName(ref: InstrumentRef): string {
  const pack = findPack(ref.id, ref.version);
  if (!pack) return `${findPack(ref.id)?.shortTitle ?? ref.id} (versi ${ref.version})`;
  return isBuiltInPack(pack.id, pack.version)
    ? pack.shortTitle
    : `${pack.shortTitle} (versi ${pack.version})`;
}
