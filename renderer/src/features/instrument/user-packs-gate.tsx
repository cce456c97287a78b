/**
 * Start-up step after the database opens: the packs the user loaded are read into the registry
 * before any evaluation opens. A stored pack that no longer validates is skipped with a visible
 * notice; a failed read leaves the built-in packs only, also with a notice, never a crash.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { loadStoredPacks, type SkippedPack } from '../../db/commands/packs';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; skipped: SkippedPack[]; failure: string | null; dismissed: boolean };

export function UserPacksGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    loadStoredPacks().then(
      ({ skipped }) =>
        live && setState({ kind: 'ready', skipped, failure: null, dismissed: false }),
      (e: unknown) =>
        live &&
        setState({
          kind: 'ready',
          skipped: [],
          failure: e instanceof Error ? e.message : String(e),
          dismissed: false,
        }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'loading') {
    return (
      <p className="gate" role="status">
        Memuat paket instrumen…
      </p>
    );
  }
  const show = !state.dismissed && (state.skipped.length > 0 || state.failure !== null);
  return (
    <>
      {show && (
        <div className="alert warn banner" role="alert">
          {state.failure !== null ? (
            <p>
              Paket instrumen yang dimuat pengguna tidak dapat dibaca ({state.failure}); hanya paket
              bawaan yang tersedia.
            </p>
          ) : (
            <>
              <p>
                {state.skipped.length} paket instrumen tersimpan tidak dapat dimuat lagi dan
                dilewati (lihat layar Instrumen):
              </p>
              <ul>
                {state.skipped.map((s) => (
                  <li key={s.key}>
                    {s.key.replace(/^pack:/, '').replace('@', ' versi ')}:{' '}
                    {s.errors.slice(0, 3).join('; ')}
                    {s.errors.length > 3 && `; … dan ${s.errors.length - 3} masalah lain`}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            className="link"
            onClick={() => setState({ ...state, dismissed: true })}
          >
            Tutup pemberitahuan
          </button>
        </div>
      )}
      {children}
    </>
  );
}
