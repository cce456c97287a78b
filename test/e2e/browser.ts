/** How the e2e suite launches Debian's Chromium (shared by the config and tests that launch their own). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://127.0.0.1:${e2ePort}`;
