/**
 * The workspace on a laptop screen (issue 13): at 1280×720 and 1366×768 no screen scrolls
 * sideways (neither the document nor the main column), the scoring form keeps its save status and
 * "Indikator berikutnya" in view (59/2020 indicators 1, 11, 32 and 47, and Pemdi), the level cards
 * stay inside their borders, and every dialog opened on the way shows its buttons in the window.
 * On a Pemdi indicator with documents, words stay whole in the butir and the library's cells, and
 * Tab never puts focus under the sticky save bar.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdf, writeFiles } from './files';
import { AppModel, PACK_PEMDI } from './pages/app-model';
import { brokenWords } from './support/broken-words';

const viewports = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
];

/** Neither the page nor the main column is wider than the window; names what sticks out. */
async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const measure = await page.evaluate(() => {
    const doc = document.documentElement;
    const main = document.getElementById('konten');
    const limit = doc.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('#konten *')]
      .filter((e) => e.getBoundingClientRect().right > limit + 1)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`,
      );
    return {
      document: { scroll: doc.scrollWidth, client: doc.clientWidth },
      main: main ? { scroll: main.scrollWidth, client: main.clientWidth } : null,
      wide,
    };
  });
  expect(
    measure.document.scroll,
    `${label}: dokumen melebar (${measure.wide.join('; ')})`,
  ).toBeLessThanOrEqual(measure.document.client);
  if (measure.main) {
    expect(
      measure.main.scroll,
      `${label}: kolom utama melebar (${measure.wide.join('; ')})`,
    ).toBeLessThanOrEqual(measure.main.client);
  }
}

/** Every button of an open dialog lies wholly inside the window. */
async function expectDialogButtonsInView(dialog: Locator, label: string): Promise<void> {
  await expect(dialog).toBeVisible();
  const buttons = dialog.getByRole('button');
  const count = await buttons.count();
  expect(count, `${label}: dialog tanpa tombol`).toBeGreaterThan(0);
  // The action row at the foot (sticky) and the close button in the header.
  const actions = dialog.locator('.dialog-actions').last().getByRole('button');
  for (let i = 0; i < (await actions.count()); i++)
    await expect(actions.nth(i), `${label}: tombol di luar layar`).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Tutup dialog' })).toBeInViewport({ ratio: 1 });
}

/** The scoring form: no overflow, save status and pager in view, cards within their borders. */
async function checkIndicator(app: AppModel, n: number, label: string): Promise<void> {
  const page = app.page;
  await app.openIndicator(n);
  await expectNoHorizontalOverflow(page, `${label} indikator ${n}`);
  await expect(page.getByRole('button', { name: 'Indikator berikutnya ›' })).toBeInViewport();
  await expect(
    page.getByRole('status').filter({
      hasText: /^(Semua perubahan tersimpan|Menyimpan…|Perubahan belum tersimpan…|Belum disimpan)/,
    }),
  ).toBeInViewport();
  const cards = page.locator('.level-card');
  const overflowing = await cards.evaluateAll((list) =>
    list
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.textContent?.slice(0, 40) ?? ''),
  );
  expect(overflowing, `${label} indikator ${n}: isi kartu tingkat melewati batas`).toEqual([]);
  // Still in view at the bottom of the page.
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Indikator berikutnya ›' })).toBeInViewport();
}

const evaluationPath = (page: Page): string => {
  const match = /#(\/evaluasi\/[^/]+)/.exec(page.url());
  if (!match) throw new Error(`Bukan halaman evaluasi: ${page.url()}`);
  return match[1]!;
};

for (const viewport of viewports) {
  const size = `${viewport.width}×${viewport.height}`;
  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test(`${size}: the screens of the app fit the window`, async ({ page }) => {
      const app = new AppModel(page);
      await app.createEvaluation({
        name: 'Pemerintah Kabupaten Penajam Paser Utara Provinsi Kalimantan Timur',
        region: 'Penajam Paser Utara',
      });
      await app.openHome();
      await expectNoHorizontalOverflow(page, 'Daftar Evaluasi');

      for (const [path, heading] of [
        ['/#/evaluasi/baru', null],
        ['/#/impor', 'Buka Berkas .spbe'],
        ['/#/gabung', 'Gabungkan Berkas Asesor'],
        ['/#/profil-daerah', 'Profil Daerah'],
        ['/#/profil-daerah/baru', null],
        ['/#/instrumen', null],
        ['/#/instrumen/permenpanrb-59-2020/1.0.0/indikator/32', null],
        ['/#/instrumen/permenpanrb-8-2026/1.0.0/indikator/1', null],
        ['/#/rekap', null],
        ['/#/pengaturan', 'Pengaturan'],
        ['/#/cadangan', 'Cadangan'],
        ['/#/tentang', null],
        ['/#/bantuan', 'Bantuan'],
      ] as const) {
        await page.goto(path);
        const title = page.getByRole('heading', {
          level: 1,
          ...(heading ? { name: heading } : {}),
        });
        await expect(title.first()).toBeVisible();
        await expectNoHorizontalOverflow(page, path);
      }
    });

    test(`${size}: the workspace of a 59/2020 evaluation and its scoring form fit`, async ({
      page,
    }) => {
      const app = new AppModel(page);
      await app.createEvaluation({
        name: 'Pemerintah Kota Balikpapan',
        region: 'Balikpapan',
      });
      await app.addMember('Siti Aminah', 'Penanggung jawab', '1-47');
      const member = page.getByRole('dialog', { name: 'Tambah anggota tim' });
      await page.getByRole('button', { name: 'Tambah anggota' }).click();
      await expectDialogButtonsInView(member, 'Tambah anggota tim');
      await member.getByRole('button', { name: 'Batal' }).click();
      await expect(member).toBeHidden();

      for (const section of [
        'Dasbor',
        'Bukti Dukung',
        'Tim Asesor',
        'Riwayat',
        'Profil Instansi',
        'Laporan',
        'Pertukaran',
      ]) {
        await app.section(section);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await expectNoHorizontalOverflow(page, section);
      }

      await app.section('Penilaian Indikator');
      for (const n of [1, 11, 32, 47]) {
        await checkIndicator(app, n, '59/2020');
        await app.chooseLevel(4);
        await app.waitSaved();
        await expectNoHorizontalOverflow(page, `59/2020 indikator ${n} (tingkat 4)`);
      }
    });

    test(`${size}: the scoring form of Indeks Pemdi fits`, async ({ page }) => {
      const app = new AppModel(page);
      await app.createEvaluation({
        name: 'Pemerintah Kota Balikpapan',
        region: 'Balikpapan',
        year: 2026,
        instrument: PACK_PEMDI,
      });
      await page.goto(`/#${evaluationPath(page)}`);
      await expect(page.getByRole('navigation', { name: 'Bagian evaluasi' })).toBeVisible();
      await expectNoHorizontalOverflow(page, 'Pemdi Dasbor');
      for (const n of [1, 20]) await checkIndicator(app, n, 'Pemdi');
    });

    test(`${size}: dialogs show their buttons (delete evaluation, restore backup)`, async ({
      page,
    }) => {
      const app = new AppModel(page);
      await app.createEvaluation({ name: 'Pemerintah Kota Balikpapan', region: 'Balikpapan' });
      await app.openHome();
      await page
        .getByRole('button', { name: /^Hapus evaluasi / })
        .first()
        .click();
      const confirm = page.getByRole('dialog', { name: 'Hapus evaluasi?' });
      await expectDialogButtonsInView(confirm, 'Hapus evaluasi');
      await confirm.getByRole('button', { name: 'Batal' }).click();
      await expect(confirm).toBeHidden();

      await app.openBackups();
      await expectNoHorizontalOverflow(page, 'Cadangan');
      await app.backupNow();
      const preview = await app.previewBackup('Dibuat oleh pengguna');
      await expectNoHorizontalOverflow(page, 'Pratinjau cadangan');
      await expectDialogButtonsInView(preview, 'Pratinjau cadangan');
      await expect(preview.getByRole('button', { name: 'Pulihkan cadangan' })).toBeInViewport({
        ratio: 1,
      });
    });
  });
}

