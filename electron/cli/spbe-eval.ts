/** Entry point of the `spbe-eval` command (bundled to dist/cli/spbe-eval.cjs). */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { run } from './run';

declare const __APP_VERSION__: string;

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  readFile: async (path: string) => new Uint8Array(await readFile(path)),
  // Through a temporary file and a rename: a full disk never leaves a half-written output.
  writeFile: async (path: string, data: Uint8Array | string) => {
    const temp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temp, data);
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  },
};

void run(process.argv.slice(2), io, __APP_VERSION__).then((code) => {
  process.exitCode = code;
});
