/**
 * Shared e2e fixture: every page is watched for console errors and uncaught exceptions, and a
 * test fails if any occurred (the renderer must run clean).
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'Tidak boleh ada galat di konsol').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
