/**
 * An evaluation: one instansi, one year, one instrument pack version. The instansi profile is
 * copied into the evaluation (the report must keep saying what was true when it was made).
 */
import { z } from 'zod';
import { calendarDateSchema, timestampSchema } from '../format/timestamp';
import { instrumentRefSchema } from '../instrument/schema';
import { evaluationIdSchema, evidenceHashSchema } from './ids';
import {
  isValidNip,
  LIMITS,
  NIP_MESSAGE,
  PERIOD_ORDER_MESSAGE,
  readYear,
  YEAR_RANGE,
} from './limits';

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max);

export const instansiKinds = ['kota', 'kabupaten', 'provinsi'] as const;
export const instansiKindSchema = z.enum(instansiKinds);
export type InstansiKind = z.infer<typeof instansiKindSchema>;

export const instansiKindLabel: Record<InstansiKind, string> = {
  kota: 'Pemerintah Kota',
  kabupaten: 'Pemerintah Kabupaten',
  provinsi: 'Pemerintah Provinsi',
};

/** Calendar date "YYYY-MM-DD" (no time zone) naming a day that exists (shared/format/timestamp). */
export const isoDateSchema = calendarDateSchema;

export const instansiSchema = z.strictObject({
  /** Official name: "Pemerintah Kota Balikpapan". */
  name: requiredText(200, 'Nama instansi wajib diisi'),
  kind: instansiKindSchema,
  /** The region without its prefix: "Balikpapan", "Mojokerto". */
  regionName: requiredText(120, 'Nama daerah wajib diisi'),
  province: text(120).default(''),
  /** As the region's own regulation writes it: "Walikota", "Wali Kota", "Bupati", "Gubernur". */
  headOfRegionTitle: requiredText(40, 'Sebutan kepala daerah wajib diisi'),
  headOfRegionName: text(120).default(''),
  sekdaName: text(120).default(''),
  sekdaNip: text(30).default(''),
  ictAgencyName: text(200).default(''),
  ictAgencyAbbreviation: text(40).default(''),
  address: text(300).default(''),
  /** The logo's bytes live in the blob store under this hash. */
  logoHash: evidenceHashSchema.nullable().default(null),
});
export type Instansi = z.infer<typeof instansiSchema>;

export const evaluationStatusSchema = z.enum(['active', 'archived']);

export const evaluationOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('created') }),
  z.strictObject({
    kind: z.literal('duplicated'),
    fromEvaluationId: evaluationIdSchema,
    fromYear: z.number().int(),
  }),
  z.strictObject({
    kind: z.literal('imported'),
    fileName: z.string(),
    exportedBy: z.string(),
    exportedAt: timestampSchema,
  }),
  z.strictObject({ kind: z.literal('merged'), mergeId: z.string() }),
]);
export type EvaluationOrigin = z.infer<typeof evaluationOriginSchema>;

/**
 * The team's decision on one obligation of the regional regulation (shared/profiles compliance):
 * the status printed in the report, with the team's note, who decided and when. An automatic
 * finding without a decision is never printed in the body of the report.
 */
export const complianceDecisionStatuses = [
  'confirmed',
  'evidenceFound',
  'evidenceMissing',
  'notApplicable',
] as const;
export const complianceDecisionSchema = z.strictObject({
  status: z.enum(complianceDecisionStatuses),
  note: z.string().trim().max(2_000),
  by: z.string().trim().max(200),
  at: timestampSchema,
});
export type ComplianceDecision = z.infer<typeof complianceDecisionSchema>;

