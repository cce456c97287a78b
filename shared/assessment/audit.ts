/**
 * The append-only audit log: who changed what, when, from which value to which. Written in the
 * same transaction as the change it records; never updated or deleted except with its evaluation.
 */
import { z } from 'zod';
import { timestampSchema } from '../format/timestamp';
import { evaluationIdSchema, memberIdSchema } from './ids';
import { LIMITS } from './limits';

export const auditEntities = ['evaluation', 'answer', 'evidence', 'link', 'member'] as const;

export const auditEventSchema = z.strictObject({
  /** Assigned by the database; absent before the write. */
  seq: z.number().int().optional(),
  /** Stable id across exchanges (bundles carry the log). */
  id: z.string().min(1).max(64),
  evaluationId: evaluationIdSchema,
  at: timestampSchema,
  actor: memberIdSchema.nullable(),
  /** The actor's name when it happened (members can be renamed or removed). */
  actorName: z.string().max(120),
  entity: z.enum(auditEntities),
  /** `export`: the evaluation (or part of it) was written to a .spbe file. */
  action: z.enum(['create', 'update', 'delete', 'import', 'export', 'merge', 'resolve']),
  indicator: z.number().int().nullable(),
  field: z.string().max(60).nullable(),
  oldValue: z.string().max(LIMITS.auditValue).nullable(),
  newValue: z.string().max(LIMITS.auditValue).nullable(),
  /** Free text, e.g. a conflict resolution's reason. */
  note: z.string().max(LIMITS.auditNote).default(''),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
