/**
 * End-to-end tests. The `browser` project drives the built renderer, served over http, in
 * Debian's Chromium (no browser download). The `electron` project launches the real app where an
 * Electron binary exists and skips loudly where it does not.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright loads this file as CommonJS.
const root = path.resolve(__dirname, '../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: `${root}/test-results`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: `${root}/playwright-report` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'browser', testIgnore: '**/electron/**' },
    { name: 'electron', testMatch: '**/electron/**/*.e2e.ts' },
  ],
  webServer: {
    command: `npx vite preview --config renderer/vite.config.mts --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