test('1280×720 on a Pemdi indicator: document kinds and butir keep words whole, and a field reached by Tab is never under the save bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Mojokerto',
    region: 'Mojokerto',
    year: 2026,
    instrument: PACK_PEMDI,
  });
  const files = writeFiles(test.info().outputPath('bukti'), {
    'SK Tim Koordinasi Pemerintah Digital Nomor 188.45-12 Tahun 2026.pdf': pdf('SK Tim'),
    'Peraturan Bupati Mojokerto Nomor 15 Tahun 2021 tentang SPBE.pdf': pdf('Perbup SPBE'),
  });
  await app.openIndicator(1);
  await app.attachFiles(Object.values(files));
  const evidence = page.getByRole('region', { name: 'Bukti dukung indikator 1' });
  await expect(
    evidence.getByRole('list', { name: 'Dokumen tertaut' }).getByRole('listitem'),
  ).toHaveCount(2);
  await evidence
    .getByText(/^Menjawab butir/)
    .first()
    .click();
  await expect(evidence.locator('.butir-check').first()).toBeVisible();
  expect(await brokenWords(evidence.locator('.butir-check'))).toEqual([]);

  // Tab onto the responsible agency while it sits just below the window: the page brings it
  // into view above the bar, not under it.
  const agency = page.getByLabel('Perangkat daerah penanggung jawab');
  await agency.focus();
  await page.keyboard.press('Shift+Tab');
  await agency.evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - innerHeight + 4));
  await page.keyboard.press('Tab');
  await expect(agency).toBeFocused();
  const field = await agency.boundingBox();
  const bar = await page.locator('.scoring-bar').boundingBox();
  expect(field && bar && field.y + field.height).toBeLessThanOrEqual(bar?.y ?? 0);

  await app.section('Bukti Dukung');
  const library = page.getByRole('table', { name: 'Dokumen bukti dukung' });
  await expect(library.getByRole('row')).toHaveCount(3);
  expect(await brokenWords(library.getByRole('cell'))).toEqual([]);
});

