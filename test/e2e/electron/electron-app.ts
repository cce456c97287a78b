/**
 * Launching the real desktop app for the Electron e2e project. The Electron binary cannot be
 * downloaded on every machine (the CI sandbox installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1):
 * there every Electron test is SKIPPED, loudly, with the reason printed and in the report.
 * Each launch gets its own HOME (user data, Documents, backups) in a temporary folder.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';

export const root = path.resolve(__dirname, '../../..');

function electronBinary(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the electron package's main export is the binary path, resolved synchronously before tests are declared
    const binary = require('electron') as unknown as string;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export const binary = electronBinary();
export const SKIP_REASON =
  'SKIPPED LOUDLY: no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1)';

if (!binary) {
  console.warn(
    '\n*** ELECTRON E2E DILEWATI: binary Electron tidak terpasang di mesin ini (ELECTRON_SKIP_BINARY_DOWNLOAD). ***\n',
  );
}

/** A fresh HOME for one run: userData under .config, Documents for the backups. */
export function makeHome(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'spbe-e2e-home-'));
}

export function appEnv(home: string): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
  };
}

export async function launchApp(
  home: string,
  extraArgs: string[] = [],
): Promise<{ app: ElectronApplication; window: Page }> {
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [root, ...extraArgs],
    env: appEnv(home),
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

/** Resolves when main's log (stderr) contains `text`. */
export function mainLogContains(app: ElectronApplication, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    app.process().stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
  });
}
