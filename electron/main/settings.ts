/** Desktop settings kept in userData (settings.json): how many backups to keep. */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BACKUPS_KEPT } from '../../shared/ipc/contract';
import { readJsonFile, writeJsonFile } from './json-file';

export const SETTINGS_FILE = 'settings.json';

const settingsSchema = z.object({
  backupsKept: z.number().int().min(1).max(1000).default(DEFAULT_BACKUPS_KEPT),
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
