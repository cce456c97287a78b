// The esbuild settings of every Node-side bundle, shared by electron/build.mjs and the tests that
// build the CLI the way users get it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'info',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  external: ['electron'],
};

export const targets = {
  main: { entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' },
  preload: { entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' },
  cli: {
    entryPoints: ['electron/cli/spbe-eval.ts'],
    outfile: 'dist/cli/spbe-eval.cjs',
    banner: { js: '#!/usr/bin/env node' },
    // resvg is a native module: loaded from node_modules at run time, never bundled.
    external: ['electron', '@resvg/resvg-js'],
  },
  bench: {
    entryPoints: ['test/bench/bench.ts'],
    outfile: 'dist/bench/bench.cjs',
    // The bench drives real tools (Vite, Playwright): load them from node_modules.
    packages: 'external',
    // Except zip.js's custom core (shared/bundle/zip/zip-lib.ts): its subpath is exported for
    // ESM import only, so a CommonJS require of it fails; it is bundled instead.
    plugins: [
      {
        name: 'bundle-zip-core',
        setup(b) {
          b.onResolve({ filter: /^@zip\.js\/zip\.js\/lib\// }, (args) => ({
            path: fileURLToPath(new URL(`../node_modules/${args.path}`, import.meta.url)),
          }));
        },
      },
    ],
  },
};

/** Builds one target; `overrides` replace settings (e.g. outfile, logLevel). */
export async function buildTarget(name, overrides = {}) {
  const target = targets[name];
  if (!target) throw new Error(`Unknown build target: ${name}`);
  await build({ ...common, ...target, external: target.external ?? common.external, ...overrides });
}
