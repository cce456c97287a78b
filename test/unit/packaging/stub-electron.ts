/**
 * A stub Electron distribution for `electron-builder --linux dir` without the real binary (it
 * cannot be downloaded here). electron-builder copies an unpacked `electronDist` folder as it is,
 * renames `electron` to the app's executable name, moves `LICENSE`, writes `resources/app.asar`
 * and flips the fuses in the executable. So the stub has exactly that: an `electron` file that
 * carries Electron's fuse sentinel and a V1 fuse wire with Electron's default states (so the
 * fuse step runs for real and can be read back), the license files, `version`, `resources/`
 * and `locales/`.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** @electron/fuses' sentinel; the wire follows it: version byte, length byte, one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse states: '0' disabled, '1' enabled. */
export const FUSE_DISABLE = 0x30;
export const FUSE_ENABLE = 0x31;

/**
 * Electron's default wire (V1, 8 fuses): RunAsNode on, cookie encryption off, NODE_OPTIONS on,
 * --inspect on, asar integrity off, only-load-from-asar off, browser V8 snapshot off, file://
 * extra privileges on.
 */
export const DEFAULT_FUSE_WIRE = '10110001';

export async function makeStubElectron(dir: string, version: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const script = Buffer.from(
    '#!/bin/sh\necho "Stub Electron untuk package:check; tidak dapat dijalankan." >&2\nexit 1\n',
  );
  const wire = Buffer.concat([
    Buffer.from(`# ${FUSE_SENTINEL}`),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]),
    Buffer.from(DEFAULT_FUSE_WIRE),
    Buffer.from('\n'),
  ]);
  const executable = path.join(dir, 'electron');
  await writeFile(executable, Buffer.concat([script, wire]));
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'version'), `${version}\n`);
  await writeFile(path.join(dir, 'LICENSE'), 'Electron stub license (package:check)\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<p>stub</p>\n');
  await writeFile(path.join(dir, 'locales', 'id.pak'), '');
  return dir;
}
