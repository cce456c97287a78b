/**
 * The team folder with three browser profiles sharing one real folder (issue 15), through a test
 * double of the directory picker (support/folder-double.ts): the coordinator hands the evaluation
 * to two assessors, all three choose the same folder; Ani's edit reaches Budi without a click; a
 * file that arrives cut off is retried and taken once complete; while Budi's share is unplugged
 * his app says so and keeps his edit, and his edit of the same answer as Ani's reaches the
 * coordinator as "1 perubahan menunggu keputusan", which opens the merge screen with the file.
 * She settles it; the Berita Acara credits Ani's answer to Ani, and Budi's next change reaches the
 * merged evaluation without raising the settled conflict again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { AppModel } from './pages/app-model';
import { installFolderDouble } from './support/folder-double';
import { laptop } from './support/laptop';

/** The team folder's look at the folder is every few seconds; a file's round trip takes two. */
const ARRIVAL = { timeout: 45_000 };

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Status folder tim' });

async function chooseTeamFolder(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Pengaturan' })
    .click();
  const section = page.getByRole('region', { name: 'Folder tim' });
  await section.getByRole('button', { name: 'Pilih folder tim…' }).click();
  await expect(section.getByText('Folder Tim Balikpapan')).toBeVisible();
  await expect(statusBar(page).getByText('Folder tim: Folder Tim Balikpapan')).toBeVisible();
}

async function level(app: AppModel, indicator: number, value: number, why: string) {
  await app.openIndicator(indicator);
  await app.chooseLevel(value);
  await app.justify(why);
  await app.waitSaved();
}

/** The navigator's entry of an indicator with its level (live from the database). */
const navEntry = (page: Page, indicator: number, value: number) =>
  page
    .getByRole('navigation', { name: 'Daftar indikator' })
    .getByRole('link', { name: new RegExp(`^Indikator ${indicator}, tingkat ${value},`) });

