/**
 * Desktop settings kept in userData (settings.json): how many backups to keep and the team
 * folder's path. Changes are patches applied one after another, so saving one setting never
 * drops another.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BACKUPS_KEPT } from '../../shared/ipc/contract';
import { readJsonFile, writeJsonFile } from './json-file';

export const SETTINGS_FILE = 'settings.json';

const settingsSchema = z.object({
  backupsKept: z.number().int().min(1).max(1000).default(DEFAULT_BACKUPS_KEPT),
  /** Full path of the team folder the user chose (issue 15); absent when none. */
  teamFolder: z.string().min(1).max(4096).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export async function loadSettings(userData: string): Promise<Settings> {
  return (
    (await readJsonFile(path.join(userData, SETTINGS_FILE), settingsSchema)) ?? {
      backupsKept: DEFAULT_BACKUPS_KEPT,
    }
  );
}

export async function saveSettings(userData: string, settings: Settings): Promise<void> {
  await writeJsonFile(path.join(userData, SETTINGS_FILE), settings);
}

/**
 * The settings in memory plus their file: `update` merges a patch (a key set to undefined is
 * removed) and writes, one write after another so a later patch is never overtaken.
 */
export function settingsUpdater(
  userData: string,
  initial: Settings,
): (patch: Partial<Settings>) => Promise<void> {
  let current = initial;
  let queue: Promise<unknown> = Promise.resolve();
  return (patch) => {
    current = { ...current, ...patch };
    const snapshot = current;
    const next = queue.then(() => saveSettings(userData, snapshot));
    queue = next.catch(() => undefined);
    return next;
  };
}
