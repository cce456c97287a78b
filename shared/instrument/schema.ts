/**
 * The instrument pack format: everything about an evaluation instrument (PermenPANRB 59/2020, its
 * successor, or a test pack) as data. Nothing about a particular regulation is hard-coded outside
 * its pack. This module owns the zod schema (the single source of truth for the shape); the
 * arithmetic and consistency checks live in `validate.ts`.
 */
import { z } from 'zod';

/** A weight as the regulation prints it (percent of the whole index in 59/2020). */
const weight = z.number().positive().finite();

const nonEmpty = z.string().trim().min(1);

/** One level of a level scale (e.g. 1 "Rintisan"). */
export const scaleLevelSchema = z.strictObject({
  level: z.number().int().min(1),
  name: nonEmpty,
  /** Generic meaning of the level for every indicator on this scale. */
  meaning: nonEmpty,
  /**
   * For decimal value scales: the range of values that counts as this level. Bounds are
   * `min <= v < max` unless `maxInclusive` (used by the top level).
   */
  range: z
    .strictObject({
      min: z.number().finite(),
      max: z.number().finite(),
      maxInclusive: z.boolean().default(false),
    })
    .optional(),
});
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;

/** A named level scale (process capability, service capability, ...). */
export const levelScaleSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  /** Which indicators use it, in words, e.g. "Indikator 1–31". */
  appliesTo: z.string().optional(),
  levels: z.array(scaleLevelSchema).min(2),
  /** Names of the levels seen in other official documents (LHE, paparan). */
  aliases: z.record(z.string(), z.array(z.string())).optional(),
});
export type LevelScale = z.infer<typeof levelScaleSchema>;

/**
 * How an indicator's value is entered. `integer`: the value is the level (1..5), as in 59/2020.
 * `decimal`: a value with `decimals` places between `min` and `max` (e.g. 1,00–5,00); the level
 * is the one whose range holds the value.
 */
export const valueScaleSchema = z.strictObject({
  kind: z.enum(['integer', 'decimal']),
  min: z.number().finite(),
  max: z.number().finite(),
  decimals: z.number().int().min(0).max(4),
});
export type ValueScale = z.infer<typeof valueScaleSchema>;

/**
 * How sure a pack is of a fact taken from its sources. `high` facts are shown plainly; anything
 * lower is shown with one quiet line asking the user to check it against the official copy.
 */
export const confidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** One evidence item (butir bukti dukung) expected at a level, as the portal lists it. */
export const butirSchema = z.strictObject({
  /** Portal code, e.g. "I1-L2-03"; unique within the pack. */
  code: nonEmpty,
  text: nonEmpty,
  note: z.string().optional(),
});
export type Butir = z.infer<typeof butirSchema>;

/** The text of a level of one indicator: the criteria and what fulfils them. */
export const indicatorLevelSchema = z.strictObject({
  level: z.number().int().min(1),
  /**
   * The criteria, verbatim from the regulation's questionnaire; null where the pack's sources
   * do not give them (shown as "kriteria belum tersedia", never invented).
   */
  criteria: nonEmpty.nullable(),
  /** Conditions (kondisi) that describe the level further, if the source lists them. */
  conditions: z.array(z.string()).default([]),
  /** Evidence items uploaded per level (Pemdi). Empty for instruments without butir. */
  butir: z.array(butirSchema).default([]),
  /** How sure the pack is of this level's text; absent = taken from the official text. */
  confidence: confidenceSchema.optional(),
  source: z.string().optional(),
  /** How the criteria are fulfilled (technical guideline), if given. */
  fulfilment: z.array(z.string()).default([]),
  /** The evidence expected for this level (technical guideline), if given. */
  evidence: z.array(z.string()).default([]),
  /** For decimal scales: the value range this criterion describes (display only). */
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
});
export type IndicatorLevel = z.infer<typeof indicatorLevelSchema>;

/**
 * An indicator whose value is converted from another agency's index (Pemdi: Indeks SDI, SJIG,
 * IPS). The source index falls into one band; its value is interpolated linearly inside the
 * band's output range, rounded half up to the pack's decimals.
 */
