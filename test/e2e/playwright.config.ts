/**
 * End-to-end tests. The `browser` project drives the built renderer, served over http, in
 * Debian's Chromium (no browser download). The `electron` project launches the real app where an
 * Electron binary exists and skips loudly where it does not.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { baseURL, chromiumArgs, chromiumPath, e2ePort } from './browser';

// Playwright loads this file as CommonJS.
const root = path.resolve(__dirname, '../..');

// The browser's time zone, and this process's (and its workers'): texts a test builds in Node
// (a report's dates) must fall on the same calendar day as the ones the browser writes, also in
// the hours when UTC and Jakarta are on different days.
const timezoneId = 'Asia/Jakarta';
process.env.TZ = timezoneId;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: `${root}/test-results`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // On CI a failed test runs once more, in a fresh worker: a rare hang of the headless browser
  // (one click that waited the whole minute for an animation frame, never reproduced in 12 runs
  // under load) must not decide a landing alone. A test that passes only on its retry is
  // reported as "flaky" in the log, with the first attempt's steps, page state and error
  // context printed by the failure reporter; a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: `${root}/playwright-report` }],
    ['./support/failure-reporter.ts'],
  ],
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'browser', testIgnore: '**/electron/**' },
    { name: 'electron', testMatch: '**/electron/**/*.e2e.ts' },
  ],
  webServer: {
    command: `npx vite preview --config renderer/vite.config.mts --host 127.0.0.1 --port ${e2ePort} --strictPort`,
    cwd: root,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
