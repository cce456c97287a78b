/**
 * The status bar of the team folder, always visible in the app frame while a folder is set:
 * the folder, whether it can be reached, when each teammate's file last arrived, and the
 * coordinator's pending decisions.
 */
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format/date';
import type { PendingFile } from '../../../../shared/team-folder';
import { routes } from '../../app/routes';
import { PendingConflicts } from './pending-actions';
import { useTeamFolder } from './team-folder-context';
import type { TeammateFile } from './engine';
import './team-folder.css';

export const UNREACHABLE_TEXT =
  'Folder tim tidak dapat dijangkau — pekerjaan tetap tersimpan di komputer ini';

/**
 * A teammate's file in words. One waiting in the coordinator's queue is "tiba" (arrived), not
 * "diterima": its changes are not in this computer's evaluation yet.
 */
export function teammateText(
  t: TeammateFile,
  pending: readonly PendingFile[] = [],
  { brief = false } = {},
): string {
  if (t.status === 'writing') return `${t.name} — berkas sedang ditulis, dibaca lagi sebentar lagi`;
  if (t.status === 'broken') {
    // The status bar stays a strip at 1366×768: the reason (up to three lines each) is in Settings.
    return brief
      ? `${t.name} — berkas tidak dapat dibaca; sebabnya di Pengaturan, Folder tim`
      : `${t.name} — berkas tidak dapat dibaca: ${t.message ?? ''}`;
  }
  const waiting = pending.find((p) => p.path === t.path);
  if (waiting) {
    const arrived = `${t.name} — tiba ${formatDateTime(t.receivedAt)}`;
    return waiting.reason === 'conflict'
      ? `${arrived}; perubahannya belum diterapkan, menunggu keputusan koordinator`
      : `${arrived}; belum diimpor, perlu diimpor sendiri (Pengaturan, Folder tim)`;
  }
  return `${t.name} — diterima ${formatDateTime(t.receivedAt)}`;
}

export function TeamFolderStatus() {
  const team = useTeamFolder();
  if (!team) return null;
  const { engine, view } = team;
  if (view.state === 'none' || view.state === 'loading' || !view.label) return null;
  const unreachable = view.state === 'missing' || view.problem !== null;
  return (
    <footer className="team-status" aria-label="Status folder tim">
      <span className="team-status-label">Folder tim: {view.label}</span>
      {view.state === 'needs-permission' ? (
        <span>
          Peramban perlu izin lagi. <Link to={routes.settings()}>Buka Pengaturan</Link>
        </span>
      ) : unreachable ? (
        <span role="status" className="danger-text">
          {UNREACHABLE_TEXT}
        </span>
      ) : null}
      {view.teammates.length > 0 && (
        <ul className="team-status-files" aria-label="Berkas rekan tim">
          {view.teammates.map((t) => (
            <li key={t.path}>{teammateText(t, view.pending, { brief: true })}</li>
          ))}
        </ul>
      )}
      <PendingConflicts engine={engine} pending={view.pending} />
    </footer>
  );
}