export const externalIndexSchema = z.strictObject({
  /** What the assessor enters: "Indeks Satu Data Indonesia (SDI)". */
  name: nonEmpty,
  /** Short name used in labels: "Indeks SDI". */
  shortName: nonEmpty,
  min: z.number().finite(),
  max: z.number().finite(),
  bands: z
    .array(
      z.strictObject({
        input: z.tuple([z.number().finite(), z.number().finite()]),
        output: z.tuple([z.number().finite(), z.number().finite()]),
      }),
    )
    .min(1),
  /** Value counted until the source index is entered (Pemdi 2026: 1,00). */
  assumedValue: z.number().finite(),
  /** Worked examples of the source, checked when the pack loads. */
  examples: z
    .array(z.strictObject({ input: z.number().finite(), output: z.number().finite() }))
    .default([]),
  confidence: confidenceSchema,
  source: nonEmpty,
});
export type ExternalIndex = z.infer<typeof externalIndexSchema>;

export const indicatorSchema = z.strictObject({
  /** Number within the instrument ("Indikator 1" .. "Indikator 47"), unique and continuous. */
  number: z.number().int().min(1),
  /** Code printed by other documents of the instrument, e.g. "1.1" (aspect.indicator). */
  code: z.string().optional(),
  name: nonEmpty,
  /** Names seen in other official documents; used to match imported data. */
  aliases: z.array(z.string()).default([]),
  /** Weight in percent of the whole index (Bobot). */
  weight,
  /** Id of a level scale of the pack. */
  scale: nonEmpty,
  /** Free grouping used for evidence guidance (e.g. kebijakan, tata_kelola, layanan). */
  category: z.string().optional(),
  /** The questionnaire text; null where the pack has none (Pemdi: not recovered). */
  question: nonEmpty.nullable(),
  levels: z.array(indicatorLevelSchema).min(1),
  explanation: z.strictObject({
    /** Penjelasan indikator. */
    indicator: z.array(z.string()).default([]),
    /** Penjelasan penilaian: how the indicator is judged. */
    judgement: z.array(z.string()).default([]),
    /** Penjelasan bukti dukung: the evidence expected overall. */
    evidence: z.array(z.string()).default([]),
  }),
  notes: z.array(z.string()).default([]),
  /** Present when the value comes from another agency's index instead of evidence. */
  externalIndex: externalIndexSchema.optional(),
  /** How sure the pack is of the indicator's name and description; absent = official. */
  confidence: confidenceSchema.optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * A group of the tree (a domain, an aspect, ...). A group holds either groups or indicators
 * (checked in `validate.ts`). Its index is Σ(child value × child weight) / group weight, the
 * formula of PermenPANRB 59/2020 Lampiran II.D for aspects and domains alike.
 */
export const groupSchema = z.strictObject({
  id: nonEmpty,
  /** The tier this group belongs to; one of the pack's `tiers[].id`. */
  tier: nonEmpty,
  number: z.number().int().min(1),
  name: nonEmpty,
  aliases: z.array(z.string()).default([]),
  weight,
  get groups() {
    return z.array(groupSchema).optional();
  },
  indicators: z.array(indicatorSchema).optional(),
});
export type Group = z.infer<typeof groupSchema>;

/** A tier of the tree: "domain", "aspect"; the successor framework has aspects only. */
export const tierSchema = z.strictObject({
  id: nonEmpty,
  /** Indonesian label: "Domain", "Aspek". */
  label: nonEmpty,
  /** Indonesian label of the tier's index: "Indeks Domain". */
  indexLabel: nonEmpty,
});
export type Tier = z.infer<typeof tierSchema>;

/** A predikat band. Bounds follow the regulation's table (e.g. 2,6 – < 3,5). */
export const ratingBandSchema = z.strictObject({
  name: nonEmpty,
  min: z.number().finite(),
  max: z.number().finite(),
  minInclusive: z.boolean(),
  maxInclusive: z.boolean(),
  /** The band as the regulation prints it, e.g. "2,6 – < 3,5". */
  text: nonEmpty,
  /** Other names of the band in official documents ("Merintis"). */
  aliases: z.array(z.string()).default([]),
});
export type RatingBand = z.infer<typeof ratingBandSchema>;

export const roundingSchema = z.strictObject({
  /** Places shown in every presented index (official documents show two). */
  displayDecimals: z.number().int().min(0).max(6),
  mode: z.enum(['half-up']),
  /**
   * Which value the predikat is read from. `displayed`: from the presented (rounded) value, so a
   * report never shows 2,60 next to "Cukup". An assumption of this pack, not of the regulation.
   */
  ratingFrom: z.enum(['displayed', 'exact']),
  /** Why: the policy and its source, shown in the methodology of a report. */
  rationale: z.string().optional(),
});
export type Rounding = z.infer<typeof roundingSchema>;

export const legalBasisSchema = z.strictObject({
  kind: nonEmpty,
  number: nonEmpty,
  year: z.number().int(),
  title: nonEmpty,
  /** Short form used in the UI: "PermenPANRB 59/2020". */
  short: nonEmpty,
});

export const packNoteSchema = z.strictObject({
  /** What the note is about: "indicator:3", "scale:process", "formula", ... */
  topic: nonEmpty,
  /** correction: a copy error of a source fixed in this pack; discrepancy: sources disagree. */
  kind: z.enum(['correction', 'discrepancy', 'assumption', 'info']),
  text: nonEmpty,
  source: z.string().optional(),
});
export type PackNote = z.infer<typeof packNoteSchema>;

/** A role of the evaluation as the pack's regulation names it, with where that comes from. */
export const roleNameSchema = z.strictObject({
  /** "Koordinator SPBE" (PermenPANRB 59/2020), "Koordinator Pemdi" (PermenPANRB 8/2026). */
  name: nonEmpty,
  source: nonEmpty,
  confidence: confidenceSchema,
});
export type RoleName = z.infer<typeof roleNameSchema>;

export const instrumentPackSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id hanya huruf kecil, angka dan tanda hubung'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'versi berbentuk x.y.z'),
  title: nonEmpty,
  shortTitle: nonEmpty,
  /** official: the regulation's own instrument; draft: unverified; test: not for real use. */
  status: z.enum(['official', 'draft', 'test']),
  legalBasis: z.array(legalBasisSchema).min(1),
  /** Label of the whole index: "Indeks SPBE". */
  indexLabel: nonEmpty,
  /** Total weight of the top tier (100 in 59/2020: weights are percentages). */
  totalWeight: weight,
  valueScale: valueScaleSchema,
  levelScales: z.array(levelScaleSchema).min(1),
  tiers: z.array(tierSchema).min(1),
  groups: z.array(groupSchema).min(1),
  rating: z.array(ratingBandSchema).min(1),
  targets: z.strictObject({
    indicatorLevel: z.number().finite(),
    index: z.number().finite(),
    source: z.string().optional(),
  }),
  rounding: roundingSchema,
  notes: z.array(packNoteSchema).default([]),
  sources: z.array(z.string()).default([]),
  /**
   * How sure the pack is of its facts as a whole, with the one quiet line shown where that is
   * below high (e.g. "disusun dari sumber sekunder; cocokkan dengan salinan resmi").
   */
  provenance: z
    .strictObject({
      confidence: confidenceSchema,
      /** Confidence of the predikat bounds' inclusivity, when it differs from the pack's. */
      ratingConfidence: confidenceSchema.optional(),
      caution: nonEmpty,
    })
    .optional(),
  /**
   * Which indicators of an earlier instrument may hold documents for an indicator of this one,
   * for "Salin ke tahun baru" across instruments. Suggestions only: nothing links by itself.
   */
  crosswalk: z
    .array(
      z.strictObject({
        fromPack: nonEmpty,
        from: z.number().int().min(1),
        to: z.array(z.number().int().min(1)).min(1),
        note: z.string().optional(),
      }),
    )
    .default([]),
  /**
   * Roles of the evaluation as the regulation names them. `coordinator`: the Sekretaris Daerah
   * who coordinates the evaluation and signs its report (absent: the plain word "Koordinator").
   */
  roles: z.strictObject({ coordinator: roleNameSchema }).optional(),
  /** Evaluation years this instrument is proposed for (inclusive); absent = any year. */
  years: z
    .strictObject({ from: z.number().int().optional(), to: z.number().int().optional() })
    .optional(),
});
export type InstrumentPack = z.infer<typeof instrumentPackSchema>;
export type InstrumentPackInput = z.input<typeof instrumentPackSchema>;

/** The reference an evaluation keeps to the exact pack it is scored with. */
export const instrumentRefSchema = z.strictObject({
  id: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
});
export type InstrumentRef = z.infer<typeof instrumentRefSchema>;
