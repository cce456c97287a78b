import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import pkg from '../package.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));

// Two runtimes: unit (plain Node: shared/, electron/ with a mocked electron, CLI) and dom
// (jsdom + fake-indexeddb: renderer components and the Dexie database). A third project,
// packaging, runs electron-builder on the built app; it is not part of `npm test` (it needs
// `npm run build`) but of `npm run package:check`.
export default defineConfig({
  root,
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    // Generous limits: some tests build the CLI, write DOCX files or stream bundles, and CI machines
    // have two cores. Speed is measured by `npm run bench`, never by these timeouts.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/packaging/**'],
        },
      },
      {
        // Runs electron-builder on the built app (npm run package:check, after npm run build).
        extends: true,
        test: {
          name: 'packaging',
          environment: 'node',
          include: ['test/unit/packaging/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
    ],
  },
});
