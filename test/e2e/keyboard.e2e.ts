/**
 * The assessor who works with the keyboard alone: moving from indicator to indicator with
 * Alt+↓ / Alt+↑ or the pager keeps the focus on the control in use, on both instruments, and
 * the keys that open a drop-down list are left to it.
 */
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel, PACK_PEMDI } from './pages/app-model';

const heading = (page: AppModel['page'], n: number) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^Indikator ${n}\\.`) });

test('Pemdi: the value field, the pager and the heading keep the focus from one indicator to the next', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluationFromProfile('Pemerintah Kota Bengkulu', 2026, PACK_PEMDI);
  await app.openIndicator(1);
  const value = page.getByLabel('Nilai indikator (1,00–5,00)');
  await value.focus();
  await page.keyboard.type('3,25');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page, 2)).toBeVisible();
  // The same field of indicator 2, named for a screen reader (it fell to the work area).
  await expect(value).toBeFocused();
  await expect(value).toHaveValue('');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Indikator 2\. Tingkat Kematangan Manajemen Layanan Digital/ }),
  ).toBeAttached();
  await page.keyboard.type('2,5');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page, 1)).toBeVisible();
  await expect(value).toBeFocused();
  await expect(value).toHaveValue('3,25');

  // Enter on "Indikator berikutnya" again and again: the button keeps the focus.
  const next = page.getByRole('button', { name: 'Indikator berikutnya ›', exact: true });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, 2)).toBeVisible();
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page, 3)).toBeVisible();
  await expect(next).toBeFocused();

  // The list's links are skipped with one key: the button before them, shown while focused.
  await page.getByLabel('Tampilkan', { exact: true }).focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('button', { name: 'Lewati daftar indikator ke formulir' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(heading(page, 3)).toBeFocused();

  // Indicator 5 takes another agency's index and has no value field: its heading takes the focus.
  await app.openIndicator(4);
  await value.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page, 5)).toBeFocused();

  // On a select Alt+↓ opens its list; it does not leave the indicator.
  const status = page.getByLabel('Status', { exact: true });
  await status.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await expect(status).toBeFocused();
  const justification = page.getByLabel('Penjelasan (alasan pemilihan nilai)');
  await justification.focus();
  await page.keyboard.press('Alt+ArrowDown');
  // One move from indicator 5, not two.
  await expect(heading(page, 6)).toBeVisible();
  await expect(justification).toBeFocused();
});

test('59/2020: the chosen level keeps the focus on the next indicator, and keys 1–5 choose there', async ({
  page,
}) => {
  const app = new AppModel(page);
  await app.createEvaluation({ name: 'Pemerintah Kota Bengkulu', region: 'Bengkulu', year: 2025 });
  await app.openIndicator(1);
  await page.getByRole('radio', { name: /^Tingkat 3 —/ }).focus();
  await page.keyboard.press('Space');
  const three = page.getByRole('radio', { name: /^Tingkat 3 —/ });
  await expect(three).toBeChecked();
  // The radio keeps its size (stretched across the card its focus ring was a flat ellipse), and
  // the card around it shows the focus.
  const box = await three.boundingBox();
  expect(box?.width ?? 0, 'lebar tombol radio').toBeLessThan(3 * (box?.height ?? 0));
  await expect(page.locator('.level-card:has(input:focus-visible)')).toHaveCSS(
    'outline-style',
    'solid',
  );
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page, 2)).toBeVisible();
  // Nothing chosen on indicator 2 yet: the first level takes the focus.
  await expect(page.getByRole('radio', { name: /^Tingkat 1 —/ })).toBeFocused();
  await page.keyboard.press('4');
  await expect(page.getByRole('radio', { name: /^Tingkat 4 —/ })).toBeChecked();
  await app.waitSaved();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page, 1)).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Tingkat 3 —/ })).toBeFocused();
});

/** The document does not scroll sideways; names what sticks out. */
async function expectNoSidewaysScroll(page: AppModel['page'], label: string): Promise<void> {
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
  test.describe(`1280×720 at ${zoom} % zoom`, () => {
    test.use({ viewport: { width, height }, deviceScaleFactor: zoom / 100 });

    test('the value field and the form keep the window’s width; the navigation stays in reach', async ({
      page,
    }) => {
      const app = new AppModel(page);
      await app.createEvaluationFromProfile('Pemerintah Kota Bengkulu', 2026, PACK_PEMDI);
      await app.openIndicator(1);
      await expectNoSidewaysScroll(page, `Pemdi indikator 1 pada ${zoom} %`);
      // The form had 380 px at 150 % and 80 px at 200 % beside the lists.
      const form = await page.getByRole('region', { name: /^Indikator 1\./ }).boundingBox();
      expect(form?.width ?? 0, 'lebar formulir').toBeGreaterThan(0.8 * width - 232);
      const value = page.getByLabel('Nilai indikator (1,00–5,00)');
      await value.focus();
      await page.keyboard.type('3,25');
      await expect(value).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('button', { name: 'Indikator berikutnya ›' })).toBeInViewport({
        ratio: 1,
      });
      // Every link of the main navigation can be seen (the notices covered the last ones).
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const name of ['Bantuan', 'Tentang Aplikasi']) {
        const link = page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', {
          name,
        });
        await expect(link).toBeInViewport({ ratio: 1 });
      }
    });

    test('the dashboard and the evidence library keep the window’s width; a wide table scrolls in its own box', async ({
      page,
    }) => {
      const app = new AppModel(page);
      await app.createEvaluationFromProfile('Pemerintah Kota Bengkulu', 2026, PACK_PEMDI);
      await app.openIndicator(1);
      const files = writeFiles(test.info().outputPath('bukti'), {
        'peraturan-wali-kota-bengkulu-nomor-12-tahun-2025-tentang-spbe.pdf': pdf('Perwal SPBE'),
      });
      await app.attachFiles(Object.values(files));
      await app.section('Dasbor');
      await expect(
        page.getByRole('table', { name: 'Kewajiban peraturan daerah dan statusnya' }),
      ).toBeVisible();
      await expectNoSidewaysScroll(page, `Dasbor pada ${zoom} %`);
      await app.section('Bukti Dukung');
      await expect(page.getByRole('table', { name: 'Dokumen bukti dukung' })).toBeVisible();
      await expectNoSidewaysScroll(page, `Bukti Dukung pada ${zoom} %`);
    });
  });
}
