/**
 * Page model of the app, shared by the browser and Electron projects: what a user does, in the
 * words of the UI (roles and labels only).
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface NewEvaluation {
  name: string;
  region: string;
  year?: number;
  kind?: 'kota' | 'kabupaten' | 'provinsi';
  headTitle?: string;
  /** A logo image on disk, chosen through the file chooser. */
  logo?: string;
  /**
   * The instrument pack id, chosen by hand. Default: PermenPANRB 59/2020, the instrument most of
   * these tests were written for (the form proposes PermenPANRB 8/2026 from 2026 on).
   */
  instrument?: string;
}

/** The pack the older scenarios are written for; the form proposes another one from 2026. */
export const PACK_59_2020 = 'permenpanrb-59-2020';
export const PACK_PEMDI = 'permenpanrb-8-2026';

export class AppModel {
  constructor(readonly page: Page) {}

  async openHome(): Promise<void> {
    await this.page.goto('/');
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Daftar Evaluasi' }),
    ).toBeVisible();
  }

  async createEvaluation(e: NewEvaluation): Promise<void> {
    await this.openHome();
    await this.page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
    if (e.year) await this.page.getByLabel('Tahun evaluasi').fill(String(e.year));
    await this.chooseInstrument(e.instrument ?? PACK_59_2020);
    if (e.kind) await this.page.getByLabel('Jenis pemerintah daerah').selectOption(e.kind);
    await this.page.getByLabel('Nama instansi').fill(e.name);
    await this.page.getByLabel('Nama daerah').fill(e.region);
    if (e.headTitle) await this.page.getByLabel('Sebutan kepala daerah').fill(e.headTitle);
    if (e.logo) {
      const chooser = this.page.waitForEvent('filechooser');
      await this.page.getByRole('button', { name: 'Pilih logo…' }).click();
      await (await chooser).setFiles(e.logo);
      await expect(this.page.getByRole('img', { name: 'Pratinjau logo instansi' })).toBeVisible();
      await expect(this.page.getByRole('button', { name: 'Ganti logo…' })).toBeVisible();
    }
    await this.page.getByRole('button', { name: 'Buat evaluasi' }).click();
    await expect(this.page.getByRole('heading', { name: 'Tim Asesor Internal' })).toBeVisible();
  }

  /** Picks the instrument of a new evaluation by hand (after the year, which proposes one). */
  async chooseInstrument(packId: string): Promise<void> {
    await this.page.getByLabel('Instrumen', { exact: true }).selectOption(packId);
  }

  /** Creates an evaluation from a regional profile (its radio option's name). */
  async createEvaluationFromProfile(
    profileName: string,
    year?: number,
    instrument = PACK_59_2020,
  ): Promise<void> {
    await this.openHome();
    await this.page.getByRole('link', { name: 'Buat evaluasi baru' }).click();
    await this.page.getByRole('radio', { name: profileName, exact: true }).check();
    if (year) await this.page.getByLabel('Tahun evaluasi').fill(String(year));
    await this.chooseInstrument(instrument);
    await this.page.getByRole('button', { name: 'Buat evaluasi' }).click();
    await expect(this.page.getByRole('heading', { name: 'Tim Asesor Internal' })).toBeVisible();
  }

  async openProfiles(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Profil Daerah' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Profil Daerah' })).toBeVisible();
  }

  async addMember(name: string, role: string, indicators = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Tambah anggota' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah anggota tim' });
    await dialog.getByLabel('Nama lengkap').fill(name);
    await dialog.getByLabel('Peran dalam tim').selectOption({ label: role });
    if (indicators) await dialog.getByLabel('Indikator yang menjadi tugasnya').fill(indicators);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('cell', { name: new RegExp(`^${name}`) })).toBeVisible();
  }

  async section(name: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Bagian evaluasi' })
      .getByRole('link', { name })
      .click();
  }

  async openIndicator(n: number): Promise<void> {
    const url = this.page.url();
    const match = /#\/evaluasi\/([^/]+)/.exec(url);
    if (!match) throw new Error(`Bukan halaman evaluasi: ${url}`);
    await this.page.goto(`/#/evaluasi/${match[1]}/indikator/${n}`);
    await expect(
      this.page.getByRole('heading', { level: 2, name: new RegExp(`^Indikator ${n}\\.`) }),
    ).toBeVisible();
  }

  async chooseLevel(level: number): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^Tingkat ${level} —`) }).check();
  }

  async justify(text: string): Promise<void> {
    // "tingkat" on a level scale (59/2020), "nilai" on a decimal one (Pemdi).
    await this.page.getByLabel(/^Penjelasan \(alasan pemilihan (tingkat|nilai)\)$/).fill(text);
  }

  async waitSaved(): Promise<void> {
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Semua perubahan tersimpan' }),
    ).toBeVisible();
  }

  /**
   * Adds files through the real file chooser of the given button; the title-and-kind step is
   * skipped ("Lewati": the suggested titles and kinds stored) unless `skipDetails` is false.
   */
  async attachFiles(paths: string[], button = 'Tambah berkas…', skipDetails = true): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: button }).first().click();
    await (await chooser).setFiles(paths);
    if (skipDetails) await this.uploadDialog().getByRole('button', { name: 'Lewati' }).click();
  }

  /** The step after choosing evidence files: a title and a kind for each. */
  uploadDialog() {
    return this.page.getByRole('dialog', { name: /^Judul dan jenis/ });
  }

  indexValue() {
    return this.page.getByTestId('indeks-spbe');
  }

  /** Chooses "who am I" in the evaluation header. */
  async actAs(name: string): Promise<void> {
    const select = this.page.getByLabel('Saya', { exact: true });
    const option = select.getByRole('option', { name: new RegExp(`^${name} \\(`) });
    await select.selectOption({ label: (await option.textContent()) ?? name });
  }

  /** Exports the open evaluation from the Pertukaran tab; returns the downloaded file. */
  async exportBundle(
    dir: string,
    options: { mine?: boolean; evidence?: boolean; password?: string; exporter?: string } = {},
  ): Promise<string> {
    await this.section('Pertukaran');
    const page = this.page;
    if (options.mine) await page.getByLabel('Hanya indikator saya').check();
    const evidence = page.getByLabel('Sertakan isi berkas bukti dukung');
    if (options.evidence === false && (await evidence.isChecked())) await evidence.uncheck();
    if (options.password) {
      await page.getByLabel('Lindungi dengan kata sandi (AES-256)').check();
      await page.getByLabel('Kata sandi', { exact: true }).fill(options.password);
      await page.getByLabel('Ulangi kata sandi').fill(options.password);
    }
    if (options.exporter) await page.getByLabel('Nama pengekspor').fill(options.exporter);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor berkas .spbe' }).click();
    const file = path.join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await expect(page.getByText(/^Berkas .*\.spbe tersimpan \(/)).toBeVisible();
    return file;
  }

  /** "Buka berkas .spbe" on the evaluations list, up to the summary (or the refusal). */
  async openBundleFile(file: string, password?: string): Promise<void> {
    await this.openHome();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Buka berkas .spbe' }).click();
    await (await chooser).setFiles(file);
    if (password !== undefined) {
      await this.page.getByLabel('Kata sandi berkas').fill(password);
      await this.page.getByRole('button', { name: 'Buka berkas' }).click();
    }
  }

  /** Imports a bundle as a new evaluation and lands on its dashboard. */
  async importNew(file: string, password?: string): Promise<void> {
    await this.openBundleFile(file, password);
    await expect(this.page.getByRole('heading', { name: 'Ringkasan berkas' })).toBeVisible();
    await this.page.getByRole('button', { name: 'Impor sebagai evaluasi baru' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Bagian evaluasi' })).toBeVisible();
  }

  /** The Cadangan screen, from the main navigation. */
  async openBackups(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Cadangan' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Cadangan' })).toBeVisible();
  }

  async backupNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await expect(
      this.page
        .getByRole('status')
        .filter({ hasText: /Cadangan dibuat: cadangan-.*-manual\.spbe/ }),
    ).toBeVisible();
  }

  /** The row of the newest listed backup whose kind reads `kind`. */
  backupRow(kind: string) {
    return this.page.getByRole('row').filter({ hasText: kind }).first();
  }

  /** Opens the preview of a listed backup and waits until it was checked. */
  async previewBackup(kind: string) {
    await this.backupRow(kind)
      .getByRole('button', { name: /^Pratinjau dan pulihkan/ })
      .click();
    return this.waitPreview();
  }

  async waitPreview() {
    const dialog = this.page.getByRole('dialog', { name: /^Pratinjau cadangan/ });
    await expect(dialog.getByRole('table', { name: 'Evaluasi di dalam cadangan' })).toBeVisible();
    return dialog;
  }

  /** Confirms the restore in an open preview and waits for its result. */
  async confirmRestore(): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: /^Pratinjau cadangan/ });
    const restore = dialog.getByRole('button', { name: 'Pulihkan cadangan' });
    await expect(restore).toBeDisabled();
    await dialog.getByRole('checkbox', { name: /^Saya mengerti/ }).check();
    await restore.click();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Cadangan dipulihkan' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(dialog).toBeHidden();
  }
}
