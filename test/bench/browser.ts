/** For bench figures measured in Debian's Chromium: the built renderer served by Vite's preview. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../e2e/browser';

export interface BenchBrowser {
  context: BrowserContext;
  baseURL: string;
  profile: string;
  close(): Promise<void>;
}

export async function startBrowser(root: string, port = 4190): Promise<BenchBrowser> {
  const server: PreviewServer = await preview({
    configFile: path.join(root, 'renderer/vite.config.mts'),
    preview: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(path.join(tmpdir(), 'spbe-bench-profil-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL,
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    baseURL,
    profile,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}

/** Resident memory (MB) of every process whose command line contains `needle`. */
export function rssOfProcesses(needle: string): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.includes(needle)) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) kb += Number(m[1]);
    } catch {
      // process ended
    }
  }
  return kb / 1024;
}
