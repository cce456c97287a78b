/** Live queries: React hooks that re-render when the rows they read change. */
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  Answer,
  AuditEvent,
  EvaluationId,
  Evaluation,
  Evidence,
  EvidenceLink,
  Member,
  MemberId,
} from '../../../../shared/assessment';
import { currentMemberKey } from '../commands/members';
import { blobStore } from '../blob-store';
import { db } from '../db';

/** undefined while loading. */
export const useEvaluations = (): Evaluation[] | undefined =>
  useLiveQuery(() => db.evaluations.orderBy('updatedAt').reverse().toArray(), []);

/** undefined while loading, null when there is no such evaluation. */
export const useEvaluation = (id: EvaluationId): Evaluation | null | undefined =>
  useLiveQuery(async () => (await db.evaluations.get(id)) ?? null, [id]);

export const useAnswers = (id: EvaluationId): Answer[] | undefined =>
  useLiveQuery(() => db.answers.where('evaluationId').equals(id).toArray(), [id]);

export const useEvidence = (id: EvaluationId): Evidence[] | undefined =>
  useLiveQuery(() => db.evidence.where('evaluationId').equals(id).toArray(), [id]);

export const useLinks = (id: EvaluationId): EvidenceLink[] | undefined =>
  useLiveQuery(() => db.links.where('evaluationId').equals(id).toArray(), [id]);

export const useMembers = (id: EvaluationId): Member[] | undefined =>
  useLiveQuery(() => db.members.where('evaluationId').equals(id).sortBy('createdAt'), [id]);

export const useCurrentMemberId = (id: EvaluationId): MemberId | null | undefined =>
  useLiveQuery(async () => {
    const value = (await db.settings.get(currentMemberKey(id)))?.value;
    return typeof value === 'string' ? (value as MemberId) : null;
  }, [id]);

/** The audit log of one indicator (or of the whole evaluation), newest first. */
export const useAudit = (id: EvaluationId, indicator?: number): AuditEvent[] | undefined =>
  useLiveQuery(
    async () =>
      (indicator === undefined
        ? await db.audit.where('evaluationId').equals(id).toArray()
        : await db.audit.where('[evaluationId+indicator]').equals([id, indicator]).toArray()
      ).reverse(),
    [id, indicator],
  );

export const useBlob = (hash: string | null | undefined): Blob | null | undefined =>
  useLiveQuery(async () => blobStore.data(hash), [hash]);

export const useSetting = <T>(key: string, fallback: T): T =>
  useLiveQuery(
    async () => ((await db.settings.get(key))?.value as T | undefined) ?? fallback,
    [key],
    fallback,
  );
