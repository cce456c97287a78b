/**
 * What a profile gives a new evaluation and the blank profile a user starts a custom one from.
 */
import type { z } from 'zod';
import {
  instansiInputSchema,
  type InstansiKind,
  type NewEvaluationInput,
} from '../assessment/evaluation';
import { DEFAULT_PACK_ID } from '../instrument/packs';
import { PROFILE_FORMAT_VERSION, type Profile } from './schema';

type InstansiInput = NewEvaluationInput['instansi'];

/**
 * The instansi fields of the "new evaluation" form other than its kind, all texts, named by the
 * form's own schema (`instansiInputSchema`) so that a field added there is blank here too.
 */
const { kind: _kind, ...instansiTexts } = instansiInputSchema.shape;
const instansiTextKeys = Object.keys(instansiTexts) as (keyof typeof instansiTexts)[];
// Fails to compile if a field other than the kind stops being a text.
instansiTexts satisfies Record<keyof typeof instansiTexts, z.ZodType<string, unknown>>;

/** The instansi fields of the "new evaluation" form, filled from the profile (names left blank). */
export function profileInstansiDefaults(profile: Profile): InstansiInput {
  const blank = Object.fromEntries(instansiTextKeys.map((key) => [key, ''])) as Record<
    keyof typeof instansiTexts,
    string
  >;
  return {
    ...blank,
    name: profile.instansi.name,
    kind: profile.instansi.kind,
    regionName: profile.instansi.regionName,
    province: profile.instansi.province ?? '',
    headOfRegionTitle: profile.instansi.headOfRegionTitle,
    ictAgencyName: profile.ictAgency.name ?? '',
    ictAgencyAbbreviation: profile.ictAgency.abbreviation ?? '',
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
