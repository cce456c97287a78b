/**
 * A quiet note in the navigation while a backup runs in the background, and a visible one when
 * the daily backup failed (with the way to the Cadangan screen, which says why).
 */
import { Link } from 'react-router';
import { routes } from '../../app/routes';
import { useBackupState } from './backup-context';

export function BackupStatusNote() {
  const { activity, daily } = useBackupState();
  if (activity.kind === 'running') {
    return (
      <p className="nav-note muted small" role="status">
        {activity.what === 'restore' ? 'Memulihkan cadangan…' : 'Membuat cadangan…'}
      </p>
    );
  }
  if (daily?.kind === 'failed') {
    return (
      <p className="nav-note small">
        <Link to={routes.backups()} className="danger-text">
          Cadangan harian gagal dibuat
        </Link>
      </p>
    );
  }
  return null;
}
