/**
 * The regional profile (format version 1): what a government's own SPBE regulation says that the
 * evaluation needs — the official names and titles, the regulation itself, who evaluates and to
 * whom results go, the teams it sets, the obligations the evaluation can speak to (with a
 * machine-checkable rule each), and the mapping from its articles to the instrument's indicators.
 * The five built-in profiles and the profiles users make for their own region share this format.
 *
 * Every fact read from the regulation carries the article it comes from and a verbatim quote, so
 * it can be checked against the text (see `check.ts`). A fact the text does not give is null:
 * the user fills it, nothing is guessed.
 */
import { z } from 'zod';
import { instansiKindSchema, isoDateSchema } from '../assessment/evaluation';
import { evidenceKindSchema } from '../assessment/evidence';
import { formatNumber } from '../format/number';
import { parseArticleRef } from './articles';

export const PROFILE_FORMAT_VERSION = 1;

/** The longest regulation text a profile may carry (the five seeds are 34–58 thousand). */
export const MAX_REGULATION_TEXT_CHARS = 1_000_000;

const tooLong = (max: number) => `Paling banyak ${formatNumber(max, 0)} karakter`;
const text = (max: number) => z.string().trim().max(max, tooLong(max));
const required = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, tooLong(max));

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A profile's id: "kota-balikpapan", "kabupaten-mojokerto". */
export const profileIdSchema = z
  .string()
  .min(1, 'Id profil wajib diisi')
  .max(64, 'Id profil paling banyak 64 karakter')
  .regex(
    KEBAB,
    'Id profil hanya boleh berisi huruf kecil, angka dan tanda hubung (kota-balikpapan)',
  );

const localIdSchema = z
  .string()
  .min(1, 'Id wajib diisi')
  .max(64, 'Id paling banyak 64 karakter')
  .regex(KEBAB, 'Id hanya boleh berisi huruf kecil, angka dan tanda hubung');

/** "Pasal 5", "Pasal 5 ayat (2)", "Pasal 5 ayat (2) huruf a", "Pasal 1 angka 6", "Penutup". */
export const articleRefSchema = z
  .string()
  .trim()
  .max(60, 'Rujukan pasal terlalu panjang')
  .refine(
    (s) => parseArticleRef(s) !== null,
    'Rujukan harus berbentuk "Pasal 5", "Pasal 5 ayat (2)", "Pasal 5 ayat (2) huruf a", "Pasal 1 angka 6", "Pembukaan" atau "Penutup"',
  );

/** An article reference with a verbatim phrase of it (as the text copy writes it). */
export const citationSchema = z.strictObject({
  ref: articleRefSchema,
  quote: required(2_000, 'Kutipan pasal wajib diisi'),
});
export type Citation = z.infer<typeof citationSchema>;

const citations = (min: number, max: number) =>
  z
    .array(citationSchema)
    .min(min, min === 1 ? 'Sebutkan paling sedikit satu pasal beserta kutipannya' : undefined)
    .max(max);

/** A fact in words with the articles it rests on. */
export const statedFactSchema = z.strictObject({
  value: required(500, 'Isi keterangan wajib diisi'),
  articles: citations(1, 20),
});
export type StatedFact = z.infer<typeof statedFactSchema>;

export const profileInstansiSchema = z.strictObject({
  /** Official name: "Pemerintah Kota Balikpapan". */
  name: required(200, 'Nama instansi wajib diisi'),
  kind: instansiKindSchema,
  /** The region without its prefix: "Balikpapan". */
  regionName: required(120, 'Nama daerah wajib diisi'),
  province: text(120).nullable(),
  /** Exactly as the regulation writes it: "Walikota", "Wali Kota", "Bupati". */
  headOfRegionTitle: required(40, 'Sebutan kepala daerah wajib diisi'),
  /** The article that names the head of region (shows the spelling is the regulation's). */
  headOfRegionTitleSource: citationSchema.nullable(),
  /** Where the name, region and province are read in the text. */
  sources: citations(0, 10),
});
export type ProfileInstansi = z.infer<typeof profileInstansiSchema>;

