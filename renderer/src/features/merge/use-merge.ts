/** Live reads of stored merges (the record checked against its schema on every read). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { EvaluationId } from '../../../../shared/assessment';
import { mergeOfEvaluation, readMerge, type StoredMerge } from '../../db/commands/merge';

/** undefined while loading, null when absent. */
export const useMerge = (id: string): StoredMerge | null | undefined =>
  useLiveQuery(() => readMerge(id), [id]);

/** The merge an evaluation came from; undefined while loading, null when it did not. */
export const useMergeOfEvaluation = (
  evaluationId: EvaluationId,
  merged: boolean,
): StoredMerge | null | undefined =>
  useLiveQuery(
    async () => (merged ? mergeOfEvaluation(evaluationId) : null),
    [evaluationId, merged],
  );
