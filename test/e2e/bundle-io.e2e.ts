/**
 * The bundle writer and reader in Chromium, on the app's own page (its Content Security Policy
 * applies: no blob: scripts, no eval, no WebAssembly): export and import give back the same
 * evaluation and bytes, with and without a password, and a wrong or missing password is named.
 * The code is the same shared/bundle/zip the CLI runs in Node.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { expect, test } from './fixtures';

let code = '';

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(__dirname, 'support/bundle-round-trip.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]!.text;
});

test('a bundle round-trips in the browser under the renderer CSP', async ({ page }) => {
  // Served as a same-origin script so that it runs exactly as app code does under the CSP
  // (page.evaluate would run it with the DevTools' exemption from the policy).
  await page.route('**/__bundle-round-trip.js', (route) =>
    route.fulfill({ body: code, contentType: 'text/javascript' }),
  );
  await page.goto('/');
  await expect(page).toHaveTitle('Evaluasi SPBE');
  await page.addScriptTag({ url: '/__bundle-round-trip.js' });
  const results = await page.evaluate(() =>
    (
      globalThis as unknown as { spbeBundleRoundTrip: () => Promise<unknown> }
    ).spbeBundleRoundTrip(),
  );
  expect(results).toEqual({
    plain: { snapshotEqual: true, files: 2, bytesEqual: true, encrypted: false },
    encrypted: { snapshotEqual: true, files: 2, bytesEqual: true, encrypted: true },
    wrongPassword: 'Kata sandi salah. Periksa kata sandi dari pengirim berkas lalu coba lagi.',
    noPassword: 'Berkas ini dilindungi kata sandi. Masukkan kata sandi untuk membukanya.',
  });
});