export const ictAgencySchema = z.strictObject({
  /** "Dinas Komunikasi dan Informatika"; null when the regulation does not name it. */
  name: text(200).nullable(),
  /** An abbreviation the regulation itself sets ("Diskominfo"); null when it sets none. */
  abbreviation: text(40).nullable(),
  /** How the regulation refers to it in its articles ("Dinas", "Diskominfo"). */
  referredToAs: text(60).nullable(),
  articles: citations(0, 10),
});
export type IctAgency = z.infer<typeof ictAgencySchema>;

export const regulationSchema = z.strictObject({
  /** "Peraturan Wali Kota", "Peraturan Walikota", "Peraturan Bupati". */
  kind: text(80).nullable(),
  /** As printed ("14"); null when absent or unreadable in the text. */
  number: text(40).nullable(),
  year: z.number().int().min(1945).max(2100).nullable(),
  /** The subject after "tentang", in the regulation's words. */
  title: text(500).nullable(),
  dateSet: isoDateSchema.nullable(),
  datePromulgated: isoDateSchema.nullable(),
  /** Where it was promulgated: "Berita Daerah Kota Balikpapan Tahun 2022 Nomor 14". */
  gazette: text(200).nullable(),
  /** Where the facts above are read in the text. */
  sources: citations(0, 20),
  /** The full text copy ('' for a profile without one). */
  text: z.string().max(MAX_REGULATION_TEXT_CHARS, tooLong(MAX_REGULATION_TEXT_CHARS)),
  /** What this text copy is and its known defects (OCR, missing pages). */
  textNote: text(2_000),
});
export type Regulation = z.infer<typeof regulationSchema>;

export const evaluationArrangementSchema = z.strictObject({
  /** Who carries out the monitoring and evaluation (self-assessment). */
  performedBy: statedFactSchema.nullable(),
  /** To whom the results go. */
  reportsTo: statedFactSchema.nullable(),
  /** How often, when the regulation says. */
  frequency: statedFactSchema.nullable(),
});
export type EvaluationArrangement = z.infer<typeof evaluationArrangementSchema>;

export const teamRoles = [
  'coordination',
  'assessment',
  'audit',
  'steering',
  'secretariat',
  'other',
] as const;
export const teamRoleSchema = z.enum(teamRoles);
export type TeamRole = z.infer<typeof teamRoleSchema>;

export const teamRoleLabel: Record<TeamRole, string> = {
  coordination: 'Koordinasi SPBE',
  assessment: 'Pemantauan dan evaluasi',
  audit: 'Audit TIK',
  steering: 'Pengarah',
  secretariat: 'Sekretariat',
  other: 'Lainnya',
};

/** A team the regulation sets up. */
export const teamSchema = z.strictObject({
  id: localIdSchema,
  /** As the regulation names it: "Tim Koordinasi SPBE", "Tim Asesor Internal". */
  name: required(200, 'Nama tim wajib diisi'),
  role: teamRoleSchema,
  /** The instrument that forms it ("Keputusan Wali Kota"); null when the text does not say. */
  establishedBy: text(200).nullable(),
  /** Who leads it, as the regulation says. */
  chair: text(200).nullable(),
  /** Members or elements, as the regulation lists them. */
  members: z.array(text(1_000)).max(40),
  /** To whom it answers. */
  accountableTo: text(200).nullable(),
  articles: citations(1, 20),
});
export type Team = z.infer<typeof teamSchema>;

const indicatorNumber = z.number().int().min(1, 'Nomor indikator mulai dari 1').max(1_000);
const level = z.number().int().min(1, 'Tingkat mulai dari 1').max(10);

/**
 * A rule the evaluation's answers and evidence are checked against (compliance.ts).
 * - `indicators`: the answers to these indicators reach `minLevel` (all of them, or any), and,
 *   when required, each such indicator has linked evidence of the given kinds, dated within the
 *   last `evidenceWithinYears` years of the evaluation's year.
 * - `document`: the evaluation holds a document of these kinds whose title contains one of the
 *   phrases (a decree forming a team).
 * - `selfAssessment`: the self-assessment of the evaluation's year is complete (every indicator
 *   of the instrument has a value): the yearly evaluation the regulation orders is being done.
 */
