/**
 * The shapes of a merge: its inputs (sources), the conflicts the coordinator settles, the
 * resolutions (zod: they come from a form or the command line), and the merge record that keeps
 * every input, every conflict with all its sides, every decision with its reason and who took
 * it, and the provenance of every answer. The record is what the Berita Acara Rekonsiliasi is
 * printed from and what the database stores next to the merged evaluation.
 */
import { z } from 'zod';
import { butirStateSchema, externalInputSchema, type Answer } from '../assessment/answer';
import { LIMITS, tooLong } from '../assessment/limits';
import {
  evidenceHashSchema,
  memberIdSchema,
  type EvidenceHash,
  type MemberId,
} from '../assessment/ids';
import type { EvaluationSnapshot } from '../assessment/snapshot';
import { tombstoneEntities, type Tombstone } from '../assessment/tombstone';
import { instrumentRefSchema } from '../instrument/schema';
import { bundleScopeSchema, type BundleScope } from '../bundle/manifest';

/** One input of a merge: a bundle an assessor exported, or the coordinator's own evaluation. */
export interface MergeSource {
  /** Unique within the merge: "base", "1", "2", ... */
  id: string;
  kind: 'base' | 'bundle';
  /**
   * The bundle's file name, or for the coordinator's own evaluation "Evaluasi di komputer
   * koordinator (Pemerintah Kota Balikpapan)": it is not a file.
   */
  label: string;
  /** An evaluation stored on the coordinator's computer, not a file (sourceFromBase). */
  local?: boolean;
  snapshot: EvaluationSnapshot;
  exportedBy: { memberId: MemberId | null; name: string; nip: string } | null;
  exportedAt: number | null;
  /** SHA-256 of the bundle's manifest.json (names the exact content merged). */
  manifestHash: string | null;
  /** SHA-256 of the whole .spbe file, when the caller computed it. */
  fileHash: string | null;
  scope: BundleScope;
  /**
   * Deletions the source carries (shared/merge/tombstones.ts); null or absent for a bundle of an
   * older app version that carries none (its deletions cannot be seen).
   */
  tombstones?: readonly Tombstone[] | null;
}

export const provenanceHows = ['identical', 'oneSide', 'newer', 'resolved'] as const;
export type ProvenanceHow = (typeof provenanceHows)[number];

export const provenanceHowLabel: Record<ProvenanceHow, string> = {
  identical: 'Sama pada semua berkas',
  oneSide: 'Hanya ada pada satu berkas',
  newer: 'Versi terbaru diambil',
  resolved: 'Diputuskan koordinator',
};

/** One assessor's version of a conflicting answer (sides group identical versions). */
export interface ConflictSide {
  /** The source whose copy represents this side (the most recently updated one). */
  sourceId: string;
  /** Every source holding this same version. */
  sourceIds: string[];
  sourceLabels: string[];
  /** Who exported the file(s) of this side. */
  exporters: string[];
  /** Who last edited the answer, from the member list of that file. */
  assessor: { memberId: MemberId | null; name: string } | null;
  answer: Answer;
  levelName: string | null;
  evidence: {
    hash: EvidenceHash;
    fileName: string;
    title: string;
    levels: number[];
    note: string;
  }[];
}

/**
 * The answer every side of a conflict grew from, as far as the merged sources show it:
 * - known: a copy in one of the sources is that common version (its value may be null);
 * - none: no two sides share a past (each version was written on its own, from no answer);
 * - unknown: the sides share a past, but no source holds that version any more.
 */
export type ConflictStart =
  | { kind: 'known'; value: number | null; sourceLabels: string[] }
  | { kind: 'none' }
  | { kind: 'unknown' };

export interface Conflict {
  indicator: number;
  indicatorName: string;
  sides: ConflictSide[];
  /** The common starting point of the sides (absent in conflicts built by hand). */
  start?: ConflictStart;
}

const decidedBySchema = z.strictObject({
  memberId: memberIdSchema.nullable(),
  name: z.string().trim().min(1, 'Nama yang memutuskan wajib diisi').max(120),
});

export const resolutionChoiceSchema = z.discriminatedUnion('kind', [
  /** Take one side's answer (and its evidence links) as it is. */
  z.strictObject({ kind: z.literal('side'), sourceId: z.string().min(1) }),
  /** A settled answer the coordinator writes. */
  z.strictObject({
    kind: z.literal('written'),
    value: z.number().nullable(),
    justification: z
      .string()
      .max(LIMITS.justification, tooLong('Penjelasan', LIMITS.justification)),
    agency: z.string().max(300, 'Nama perangkat daerah terlalu panjang'),
    /** The evidence to keep linked; all sides' evidence when absent. */
    evidenceHashes: z.array(evidenceHashSchema).optional(),
    /**
     * Pemdi: the entered source index and the butir statuses to keep. Absent: those of the most
     * recently changed version (the one the conflict screen starts a written answer from).
     */
    external: externalInputSchema.nullable().optional(),
    butir: butirStateSchema.optional(),
  }),
]);
export type ResolutionChoice = z.infer<typeof resolutionChoiceSchema>;

