/** The real desktop app starts from app://spbe/ with the secure preload (skips without Electron). */
import { expect, test } from '@playwright/test';
import { binary, launchApp, makeHome, SKIP_REASON } from './electron-app';

test.describe('desktop app', () => {
  test.skip(!binary, SKIP_REASON);

  test('launches from app://spbe/ with the secure preload', async () => {
    const { app, window } = await launchApp(makeHome());
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
