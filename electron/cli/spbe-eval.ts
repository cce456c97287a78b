/** Entry point of the `spbe-eval` command (bundled to dist/cli/spbe-eval.cjs). */
import { nodeIo } from './node-io';
import { run } from './run';

declare const __APP_VERSION__: string;

void run(process.argv.slice(2), nodeIo(), __APP_VERSION__).then((code) => {
  process.exitCode = code;
});
