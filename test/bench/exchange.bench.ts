/**
 * Exchange in Chromium, through the app's own screens: exporting an evaluation holding evidence
 * to a .spbe file, and importing that file into a second browser profile (validation to the
 * summary, then the one-transaction write), at each size of BENCH_EXCHANGE_MB (comma-separated,
 * default "64,512"; MB of evidence in 8 MB files). Each figure is in MB/s of evidence and as a
 * ratio to the browser's real limit measured in the same page and run: a plain IndexedDB put of
 * the same Blobs (the export: the stored evidence Blobs; the import: the picked bundle cut into
 * slices), with the ratio to a plain disk copy in the note; and the peak browser memory above
 * the start of each step, at every size, with the difference between the largest and the
 * smallest (goal: within 64 MB). Under automation the browser build saves by download (the File
 * System Access picker cannot be driven), so the export figure is the download path's.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { report } from './harness';
import {
  addEvidenceAsUser,
  plainIdbPut,
  rssOfProcesses,
  shownText,
  startBrowser,
  type BenchBrowser,
} from './browser';

const FILE_MB = 8;

function evidenceFiles(dir: string, totalMb: number): string[] {
  mkdirSync(dir, { recursive: true });
  const count = Math.max(1, Math.round(totalMb / FILE_MB));
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `bukti-${String(i).padStart(3, '0')}.pdf`);
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(FILE_MB * 1024 * 1024 - 9)]),
    );
    return file;
  });
}

/** Runs `fn` while sampling the browser's resident memory; returns seconds and the peak rise. */
async function measured(
  browser: BenchBrowser,
  fn: () => Promise<void>,
): Promise<{ seconds: number; peakMb: number }> {
  const baseline = rssOfProcesses(browser.profile);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOfProcesses(browser.profile));
  }, 100);
  const start = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(sampler);
  }
  return { seconds: (performance.now() - start) / 1000, peakMb: peak - baseline };
}

