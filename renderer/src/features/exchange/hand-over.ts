/**
 * Files on their way to a screen: a .spbe picked on the evaluations list or handed to the app
 * from outside (double-click, second launch) waits here for the import screen; bundles already
 * opened on the import screen wait here for the merge screen. A file cannot travel in the URL or
 * in the router's history state (it holds functions and Blobs), hence this small store.
 */
import { useSyncExternalStore } from 'react';
import type { EvaluationId } from '../../../../shared/assessment';
import type { OpenedImport } from '../../db/commands/import';
import type { PickedFile } from '../../platform/types';

let imports: readonly PickedFile[] = [];
let merge: { baseId: EvaluationId | null; bundles: OpenedImport[] } | null = null;
const listeners = new Set<() => void>();
const changed = (): void => {
  for (const l of listeners) l();
};

export function handOverForImport(file: PickedFile): void {
  imports = [...imports, file];
  changed();
}

/** Removes a file from the queue (the import screen is done with it). */
export function dropImport(file: PickedFile): void {
  if (!imports.includes(file)) return;
  imports = imports.filter((f) => f !== file);
  changed();
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The first file waiting for the import screen (re-renders when the queue changes). */
export function useHandedImport(): PickedFile | undefined {
  return useSyncExternalStore(subscribe, () => imports[0]);
}

export function handOverForMerge(baseId: EvaluationId | null, bundles: OpenedImport[]): void {
  merge = { baseId, bundles };
  changed();
}

/** The bundles handed to the merge screen, if any (read without removing: render is pure). */
export function peekMerge(): { baseId: EvaluationId | null; bundles: OpenedImport[] } | null {
  return merge;
}

/** The merge screen took them. */
export function dropMerge(): void {
  merge = null;
}
