/**
 * The platform a DOM test renders the app with: nothing of the desktop is there (every file,
 * print and backup-writing call is refused as "tidak tersedia dalam uji"), no backups are listed,
 * and the team folder is the web one (unsupported in jsdom). A test overrides what it drives
 * (`pickFiles`, `saveFile`, `kind`, …) and hands files in from outside with `deliver`, as the
 * desktop's "open with" does.
 */
import type { PickedFile, Platform } from '../../../renderer/src/platform/types';
import { webTeamFolder } from '../../../renderer/src/platform/web-team-folder';

export const unavailable = (): Promise<never> =>
  Promise.reject(new Error('tidak tersedia dalam uji'));

export function testPlatform(overrides: Partial<Platform> = {}): {
  platform: Platform;
  deliver: (file: PickedFile) => void;
} {
  const listeners = new Set<(file: PickedFile) => void>();
  const platform: Platform = {
    kind: 'web',
    info: async () => ({
      kind: 'web',
      description: 'uji',
      version: 'uji',
      dataLocation: '',
      backupLocation: '',
    }),
    pickFiles: async () => null,
    saveFile: unavailable,
    openDocument: unavailable,
    openExternalLink: unavailable,
    printToPdf: unavailable,
    backups: {
      list: async () => [],
      write: unavailable,
      read: unavailable,
      remove: unavailable,
      keep: async () => 10,
      setKeep: unavailable,
    },
    // No File System Access API in jsdom: the team folder is unsupported here.
    teamFolder: webTeamFolder,
    onOpenFile: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...overrides,
  };
  return { platform, deliver: (file) => listeners.forEach((l) => l(file)) };
}
