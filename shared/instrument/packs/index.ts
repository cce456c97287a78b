/**
 * The instrument packs shipped with the app. Packs live side by side; an evaluation names the
 * pack id and version it is scored with. PermenPANRB 59/2020 is the default: the instrument the
 * client and the regional regulations name.
 */
import type { InstrumentPack, InstrumentRef } from '../schema';
import { loadPackOrThrow } from '../validate';
import permenpanrb592020 from './permenpanrb-59-2020.json';

export const DEFAULT_PACK_ID = 'permenpanrb-59-2020';

const sources: ReadonlyArray<readonly [string, unknown]> = [
  ['permenpanrb-59-2020', permenpanrb592020],
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

export const packRef = (pack: InstrumentPack): InstrumentRef => ({
  id: pack.id,
  version: pack.version,
});