export const resolutionSchema = z.strictObject({
  indicator: z.number().int().min(1),
  choice: resolutionChoiceSchema,
  reason: z
    .string()
    .trim()
    .min(1, 'Alasan keputusan wajib diisi')
    .max(5_000, 'Alasan paling banyak 5.000 karakter'),
  decidedBy: decidedBySchema,
  decidedAt: z.number().int().nonnegative(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

const recordSideSchema = z.strictObject({
  sourceIds: z.array(z.string()),
  sourceLabels: z.array(z.string()),
  exporters: z.array(z.string()),
  assessor: z.string().nullable(),
  value: z.number().nullable(),
  levelName: z.string().nullable(),
  justification: z.string(),
  agency: z.string(),
  updatedAt: z.number(),
  evidence: z.array(
    z.strictObject({ hash: evidenceHashSchema, fileName: z.string(), title: z.string() }),
  ),
  /**
   * Pemdi: the side's entered source index and butir statuses, as its answer holds them (absent
   * for instruments without them and in records made before they were kept).
   */
  external: externalInputSchema.nullable().optional(),
  butir: butirStateSchema.optional(),
});

export const mergeRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  mergedAt: z.number(),
  /** The new evaluation the merge produced. */
  evaluationId: z.string(),
  instrument: instrumentRefSchema,
  instansi: z.string(),
  year: z.number().int(),
  inputs: z.array(
    z.strictObject({
      sourceId: z.string(),
      kind: z.enum(['base', 'bundle']),
      label: z.string(),
      exportedBy: z.string().nullable(),
      exportedAt: z.number().nullable(),
      manifestHash: z.string().nullable(),
      fileHash: z.string().nullable(),
      scope: bundleScopeSchema,
      answers: z.number().int(),
      evidence: z.number().int(),
    }),
  ),
  provenance: z.array(
    z.strictObject({
      indicator: z.number().int(),
      how: z.enum(provenanceHows),
      /** The sources the taken answer came from. */
      from: z.array(z.string()),
      /** Sources whose older version was superseded (how = newer). */
      superseded: z.array(z.string()),
      /**
       * Who gave the answer where it came from the coordinator's evaluation (the base): an
       * answer imported there from an assessor's file is that assessor's, not the coordinator's.
       * Absent without a base copy, when its author is unknown, and in records made before it.
       */
      answeredBy: z.string().optional(),
    }),
  ),
  conflicts: z.array(
    z.strictObject({
      indicator: z.number().int(),
      indicatorName: z.string(),
      sides: z.array(recordSideSchema),
      decision: resolutionChoiceSchema,
      /** The taken side's label, or null for a written answer. */
      decisionLabel: z.string(),
      value: z.number().nullable(),
      levelName: z.string().nullable(),
      /** Pemdi: the source index and butir statuses the settled answer carries (as the sides). */
      external: externalInputSchema.nullable().optional(),
      butir: butirStateSchema.optional(),
      reason: z.string(),
      decidedBy: decidedBySchema,
      decidedAt: z.number(),
    }),
  ),
  /**
   * Deletions the merge applied or the coordinator decided (absent in records made before
   * deletions travelled).
   */
  deletions: z
    .array(
      z.strictObject({
        key: z.string(),
        entity: z.enum(tombstoneEntities),
        label: z.string(),
        deletedBy: z.string(),
        deletedAt: z.number(),
        /** Labels of the files that carry the deletion. */
        deletedIn: z.array(z.string()),
        /** Labels of the files whose copy the deletion removed (or would have removed). */
        removedFrom: z.array(z.string()),
        /** Concurrent edits set against the deletion (a conflict), in words. */
        edited: z.array(z.strictObject({ sourceLabel: z.string(), description: z.string() })),
        deletedDescription: z.string(),
        /** null: applied by itself; otherwise the coordinator's decision. */
        decision: z
          .strictObject({
            choice: z.enum(['delete', 'keep']),
            reason: z.string(),
            decidedBy: decidedBySchema,
            decidedAt: z.number(),
          })
          .nullable(),
      }),
    )
    .optional(),
  /** Labels of the inputs without tombstones (older app): their deletions could not be seen. */
  blindInputs: z.array(z.string()).optional(),
  /**
   * Documents whose metadata two or more files edited differently (the same field to different
   * values): the copy kept (edited last) and the others, by file label and edit time (absent in
   * records made before it was kept).
   */
  documentChoices: z
    .array(
      z.strictObject({
        hash: evidenceHashSchema,
        fileName: z.string(),
        /** The title kept. */
        title: z.string(),
        /**
         * The fields the files edited differently, kept from `kept`; present when the document
         * combines edits of several files (absent: its details as a whole are `kept`'s).
         */
        fields: z
          .array(z.enum(['kind', 'title', 'number', 'documentDate', 'description']))
          .optional(),
        kept: z.strictObject({ sourceLabel: z.string(), editedAt: z.number() }),
        others: z.array(z.strictObject({ sourceLabel: z.string(), editedAt: z.number() })),
      }),
    )
    .optional(),
  totals: z.strictObject({
    answers: z.number().int(),
    evidence: z.number().int(),
    evidenceDuplicates: z.number().int(),
    links: z.number().int(),
    members: z.number().int(),
    membersMerged: z.number().int(),
    auditEvents: z.number().int(),
  }),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

/** A merge that cannot run or cannot be applied, with its Indonesian reason(s). */
export class MergeError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
    /** The sources to take out for the merge to run (another instrument, a second copy of a file), by source id. */
    readonly sourceIds: string[] = [],
  ) {
    super(message);
    this.name = 'MergeError';
  }
}
