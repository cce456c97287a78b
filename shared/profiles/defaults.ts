/**
 * What a profile gives a new evaluation and the blank profile a user starts a custom one from.
 */
import type { InstansiKind, NewEvaluationInput } from '../assessment/evaluation';
import { DEFAULT_PACK_ID } from '../instrument/packs';
import { PROFILE_FORMAT_VERSION, type Profile } from './schema';

/** The instansi fields of the "new evaluation" form, filled from the profile (names left blank). */
export function profileInstansiDefaults(profile: Profile): NewEvaluationInput['instansi'] {
  return {
    name: profile.instansi.name,
    kind: profile.instansi.kind,
    regionName: profile.instansi.regionName,
    province: profile.instansi.province ?? '',
    headOfRegionTitle: profile.instansi.headOfRegionTitle,
    headOfRegionName: '',
    sekdaName: '',
    sekdaNip: '',
    ictAgencyName: profile.ictAgency.name ?? '',
    ictAgencyAbbreviation: profile.ictAgency.abbreviation ?? '',
    address: '',
  };
}

export interface BlankProfileInput {
  id: string;
  name: string;
  kind: InstansiKind;
  regionName: string;
  headOfRegionTitle: string;
  instrumentId?: string;
}

/** A custom profile with only its identity: no regulation, no mapping yet. Validate before use. */
export function blankProfile(input: BlankProfileInput): Profile {
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    id: input.id,
    instrumentId: input.instrumentId ?? DEFAULT_PACK_ID,
    instansi: {
      name: input.name,
      kind: input.kind,
      regionName: input.regionName,
      province: null,
      headOfRegionTitle: input.headOfRegionTitle,
      headOfRegionTitleSource: null,
      sources: [],
    },
    ictAgency: { name: null, abbreviation: null, referredToAs: null, articles: [] },
    coordinator: null,
    regulation: {
      kind: null,
      number: null,
      year: null,
      title: null,
      dateSet: null,
      datePromulgated: null,
      gazette: null,
      sources: [],
      text: '',
      textNote: '',
    },
    evaluation: { performedBy: null, reportsTo: null, frequency: null },
    teams: [],
    obligations: [],
    mapping: [],
    notes: [],
  };
}
