/**
 * An evaluation: one instansi, one year, one instrument pack version. The instansi profile is
 * copied into the evaluation (the report must keep saying what was true when it was made).
 */
import { z } from 'zod';
import { calendarDateSchema, timestampSchema } from '../format/timestamp';
import { instrumentRefSchema } from '../instrument/schema';
import { evaluationIdSchema, evidenceHashSchema } from './ids';

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

export const currentYear = (): number => new Date().getFullYear();

export const evaluationSchema = z.strictObject({
  id: evaluationIdSchema,
  year: z.number().int().min(2018, 'Tahun paling awal 2018').max(2100, 'Tahun tidak wajar'),
  instrument: instrumentRefSchema,
  instansi: instansiSchema,
  /** The regional profile it was created from (shared/profiles), if any. */
  profileId: z.string().nullable().default(null),
  /** Period of the self-assessment, for the report's methodology. */
  periodStart: isoDateSchema.nullable().default(null),
  periodEnd: isoDateSchema.nullable().default(null),
  status: evaluationStatusSchema.default('active'),
  origin: evaluationOriginSchema.default({ kind: 'created' }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** What the "new evaluation" form collects (everything else is set by the app). */
export const newEvaluationInputSchema = z.strictObject({
  year: z.coerce
    .number({ error: 'Tahun wajib diisi' })
    .int('Tahun harus bilangan bulat')
    .min(2018, 'Tahun paling awal 2018')
    .max(2100, 'Tahun tidak wajar'),
  instrumentId: z.string().min(1, 'Pilih instrumen'),
  instrumentVersion: z.string().min(1),
  profileId: z.string().nullable().default(null),
  instansi: instansiSchema.omit({ logoHash: true }),
});
export type NewEvaluationInput = z.infer<typeof newEvaluationInputSchema>;
