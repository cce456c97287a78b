/** The window frame: header, main navigation, the work area. */
import { NavLink, Outlet } from 'react-router';
import { BackupStatusNote } from '../features/backups/backup-status-note';

export function Layout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#konten">
        Lewati ke konten utama
      </a>
      <header className="shell-header">
        <img src="./favicon.png" alt="" />
        <div>
          <p className="shell-title">Evaluasi SPBE</p>
          <span className="shell-subtitle">
            Penilaian Mandiri Sistem Pemerintahan Berbasis Elektronik
          </span>
        </div>
      </header>
      <nav className="shell-nav" aria-label="Navigasi utama">
        <ul>
          <li>
            <NavLink to="/" end>
              Daftar Evaluasi
            </NavLink>
          </li>
          <li>
            <NavLink to="/gabung">Gabungkan Berkas</NavLink>
          </li>
          <li>
            <NavLink to="/profil-daerah">Profil Daerah</NavLink>
          </li>
          <li>
            <NavLink to="/instrumen">Instrumen</NavLink>
          </li>
          <li>
            <NavLink to="/rekap">Rekap Daerah</NavLink>
          </li>
          <li>
            <NavLink to="/pengaturan">Pengaturan</NavLink>
          </li>
          <li>
            <NavLink to="/cadangan">Cadangan</NavLink>
          </li>
          <li>
            <NavLink to="/tentang">Tentang Aplikasi</NavLink>
          </li>
        </ul>
        <BackupStatusNote />
      </nav>
      <main className="shell-main" id="konten" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
