/** About the application: version, where data and backups live, installed instrument packs. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  cautionFor,
  isBuiltInPack,
  packsNewestFirst,
  packStatusLabel,
  packYearsText,
} from '../../../../shared/instrument';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';
import type { PlatformInfo } from '../../platform';

export function AboutPage() {
  const platform = usePlatform();
  const [info, setInfo] = useState<PlatformInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    platform.info().then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [platform]);

  return (
    <section aria-labelledby="judul-tentang">
      <h1 id="judul-tentang">Tentang Aplikasi</h1>
      <div className="card">
        <p>
          Evaluasi SPBE membantu Tim Asesor Internal Pemerintah Daerah melakukan penilaian mandiri
          menurut dua instrumen: Evaluasi Kinerja Pemerintah Digital (Indeks Pemdi, PermenPANRB
          8/2026: 20 indikator, nilai desimal 1,00–5,00 tiap indikator) untuk evaluasi sejak tahun
          2026, dan Evaluasi SPBE (PermenPANRB 59/2020, yang digantikannya: 47 indikator, tingkat
          kematangan 1–5) untuk riwayat evaluasi sampai tahun 2025. Asesor mengisi nilai atau
          tingkat tiap indikator dan melampirkan bukti dukung; koordinator menggabungkan hasil para
          asesor dan menyusun laporan untuk kepala daerah. Aplikasi bekerja sepenuhnya tanpa
          jaringan; data tersimpan di komputer ini.
        </p>
        {error && <p className="alert danger">Informasi aplikasi tidak dapat dibaca: {error}</p>}
        {info && (
          <dl className="facts">
            <dt>Versi</dt>
            <dd>{info.description}</dd>
            <dt>Lokasi data</dt>
            <dd>{info.dataLocation}</dd>
            <dt>Lokasi cadangan</dt>
            <dd>
              {info.backupLocation} (<Link to={routes.backups()}>kelola cadangan</Link>)
            </dd>
          </dl>
        )}
      </div>
      <div className="card">
        <h2>Paket instrumen terpasang</h2>
        <ul>
          {packsNewestFirst().map((p) => (
            <li key={`${p.id}@${p.version}`}>
              {p.shortTitle} — {p.title} (paket {p.id}, versi {p.version},{' '}
              {packStatusLabel[p.status].toLowerCase()}
              {isBuiltInPack(p.id, p.version) ? '' : ', dimuat dari berkas'}
              {packYearsText(p) ? `; ${packYearsText(p)}` : ''})
              {cautionFor(p, undefined) && (
                <div className="small muted">{cautionFor(p, undefined)}</div>
              )}
            </li>
          ))}
        </ul>
        <p className="hint">
          Paket lain dapat dimuat dari berkas di layar{' '}
          <Link to={routes.instrument()}>Instrumen</Link>.
        </p>
      </div>
    </section>
  );
}
