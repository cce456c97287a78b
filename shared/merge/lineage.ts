/**
 * How two copies of one indicator's answer relate: the same content, one grown from the other
 * (its revision is among the other's ancestors: only the newer one changed since they parted), or
 * changed on both sides (a conflict). A blank answer (no level, no justification, no agency) is
 * no answer at all: it never conflicts with a filled one.
 */
import { sameContent, type Answer } from '../assessment/answer';

export const isBlankAnswer = (a: Answer): boolean =>
  a.value === null && a.justification.trim() === '';

export type Relation = 'same' | 'firstNewer' | 'secondNewer' | 'conflict';

export function relateAnswers(first: Answer, second: Answer): Relation {
  if (sameContent(first, second)) return 'same';
  if (isBlankAnswer(first)) return 'secondNewer';
  if (isBlankAnswer(second)) return 'firstNewer';
  if (second.ancestors.includes(first.revision)) return 'secondNewer';
  if (first.ancestors.includes(second.revision)) return 'firstNewer';
  // Same revision with different content has no order to read (an edit that did not open a
  // new revision): never silently pick one.
  return 'conflict';
}

/** True when `newer` grew from `older` (its lineage holds the older revision). */
export const descendsFrom = (newer: Answer, older: Answer): boolean =>
  newer.revision !== older.revision && newer.ancestors.includes(older.revision);
