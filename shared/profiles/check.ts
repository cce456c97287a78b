/**
 * Checks of a profile beyond its schema: that every quoted phrase stands in the article it cites
 * (against the profile's own regulation text, or another copy), and that its indicator numbers
 * and levels exist in the instrument it was written for. Built-in profiles must pass both; a
 * user's profile is shown the problems in Indonesian.
 */
import { findIndicator } from '../instrument/tree';
import type { InstrumentPack } from '../instrument/schema';
import { checkQuote, splitArticles, type RegulationSections } from './articles';
import type { Citation, MappingEntry, Profile } from './schema';

export interface ProfileProblem {
  /** Where in the profile, in words: "Pemetaan indikator 4", "Kewajiban audit-tik-dua-tahun". */
  where: string;
  message: string;
}

export interface LocatedCitation {
  where: string;
  citation: Citation;
}

/** Every article citation of a profile, with where it stands. */
export function profileCitations(profile: Profile): LocatedCitation[] {
  const out: LocatedCitation[] = [];
  const add = (where: string, list: readonly Citation[]) => {
    for (const citation of list) out.push({ where, citation });
  };
  add('Instansi', profile.instansi.sources);
  if (profile.instansi.headOfRegionTitleSource) {
    add('Sebutan kepala daerah', [profile.instansi.headOfRegionTitleSource]);
  }
  add('Perangkat daerah bidang TIK', profile.ictAgency.articles);
  if (profile.coordinator) add('Koordinator SPBE', profile.coordinator.articles);
  add('Data peraturan', profile.regulation.sources);
  const { performedBy, reportsTo, frequency } = profile.evaluation;
  if (performedBy) add('Pelaksana pemantauan dan evaluasi', performedBy.articles);
  if (reportsTo) add('Penerima hasil pemantauan dan evaluasi', reportsTo.articles);
  if (frequency) add('Frekuensi pemantauan dan evaluasi', frequency.articles);
  for (const team of profile.teams) add(`Tim "${team.name}"`, team.articles);
  for (const obligation of profile.obligations)
    add(`Kewajiban "${obligation.title}"`, obligation.articles);
  for (const entry of profile.mapping) add(`Pemetaan indikator ${entry.indicator}`, entry.articles);
  for (const other of profile.otherMappings ?? []) {
    for (const entry of other.mapping) {
      add(`Pemetaan indikator ${entry.indicator} (${other.instrumentId})`, entry.articles);
    }
  }
  return out;
}

/**
 * Citations whose phrase is not in the article they name. `text` defaults to the profile's own
 * regulation text; a profile without text has nothing to check against and yields no problems.
 */
export function checkCitations(
  profile: Profile,
  text: string = profile.regulation.text,
  sections: RegulationSections = splitArticles(text),
): ProfileProblem[] {
  if (text.trim() === '') return [];
  const problems: ProfileProblem[] = [];
  for (const { where, citation } of profileCitations(profile)) {
    const result = checkQuote(sections, citation.ref, citation.quote);
    if (!result.ok) problems.push({ where, message: result.error });
  }
  return problems;
}

/** Indicator numbers and levels that do not exist in the instrument the profile names. */
export function checkProfileAgainstPack(profile: Profile, pack: InstrumentPack): ProfileProblem[] {
  if (pack.id !== profile.instrumentId) {
    return [
      {
        where: 'Instrumen',
        message: `Profil ditulis untuk instrumen "${profile.instrumentId}", bukan "${pack.id}"`,
      },
    ];
  }
  const problems = checkMappingAgainstPack(profile.mapping, pack, '');
  const levelsOf = (n: number): number | null => {
    const entry = findIndicator(pack, n);
    return entry ? entry.scale.levels.length : null;
  };
  for (const obligation of profile.obligations) {
    const where = `Kewajiban "${obligation.title}"`;
    for (const rule of obligation.rules) {
      if (rule.kind !== 'indicators') continue;
      for (const n of rule.indicators) {
        const top = levelsOf(n);
        if (top === null) {
          problems.push({ where, message: `Indikator ${n} tidak ada pada instrumen` });
        } else if (rule.minLevel > top) {
          problems.push({
            where,
            message: `Tingkat minimal ${rule.minLevel} melebihi skala indikator ${n} (sampai ${top})`,
          });
        }
      }
    }
  }
  return problems;
}

/** A mapping's indicator numbers and suggested levels against its instrument. */
function checkMappingAgainstPack(
  mapping: readonly MappingEntry[],
  pack: InstrumentPack,
  suffix: string,
): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  for (const entry of mapping) {
    const where = `Pemetaan indikator ${entry.indicator}${suffix}`;
    const found = findIndicator(pack, entry.indicator);
    const top = found ? found.scale.levels.length : null;
    if (top === null) {
      problems.push({ where, message: `Indikator ${entry.indicator} tidak ada pada instrumen` });
    } else if (entry.suggestedLevels && entry.suggestedLevels.max > top) {
      problems.push({
        where,
        message: `Saran tingkat sampai ${entry.suggestedLevels.max}, padahal skala indikator ini hanya sampai ${top}`,
      });
    }
  }
  return problems;
}

/**
 * The profile's mappings to other instruments against those instruments (`find` looks a pack up
 * by id): problems with their indicators, and the ids of instruments the app does not know.
 */
export function checkOtherMappings(
  profile: Profile,
  find: (id: string) => InstrumentPack | undefined,
): { problems: ProfileProblem[]; unknown: string[] } {
  const problems: ProfileProblem[] = [];
  const unknown: string[] = [];
  for (const other of profile.otherMappings ?? []) {
    const pack = find(other.instrumentId);
    if (!pack) unknown.push(other.instrumentId);
    else problems.push(...checkMappingAgainstPack(other.mapping, pack, ` (${other.instrumentId})`));
  }
  return { problems, unknown };
}
