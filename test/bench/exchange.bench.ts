/**
 * Exchange in Chromium, through the app's own screens: exporting an evaluation holding
 * BENCH_EXCHANGE_MB (default 256) of evidence to a .spbe file, and importing that file into a
 * second browser profile (validation to the summary, then the one-transaction write), in MB/s of
 * evidence and as a ratio to a plain copy of the same bytes on the same disk, with peak browser
 * memory. The browser build saves a download by collecting the file first (the File System
 * Access picker, which streams, cannot be driven by automation), so the export memory figure is
 * the browser download path's, not the desktop's streamed save.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { report } from './harness';
import { rssOfProcesses, startBrowser, type BenchBrowser } from './browser';

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

export async function benchExchange(root: string): Promise<void> {
  const totalMb = Number(process.env.BENCH_EXCHANGE_MB ?? 256);
  const work = mkdtempSync(path.join(tmpdir(), 'spbe-bench-pertukaran-'));
  const files = evidenceFiles(path.join(work, 'sumber'), totalMb);
  const mb = (files.length * FILE_MB * 1024 * 1024) / (1024 * 1024);

  // Baseline: a plain copy of the same bytes on the same disk.
  const copyDir = path.join(work, 'salinan');
  mkdirSync(copyDir);
  const copyStart = performance.now();
  for (const f of files) copyFileSync(f, path.join(copyDir, path.basename(f)));
  const copySeconds = (performance.now() - copyStart) / 1000;
  rmSync(copyDir, { recursive: true });
  const baseline = `plain copy (${(mb / copySeconds).toFixed(0)} MB/s)`;

  const bundle = path.join(work, 'ekspor.spbe');
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
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tambah berkas…' }).click();
    await (await chooser).setFiles(files);
    await page
      .getByRole('status')
      .filter({ hasText: `${files.length.toLocaleString('id-ID')} dokumen ditambahkan` })
      .waitFor({ timeout: 30 * 60_000 });

    await page.goto(`${evaluationUrl}/pertukaran`);
    await page.getByLabel('Nama pengekspor').fill('Bench');
    const exported = await measured(sender, async () => {
      const download = page.waitForEvent('download', { timeout: 30 * 60_000 });
      await page.getByRole('button', { name: 'Ekspor berkas .spbe' }).click();
      await (await download).saveAs(bundle);
    });
    report({
      name: `export in Chromium (${files.length} × ${FILE_MB} MB evidence)`,
      value: mb / exported.seconds,
      unit: 'MB/s',
      ratio: { value: copySeconds / exported.seconds, baseline },
      note: 'goal ≥ 0,5',
    });
    report({
      name: 'export: peak browser memory above start',
      value: exported.peakMb,
      unit: 'MB',
      note: `bundle ${(statSync(bundle).size / 1024 / 1024).toFixed(0)} MB; browser download path collects the file`,
    });
  } finally {
    await sender.close();
  }

  const receiver = await startBrowser(root, await freePort());
  try {
    const page = await page0(receiver);
    await page.goto('/#/');
    await page.getByRole('heading', { level: 1, name: 'Daftar Evaluasi' }).waitFor();
    let validated = 0;
    const imported = await measured(receiver, async () => {
      const start = performance.now();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Buka berkas .spbe' }).click();
      await (await chooser).setFiles(bundle);
      await page
        .getByRole('heading', { name: 'Ringkasan berkas' })
        .waitFor({ timeout: 30 * 60_000 });
      validated = (performance.now() - start) / 1000;
      await page.getByRole('button', { name: 'Impor sebagai evaluasi baru' }).click();
      await page
        .getByRole('navigation', { name: 'Bagian evaluasi' })
        .waitFor({ timeout: 30 * 60_000 });
    });
    report({
      name: 'import in Chromium: validate to summary',
      value: mb / validated,
      unit: 'MB/s',
      ratio: { value: copySeconds / validated, baseline },
      note: 'every hash checked, new bytes kept as Blobs',
    });
    report({
      name: 'import in Chromium: whole (validate + one transaction)',
      value: mb / imported.seconds,
      unit: 'MB/s',
      ratio: { value: copySeconds / imported.seconds, baseline },
      note: 'goal ≥ 0,5',
    });
    report({
      name: 'import: peak browser memory above start',
      value: imported.peakMb,
      unit: 'MB',
      note: `evidence ${mb.toFixed(0)} MB in ${FILE_MB} MB files`,
    });
  } finally {
    await receiver.close();
    rmSync(work, { recursive: true, force: true });
  }
}
