/**
 * The window frame: header, main navigation, the work area (each screen inside its own error
 * boundary), the team folder's status bar (its engine runs while the frame is shown), and the
 * "?" shortcut to Bantuan.
 */
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { dialogOpen, isTyping } from '../components/keyboard';
import { BackupStatusNote } from '../features/backups/backup-status-note';
import { TeamFolderProvider } from '../features/team-folder/team-folder-context';
import { TeamFolderStatus } from '../features/team-folder/team-folder-status';
import { routes } from './routes';
import { ScreenBoundary } from './screen-boundary';

/** "?" opens Bantuan, except while typing in a field or with a dialog open. */
function useHelpShortcut() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTyping(e.target) || dialogOpen()) return;
      e.preventDefault();
      void navigate(routes.help());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

/**
 * A change of screen that took the focused control with it (a link or a button of the old screen)
 * leaves the focus on the work area, so the next Tab goes on in the new screen instead of starting
 * again at the top of the window. Focus still held by a control, or set by the new screen, stays.
 */
function useFocusAfterScreenChange() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById('konten')?.focus({ preventScroll: true });
  }, [pathname]);
}

export function Layout() {
  useHelpShortcut();
  useFocusAfterScreenChange();
  return (
    <TeamFolderProvider>
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
              <NavLink to={routes.evaluations()} end>
                Daftar Evaluasi
              </NavLink>
            </li>
            <li>
              <NavLink to={routes.merge()}>Gabungkan Berkas</NavLink>
            </li>
            <li>
              <NavLink to={routes.regionalProfiles()}>Profil Daerah</NavLink>
            </li>
            <li>
              <NavLink to={routes.instrument()}>Instrumen</NavLink>
            </li>
            <li>
              <NavLink to={routes.rekap()}>Rekap Daerah</NavLink>
            </li>
            <li>
              <NavLink to={routes.settings()}>Pengaturan</NavLink>
            </li>
            <li>
              <NavLink to={routes.backups()}>Cadangan</NavLink>
            </li>
            <li>
              <NavLink to={routes.help()}>Bantuan</NavLink>
            </li>
            <li>
              <NavLink to={routes.about()}>Tentang Aplikasi</NavLink>
            </li>
          </ul>
          <BackupStatusNote />
        </nav>
        <main className="shell-main" id="konten" tabIndex={-1}>
          <ScreenBoundary>
            <Outlet />
          </ScreenBoundary>
        </main>
        <TeamFolderStatus />
      </div>
    </TeamFolderProvider>
  );
}
