/**
 * "Bantuan": the keyboard shortcuts the app really has, the workflow from assessor to report,
 * how each installed instrument (built in or loaded from a file) is scored, and (browser build) where to ask for persistent
 * storage. Opened from the navigation or with "?" anywhere outside a text field and an open dialog.
 */
import { Link } from 'react-router';
import { butirStatusLabel } from '../../../../shared/assessment';
import { joinList } from '../../../../shared/format/list';
import {
  cautionFor,
  externalIndicators,
  formatValue,
  indexFormulaText,
  indicatorEntries,
  isBuiltInPack,
  isDecimalScale,
  packsNewestFirst,
  packYearsText,
  type InstrumentPack,
} from '../../../../shared/instrument';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';

const shortcuts: Array<[keys: string, where: string, what: string]> = [
  [
    '?',
    'Di mana saja, kecuali saat mengetik di isian atau saat dialog terbuka',
    'Membuka halaman Bantuan ini.',
  ],
  [
    '1 sampai 5',
    'Penilaian Indikator, instrumen dengan tingkat bulat (PermenPANRB 59/2020), kecuali saat mengetik di isian atau saat dialog terbuka',
    'Memilih tingkat kematangan indikator yang sedang dibuka; tersimpan otomatis.',
  ],
  [
    'Alt+↓',
    'Penilaian Indikator, juga saat mengetik di isian; tidak di daftar pilihan (di sana Alt+↓ membuka pilihannya) dan tidak saat dialog terbuka',
    'Pindah ke indikator berikutnya (sesuai saringan daftar); dari indikator terakhir kembali ke yang pertama. Fokus tetap pada isian yang sama, misalnya nilai atau penjelasan.',
  ],
  [
    'Alt+↑',
    'Penilaian Indikator, dengan batasan yang sama seperti Alt+↓',
    'Kembali ke indikator sebelumnya (sesuai saringan daftar); dari indikator pertama ke yang terakhir.',
  ],
  ['Esc', 'Dialog yang terbuka', 'Menutup dialog tanpa menjalankan tindakannya.'],
  ['Tab, lalu Enter', 'Awal setiap halaman', 'Tautan “Lewati ke konten utama” melompati navigasi.'],
];

/** The desktop menu's own shortcut (electron/main/menu.ts, Berkas > Buka Berkas Evaluasi). */
const desktopShortcuts: typeof shortcuts = [
  [
    'Ctrl+O',
    'Aplikasi desktop (di macOS: Cmd+O)',
    'Membuka berkas evaluasi .spbe (menu Berkas > Buka Berkas Evaluasi (.spbe)…).',
  ],
];

/**
 * How one pack turns values into its index and predikat, in the pack's own terms: the formula
 * of each index, the predikat bands, the rounding rule, and the indicators whose value comes
 * from another agency's index with the value they count as until it is entered.
 */
function PackScoring({ pack }: { pack: InstrumentPack }) {
  const external = externalIndicators(pack);
  const assumed = external[0]?.externalIndex?.assumedValue;
  return (
    <>
      <p>Cara penghitungan: {indexFormulaText(pack)}</p>
      <p>
        Predikat {pack.indexLabel}:{' '}
        {pack.rating.map((band) => `${band.text} ${band.name}`).join('; ')}.
      </p>
      {pack.rounding.rationale && <p className="small muted">{pack.rounding.rationale}</p>}
      {external.length > 0 && (
        <p>
          Indikator {joinList(external.map((i) => i.number))} bersumber dari indeks instansi lain (
          {joinList(external.map((i) => i.externalIndex?.shortName ?? i.name))}): yang diisi adalah
          nilai indeks tersebut, lalu dikonversi otomatis menjadi nilai indikator.
          {assumed !== undefined &&
            ` Selama nilai indeks itu belum dimasukkan, indikatornya dihitung ${formatValue(pack, assumed)} dan ${pack.indexLabel} bertanda sementara.`}
        </p>
      )}
    </>
  );
}

/** "Dipakai untuk evaluasi sejak tahun 2026. ": the years a pack serves, as a sentence. */
function yearsText(pack: InstrumentPack): string {
  const years = packYearsText(pack);
  return years ? `${years.charAt(0).toUpperCase()}${years.slice(1)}. ` : '';
}

/**
 * How evidence is kept on a pack: per butir of each level where the pack lists butir (Pemdi:
 * the portal's verdicts, with an advisory estimate), otherwise documents linked per indicator.
 */