export const evaluationSchema = z.strictObject({
  id: evaluationIdSchema,
  year: z.number().int().min(LIMITS.yearMin, YEAR_RANGE).max(LIMITS.yearMax, YEAR_RANGE),
  instrument: instrumentRefSchema,
  instansi: instansiSchema,
  /** The regional profile it was created from (shared/profiles), if any. */
  profileId: z.string().nullable().default(null),
  /** Period of the self-assessment, for the report's methodology. */
  periodStart: isoDateSchema.nullable().default(null),
  periodEnd: isoDateSchema.nullable().default(null),
  status: evaluationStatusSchema.default('active'),
  /** The date printed on the report and its Berita Acara, chosen on the report screen. */
  reportDate: isoDateSchema.optional(),
  /** The team's decisions on the regional obligations, by obligation id (absent in older files). */
  complianceDecisions: z.record(z.string(), complianceDecisionSchema).optional(),
  origin: evaluationOriginSchema.default({ kind: 'created' }),
  /**
   * What tells a second evaluation of the same instansi and year apart: "salinan 2". Absent for
   * the first one (and in every file written before it existed).
   */
  label: z.string().trim().min(1).max(LIMITS.evaluationLabel).optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** The label of the n-th evaluation of one instansi and year (n ≥ 2): "salinan 2". */
export const copyLabel = (n: number): string => `salinan ${n}`;

/** Whether `e` is of the instansi named `instansiName` (case and end spaces aside) and `year`. */
export const isOfInstansiYear = (
  e: { instansi: { name: string }; year: number },
  instansiName: string,
  year: number,
): boolean =>
  e.year === year &&
  e.instansi.name.trim().toLocaleLowerCase('id') === instansiName.trim().toLocaleLowerCase('id');

/**
 * The label of one more evaluation of an instansi and year beside `existing` (the evaluations of
 * that instansi and year already there): none for the first, else the first "salinan n" not
 * taken, from n = their count + 1.
 */
export function nextCopyLabel(existing: readonly { label?: string }[]): string | undefined {
  if (existing.length === 0) return undefined;
  const taken = new Set(existing.map((e) => e.label));
  let n = existing.length + 1;
  while (taken.has(copyLabel(n))) n += 1;
  return copyLabel(n);
}

/** What names an evaluation among others: its instansi, year and label. */
export type EvaluationIdentity = Pick<Evaluation, 'year' | 'label'> & {
  id: string;
  instansi: { name: string };
};

/**
 * Evaluations added beside `staying` ones (a selective restore): each that would bear the same
 * name as one of the same instansi and year staying or added before it gets the label a new one
 * would get (nextCopyLabel). Only the labels that change, by id.
 */
export function labelsTellingApart(
  added: readonly EvaluationIdentity[],
  staying: readonly EvaluationIdentity[],
): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const all = [...staying];
  for (const e of added) {
    const others = all.filter((o) => isOfInstansiYear(o, e.instansi.name, e.year));
    const clash = others.some((o) => (o.label ?? '') === (e.label ?? ''));
    const label = clash ? nextCopyLabel(others) : e.label;
    if (clash) out.set(e.id, label);
    all.push({ ...e, label });
  }
  return out;
}

/** How an evaluation is named in lists and headers: "Pemerintah Kota Balikpapan (salinan 2)". */
export const evaluationName = (e: { instansi: { name: string }; label?: string }): string =>
  e.label ? `${e.instansi.name} (${e.label})` : e.instansi.name;

/**
 * A year typed in a form: "" says it is required, "20a5" that it must be a number, 1999 the
 * range (never "wajib diisi" for something typed).
 */
export const yearInputSchema = z.unknown().transform((v, ctx): number => {
  const read = readYear(v);
  if (read.ok) return read.year;
  ctx.addIssue({ code: 'custom', message: read.message });
  return z.NEVER;
});

/**
 * The longest word a name typed in a form may hold. No name of a region, an office or a person
 * has a longer one; a longer "word" (a paste gone wrong) would widen every screen that shows the
 * name and the report's cover, as names wrap only between words.
 */
export const MAX_NAME_WORD = 40;
const wordsFit = (text: string): boolean =>
  text.split(/\s+/).every((word) => word.length <= MAX_NAME_WORD);
const WORD_MESSAGE = `Ada kata lebih dari ${MAX_NAME_WORD} huruf tanpa spasi; periksa penulisannya`;
const withWordsFit = <T extends z.ZodType<string, unknown>>(schema: T) =>
  schema.refine(wordsFit, WORD_MESSAGE);

/**
 * The instansi as a form edits it: stricter than what is stored (older files keep reading), so
 * a NIP must be 18 digits when it is entered, and a name may not hold a word longer than
 * MAX_NAME_WORD.
 */
export const instansiInputSchema = instansiSchema.omit({ logoHash: true }).extend({
  name: withWordsFit(instansiSchema.shape.name),
  regionName: withWordsFit(instansiSchema.shape.regionName),
  province: withWordsFit(instansiSchema.shape.province),
  headOfRegionName: withWordsFit(instansiSchema.shape.headOfRegionName),
  sekdaName: withWordsFit(instansiSchema.shape.sekdaName),
  ictAgencyName: withWordsFit(instansiSchema.shape.ictAgencyName),
  sekdaNip: z.string().trim().refine(isValidNip, NIP_MESSAGE).default(''),
});

/** True when the period's end is not before its start (either may be missing). */
export const periodInOrder = (start: string | null, end: string | null): boolean =>
  start === null || end === null || start <= end;

/** Refinement for a form holding `periodStart` and `periodEnd`: the message sits on the end. */
export function checkPeriodOrder(
  value: { periodStart: string | null; periodEnd: string | null },
  ctx: z.RefinementCtx,
): void {
  if (!periodInOrder(value.periodStart, value.periodEnd))
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: PERIOD_ORDER_MESSAGE });
}

/** What the "new evaluation" form collects (everything else is set by the app). */
export const newEvaluationInputSchema = z.strictObject({
  year: yearInputSchema,
  instrumentId: z.string().min(1, 'Pilih instrumen'),
  instrumentVersion: z.string().min(1),
  profileId: z.string().nullable().default(null),
  instansi: instansiInputSchema,
});
export type NewEvaluationInput = z.infer<typeof newEvaluationInputSchema>;
