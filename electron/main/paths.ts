/** Where the built files are, relative to the bundled main (dist/electron/main.cjs). */
import path from 'node:path';

export const rendererRoot = (): string => path.join(__dirname, '..', 'renderer');
export const preloadPath = (): string => path.join(__dirname, 'preload.cjs');
