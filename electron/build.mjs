// Bundles the Node side with esbuild: Electron main and preload (CommonJS; the sandboxed
// preload may only require 'electron', so it is bundled whole), the spbe-eval CLI and the bench.
// Usage: node electron/build.mjs [--only main|preload|cli|bench] [--quiet]
import { buildTarget } from './build-targets.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const quiet = args.includes('--quiet');

for (const name of only ? [only] : ['main', 'preload', 'cli']) {
  await buildTarget(name, quiet ? { logLevel: 'warning' } : {});
}