export const complianceRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('indicators'),
    indicators: z.array(indicatorNumber).min(1, 'Sebutkan paling sedikit satu indikator').max(50),
    match: z.enum(['all', 'any']).default('all'),
    minLevel: level,
    requireEvidence: z.boolean().default(false),
    evidenceKinds: z.array(evidenceKindSchema).max(8).default([]),
    evidenceWithinYears: z.number().int().min(1).max(10).nullable().default(null),
  }),
  z.strictObject({
    kind: z.literal('document'),
    evidenceKinds: z.array(evidenceKindSchema).min(1, 'Sebutkan jenis dokumen').max(8),
    titleIncludes: z
      .array(required(100, 'Frasa judul tidak boleh kosong'))
      .min(1, 'Sebutkan frasa judul dokumen')
      .max(10),
    withinYears: z.number().int().min(1).max(10).nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('selfAssessment') }),
]);
export type ComplianceRule = z.infer<typeof complianceRuleSchema>;

/** An obligation of the regulation the evaluation can speak to. */
export const obligationSchema = z.strictObject({
  id: localIdSchema,
  /** Short statement: "Audit TIK paling sedikit 1 (satu) kali dalam 2 (dua) tahun". */
  title: required(200, 'Judul kewajiban wajib diisi'),
  description: text(2_000),
  articles: citations(1, 20),
  /** All rules must hold for the obligation to be shown met. */
  rules: z.array(complianceRuleSchema).min(1, 'Sebutkan paling sedikit satu aturan').max(10),
});
export type Obligation = z.infer<typeof obligationSchema>;

/**
 * How an indicator relates to the regulation. `policy`: the indicator asks whether an internal
 * policy on the topic exists and what it covers, and the regulation is that policy (indicators
 * 1–10); a suggested level range follows from its content. `mandate`: the regulation orders
 * what the indicator measures in practice (architecture, audits, management): it is the legal
 * basis, not proof that it is done, so it suggests no level.
 */
export const mappingRoles = ['policy', 'mandate'] as const;
export const mappingRoleSchema = z.enum(mappingRoles);
export type MappingRole = z.infer<typeof mappingRoleSchema>;

export const mappingRoleLabel: Record<MappingRole, string> = {
  policy: 'Kebijakan internal',
  mandate: 'Dasar kewajiban (bukan bukti pelaksanaan)',
};

export const levelRangeSchema = z
  .strictObject({ min: level, max: level })
  .refine((r) => r.min <= r.max, 'Tingkat terendah tidak boleh melebihi tingkat tertinggi');
export type LevelRange = z.infer<typeof levelRangeSchema>;

export const mappingEntrySchema = z
  .strictObject({
    indicator: indicatorNumber,
    role: mappingRoleSchema,
    articles: citations(0, 30),
    /** What the articles regulate on the indicator's topic. */
    covers: required(2_000, 'Uraian cakupan pasal wajib diisi'),
    /** The levels the regulation's content supports (policy entries with articles only). */
    suggestedLevels: levelRangeSchema.nullable(),
    /** The argument from the instrument's level criteria, in Indonesian. */
    argument: required(4_000, 'Argumen tingkat wajib diisi'),
  })
  .superRefine((entry, ctx) => {
    const needsLevels = entry.role === 'policy' && entry.articles.length > 0;
    if (needsLevels && entry.suggestedLevels === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['suggestedLevels'],
        message: 'Kebijakan internal yang diatur pasal harus memiliki saran rentang tingkat',
      });
    }
    if (!needsLevels && entry.suggestedLevels !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['suggestedLevels'],
        message:
          'Saran tingkat hanya untuk indikator kebijakan internal yang diatur pasal (bukan dasar kewajiban)',
      });
    }
  });
export type MappingEntry = z.infer<typeof mappingEntrySchema>;

/**
 * The mapping of the same articles to the indicators of another instrument (the regulation of
 * 2022 read against PermenPANRB 8/2026, say). Optional, so a profile written before it existed
 * reads unchanged; its indicator numbers are those of `instrumentId`.
 */
