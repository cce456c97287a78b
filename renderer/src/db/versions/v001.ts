/**
 * Database version 1: the first released schema. Versions are additive after release: a later
 * version adds a file v002.ts with only its changes and an upgrade function, and a test that
 * upgrades a v1 database holding data.
 *
 * Indexes only: Dexie stores every other property too. Blobs are never indexed (`blobs` has its
 * SHA-256 as primary key and nothing else).
 */
export const v001 = {
  evaluations: '&id, year, status, updatedAt',
  answers: '&[evaluationId+indicator], evaluationId, updatedAt',
  evidence: '&id, evaluationId, hash, [evaluationId+hash], addedAt',
  blobs: '&hash',
  links: '&id, evaluationId, evidenceId, [evaluationId+indicator]',
  members: '&id, evaluationId',
  audit: '++seq, evaluationId, [evaluationId+indicator], at',
  merges: '&id, resultEvaluationId, createdAt',
  profiles: '&id, updatedAt',
  settings: '&key',
} as const;