test('three laptops share a team folder: edits travel, a cut-off file is retried, a conflict waits for the coordinator', async () => {
  test.setTimeout(360_000);
  const dir = test.info().outputPath('berkas');
  const shared = test.info().outputPath('folder-tim');
  mkdirSync(dir, { recursive: true });
  mkdirSync(shared, { recursive: true });
  const coordinator = await laptop('koordinator');
  const ani = await laptop('ani');
  const budi = await laptop('budi');
  try {
    const folders = {
      coordinator: await installFolderDouble(coordinator.context, shared),
      ani: await installFolderDouble(ani.context, shared),
      budi: await installFolderDouble(budi.context, shared),
    };

    // The coordinator sets up the evaluation and hands it to both assessors.
    const page = coordinator.page;
    await coordinator.app.createEvaluation({
      name: 'Pemerintah Kota Balikpapan',
      region: 'Balikpapan',
      year: 2025,
    });
    await coordinator.app.addMember('Sri Wahyuni', 'Koordinator SPBE');
    await coordinator.app.addMember('Ani Rahmawati', 'Anggota', '1-2');
    await coordinator.app.addMember('Budi Santoso', 'Anggota', '1-3');
    await coordinator.app.actAs('Sri Wahyuni');
    const evaluationId = /#\/evaluasi\/([^/]+)/.exec(page.url())?.[1];
    expect(evaluationId).toBeTruthy();
    const sent = await coordinator.app.exportBundle(dir);
    await ani.app.importNew(sent);
    await ani.app.actAs('Ani Rahmawati');
    await budi.app.importNew(sent);
    await budi.app.actAs('Budi Santoso');

    // All three choose the same folder; each assessor's file appears in it.
    for (const who of [coordinator, ani, budi]) await chooseTeamFolder(who.page);
    /** "<folder tim>/Pemerintah Kota Balikpapan 2025 (<id>)/<name>.spbe", once the folder exists. */
    const evaluationFolder = (name: string) => {
      const sub = readdirSync(shared).find((d) =>
        d.startsWith('Pemerintah Kota Balikpapan 2025 ('),
      );
      return sub ? path.join(shared, sub, `${name}.spbe`) : '';
    };
    await expect.poll(() => existsSync(evaluationFolder('Ani Rahmawati')), ARRIVAL).toBe(true);
    await expect.poll(() => existsSync(evaluationFolder('Budi Santoso')), ARRIVAL).toBe(true);
    // The coordinator covers no indicator: no file of hers.
    expect(existsSync(evaluationFolder('Sri Wahyuni'))).toBe(false);
    for (const who of [ani, coordinator, budi]) {
      await who.page.goto(`/#/evaluasi/${evaluationId}/indikator/5`);
    }

    // Ani's edit reaches Budi (and the coordinator) without a click.
    await level(ani.app, 1, 3, 'Kebijakan internal arsitektur SPBE telah ditetapkan.');
    await ani.page.goto(`/#/evaluasi/${evaluationId}/indikator/5`);
    await expect(navEntry(budi.page, 1, 3)).toBeVisible(ARRIVAL);
    await expect(navEntry(page, 1, 3)).toBeVisible(ARRIVAL);
    await expect(
      statusBar(budi.page).getByText(
        /^Ani Rahmawati — diterima \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}$/,
      ),
    ).toBeVisible();

    // A file that arrives cut off (a sync client still writing) is retried, then taken.
    folders.ani.divert = true;
    await level(ani.app, 2, 4, 'Peta rencana SPBE ditetapkan dan direviu berkala.');
    await ani.page.goto(`/#/evaluasi/${evaluationId}/indikator/5`);
    const aniFile = path
      .relative(shared, evaluationFolder('Ani Rahmawati'))
      .split(path.sep)
      .join('/');
    await expect.poll(() => folders.ani.diverted.has(aniFile), ARRIVAL).toBe(true);
    const whole = folders.ani.diverted.get(aniFile)!;
    const target = path.join(shared, aniFile);
    writeFileSync(target, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(
      statusBar(budi.page).getByText(
        'Ani Rahmawati — berkas sedang ditulis, dibaca lagi sebentar lagi',
      ),
    ).toBeVisible(ARRIVAL);
    await expect(navEntry(budi.page, 2, 4)).toHaveCount(0);
    writeFileSync(target, whole);
    expect(readFileSync(target).equals(whole)).toBe(true);
    await expect(navEntry(budi.page, 2, 4)).toBeVisible(ARRIVAL);
    await expect(statusBar(budi.page).getByText(/^Ani Rahmawati — diterima /)).toBeVisible(ARRIVAL);
    await expect(statusBar(budi.page).getByText(/tidak dapat dibaca/)).toHaveCount(0);
    folders.ani.divert = false;

    // Budi's share is unplugged: his app says so and keeps his work.
    folders.budi.offline = true;
    await expect(
      statusBar(budi.page).getByText(
        'Folder tim tidak dapat dijangkau — pekerjaan tetap tersimpan di komputer ini',
      ),
    ).toBeVisible(ARRIVAL);
    // Meanwhile Ani and Budi both change indicator 1.
    await level(
      ani.app,
      1,
      4,
      'Arsitektur SPBE ditetapkan dan diterapkan di semua perangkat daerah.',
    );
    await ani.page.goto(`/#/evaluasi/${evaluationId}/indikator/5`);
    await expect(navEntry(page, 1, 4)).toBeVisible(ARRIVAL);
    await level(budi.app, 1, 2, 'Kebijakan arsitektur SPBE masih berupa rancangan.');
    await budi.page.goto(`/#/evaluasi/${evaluationId}/indikator/5`);
    await expect(navEntry(budi.page, 1, 2)).toBeVisible();
    folders.budi.offline = false;
    await expect(statusBar(budi.page).getByText(/tidak dapat dijangkau/)).toHaveCount(0, ARRIVAL);

    // The coordinator: the conflict is not settled by itself; it opens the merge screen.
    const bar = statusBar(page);
    await expect(bar.getByText('1 perubahan menunggu keputusan')).toBeVisible(ARRIVAL);
    await expect(navEntry(page, 1, 4)).toBeVisible();
    await bar.getByRole('button', { name: 'Buka penggabungan' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
    ).toBeVisible();
    const conflict = page.getByRole('article', { name: /^Indikator 1\. / });
    await expect(
      conflict.getByRole('region', { name: 'Versi Budi Santoso untuk indikator 1' }),
    ).toBeVisible();

    // She takes Budi's version and saves; the Berita Acara credits Ani's indicator 2, applied
    // from her file to the coordinator's evaluation, to Ani.
    await conflict.getByRole('radio', { name: /^Ambil versi Budi Santoso/ }).check();
    await conflict
      .getByLabel('Alasan keputusan (indikator 1)')
      .fill('Kebijakan arsitektur SPBE belum ditetapkan; masih rancangan.');
    await page.getByRole('button', { name: 'Simpan hasil penggabungan' }).click();
    const minutes = page.getByRole('region', { name: 'Berita Acara Rekonsiliasi' });
    await expect(minutes.getByRole('heading', { name: 'BERITA ACARA REKONSILIASI' })).toBeVisible();
    await expect(
      minutes.getByRole('cell', {
        name: 'Evaluasi di komputer koordinator (Pemerintah Kota Balikpapan): jawaban Ani Rahmawati',
      }),
    ).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('berita-acara.png'), fullPage: true });

    // Budi goes on with indicator 3: it reaches the merged evaluation by itself, and what the
    // coordinator settled on indicator 1 is not raised again.
    await minutes.getByRole('link', { name: 'Buka evaluasi hasil penggabungan' }).click();
    const mergedId = /#\/evaluasi\/([^/]+)/.exec(page.url())?.[1];
    expect(mergedId).toBeTruthy();
    expect(mergedId).not.toBe(evaluationId);
    await page.goto(`/#/evaluasi/${mergedId}/indikator/5`);
    await expect(navEntry(page, 1, 2)).toBeVisible();
    await level(budi.app, 3, 3, 'Arsitektur SPBE direviu setiap tahun.');
    await budi.page.goto(`/#/evaluasi/${evaluationId}/indikator/5`);
    await expect(navEntry(page, 3, 3)).toBeVisible(ARRIVAL);
    await expect(navEntry(page, 1, 2)).toBeVisible();
    await expect(bar.getByText(/menunggu keputusan/)).toHaveCount(0);
  } finally {
    const errors = [...coordinator.errors, ...ani.errors, ...budi.errors];
    await Promise.all([coordinator.context.close(), ani.context.close(), budi.context.close()]);
    expect(errors, 'Tidak boleh ada galat di konsol').toEqual([]);
  }
});
