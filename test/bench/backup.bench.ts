/**
 * Backups in Chromium, on a database holding BENCH_BACKUP_MB (default 1024) of evidence in 5 MB
 * files (random, incompressible):
 * The evidence is added through the evidence library from files on disk, as a user adds it.
 * - "Buat cadangan sekarang" until the backup is in the browser's backup store: MB/s, and the
 *   ratio to a plain IndexedDB put of the same stored Blobs in the same page (one row each into
 *   a scratch store, no zip, no hashing: the browser's real limit), with peak browser memory
 *   above the start;
 * - the preview of that backup (every file hashed against its name): MB/s;
 * - the restore after every stored file was lost (a backup of the current data first, the files
 *   staged in small transactions, then one transaction): seconds, peak browser memory.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { report } from './harness';
import { addEvidenceAsUser, plainIdbPut, rssOfProcesses, startBrowser } from './browser';

const FILE_MB = 5;

/** BENCH_VERBOSE=1: each step on stderr with the time, and the page's console. */
const step = (what: string): void => {
  if (process.env.BENCH_VERBOSE) console.error(`[${new Date().toISOString()}] ${what}`);
};

function makeEvidenceFiles(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `bukti-${String(i).padStart(3, '0')}.pdf`);
    // A PDF signature, then random (incompressible, unique) bytes.
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(FILE_MB * 1024 * 1024 - 9)]),
    );
    return file;
  });
}

export async function benchBackup(root: string): Promise<void> {
  const totalMb = Number(process.env.BENCH_BACKUP_MB ?? 1024);
  const files = Math.max(1, Math.round(totalMb / FILE_MB));
  const mb = files * FILE_MB;
  const work = mkdtempSync(path.join(tmpdir(), 'spbe-bench-cadangan-'));
  const browser = await startBrowser(root, 4291);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (m) => step(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => step(`pageerror: ${e.message}`));
    await page.goto('/#/evaluasi/baru');
    await page.getByLabel('Nama instansi').fill('Pemerintah Kota Bench');
    await page.getByLabel('Nama daerah').fill('Bench');
    await page.getByRole('button', { name: 'Buat evaluasi' }).click();
    await page.getByRole('heading', { name: 'Tim Asesor Internal' }).waitFor();
    const evaluationUrl = page.url().replace(/\/tim$/, '');

    // The evidence, added through the evidence library as a user adds it (files on disk).
    step(`writing ${files} files of ${FILE_MB} MB`);
    const paths = makeEvidenceFiles(path.join(work, 'sumber'), files);
    await page.goto(`${evaluationUrl}/bukti`);
    await addEvidenceAsUser(page, paths);
    rmSync(path.join(work, 'sumber'), { recursive: true, force: true });

    step('plain IndexedDB put');
    // Baseline: the same stored Blobs put into a scratch store, one row each (the browser's limit).
    const { seconds: putSeconds } = await plainIdbPut(page, { kind: 'stored' });

    step(`plain put took ${putSeconds.toFixed(1)} s; backup`);
    // The backup, as the user takes it.
    await page.goto('/#/cadangan');
    const button = page.getByRole('button', { name: 'Buat cadangan sekarang' });
    await button.waitFor();
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('.form-actions button')?.disabled,
    );
    const baseline = rssOfProcesses(browser.profile);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOfProcesses(browser.profile));
    }, 100);
    const start = performance.now();
    await button.click();
    const watch = setInterval(() => {
      void page
        .locator('.backup-progress')
        .first()
        .textContent({ timeout: 1000 })
        .then((t) => step(`progress: ${t ?? ''}`))
        .catch(() => undefined);
    }, 5000);
    await page
      .getByRole('status')
      .filter({ hasText: /Cadangan dibuat: cadangan-.*-manual\.spbe/ })
      .waitFor({ timeout: 30 * 60_000 });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    clearInterval(watch);
    step('preview');
    report({
      name: `backup export in Chromium (${files} × ${FILE_MB} MB)`,
      value: mb / seconds,
      unit: 'MB/s',
      ratio: {
        value: putSeconds / seconds,
        baseline: `plain IndexedDB put (${(mb / putSeconds).toFixed(0)} MB/s)`,
      },
      note: 'SHA-256 of every file checked on the way',
    });
    report({
      name: 'backup export: peak browser memory above start',
      value: peak - baseline,
      unit: 'MB',
      note: `largest file ${FILE_MB} MB, total ${mb} MB; goal: not growing with the total`,
    });

    // The preview: every file of the backup hashed against its name.
    const previewStart = performance.now();
    await page
      .getByRole('row')
      .filter({ hasText: 'Dibuat oleh pengguna' })
      .getByRole('button', { name: /^Pratinjau dan pulihkan/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Pratinjau cadangan/ });
    await dialog
      .getByRole('table', { name: 'Evaluasi di dalam cadangan' })
      .waitFor({ timeout: 30 * 60_000 });
    const previewSeconds = (performance.now() - previewStart) / 1000;
    report({
      name: 'backup preview (every file checked)',
      value: mb / previewSeconds,
      unit: 'MB/s',
    });

    step('restore');
    // The restore after a loss: every stored file is gone from the database first, so that the
    // restore writes all of them back (then a backup of the current data, then one transaction).
    await page.evaluate(async () => {
      const idb: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('evaluasi-spbe');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = idb.transaction(['blobs', 'evidence', 'links'], 'readwrite');
      for (const store of ['blobs', 'evidence', 'links']) tx.objectStore(store).clear();
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('transaksi dibatalkan'));
      });
      idb.close();
    });
    peak = rssOfProcesses(browser.profile);
    const restoreBaseline = peak;
    const restoreSampler = setInterval(() => {
      peak = Math.max(peak, rssOfProcesses(browser.profile));
    }, 100);
    await dialog.getByRole('checkbox', { name: /^Saya mengerti/ }).check();
    const restoreStart = performance.now();
    await dialog.getByRole('button', { name: 'Pulihkan cadangan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Cadangan dipulihkan' })
      .waitFor({ timeout: 30 * 60_000 });
    clearInterval(restoreSampler);
    report({
      name: `backup restore of ${mb} MB of files (after a backup of the current data)`,
      value: (performance.now() - restoreStart) / 1000,
      unit: 's',
    });
    report({
      name: 'backup restore: peak browser memory above start',
      value: peak - restoreBaseline,
      unit: 'MB',
    });
  } finally {
    await browser.close();
    rmSync(browser.profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
