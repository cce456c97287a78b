/**
 * The coordinator's queue: teammate files that were not applied by themselves. A file whose
 * answers conflict with this computer's waits for a decision in the merge screen; a file of an
 * evaluation not on this computer waits for an explicit import. One entry per path: a newer
 * version of the same file replaces the older one.
 */

/**
 * Why a file waits: a conflict; an evaluation not on this computer (`otherInstansi`: of an
 * instansi none of whose evaluations is here, `otherYear`: of a year none of the instansi's
 * evaluations here has, `otherEvaluation`: another evaluation of an instansi and year that is
 * here, e.g. on another instrument); or an evaluation here whose instansi or year differs.
 */
export type PendingReason =
  | 'conflict'
  | 'unknownEvaluation'
  | 'otherInstansi'
  | 'otherYear'
  | 'otherEvaluation'
  | 'needsConfirmation';

export interface PendingFile {
  path: string;
  /** The evaluation the file belongs to (the bundle's id). */
  evaluationId: string;
  reason: PendingReason;
  /**
   * Who exported it and the evaluation with its instrument, for the list ("Budi Santoso —
   * Pemerintah Kota Balikpapan 2026, PermenPANRB 8/2026").
   */
  exportedBy: string;
  evaluationLabel: string;
  /** Indicators in conflict (reason "conflict"). */
  indicators: number[];
  /** SHA-256 of the file's manifest: the import of this very file takes it off the list. */
  manifestHash: string;
  /** The file's size and time when queued (a changed file is read and judged again). */
  size: number;
  lastModified: number;
}

/** The queue with `item` in it (replacing an older entry of the same path). */
export function enqueue(queue: readonly PendingFile[], item: PendingFile): PendingFile[] {
  return [...queue.filter((p) => p.path !== item.path), item].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
}

/** The queue without the given paths (settled, imported, handed to the merge, or deleted). */
export function dequeue(queue: readonly PendingFile[], paths: Iterable<string>): PendingFile[] {
  const gone = new Set(paths);
  return queue.filter((p) => !gone.has(p.path));
}

/**
 * The queue after a file was imported by hand (its manifest's hash): the files to import that
 * hold it leave; the import screen may have been cancelled, so nothing leaves before this.
 */
export function withoutImported(
  queue: readonly PendingFile[],
  manifestHash: string,
): PendingFile[] {
  return queue.filter((p) => p.reason === 'conflict' || p.manifestHash !== manifestHash);
}

/** Files waiting for the coordinator's decision (conflicts), by evaluation. */
export function conflictsByEvaluation(queue: readonly PendingFile[]): Map<string, PendingFile[]> {
  const out = new Map<string, PendingFile[]>();
  for (const p of queue) {
    if (p.reason !== 'conflict') continue;
    out.set(p.evaluationId, [...(out.get(p.evaluationId) ?? []), p]);
  }
  return out;
}

/** "1 perubahan menunggu keputusan". */
export const pendingText = (count: number): string => `${count} perubahan menunggu keputusan`;
