/** The spbe-eval bin built as users get it (electron/build-targets.mjs), once per test file. */
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { buildTarget } from '../../../electron/build-targets.mjs';
import { repoRoot } from '../helpers';

/** Built under dist/ so that run-time externals resolve from the project's node_modules. */
export async function buildCliBin(): Promise<string> {
  await mkdir(path.join(repoRoot, 'dist'), { recursive: true });
  const dir = await mkdtemp(path.join(repoRoot, 'dist', 'spbe-cli-test-'));
  const bin = path.join(dir, 'spbe-eval.cjs');
  await buildTarget('cli', {
    outfile: bin,
    logLevel: 'silent',
    sourcemap: false,
    define: { __APP_VERSION__: '"uji"' },
  });
  return bin;
}
