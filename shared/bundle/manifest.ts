/**
 * manifest.json of a .spbe bundle: what a bundle is (format, versions, instrument), who made it
 * and when, what it covers, whether evidence bytes travel with it, the list of evidence files
 * (hash, size, entry name), and the evaluation snapshot itself. The zod schema here is the single
 * source of truth; `validate.ts` adds the checks a schema cannot express.
 */
import { z } from 'zod';
import {
  FUTURE_SLACK_MS,
  isValidTimestamp,
  refineNotAfter,
  timestampSchema,
} from '../format/timestamp';
import { evidenceHashSchema, memberIdSchema } from '../assessment/ids';
import { evaluationSnapshotSchema, type EvaluationSnapshot } from '../assessment/snapshot';
import { tombstoneSchema } from '../assessment/tombstone';
import { instrumentRefSchema } from '../instrument/schema';
import { BUNDLE_FORMAT } from './format';

/** What part of the evaluation a bundle carries. */
export const bundleScopeSchema = z.discriminatedUnion('kind', [
  /** Every indicator: the whole evaluation. */
  z.strictObject({ kind: z.literal('all') }),
  /** "Only mine": the indicators of one assessor; other answers are absent, not blank. */
  z.strictObject({
    kind: z.literal('indicators'),
    indicators: z.array(z.number().int().min(1)).min(1).max(1_000),
  }),
]);
export type BundleScope = z.infer<typeof bundleScopeSchema>;

/** One file whose bytes are in the zip, stored under `evidence/<hash>`. */
export const bundleFileSchema = z.strictObject({
  hash: evidenceHashSchema,
  size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  entry: z.string().max(200),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

export const bundleExporterSchema = z.strictObject({
  /** The member who exported, when the exporter is a member of the team. */
  memberId: memberIdSchema.nullable(),
  name: z.string().trim().min(1, 'nama pengekspor wajib diisi').max(120),
  nip: z.string().trim().max(30).default(''),
});
export type BundleExporter = z.infer<typeof bundleExporterSchema>;

/** The longest pack title a manifest carries (the writer shortens a longer one). */
export const INSTRUMENT_TITLE_MAX = 300;

/**
 * The top level is a plain (non-strict) object so that a newer minor version's extra fields are
 * dropped, not refused; everything inside keeps the strict schemas of the assessment model.
 */
export const bundleManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.string().regex(/^\d+\.\d+$/),
    app: z.strictObject({ name: z.string().max(100), version: z.string().max(40) }),
    instrument: instrumentRefSchema,
    /**
     * The pack's names as the exporting app had them, so that a computer without any version of
     * that pack can still say which one is needed. Optional: bundles of older app versions lack
     * it, and older app versions drop it (the top level is not strict).
     */
    instrumentTitle: z
      .strictObject({
        title: z.string().trim().min(1).max(INSTRUMENT_TITLE_MAX),
        shortTitle: z.string().trim().min(1).max(INSTRUMENT_TITLE_MAX),
      })
      .optional(),
    exportedAt: timestampSchema,
    exportedBy: bundleExporterSchema,
    scope: bundleScopeSchema,
    /** True when every file the snapshot references (evidence, logo) is in the zip. */
    evidenceIncluded: z.boolean(),
    files: z.array(bundleFileSchema).max(100_000),
    snapshot: evaluationSnapshotSchema,
    /**
     * Deletions made in the evaluation (documents, links, members), so a merge or import applies
     * them instead of bringing the items back. Optional: bundles of older app versions have none,
     * and older app versions drop the field (the top level is not strict).
     */
    tombstones: z.array(tombstoneSchema).max(100_000).optional(),
  })
  .superRefine((manifest, ctx) => {
    refineSnapshotNotAfter(ctx, manifest.snapshot, manifest.exportedAt);
    manifest.tombstones?.forEach((t, i) =>
      refineNotAfter(ctx, t.at, manifest.exportedAt, ['tombstones', i, 'at']),
    );
  });
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/**
 * Every moment a snapshot records must lie before its file's export time (one day of clock skew
 * allowed): a refusal names the field, e.g. "snapshot.audit[3].at". A plain loop per table, with
 * the path built only for a refusal: this runs over every row of a large bundle.
 */
export function refineSnapshotNotAfter(
  ctx: Parameters<typeof refineNotAfter>[0],
  snapshot: EvaluationSnapshot,
  exportedAt: number,
): void {
  // refineNotAfter adds nothing for an invalid export time, nor for a value up to this limit.
  if (!isValidTimestamp(exportedAt)) return;
  const limit = exportedAt + FUTURE_SLACK_MS;
  const at = (value: unknown, ...path: PropertyKey[]) =>
    refineNotAfter(ctx, value, exportedAt, ['snapshot', ...path]);
  const column = <T>(rows: readonly T[], table: string, field: keyof T & string): void => {
    for (let i = 0; i < rows.length; i += 1) {
      const value = rows[i]![field];
      if (typeof value === 'number' && value > limit) at(value, table, i, field);
    }
  };
  const { evaluation } = snapshot;
  at(evaluation.createdAt, 'evaluation', 'createdAt');
  at(evaluation.updatedAt, 'evaluation', 'updatedAt');
  if (evaluation.origin.kind === 'imported') {
    at(evaluation.origin.exportedAt, 'evaluation', 'origin', 'exportedAt');
  }
  column(snapshot.answers, 'answers', 'updatedAt');
  column(snapshot.evidence, 'evidence', 'addedAt');
  column(snapshot.links, 'links', 'addedAt');
  column(snapshot.members, 'members', 'createdAt');
  column(snapshot.audit, 'audit', 'at');
}
