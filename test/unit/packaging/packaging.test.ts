/**
 * `electron-builder --linux dir` with the project's electron-builder.yml and a stub Electron
 * (stub-electron.ts), offline. Proves that the packaged app.asar holds exactly the built app
 * (dist/electron/*.cjs, dist/renderer/** without source maps, package.json) and no sources,
 * tests or node_modules, and that the release fuses are flipped in the executable.
 * Runs as `npm run package:check` (after `npm run build`), part of `npm run check`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { repoRoot } from '../helpers';
import { FUSE_DISABLE, FUSE_ENABLE, makeStubElectron } from './stub-electron';

const run = promisify(execFile);

let work: string;
let unpacked: string;
let builderLog = '';

/** Every file under `dir`, relative to the repository, with forward slashes. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(repoRoot, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist/electron/main.cjs'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run package:check does).');
  }
  work = await mkdtemp(path.join(os.tmpdir(), 'spbe-package-'));
  const electronVersion = JSON.parse(
    await readFile(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8'),
  ).version as string;
  const stub = await makeStubElectron(path.join(work, 'electron-dist'), electronVersion);
  const output = path.join(work, 'release');
  const cli = path.join(repoRoot, 'node_modules/electron-builder/cli.js');
  const { stdout, stderr } = await run(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${output}`,
      '--publish',
      'never',
    ],
    { cwd: repoRoot, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
  );
  builderLog = `${stdout}\n${stderr}`;
  unpacked = path.join(output, 'linux-unpacked');
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('electron-builder --linux dir (stub Electron)', () => {
  it('produces the executable and resources/app.asar', () => {
    expect(existsSync(path.join(unpacked, 'evaluasi-spbe')), builderLog).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources/app.asar')), builderLog).toBe(true);
  });

  it('packs exactly the built app: no sources, maps, tests or node_modules', async () => {
    const archive = path.join(unpacked, 'resources/app.asar');
    const packed = listPackage(archive, { isPack: false })
      .map((p) =>
        p
          .replace(/^[\\/]/, '')
          .split(path.sep)
          .join('/'),
      )
      .filter((p) => !('files' in statFile(archive, p)))
      .sort();
    const electron = (await filesUnder('dist/electron')).filter((f) => f.endsWith('.cjs'));
    const renderer = (await filesUnder('dist/renderer')).filter((f) => !f.endsWith('.map'));
    expect(packed).toEqual([...electron, ...renderer, 'package.json'].sort());
    expect(electron.sort()).toEqual(['dist/electron/main.cjs', 'dist/electron/preload.cjs']);
    expect(renderer).toContain('dist/renderer/index.html');
    for (const file of packed) {
      expect(file).not.toMatch(/^(node_modules|electron|shared|renderer|test|src)\//);
      expect(file).not.toMatch(/\.(map|ts|tsx)$/);
    }
  });

  it('packs a package.json that starts main and carries no development metadata', () => {
    const pkg = JSON.parse(
      extractFile(path.join(unpacked, 'resources/app.asar'), 'package.json').toString(),
    ) as Record<string, unknown>;
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.productName).toBe('Evaluasi SPBE');
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
  });

  it('flips the release fuses in the executable', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'evaluasi-spbe'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ENABLE);
  });
});
