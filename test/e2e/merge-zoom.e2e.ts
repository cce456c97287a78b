/**
 * The coordinator merges on a 1280×720 laptop at 150 % and 200 % zoom, keyboard only: two
 * assessors' .spbe files (Pemdi, decimal values) onto her evaluation as the base. The merge
 * screen (files, answers merged by themselves, the conflict), the Berita Acara and the merged
 * evaluation's Riwayat keep the window's width: a wide table scrolls in its own box, the page
 * does not scroll sideways.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { EvaluationSnapshot } from '../../shared/assessment';
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';
import type { assessorBundle as assessorBundleType } from './support/assessor-bundles';
import { fixtureSnapshot, seedSnapshots } from './support/seed';

const EXPORTED = Date.UTC(2026, 11, 7, 1);

type AssessorBundle = typeof assessorBundleType;
let assessorBundle: AssessorBundle;

test.beforeAll(async () => {
  // Bundled for Node first: Playwright's loader cannot resolve zip.js's subpath imports.
  const out = path.join(test.info().outputDir, 'assessor-bundles.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'support/assessor-bundles.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: out,
    logLevel: 'silent',
  });
  ({ assessorBundle } = createRequire(__filename)(out) as { assessorBundle: AssessorBundle });
});

/** One assessor's file in `dir`, named after them. */
async function assessorFile(
  dir: string,
  base: EvaluationSnapshot,
  name: string,
  changes: Parameters<AssessorBundle>[2],
): Promise<string> {
  const file = path.join(dir, `${name.split(' ')[0]!.toLowerCase()}.spbe`);
  writeFileSync(file, await assessorBundle(base, name, changes, EXPORTED));
  return file;
}

/** The document does not scroll sideways; names what sticks out. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return document.documentElement.scrollWidth > limit
      ? [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((e) => e.getBoundingClientRect().right > limit + 1)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      : [];
  });
  expect(wide, `${label}: melebar ke samping`).toEqual([]);
}

for (const [zoom, width, height] of [
  [150, 853, 480],
  [200, 640, 360],
] as const) {
  test(`at ${zoom} % zoom the merge, its Berita Acara and the Riwayat keep the window’s width`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const dir = test.info().outputPath('berkas');
    mkdirSync(dir, { recursive: true });
    const base = fixtureSnapshot('pemdi-2026');
    const files = [
      await assessorFile(dir, base, 'Budi Santoso', {
        4: { value: 2.15, justification: 'Anggaran dirinci per perangkat daerah.' },
        6: { value: 3.4, justification: 'Metadata geospasial sudah sesuai standar.' },
      }),
      await assessorFile(dir, base, 'Citra Lestari', {
        6: { value: 3.2, justification: 'Forum data geospasial belum rutin.' },
        8: { value: 2.4, justification: 'Kebijakan pelindungan data pribadi disusun.' },
      }),
    ];
    const app = new AppModel(page);
    await app.openHome();
    await seedSnapshots(page, [base]);
    await page.reload();
    await page.goto(`/#/gabung?dasar=${base.evaluation.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Gabungkan Berkas Asesor' }),
    ).toBeVisible();
    await expect(page.getByLabel('Evaluasi dasar di komputer ini (opsional)')).toHaveValue(
      base.evaluation.id,
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tambah berkas .spbe…' }).click();
    await (await chooser).setFiles(files);
    await expect(
      page.getByRole('table', { name: 'Berkas yang akan digabung' }).getByRole('row'),
    ).toHaveCount(3);
    await expectNoSidewaysScroll(page, `Gabungkan Berkas pada ${zoom} %`);
    await page.getByText(/^Jawaban yang digabung otomatis \(\d+\)$/).click();
    await expect(page.getByRole('table', { name: 'Jawaban yang digabung otomatis' })).toBeVisible();
    await expectNoSidewaysScroll(page, `jawaban digabung otomatis pada ${zoom} %`);

    // The conflict, keyboard only.
    const conflict = page.getByRole('article', { name: /^Indikator 6\./ });
    const choice = conflict.getByRole('radio', { name: /^Ambil versi Budi Santoso: 3,40/ });
    await choice.focus();
    await page.keyboard.press('Space');
    await expect(choice).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(conflict.getByLabel('Alasan keputusan (indikator 6)')).toBeFocused();
    await page.keyboard.type('Metadata geospasial terbukti pada portal data.');
    await expect(conflict.getByText('Sudah diputuskan')).toBeVisible();
    await expectNoSidewaysScroll(page, `perbedaan yang diputuskan pada ${zoom} %`);
    await page.getByLabel('Nama koordinator').fill('Ir. Ratna Dewi Lestari, M.T.');
    await page.getByRole('button', { name: 'Simpan hasil penggabungan' }).click();
    const minutes = page.getByRole('article', { name: 'BERITA ACARA REKONSILIASI' });
    await expect(minutes).toBeVisible();
    await expectNoSidewaysScroll(page, `Berita Acara pada ${zoom} %`);

    // The merged evaluation's Riwayat: the decision with both values.
    await page.getByRole('link', { name: 'Buka evaluasi hasil penggabungan' }).click();
    await app.section('Riwayat');
    const history = page.getByRole('table', { name: 'Riwayat perubahan' });
    await expect(
      history.getByRole('row').filter({ hasText: 'Budi Santoso: 3,40; Citra Lestari: 3,20' }),
    ).toBeVisible();
    await expectNoSidewaysScroll(page, `Riwayat pada ${zoom} %`);
  });
}
