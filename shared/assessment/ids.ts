/**
 * Branded ids, so that an evaluation id can never be passed where an evidence hash is expected.
 * All are strings at run time; the zod schemas brand them at every boundary.
 */
import { z } from 'zod';
import { sha256HexSchema, type Sha256Hex } from '../hash/sha256';

export const evaluationIdSchema = z.string().min(1).max(64).brand<'EvaluationId'>();
export type EvaluationId = z.infer<typeof evaluationIdSchema>;

export const memberIdSchema = z.string().min(1).max(64).brand<'MemberId'>();
export type MemberId = z.infer<typeof memberIdSchema>;

export const evidenceIdSchema = z.string().min(1).max(64).brand<'EvidenceId'>();
export type EvidenceId = z.infer<typeof evidenceIdSchema>;

export const linkIdSchema = z.string().min(1).max(64).brand<'LinkId'>();
export type LinkId = z.infer<typeof linkIdSchema>;

/**
 * SHA-256 of evidence bytes, lowercase hex: the key under which the bytes are stored once. The
 * same branded type as every other SHA-256 of the project (shared/hash/sha256.ts).
 */
export const evidenceHashSchema = sha256HexSchema;
export type EvidenceHash = Sha256Hex;

/** A revision of an answer as exchanged between assessors (see answer.ts). */
export const revisionIdSchema = z.string().min(1).max(64).brand<'RevisionId'>();
export type RevisionId = z.infer<typeof revisionIdSchema>;

/** A new random id (RFC 4122 v4) from the platform's crypto; works in browsers and Node 20. */
export function newId<T extends string>(): T {
  // shared/ is typed without DOM or Node libraries; both runtimes provide Web Crypto here.
  const { crypto } = globalThis as unknown as { crypto: { randomUUID(): string } };
  return crypto.randomUUID() as T;
}
