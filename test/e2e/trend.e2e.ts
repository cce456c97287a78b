/**
 * The dashboard's trend on a 1093 x 614 laptop (1366 x 768 at 125 %): Balikpapan's Indeks SPBE
 * of 2025 and its first Indeks Pemdi of 2026, two series that are never one line. Every year's
 * point is drawn whole inside the plot: the current year's lone Pemdi point, at the right edge,
 * was cut in half.
 */
import { expect, test } from './fixtures';
import { AppModel } from './pages/app-model';
import { seededCase } from './support/report-cases';
import { fixtureSnapshot, seedSnapshots } from './support/seed';

test.use({ viewport: { width: 1093, height: 614 } });

test('the trend draws every year whole, the current one at the right edge too', async ({
  page,
}) => {
  await new AppModel(page).openHome();
  await seedSnapshots(page, [
    fixtureSnapshot('balikpapan-2025'),
    seededCase('pemdi-2026', 'pemdi-2026', false),
  ]);
  await page.goto('/#/evaluasi/pemdi-2026');
  const figure = page.locator('figure', {
    has: page.getByText('Perkembangan indeks per tahun', { exact: true }),
  });
  await expect(
    figure.getByText(
      'Indeks SPBE dan Indeks Pemdi diukur dengan instrumen berbeda sehingga tidak dapat dibandingkan langsung.',
    ),
  ).toBeVisible();
  const dots = figure.locator('.recharts-line-dot');
  await expect(dots).toHaveCount(2);
  await figure.scrollIntoViewIfNeeded();
  const plot = await figure.locator('.recharts-cartesian-grid').boundingBox();
  expect(plot).not.toBeNull();
  for (const dot of await dots.all()) {
    const box = await dot.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(plot!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(plot!.x + plot!.width);
  }
});
