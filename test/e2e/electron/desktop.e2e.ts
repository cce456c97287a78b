/**
 * The desktop shell end to end in the real Electron (skipped loudly without the binary):
 * navigation, new windows and network refused; a streamed save through the native dialog;
 * the report printed to PDF once its route is ready; backups in Documents; a second launch
 * handing its .spbe to the running window.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { fixtureSnapshot, seedSnapshots } from '../support/seed';
import {
  appEnv,
  binary,
  launchApp,
  mainLogContains,
  makeHome,
  root,
  SKIP_REASON,
} from './electron-app';

const run = promisify(execFile);

test.describe('desktop shell', () => {
  test.skip(!binary, SKIP_REASON);

  test('refuses navigation away, new windows and the network', async () => {
    const { app, window: page } = await launchApp(makeHome());
    // A clicked web link asks before opening outside; answer "Batal" here.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (async () => ({ response: 1, checkboxChecked: false })) as never;
    });
    const refused = mainLogContains(app, 'Navigasi ditolak: https://example.com/');
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'tersambung',
        () => 'diblokir',
      ),
    );
    expect(fetched).toBe('diblokir');
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await refused;
    expect(page.url()).toMatch(/^app:\/\/spbe\//);
    await app.close();
  });

  test('saves a large file through the native dialog, streamed and atomic', async () => {
    const home = makeHome();
    const { app, window: page } = await launchApp(home);
    const target = path.join(home, 'Ekspor.spbe');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as never;
    }, target);
    const size = await page.evaluate(
      async (total: number) => {
        const api = (window as unknown as { api: DesktopApi }).api;
        const target = await api.dialogs.save({
          kind: 'bundle',
          suggestedName: 'x.spbe',
          title: 'Simpan',
        });
        if (!target.ok || !target.value) throw new Error('no target');
        const opened = await api.files.writeOpen({ token: target.value.token });
        if (!opened.ok) throw new Error(JSON.stringify(opened.error));
        const chunk = new Uint8Array(4 * 1024 * 1024).fill(7);
        for (let offset = 0; offset < total; offset += chunk.length) {
          const r = await api.files.write({ handle: opened.value.handle, offset, data: chunk });
          if (!r.ok) throw new Error(JSON.stringify(r.error));
        }
        const committed = await api.files.writeCommit({ handle: opened.value.handle });
        if (!committed.ok) throw new Error(JSON.stringify(committed.error));
        return committed.value.size;
      },
      64 * 1024 * 1024,
    );
    expect(size).toBe(64 * 1024 * 1024);
    expect((await readFile(target)).length).toBe(64 * 1024 * 1024);
    await app.close();
  });

  test('prints the report route to PDF once it is ready, laid out by its own CSS', async () => {
    const home = makeHome();
    const { app, window: page } = await launchApp(home);
    const target = path.join(home, 'Laporan.pdf');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as never;
    }, target);
    await expect(page.getByRole('heading', { level: 1, name: 'Daftar Evaluasi' })).toBeVisible();
    await seedSnapshots(page, [fixtureSnapshot('balikpapan-2026')]);
    const saved = await page.evaluate(() =>
      (window as unknown as { api: DesktopApi }).api.report.printToPdf({
        route: '/cetak/laporan/bpp-2026',
        suggestedName: 'Laporan.pdf',
        title: 'Simpan laporan PDF',
      }),
    );
    expect(saved).toMatchObject({ ok: true, value: { path: target } });
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '999', target]);
    expect(info).toMatch(/Page\s+1 size:\s+59\d\.\d+ x 84\d/); // A4 portrait cover
    expect(info).toMatch(/size:\s+84\d\.\d+ x 59\d/); // the landscape appendix
    const { stdout } = await run('pdftotext', ['-layout', target, '-']);
    const [cover, second] = stdout.split('\f');
    expect(cover).not.toContain('Halaman');
    expect(second).toMatch(/Halaman 2 dari \d+/);
    expect(second).toContain('Pemerintah Kota Balikpapan — Laporan Hasil Penilaian Mandiri');
    expect(stdout).toContain('Koordinator SPBE');
    await app.close();
  });

  test('writes backups to Documents/Evaluasi SPBE/Cadangan', async () => {
    const home = makeHome();
    const { app, window: page } = await launchApp(home);
    const result = await page.evaluate(async () => {
      const api = (window as unknown as { api: DesktopApi }).api;
      const opened = await api.backups.writeOpen({
        name: 'cadangan-2026-11-22-093015-manual.spbe',
      });
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      await api.files.write({
        handle: opened.value.handle,
        offset: 0,
        data: new TextEncoder().encode('isi'),
      });
      return api.files.writeCommit({ handle: opened.value.handle });
    });
    expect(result.ok).toBe(true);
    const file = path.join(
      home,
      'Documents',
      'Evaluasi SPBE',
      'Cadangan',
      'cadangan-2026-11-22-093015-manual.spbe',
    );
    expect(existsSync(file)).toBe(true);
    await app.close();
  });

  test('a second launch with a .spbe hands the file to the running window', async () => {
    const home = makeHome();
    const { app, window: page } = await launchApp(home);
    const bundle = path.join(home, 'Dari Asesor.spbe');
    await writeFile(bundle, 'isi berkas');
    const second = spawn(binary!, [root, bundle], { env: appEnv(home) });
    await new Promise((resolve) => second.on('exit', resolve));
    await expect
      .poll(async () => {
        const taken = await page.evaluate(() =>
          (window as unknown as { api: DesktopApi }).api.files.takeOpened(),
        );
        return taken.ok ? taken.value.map((f) => f.name) : [];
      })
      .toEqual(['Dari Asesor.spbe']);
    await app.close();
  });
});
