/**
 * A laptop for multi-user e2e scenarios: its own persistent browser profile (its own IndexedDB),
 * the app's page model, and every console error it logs, so a test can refuse them at the end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { baseURL, chromiumArgs, chromiumPath } from '../browser';
import { AppModel } from '../pages/app-model';

export async function laptop(
  name: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
) {
  const dir = mkdtempSync(path.join(tmpdir(), `spbe-${name}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  return { context, page, app: new AppModel(page), errors };
}
