/**
 * Regional profiles: the five built-in profiles (the SPBE regulations of Kota Bengkulu, Kabupaten
 * Belitung Timur, Kota Balikpapan, Kota Bandar Lampung and Kabupaten Mojokerto), validated once
 * at first use — schema, every quote against its article, every indicator against the instrument —
 * so a broken built-in profile fails loudly instead of misleading an assessor.
 */
import { findPack } from '../instrument/packs';
import { splitArticles, sectionOf, parseArticleRef, type RegulationSections } from './articles';
import { checkCitations, checkOtherMappings, checkProfileAgainstPack } from './check';
import { parseProfile } from './file';
import { mappingOf, type MappingEntry, type Profile } from './schema';
import balikpapan from './data/kota-balikpapan.json';
import bandarLampung from './data/kota-bandar-lampung.json';
import belitungTimur from './data/kabupaten-belitung-timur.json';
import bengkulu from './data/kota-bengkulu.json';
import mojokerto from './data/kabupaten-mojokerto.json';

export * from './schema';
export * from './articles';
export * from './check';
export * from './file';
export * from './labels';
export * from './compliance';
export * from './evidence-plan';
export * from './defaults';

export class InvalidProfileError extends Error {
  constructor(
    readonly profileLabel: string,
    readonly errors: string[],
  ) {
    super(`Profil daerah ${profileLabel} ditolak: ${errors.join('; ')}`);
    this.name = 'InvalidProfileError';
  }
}

const sources: ReadonlyArray<readonly [string, unknown]> = [
  ['kota-balikpapan', balikpapan],
  ['kota-bandar-lampung', bandarLampung],
  ['kabupaten-belitung-timur', belitungTimur],
  ['kota-bengkulu', bengkulu],
  ['kabupaten-mojokerto', mojokerto],
];

/** Parse and check a built-in profile; throws with every problem found. */
export function loadBuiltInProfile(json: unknown, label: string): Profile {
  const parsed = parseProfile(json);
  if (!parsed.ok) throw new InvalidProfileError(label, parsed.errors);
  const profile = parsed.profile;
  const errors: string[] = [];
  if (profile.id !== label) errors.push(`id "${profile.id}" tidak sama dengan nama berkas`);
  if (profile.regulation.text.trim() === '') errors.push('teks peraturan kosong');
  const pack = findPack(profile.instrumentId);
  if (!pack) errors.push(`instrumen "${profile.instrumentId}" tidak dikenal`);
  else
    errors.push(...checkProfileAgainstPack(profile, pack).map((p) => `${p.where}: ${p.message}`));
  const others = checkOtherMappings(profile, findPack);
  errors.push(...others.problems.map((p) => `${p.where}: ${p.message}`));
  for (const id of others.unknown) errors.push(`instrumen "${id}" tidak dikenal`);
  errors.push(...checkCitations(profile).map((p) => `${p.where}: ${p.message}`));
  if (errors.length > 0) throw new InvalidProfileError(label, errors);
  return profile;
}

let loaded: Profile[] | undefined;

/** The built-in profiles, in alphabetical order of region. */
export function builtInProfiles(): Profile[] {
  loaded ??= sources.map(([label, json]) => loadBuiltInProfile(json, label));
  return loaded;
}

/** The built-in profile with this id; undefined when there is none. */
export function findProfile(id: string): Profile | undefined {
  return builtInProfiles().find((p) => p.id === id);
}

/** Whether an id belongs to a built-in profile (a custom profile must not take it). */
export const isBuiltInProfileId = (id: string): boolean => sources.some(([label]) => label === id);

/**
 * The mapping entry of an indicator of `instrumentId` (the profile's own instrument by default),
 * if the profile maps it.
 */
export const mappingFor = (
  profile: Profile,
  indicator: number,
  instrumentId: string = profile.instrumentId,
): MappingEntry | undefined =>
  mappingOf(profile, instrumentId)?.find((m) => m.indicator === indicator);

const sectionsCache = new WeakMap<Profile, RegulationSections>();

/** The regulation split into articles (computed once per profile object). */
export function profileSections(profile: Profile): RegulationSections {
  let sections = sectionsCache.get(profile);
  if (!sections) {
    sections = splitArticles(profile.regulation.text);
    sectionsCache.set(profile, sections);
  }
  return sections;
}

/**
 * The text of the article or paragraph a reference names ("Pasal 5 ayat (2)"), for showing it
 * next to the criteria; null when the profile's text does not contain it.
 */
export function articleText(profile: Profile, ref: string): { label: string; text: string } | null {
  const parsed = parseArticleRef(ref);
  if (!parsed) return null;
  const section = sectionOf(profileSections(profile), parsed);
  return section.ok ? { label: section.label, text: section.text } : null;
}
