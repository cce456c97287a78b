/**
 * For bench figures measured in Debian's Chromium: the built renderer served by Vite's preview
 * (dist/renderer, or BENCH_RENDERER_DIR when set, e.g. a copy that a parallel build cannot
 * replace mid-run), the browser's resident memory, and the browser's real limit for storing
 * bytes: a plain IndexedDB put of the same Blobs, measured in the same page and run.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
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
    ...(process.env.BENCH_RENDERER_DIR
      ? { build: { outDir: path.resolve(process.env.BENCH_RENDERER_DIR) } }
      : {}),
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
  // A changed label or a stuck step fails the bench instead of waiting forever; the long waits
  // (ingest, export, import) pass their own timeouts.
  context.setDefaultTimeout(120_000);
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

/** Which Blobs the plain put stores. */
export type PlainPutSource =
  /** Every Blob of the app's `blobs` table (the stored evidence), as a backup or export reads them. */
  | { kind: 'stored' }
  /** Files on disk, picked through a file input of the page, as the user adds evidence. */
  | { kind: 'files'; paths: string[] }
  /** One file on disk picked through a file input and cut into slices, as an import reads it. */
  | { kind: 'slices'; path: string; sliceBytes: number };

/**
 * The browser's real limit for storing these bytes: every Blob put as its own row into a
 * scratch IndexedDB object store in one transaction, no hashing, no zip, timed in the page from
 * the first put to the transaction's completion (Chromium writes a Blob's bytes before it
 * reports the commit). Returns seconds and bytes; the scratch database is deleted afterwards.
 */
export async function plainIdbPut(
  page: Page,
  source: PlainPutSource,
): Promise<{ seconds: number; bytes: number }> {
  if (source.kind !== 'stored') {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.id = 'bench-plain-put';
      input.setAttribute('aria-label', 'Berkas pembanding bench');
      input.style.display = 'none';
      document.body.append(input);
    });
    await page
      .getByLabel('Berkas pembanding bench')
      .setInputFiles(source.kind === 'files' ? source.paths : [source.path]);
  }
  return page.evaluate(async (src: PlainPutSource) => {
    const done = (req: IDBRequest | IDBOpenDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    let blobs: Blob[];
    if (src.kind === 'stored') {
      const app = (await done(indexedDB.open('evaluasi-spbe'))) as IDBDatabase;
      const rows = (await done(app.transaction('blobs').objectStore('blobs').getAll())) as {
        data: Blob;
      }[];
      app.close();
      blobs = rows.map((r) => r.data);
    } else {
      const input = document.getElementById('bench-plain-put') as HTMLInputElement;
      const files = [...(input.files ?? [])];
      input.remove();
      blobs =
        src.kind === 'files'
          ? files
          : Array.from({ length: Math.ceil((files[0]?.size ?? 0) / src.sliceBytes) }, (_, i) =>
              files[0]!.slice(i * src.sliceBytes, (i + 1) * src.sliceBytes),
            );
    }
    const name = `bench-plain-put-${Date.now()}`;
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('blobs');
    const scratch = (await done(open)) as IDBDatabase;
    const start = performance.now();
    const tx = scratch.transaction('blobs', 'readwrite');
    blobs.forEach((blob, i) => tx.objectStore('blobs').put(blob, i));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    const seconds = (performance.now() - start) / 1000;
    scratch.close();
    await done(indexedDB.deleteDatabase(name));
    return { seconds, bytes: blobs.reduce((s, b) => s + b.size, 0) };
  }, source);
}

/**
 * Adds evidence files in the library screen as a user does: "Tambah berkas…", the files picked,
 * the title-and-kind step skipped ("Lewati": the suggested titles and kinds), and waits for the
 * "N dokumen ditambahkan" line.
 */
export async function addEvidenceAsUser(page: Page, files: readonly string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tambah berkas…' }).click();
  await (await chooser).setFiles([...files]);
  await page
    .getByRole('dialog', { name: /^Judul dan jenis/ })
    .getByRole('button', { name: 'Lewati' })
    .click();
  await page
    .getByRole('status')
    .filter({ hasText: `${files.length.toLocaleString('id-ID')} dokumen ditambahkan` })
    .waitFor({ timeout: 30 * 60_000 });
}

/**
 * What the page shows, for a bench that gave up waiting: its text and the value of every text
 * area (the error screen's "Teks galat"); empty when the page cannot be read.
 */
export function shownText(page: Page): Promise<string> {
  return page
    .evaluate(() =>
      [
        document.body.innerText,
        ...[...document.querySelectorAll('textarea')].map((t) => t.value),
      ].join('\n'),
    )
    .catch(() => '');
}