test('1093×614 (1366×768 at 125 %) on an indicator with a document added by keyboard: the focus returns to "Tambah berkas…" and the level checks stay in the window', async ({
  page,
}) => {
  // The "Mendukung tingkat" checks sat in one row beside the note field; at this width they
  // pushed the page 42 px sideways and level 5 was cut off at the window's edge.
  await page.setViewportSize({ width: 1093, height: 614 });
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Mojokerto',
    region: 'Mojokerto',
    year: 2026,
    instrument: PACK_PEMDI,
  });
  const files = writeFiles(test.info().outputPath('bukti'), { 'bukti.pdf': pdf('Bukti') });
  await app.openIndicator(1);
  // By keyboard: Enter on "Tambah berkas…", Enter on Simpan; the focus comes back to the button
  // (it fell to <body> when the button was disabled during the save).
  const add = page.getByRole('button', { name: 'Tambah berkas…' }).first();
  const chooser = page.waitForEvent('filechooser');
  await add.press('Enter');
  await (await chooser).setFiles(Object.values(files));
  await app.uploadDialog().getByRole('button', { name: 'Simpan' }).press('Enter');
  await expect(app.uploadDialog()).toBeHidden();
  const evidence = page.getByRole('region', { name: 'Bukti dukung indikator 1' });
  await expect(evidence.getByRole('list', { name: 'Dokumen tertaut' })).toBeVisible();
  await expect(add).toBeFocused();
  const level5 = evidence.getByRole('checkbox', { name: 'bukti.pdf mendukung tingkat 5' });
  await level5.scrollIntoViewIfNeeded();
  await expectNoHorizontalOverflow(page, 'Pemdi indikator 1 dengan dokumen');
  await expect(level5).toBeInViewport({ ratio: 1 });
  await expect(evidence.getByLabel('Bagian dokumen bukti.pdf (misalnya pasal)')).toBeInViewport({
    ratio: 1,
  });
});

