/**
 * How two copies of one indicator's answer relate: the same content, one grown from the other
 * (its revision is among the other's ancestors: only the newer one changed since they parted), or
 * changed on both sides (a conflict). A blank answer (no level, no justification) that was never
 * filled is no answer at all: it never conflicts with a filled one. A blank answer that grew from
 * a filled one is a clearing, an edit like any other.
 */
import { sameContent, type Answer } from './answer';

export const isBlankAnswer = (a: Answer): boolean =>
  a.value === null &&
  a.justification.trim() === '' &&
  !a.external &&
  Object.values(a.butir ?? {}).every((s) => s === 'belum');

export type Relation = 'same' | 'firstNewer' | 'secondNewer' | 'conflict';

export function relateAnswers(first: Answer, second: Answer): Relation {
  if (sameContent(first, second)) return 'same';
  if (descendsFrom(second, first)) return 'secondNewer';
  if (descendsFrom(first, second)) return 'firstNewer';
  if (isNoAnswerBeside(first, second)) return 'secondNewer';
  if (isNoAnswerBeside(second, first)) return 'firstNewer';
  // Same revision with different content has no order to read (an edit that did not open a
  // new revision): never silently pick one.
  return 'conflict';
}

/** True when `newer` grew from `older` (its lineage holds the older revision). */
export const descendsFrom = (newer: Answer, older: Answer): boolean =>
  newer.revision !== older.revision && newer.ancestors.includes(older.revision);

/**
 * True when the two copies have a past in common: one grew from the other, or both from one
 * revision. A blank copy with such a past is a clearing to weigh, not an empty slot.
 */
export const sharesLineage = (a: Answer, b: Answer): boolean =>
  descendsFrom(a, b) || descendsFrom(b, a) || a.ancestors.some((r) => b.ancestors.includes(r));

/**
 * True when `a` is no answer at all beside `other`: blank, and with no past in common with it
 * (never filled, not a clearing of `other`'s line).
 */
export const isNoAnswerBeside = (a: Answer, other: Answer): boolean =>
  isBlankAnswer(a) && !sharesLineage(a, other);
