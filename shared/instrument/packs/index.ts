/**
 * The instrument packs shipped with the app. Packs live side by side; an evaluation names the
 * pack id and version it is scored with. PermenPANRB 59/2020 is the default of years up to 2025
 * (the instrument of the client's history and the regional regulations); PermenPANRB 8/2026
 * (Indeks Pemdi) replaced it and is proposed from 2026 on.
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

/** The pack with this id (and version, when given); undefined when the app does not know it. */
export function findPack(id: string, version?: string): InstrumentPack | undefined {
  return builtInPacks().find(
    (p) => p.id === id && (version === undefined || p.version === version),
  );
}

/**
 * The pack proposed for a new evaluation of `year`: the newest pack whose years hold it (Pemdi
 * from 2026, 59/2020 up to 2025). The user may still choose any pack.
 */
export function proposedPack(
  year: number,
  packs: readonly InstrumentPack[] = builtInPacks(),
): InstrumentPack {
  const fits = packs.filter(
    (p) =>
      p.status !== 'test' &&
      (p.years?.from === undefined || year >= p.years.from) &&
      (p.years?.to === undefined || year <= p.years.to),
  );
  const newest = [...fits].sort(
    (a, b) => (b.legalBasis[0]?.year ?? 0) - (a.legalBasis[0]?.year ?? 0),
  )[0];
  return newest ?? defaultPack();
}

export const packRef = (pack: InstrumentPack): InstrumentRef => ({
  id: pack.id,
  version: pack.version,
});