/** A port nothing listens on now (other benches or test servers may run at the same time). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function page0(browser: BenchBrowser): Promise<Page> {
  return browser.context.pages()[0] ?? (await browser.context.newPage());
}

interface ExchangeRun {
  mb: number;
  exportPeakMb: number;
  importPeakMb: number;
}

/** One export and import of `totalMb` of evidence, with its figures printed. */
async function exchangeRun(root: string, totalMb: number): Promise<ExchangeRun> {
  const work = mkdtempSync(path.join(tmpdir(), 'spbe-bench-pertukaran-'));
  const files = evidenceFiles(path.join(work, 'sumber'), totalMb);
  const mb = (files.length * FILE_MB * 1024 * 1024) / (1024 * 1024);
  const label = `${files.length} × ${FILE_MB} MB evidence`;

  // The old baseline, kept in the notes: a plain copy of the same bytes on the same disk.
  const copyDir = path.join(work, 'salinan');
  mkdirSync(copyDir);
  const copyStart = performance.now();
  for (const f of files) copyFileSync(f, path.join(copyDir, path.basename(f)));
  const copySeconds = (performance.now() - copyStart) / 1000;
  rmSync(copyDir, { recursive: true });
  const diskNote = (seconds: number): string =>
    `ratio ${(copySeconds / seconds).toFixed(2)} to a plain disk copy (${(mb / copySeconds).toFixed(0)} MB/s)`;

  const bundle = path.join(work, 'ekspor.spbe');
  let exportPeakMb = 0;
  const sender = await startBrowser(root, await freePort());
  try {
    const page = await page0(sender);
    await page.goto('/#/evaluasi/baru');
    await page.getByLabel('Nama instansi').fill('Pemerintah Kota Bench');
    await page.getByLabel('Nama daerah').fill('Bench');
    await page.getByRole('button', { name: 'Buat evaluasi' }).click();
    await page.getByRole('heading', { name: 'Tim Asesor Internal' }).waitFor();
    const evaluationUrl = page.url().replace(/\/tim$/, '');
    await page.goto(`${evaluationUrl}/bukti`);
    await addEvidenceAsUser(page, files);
    rmSync(path.join(work, 'sumber'), { recursive: true, force: true });

    await page.goto(`${evaluationUrl}/pertukaran`);
    await page.getByLabel('Nama pengekspor').fill('Bench');
    // Baseline: the stored evidence Blobs put into a scratch store, in the same page.
    const put = await plainIdbPut(page, { kind: 'stored' });
    const exported = await measured(sender, async () => {
      const download = page.waitForEvent('download', { timeout: 30 * 60_000 });
      await page.getByRole('button', { name: 'Ekspor berkas .spbe' }).click();
      await (await download).saveAs(bundle);
    });
    exportPeakMb = exported.peakMb;
    report({
      name: `export in Chromium (${label})`,
      value: mb / exported.seconds,
      unit: 'MB/s',
      ratio: {
        value: put.seconds / exported.seconds,
        baseline: `plain IndexedDB put of the stored Blobs (${(mb / put.seconds).toFixed(0)} MB/s)`,
      },
      note: `goal ≥ 0,5; ${diskNote(exported.seconds)}`,
    });
    report({
      name: `export ${mb} MB: peak browser memory above start`,
      value: exported.peakMb,
      unit: 'MB',
      note: `bundle ${(statSync(bundle).size / 1024 / 1024).toFixed(0)} MB, saved by download`,
    });
  } finally {
    await sender.close();
    rmSync(sender.profile, { recursive: true, force: true });
  }

  let importPeakMb = 0;
  const receiver = await startBrowser(root, await freePort());
  try {
    const page = await page0(receiver);
    await page.goto('/#/');
    await page.getByRole('heading', { level: 1, name: 'Daftar Evaluasi' }).waitFor();
    // Baseline: the bundle picked in the same page, cut into evidence-sized slices, put.
    const put = await plainIdbPut(page, {
      kind: 'slices',
      path: bundle,
      sliceBytes: FILE_MB * 1024 * 1024,
    });
    const putBaseline = `plain IndexedDB put of the picked bundle's slices (${(put.bytes / 1024 / 1024 / put.seconds).toFixed(0)} MB/s)`;
    let validated = 0;
    const imported = await measured(receiver, async () => {
      const start = performance.now();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Buka berkas .spbe' }).click();
      await (await chooser).setFiles(bundle);
      await page
        .getByRole('heading', { name: 'Ringkasan berkas' })
        .waitFor({ timeout: 10 * 60_000 })
        .catch(async (e: unknown) => {
          // Say where it stopped (a stalled read showed its progress frozen here once).
          const shown = await shownText(page);
          console.error(`The import never reached its summary; the page shows:\n${shown}`);
          throw e;
        });
      validated = (performance.now() - start) / 1000;
      await page.getByRole('button', { name: 'Impor sebagai evaluasi baru' }).click();
      await page
        .getByRole('navigation', { name: 'Bagian evaluasi' })
        .waitFor({ timeout: 30 * 60_000 });
    });
    importPeakMb = imported.peakMb;
    report({
      name: `import in Chromium (${label}): validate to summary`,
      value: mb / validated,
      unit: 'MB/s',
      ratio: {
        value: (put.seconds * mb * 1024 * 1024) / put.bytes / validated,
        baseline: putBaseline,
      },
      note: `every hash checked, new bytes kept as Blobs; ${diskNote(validated)}`,
    });
    report({
      name: `import in Chromium (${label}): whole`,
      value: mb / imported.seconds,
      unit: 'MB/s',
      ratio: {
        value: (put.seconds * mb * 1024 * 1024) / put.bytes / imported.seconds,
        baseline: putBaseline,
      },
      note: `validate + one transaction; goal ≥ 0,5; ${diskNote(imported.seconds)}`,
    });
    report({
      name: `import ${mb} MB: peak browser memory above start`,
      value: imported.peakMb,
      unit: 'MB',
      note: `evidence ${mb.toFixed(0)} MB in ${FILE_MB} MB files`,
    });
  } finally {
    await receiver.close();
    rmSync(receiver.profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  return { mb, exportPeakMb, importPeakMb };
}

export async function benchExchange(root: string): Promise<void> {
  const sizes = (process.env.BENCH_EXCHANGE_MB ?? '64,512').split(',').map(Number);
  if (sizes.some((n) => !Number.isFinite(n) || n <= 0)) {
    throw new Error('BENCH_EXCHANGE_MB must be sizes in MB, comma-separated, e.g. 64,512');
  }
  const runs: ExchangeRun[] = [];
  for (const size of sizes) runs.push(await exchangeRun(root, size));
  if (runs.length < 2) return;
  const small = runs.reduce((a, b) => (b.mb < a.mb ? b : a));
  const large = runs.reduce((a, b) => (b.mb > a.mb ? b : a));
  for (const [what, key] of [
    ['export', 'exportPeakMb'],
    ['import', 'importPeakMb'],
  ] as const) {
    report({
      name: `${what}: peak memory ${large.mb} MB bundle − ${small.mb} MB bundle`,
      value: large[key] - small[key],
      unit: 'MB',
      note: `${large[key].toFixed(0)} MB − ${small[key].toFixed(0)} MB; goal ≤ 64`,
    });
  }
}
