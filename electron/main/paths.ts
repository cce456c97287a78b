/** Where things are: the built files (relative to dist/electron/main.cjs) and the user's folders. */
import path from 'node:path';

export const rendererRoot = (): string => path.join(__dirname, '..', 'renderer');
export const preloadPath = (): string => path.join(__dirname, 'preload.cjs');

/** Documents/Evaluasi SPBE/Cadangan: visible to the user, outside the app's data folder. */
export const backupDir = (documents: string): string =>
  path.join(documents, 'Evaluasi SPBE', 'Cadangan');
