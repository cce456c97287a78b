/**
 * Reading the audit log: consecutive edits of the same answer field by the same person within a
 * few minutes (autosave while typing) are shown as one change, from the first old value to the
 * last new value. Only answers autosave: any other change (archiving and restoring, a profile
 * saved twice) stays a line of its own. The log itself stays append-only; only the view is
 * condensed.
 */
import type { AuditEvent } from '../../../../shared/assessment';

export interface AuditLine {
  key: string;
  first: AuditEvent;
  last: AuditEvent;
  count: number;
  oldValue: string | null;
  newValue: string | null;
}

export const COALESCE_WINDOW_MS = 5 * 60_000;

/** `events` newest first; returns lines newest first. */
export function condense(events: readonly AuditEvent[]): AuditLine[] {
  const chronological = [...events].sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
  const lines: AuditLine[] = [];
  for (const e of chronological) {
    const prev = lines[lines.length - 1];
    const joinable =
      prev &&
      e.action === 'update' &&
      e.entity === 'answer' &&
      prev.last.action !== 'delete' &&
      e.entity === prev.last.entity &&
      e.field !== null &&
      e.field === prev.last.field &&
      e.indicator === prev.last.indicator &&
      e.actor === prev.last.actor &&
      e.actorName === prev.last.actorName &&
      e.at - prev.last.at <= COALESCE_WINDOW_MS &&
      e.note === prev.last.note;
    if (joinable && prev) {
      prev.last = e;
      prev.count += 1;
      prev.newValue = e.newValue;
    } else {
      lines.push({
        key: e.id,
        first: e,
        last: e,
        count: 1,
        oldValue: e.oldValue,
        newValue: e.newValue,
      });
    }
  }
  return lines.reverse();
}
