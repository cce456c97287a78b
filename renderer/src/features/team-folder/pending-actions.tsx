/**
 * What the coordinator does with the files the team folder did not apply by itself: conflicts go
 * to the merge screen (preloaded, with this computer's evaluation as base); a file of an
 * evaluation not on this computer, or one that needs a yes, goes to the import screen.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { EvaluationId } from '../../../../shared/assessment';
import {
  conflictsByEvaluation,
  pendingText,
  type PendingFile,
} from '../../../../shared/team-folder';
import { routes } from '../../app/routes';
import { errorText } from '../../components/notices';
import { handOverForImport, handOverForMerge } from '../exchange/hand-over';
import type { TeamFolderEngine } from './engine';

/**
 * "N perubahan menunggu keputusan" and "Buka penggabungan": one button while the conflicts are of
 * one evaluation; with conflicts of several, one button per evaluation, named by it, so that each
 * is reachable (the count covers them all).
 */
export function PendingConflicts({
  engine,
  pending,
}: {
  engine: TeamFolderEngine;
  pending: readonly PendingFile[];
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const groups = [...conflictsByEvaluation(pending)];
  const count = groups.reduce((n, [, files]) => n + files.length, 0);
  if (count === 0) return null;
  const open = async (evaluationId: string, files: readonly PendingFile[]): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      const opened = await engine.openPending(evaluationId);
      handOverForMerge(evaluationId as EvaluationId, opened);
      engine.settle(files.map((f) => f.path));
      void navigate(routes.merge({ dasar: evaluationId }));
    } catch (error) {
      setFailure(`Berkas rekan tim tidak dapat dibuka: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const button = (evaluationId: string, files: readonly PendingFile[], name: string) => (
    <button type="button" disabled={busy} onClick={() => void open(evaluationId, files)}>
      {name}
    </button>
  );
  const [only] = groups;
  return (
    <div className="team-pending">
      <span role="status">{pendingText(count)}</span>{' '}
      {groups.length === 1 && only ? (
        button(only[0], only[1], 'Buka penggabungan')
      ) : (
        <ul className="team-pending-list" aria-label="Penggabungan yang menunggu">
          {groups.map(([evaluationId, files]) => (
            <li key={evaluationId}>
              {button(
                evaluationId,
                files,
                `Buka penggabungan ${files[0]?.evaluationLabel ?? ''} (${files.length} perubahan)`,
              )}
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <span role="alert" className="danger-text small">
          {' '}
          {failure}
        </span>
      )}
    </div>
  );
}

const reasonText: Record<Exclude<PendingFile['reason'], 'conflict'>, string> = {
  unknownEvaluation: 'evaluasi ini belum ada di komputer ini',
  otherInstansi:
    'instansi lain: belum ada evaluasi instansi ini di komputer ini; pastikan berkas ini memang untuk tim Anda',
  otherYear:
    'tahun lain: evaluasi instansi ini di komputer ini untuk tahun lain; pastikan berkas ini memang untuk tim Anda',
  otherEvaluation:
    'evaluasi lain yang belum ada di komputer ini, walau instansi dan tahunnya sama dengan evaluasi di sini',
  needsConfirmation: 'instansi atau tahun berbeda dengan evaluasi di komputer ini',
};

/** Files to import by hand, each with its "Impor" button. */
export function PendingImports({
  engine,
  pending,
}: {
  engine: TeamFolderEngine;
  pending: readonly PendingFile[];
}) {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const files = pending.filter((p) => p.reason !== 'conflict');
  if (files.length === 0) return null;
  return (
    <div>
      <h3>Berkas yang perlu diimpor sendiri</h3>
      <ul className="team-files">
        {files.map((p) => (
          <li key={p.path}>
            {p.exportedBy} — {p.evaluationLabel} ({reasonText[p.reason as keyof typeof reasonText]}){' '}
            <button
              type="button"
              aria-label={`Impor berkas ${p.exportedBy} — ${p.evaluationLabel}`}
              onClick={async () => {
                setFailure(null);
                try {
                  handOverForImport(await engine.readFile(p.path));
                  // The file stays listed until its import is committed (engine.imported): the
                  // import may be cancelled on its screen, and the file must not be lost.
                  void navigate(routes.import());
                } catch (error) {
                  setFailure(`Berkas ${p.path} tidak dapat dibuka: ${errorText(error)}`);
                }
              }}
            >
              Impor
            </button>
          </li>
        ))}
      </ul>
      {failure && (
        <p role="alert" className="danger-text small">
          {failure}
        </p>
      )}
    </div>
  );
}
