// Bundles the Node side with esbuild: Electron main and preload (CommonJS; the sandboxed
// preload may only require 'electron', so it is bundled whole), the spbe-eval CLI and the bench.
// Usage: node electron/build.mjs [--only main|preload|cli|bench] [--quiet]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const quiet = args.includes('--quiet');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: quiet ? 'warning' : 'info',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  external: ['electron'],
};

const targets = {
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
  },
};

const selected = only ? [only] : ['main', 'preload', 'cli'];
for (const name of selected) {
  const target = targets[name];
  if (!target) throw new Error(`Unknown build target: ${name}`);
  await build({ ...common, ...target, external: target.external ?? common.external });
}