function evidenceText(pack: InstrumentPack): string {
  const withButir = indicatorEntries(pack).some(({ indicator }) =>
    indicator.levels.some((l) => l.butir.length > 0),
  );
  if (!withButir)
    return 'Bukti dukung ditautkan ke setiap indikator dari pustaka Bukti Dukung evaluasi.';
  const statuses = Object.values(butirStatusLabel);
  return (
    `Bukti dukung disiapkan per butir pada setiap tingkat (daftar butir ada pada kartu tingkat di Penilaian Indikator), ` +
    `dan status setiap butir ditandai: ${joinList(statuses, 'atau')}. ` +
    'Dari butir yang Diterima aplikasi menampilkan perkiraan nilai yang bukan nilai resmi; nilai indikator tetap diketik asesor.'
  );
}

export function HelpPage() {
  const platform = usePlatform();
  return (
    <section aria-labelledby="judul-bantuan" className="help-page">
      <h1 id="judul-bantuan">Bantuan</h1>
      <p className="muted">
        Ringkasan cara kerja aplikasi dan pintasan papan ketik. Halaman ini dapat dibuka kapan saja
        dengan menekan tombol <kbd>?</kbd> di luar isian teks, selama tidak ada dialog yang terbuka.
      </p>

      <section className="card" aria-labelledby="judul-alur">
        <h2 id="judul-alur">Alur kerja</h2>
        <ol className="workflow">
          <li>
            <strong>Koordinator menyiapkan.</strong> Koordinator membuat evaluasi baru (profil
            daerah, tahun, dan instrumen), mengisi <em>Tim Asesor</em>: nama, NIP, jabatan, peran,
            dan indikator yang menjadi tugas setiap anggota, lalu mengekspor evaluasi itu di bagian{' '}
            <em>Pertukaran</em> dan membagikan berkas .spbe-nya kepada para asesor.
          </li>
          <li>
            <strong>Asesor menilai.</strong> Asesor membuka berkas dari koordinator dengan{' '}
            <em>Buka berkas .spbe</em> di <Link to={routes.evaluations()}>Daftar Evaluasi</Link>{' '}
            lalu <em>Impor sebagai evaluasi baru</em>, dan memilih namanya pada isian “Saya” di
            bagian atas. Di <em>Penilaian Indikator</em>, pilihan Tampilkan “Tugas saya” memuat
            indikator yang ditugaskan kepadanya; setiap indikator itu bertuliskan “Ditugaskan kepada
            … (Anda)”. Asesor mengisi nilai, penjelasan, dan bukti dukungnya. Setiap perubahan
            tersimpan otomatis dan tercatat di <em>Riwayat</em>.
          </li>
          <li>
            <strong>Ekspor berkas.</strong> Di bagian <em>Pertukaran</em> evaluasi, asesor memilih
            cakupan “Hanya indikator saya” (atau semua indikator), menyimpan evaluasinya sebagai
            berkas .spbe, dan mengirimkannya kepada koordinator. Berkas itu membawa jawaban,
            keterangan bukti dukung (isinya bila disertakan), riwayat, dan daftar tim beserta
            pembagian indikatornya.
          </li>
          <li>
            <strong>Koordinator menggabungkan.</strong> Di layar{' '}
            <Link to={routes.merge()}>Gabungkan Berkas</Link>, koordinator memuat berkas para
            asesor, memutuskan setiap perbedaan nilai dengan alasannya, dan menyimpan hasilnya
            sebagai evaluasi baru beserta Berita Acara Rekonsiliasi.
          </li>
          <li>
            <strong>Laporan.</strong> Di bagian <em>Laporan</em> evaluasi hasil penggabungan, pilih
            bagian laporan lalu simpan sebagai PDF, Word (DOCX) atau Excel (XLSX).
          </li>
        </ol>
        <p className="small">
          <strong>Folder tim.</strong> Tim yang memiliki folder bersama (folder berbagi kantor, atau
          folder yang diselaraskan Syncthing, Nextcloud, atau OneDrive) dapat melewati langkah 3:
          pilih folder itu di <Link to={routes.settings()}>Pengaturan</Link> &gt; Folder tim pada
          setiap komputer. Berkas setiap asesor lalu ditulis ke folder itu sendiri, dan berkas rekan
          yang tidak berbenturan diterapkan tanpa klik. Evaluasi yang belum ada di komputer asesor
          tercantum di sana sebagai “Berkas yang perlu diimpor sendiri” dan diimpor sekali dengan
          tombol <em>Impor</em>. Perbedaan jawaban tidak pernah diputuskan otomatis: di komputer
          koordinator muncul “perubahan menunggu keputusan” dengan tombol <em>Buka penggabungan</em>{' '}
          di bilah status.
        </p>
        <p className="small muted">
          Satu orang yang menilai sendiri cukup membuat evaluasi, menilai, dan menyusun laporan.
          Buat cadangan secara berkala di layar <Link to={routes.backups()}>Cadangan</Link>.
        </p>
      </section>

      <section className="card" aria-labelledby="judul-instrumen-bantuan">
        <h2 id="judul-instrumen-bantuan">Cara menilai menurut instrumen</h2>
        <ul className="plain help-packs">
          {packsNewestFirst().map((pack) => {
            const count = indicatorEntries(pack).length;
            const range = `${formatValue(pack, pack.valueScale.min)}–${formatValue(pack, pack.valueScale.max)}`;
            const caution = cautionFor(pack, undefined);
            return (
              <li key={`${pack.id}@${pack.version}`}>
                <h3>
                  {pack.shortTitle} — {pack.title} (versi {pack.version}
                  {isBuiltInPack(pack.id, pack.version) ? '' : ', dimuat dari berkas'})
                </h3>
                {caution && <p className="small muted">{caution}</p>}
                <p>
                  {yearsText(pack)}
                  {count} indikator.{' '}
                  {isDecimalScale(pack)
                    ? `Nilai setiap indikator diketik dengan koma desimal dalam rentang ${range} (misalnya ${formatValue(pack, pack.valueScale.min + 1.75)}); uraian tingkat menjadi panduan.`
                    : `Tingkat setiap indikator (${range}) dipilih pada kartu tingkat atau dengan tombol angka 1–5.`}{' '}
                  {evidenceText(pack)}
                </p>
                <PackScoring pack={pack} />
              </li>
            );
          })}
        </ul>
        <h3 id="judul-sementara">Nilai dan laporan sementara</h3>
        <p>
          Selama masih ada indikator yang belum dinilai, indeks bertanda “sementara”: setiap indeks
          dihitung dari indikator yang sudah dinilai saja (indikator yang belum dinilai tidak
          dianggap bernilai apa pun), sehingga angkanya masih dapat berubah. Indeks juga sementara
          selama nilai indeks instansi lain yang menjadi sumber suatu indikator belum dimasukkan.
          Laporan bertanda SEMENTARA (pada sampul, kepala setiap halaman dan nama berkas) sampai
          seluruh indikator dinilai dan setiap jawaban berstatus Terverifikasi.
        </p>
        <p className="small muted">
          Kriteria lengkap setiap indikator dapat dibaca di layar{' '}
          <Link to={routes.instrument()}>Instrumen</Link>.
        </p>
      </section>

      <section className="card" aria-labelledby="judul-pintasan">
        <h2 id="judul-pintasan">Pintasan papan ketik</h2>
        <table>
          <caption className="visually-hidden">Pintasan papan ketik</caption>
          <thead>
            <tr>
              <th scope="col">Tombol</th>
              <th scope="col">Berlaku di</th>
              <th scope="col">Fungsi</th>
            </tr>
          </thead>
          <tbody>
            {[...shortcuts, ...(platform.kind === 'desktop' ? desktopShortcuts : [])].map(
              ([keys, where, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{where}</td>
                  <td>{what}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="judul-penyimpanan-bantuan">
        <h2 id="judul-penyimpanan-bantuan">Penyimpanan data</h2>
        {platform.kind === 'web' ? (
          <p>
            Di peramban, data evaluasi disimpan di peramban ini saja dan dapat dihapus peramban saat
            ruang penyimpanan menipis. Mintalah penyimpanan permanen melalui tombol “Minta
            penyimpanan permanen” di <Link to={routes.settings()}>Pengaturan</Link>, dan tetap buat
            cadangan secara berkala.
          </p>
        ) : (
          <p>
            Aplikasi desktop menyimpan data secara tetap di komputer ini. Cadangan harian dibuat
            otomatis; kelola di layar <Link to={routes.backups()}>Cadangan</Link>.
          </p>
        )}
      </section>
    </section>
  );
}
