/**
 * What a restore does to the data on this computer, evaluation by evaluation, so that the
 * preview can say it before the user confirms:
 *
 * - "all": the database becomes exactly the backup. Evaluations in the backup replace their
 *   current version or are added; evaluations only on this computer are removed; settings and
 *   regional profiles are the backup's too.
 * - "selected": only the chosen evaluations of the backup replace their current version (or
 *   are added); everything else on this computer stays as it is.
 */
import type { EvaluationSummary } from './manifest';

export type RestoreSelection = { mode: 'all' } | { mode: 'selected'; ids: readonly string[] };

export type RestoreAction = 'replace' | 'add' | 'remove' | 'keep';

export interface RestorePlanItem {
  id: string;
  action: RestoreAction;
  /** The evaluation as in the backup (replace, add). */
  backup?: EvaluationSummary;
  /** The evaluation as on this computer now (replace, remove, keep). */
  current?: EvaluationSummary;
}

export function restorePlan(
  backup: readonly EvaluationSummary[],
  current: readonly EvaluationSummary[],
  selection: RestoreSelection,
): RestorePlanItem[] {
  const currentById = new Map(current.map((e) => [e.id, e]));
  const chosen =
    selection.mode === 'all' ? backup : backup.filter((e) => selection.ids.includes(e.id));
  const chosenIds = new Set(chosen.map((e) => e.id));
  const items: RestorePlanItem[] = chosen.map((e) => {
    const now = currentById.get(e.id);
    return now
      ? { id: e.id, action: 'replace', backup: e, current: now }
      : { id: e.id, action: 'add', backup: e };
  });
  for (const e of current) {
    if (chosenIds.has(e.id)) continue;
    items.push({ id: e.id, action: selection.mode === 'all' ? 'remove' : 'keep', current: e });
  }
  return items;
}

/** Counts of a plan by action, for the confirmation sentence. */
export function planCounts(plan: readonly RestorePlanItem[]): Record<RestoreAction, number> {
  const counts: Record<RestoreAction, number> = { replace: 0, add: 0, remove: 0, keep: 0 };
  for (const item of plan) counts[item.action] += 1;
  return counts;
}
