/**
 * The real desktop app. Needs the Electron binary, which cannot be downloaded on every machine
 * (e.g. the CI sandbox): there the test is SKIPPED, loudly, with the reason in the report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(__dirname, '../../..');

function electronBinary(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the electron package's main export is the binary path, resolved synchronously before tests are declared
    const binary = require('electron') as unknown as string;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    '\n*** ELECTRON E2E DILEWATI: binary Electron tidak terpasang di mesin ini (ELECTRON_SKIP_BINARY_DOWNLOAD). ***\n',
  );
}

test.describe('desktop app', () => {
  test.skip(
    !binary,
    'SKIPPED LOUDLY: no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
  );

  test('launches from app://spbe/ with the secure preload', async () => {
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [root] });
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Evaluasi SPBE');
    expect(window.url()).toMatch(/^app:\/\/spbe\//);
    const kind = await window.evaluate(
      () => (window as unknown as { api?: { kind: string } }).api?.kind,
    );
    expect(kind).toBe('desktop');
    const hasRequire = await window.evaluate(
      () => typeof (window as unknown as { require?: unknown }).require,
    );
    expect(hasRequire).toBe('undefined');
    await app.close();
  });
});
