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

/** The text of a level of one indicator: the criteria and what fulfils them. */
export const indicatorLevelSchema = z.strictObject({
  level: z.number().int().min(1),
  /** The criteria, verbatim from the regulation's questionnaire. */
  criteria: nonEmpty,
  /** How the criteria are fulfilled (technical guideline), if given. */
  fulfilment: z.array(z.string()).default([]),
  /** The evidence expected for this level (technical guideline), if given. */
  evidence: z.array(z.string()).default([]),
  /** For decimal scales: the value range this criterion describes (display only). */
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
});
export type IndicatorLevel = z.infer<typeof indicatorLevelSchema>;

export const indicatorSchema = z.strictObject({
  /** Number within the instrument ("Indikator 1" .. "Indikator 47"), unique and continuous. */
  number: z.number().int().min(1),
  name: nonEmpty,
  /** Names seen in other official documents; used to match imported data. */
  aliases: z.array(z.string()).default([]),
  /** Weight in percent of the whole index (Bobot). */
  weight,
  /** Id of a level scale of the pack. */
  scale: nonEmpty,
  /** Free grouping used for evidence guidance (e.g. kebijakan, tata_kelola, layanan). */
  category: z.string().optional(),
  question: nonEmpty,
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
});
export type InstrumentPack = z.infer<typeof instrumentPackSchema>;
export type InstrumentPackInput = z.input<typeof instrumentPackSchema>;

/** The reference an evaluation keeps to the exact pack it is scored with. */
export const instrumentRefSchema = z.strictObject({
  id: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
});
export type InstrumentRef = z.infer<typeof instrumentRefSchema>;
