/** Entry point of the `spbe-eval` command (bundled to dist/cli/spbe-eval.cjs). */
import { readFile, writeFile } from 'node:fs/promises';
import { run } from './run';

declare const __APP_VERSION__: string;

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  readFile: async (path: string) => new Uint8Array(await readFile(path)),
  writeFile: (path: string, data: Uint8Array | string) => writeFile(path, data),
};

void run(process.argv.slice(2), io, __APP_VERSION__).then((code) => {
  process.exitCode = code;
});
