/**
 * Settings → "Folder tim": choose, change, allow again or release the team's shared folder, and
 * whether the team's files carry the evidence bytes. In a browser without the File System Access
 * API it says plainly that the desktop app can keep a team folder.
 */
import { useId, useState } from 'react';
import { formatDateTime } from '../../../../shared/format/date';
import { errorText, useNotify } from '../../components/notices';
import { db } from '../../db/db';
import { guardWrite } from '../../db/errors';
import { useSetting } from '../../db/queries/hooks';
import { TEAM_EVIDENCE_SETTING } from './engine';
import { PendingConflicts, PendingImports } from './pending-actions';
import { UNREACHABLE_TEXT, teammateText } from './team-folder-status';
import { useTeamFolder } from './team-folder-context';

export function TeamFolderSection() {
  const team = useTeamFolder();
  const notify = useNotify();
  const id = useId();
  const stored = useSetting<boolean>(TEAM_EVIDENCE_SETTING, false);
  // The box shows the user's click at once; the stored setting takes over once it holds it (a
  // controlled box bound to the stored value alone flips back until the write is read again).
  const [chosen, setChosen] = useState<boolean | null>(null);
  if (chosen !== null && chosen === stored) setChosen(null);
  const includeEvidence = chosen ?? stored;
  const [busy, setBusy] = useState(false);
  if (!team) return null;
  const { engine, view } = team;

  const act = async (what: () => Promise<unknown>, failure: string) => {
    setBusy(true);
    try {
      await what();
    } catch (error) {
      notify('danger', `${failure}: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const choose = () =>
    act(async () => {
      if (await engine.choose()) notify('ok', 'Folder tim dipilih.');
    }, 'Folder tim tidak dapat dipilih');

  return (
    <section className="card" aria-labelledby={`${id}-judul`}>
      <h2 id={`${id}-judul`}>Folder tim</h2>
      {!view.supported ? (
        <p>
          Peramban ini tidak dapat menyimpan folder tim. Gunakan aplikasi desktop Evaluasi SPBE
          (atau peramban Chrome atau Edge terbaru) untuk bekerja bersama tim melalui folder bersama.
        </p>
      ) : (
        <>
          <p className="muted">
            Setiap asesor menyimpan berkas indikatornya sendiri di folder bersama (share jaringan
            Windows atau folder yang diselaraskan Syncthing, Nextcloud, atau OneDrive). Perubahan
            rekan tim diterima tanpa diklik bila tidak bertentangan; pertentangan menunggu keputusan
            koordinator.
          </p>
          {view.state === 'loading' ? (
            <p role="status">Memeriksa folder tim…</p>
          ) : view.state === 'none' || !view.label ? (
            <div className="form-actions">
              <button type="button" disabled={busy} onClick={() => void choose()}>
                Pilih folder tim…
              </button>
            </div>
          ) : (
            <>
              <dl className="facts">
                <dt>Folder</dt>
                <dd>{view.label}</dd>
                <dt>Keadaan</dt>
                <dd>
                  {view.state === 'needs-permission'
                    ? 'Peramban perlu izin Anda lagi untuk membuka folder ini.'
                    : view.state === 'missing' || view.problem
                      ? `${UNREACHABLE_TEXT}. ${view.problem ?? ''}`
                      : 'Terhubung.'}
                </dd>
              </dl>
              {view.writeProblem && (
                <p role="alert" className="danger-text small">
                  {view.writeProblem}
                </p>
              )}
              <div className="form-actions">
                {view.state === 'needs-permission' && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void act(async () => {
                        if (!(await engine.grant())) {
                          notify('warn', 'Izin ke folder tim belum diberikan.');
                        }
                      }, 'Izin ke folder tim tidak dapat diminta')
                    }
                  >
                    Izinkan akses ke folder tim
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => void choose()}>
                  Ganti folder…
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await engine.forget();
                      notify('ok', 'Folder tim dilepaskan. Berkas di dalamnya tidak diubah.');
                    }, 'Folder tim tidak dapat dilepaskan')
                  }
                >
                  Lepaskan folder tim
                </button>
              </div>
              {Object.keys(view.written).length > 0 && (
                <>
                  <h3>Berkas dari komputer ini</h3>
                  <ul className="team-files">
                    {Object.entries(view.written).map(([path, at]) => (
                      <li key={path}>
                        {path} — ditulis {formatDateTime(at)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {view.teammates.length > 0 && (
                <>
                  <h3>Berkas rekan tim</h3>
                  <ul className="team-files">
                    {view.teammates.map((t) => (
                      <li key={t.path}>{teammateText(t, view.pending)}</li>
                    ))}
                  </ul>
                </>
              )}
              <PendingConflicts engine={engine} pending={view.pending} />
              <PendingImports engine={engine} pending={view.pending} />
            </>
          )}
          <label className="inline-check">
            <input
              type="checkbox"
              checked={includeEvidence}
              onChange={(e) => {
                const value = e.target.checked;
                setChosen(value);
                void guardWrite('Pengaturan folder tim', () =>
                  db.settings.put({ key: TEAM_EVIDENCE_SETTING, value }),
                ).catch((error: unknown) => {
                  // Not stored: the box returns to what is.
                  setChosen(null);
                  notify('danger', errorText(error));
                });
              }}
            />{' '}
            Sertakan berkas bukti dukung
          </label>
          <p className="hint small muted">
            Bila dicentang, berkas tim memuat isi dokumen bukti dukung (berkas menjadi lebih besar);
            bila tidak, hanya keterangan dan sidik SHA-256-nya.
          </p>
        </>
      )}
    </section>
  );
}