export const instrumentMappingSchema = z.strictObject({
  instrumentId: required(64, 'Id instrumen wajib diisi'),
  mapping: z.array(mappingEntrySchema).max(200),
});
export type InstrumentMapping = z.infer<typeof instrumentMappingSchema>;

export const profileSchema = z
  .strictObject({
    formatVersion: z.literal(PROFILE_FORMAT_VERSION, {
      error: `Versi format profil tidak didukung (aplikasi ini membaca versi ${PROFILE_FORMAT_VERSION})`,
    }),
    id: profileIdSchema,
    /** The instrument pack whose indicator numbers the mapping and the rules use. */
    instrumentId: required(64, 'Id instrumen wajib diisi'),
    instansi: profileInstansiSchema,
    ictAgency: ictAgencySchema,
    /** The Koordinator SPBE as the regulation names it (the Sekretaris Daerah, usually). */
    coordinator: statedFactSchema.nullable(),
    regulation: regulationSchema,
    evaluation: evaluationArrangementSchema,
    teams: z.array(teamSchema).max(20),
    obligations: z.array(obligationSchema).max(50),
    mapping: z.array(mappingEntrySchema).max(200),
    /** Mappings to other instruments than `instrumentId` (absent in older profiles). */
    otherMappings: z.array(instrumentMappingSchema).max(10).optional(),
    /** Remarks on the text and the reading of it (OCR slips, gaps, doubtful points). */
    notes: z.array(text(2_000)).max(50),
  })
  .superRefine((profile, ctx) => {
    const duplicates = (values: readonly (string | number)[]) =>
      values.filter((v, i) => values.indexOf(v) !== i);
    for (const id of new Set(duplicates(profile.teams.map((t) => t.id)))) {
      ctx.addIssue({ code: 'custom', path: ['teams'], message: `Id tim "${id}" ganda` });
    }
    for (const id of new Set(duplicates(profile.obligations.map((o) => o.id)))) {
      ctx.addIssue({
        code: 'custom',
        path: ['obligations'],
        message: `Id kewajiban "${id}" ganda`,
      });
    }
    for (const n of new Set(duplicates(profile.mapping.map((m) => m.indicator)))) {
      ctx.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: `Indikator ${n} dipetakan lebih dari sekali`,
      });
    }
    const others = profile.otherMappings ?? [];
    const instrumentIds = [profile.instrumentId, ...others.map((m) => m.instrumentId)];
    for (const id of new Set(duplicates(instrumentIds))) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherMappings'],
        message: `Pemetaan untuk instrumen "${id}" ganda`,
      });
    }
    others.forEach((other, i) => {
      for (const n of new Set(duplicates(other.mapping.map((m) => m.indicator)))) {
        ctx.addIssue({
          code: 'custom',
          path: ['otherMappings', i, 'mapping'],
          message: `Indikator ${n} (${other.instrumentId}) dipetakan lebih dari sekali`,
        });
      }
    });
  });
export type Profile = z.infer<typeof profileSchema>;
/** A profile as written in a file or JSON (defaults not yet applied). */
export type ProfileInput = z.input<typeof profileSchema>;

/**
 * The profile's mapping for an instrument: `mapping` for its own instrument, the matching entry
 * of `otherMappings` for another one, null when it maps nothing to that instrument (a reader
 * then says so instead of showing another instrument's numbers).
 */
export function mappingOf(
  profile: Pick<Profile, 'instrumentId' | 'mapping' | 'otherMappings'>,
  instrumentId: string,
): MappingEntry[] | null {
  if (instrumentId === profile.instrumentId) return profile.mapping;
  return profile.otherMappings?.find((m) => m.instrumentId === instrumentId)?.mapping ?? null;
}

/** The instruments a profile maps articles to: its own first, then the others in order. */
export const mappedInstrumentIds = (
  profile: Pick<Profile, 'instrumentId' | 'otherMappings'>,
): string[] => [profile.instrumentId, ...(profile.otherMappings ?? []).map((m) => m.instrumentId)];

/** "Profil ini belum memetakan pasal ke indikator PermenPANRB 8/2026". */
export const noMappingText = (instrumentTitle: string): string =>
  `Profil ini belum memetakan pasal ke indikator ${instrumentTitle}`;