test.describe('1366×768 at 150 % zoom', () => {
  // What the page gets at 150 % on a 1366×768 screen: 911×512 CSS pixels at 1,5 device pixels each.
  test.use({ viewport: { width: 911, height: 512 }, deviceScaleFactor: 1.5 });

  test('the save bar of a Pemdi indicator keeps its two buttons on one row', async ({ page }) => {
    const app = new AppModel(page);
    await app.createEvaluation({
      name: 'Pemerintah Kota Bengkulu',
      region: 'Bengkulu',
      year: 2026,
      instrument: PACK_PEMDI,
    });
    await app.openIndicator(2);
    const previous = page.getByRole('button', { name: '‹ Indikator sebelumnya', exact: true });
    const next = page.getByRole('button', { name: 'Indikator berikutnya ›', exact: true });
    await expect(previous).toBeInViewport({ ratio: 1 });
    await expect(next).toBeInViewport({ ratio: 1 });
    const [a, b] = [await previous.boundingBox(), await next.boundingBox()];
    if (!a || !b) throw new Error('tombol tanpa kotak');
    // One row (they were stacked, and the bar took 140 of the window's 512 px).
    expect(Math.abs(a.y - b.y), 'tombol sebelumnya dan berikutnya pada satu baris').toBeLessThan(2);
    const bar = await page.locator('.scoring-bar').boundingBox();
    expect(bar?.height ?? 0, 'tinggi bilah simpan').toBeLessThanOrEqual(0.2 * 512);
    await expectNoHorizontalOverflow(page, 'Pemdi indikator 2 pada 150 %');
    await next.click();
    await expect(page.getByRole('heading', { level: 2, name: /^Indikator 3\./ })).toBeVisible();
  });
});

test('the header actions of Daftar Evaluasi are one size, button or link', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const app = new AppModel(page);
  await app.openHome();
  const header = page.locator('.page-header');
  const sizes = await Promise.all(
    [
      header.getByRole('button', { name: 'Buka berkas .spbe' }),
      header.getByRole('link', { name: 'Gabungkan berkas asesor' }),
      header.getByRole('link', { name: 'Buat evaluasi baru' }),
    ].map((l) =>
      l.evaluate((e) => {
        const style = getComputedStyle(e);
        return `${style.fontSize} ${style.paddingTop} ${style.paddingLeft} ${Math.round(e.getBoundingClientRect().height)}`;
      }),
    ),
  );
  // "Buka berkas .spbe" took the compact size of a table row's buttons (14,4 px text).
  expect(new Set(sizes).size, `ukuran tombol kepala halaman: ${sizes.join(' | ')}`).toBe(1);
});

test('a row of Daftar Evaluasi stays short at 1024×768 and 1366×768', async ({ page }) => {
  const app = new AppModel(page);
  await app.createEvaluation({
    name: 'Pemerintah Kabupaten Belitung Timur',
    region: 'Belitung Timur',
    kind: 'kabupaten',
    year: 2025,
  });
  // At 1024 px the origin line took five lines and more (the Instansi column was the narrowest);
  // it breaks between "dibuat …" and "diubah terakhir …" now, and at 1366 px it is one line.
  for (const [viewport, most] of [
    [{ width: 1024, height: 768 }, 3],
    [{ width: 1366, height: 768 }, 1],
  ] as const) {
    const size = `${viewport.width}×${viewport.height}`;
    await page.setViewportSize(viewport);
    await app.openHome();
    const table = page.getByRole('table', { name: 'Daftar evaluasi' });
    const origin = table.getByText(/^dibuat .+ · diubah terakhir .+ pukul /);
    const lines = await origin.evaluate((e) =>
      Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
    );
    expect(lines, `${size}: baris "dibuat … diubah terakhir …"`).toBeLessThanOrEqual(most);
    // "Salin ke tahun baru" stays one line, as high as "Arsipkan".
    const copy = await table.getByRole('button', { name: /^Salin evaluasi / }).boundingBox();
    const archive = await table.getByRole('button', { name: /^Arsipkan evaluasi / }).boundingBox();
    expect(copy?.height ?? 0, `${size}: tombol "Salin ke tahun baru"`).toBeLessThanOrEqual(
      (archive?.height ?? 0) + 1,
    );
    await expectNoHorizontalOverflow(page, `Daftar Evaluasi ${size}`);
  }
});
