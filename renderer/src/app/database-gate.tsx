/**
 * Opens the database before anything reads it, and keeps its state visible: the backup taken
 * before an upgrade (and a choice when it fails), a failure to open, another window holding an
 * older connection, or this window closed by a newer one.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  databaseState,
  openDatabase,
  subscribeDatabaseState,
  type DatabaseState,
} from '../db/lifecycle';
import { usePlatform } from './platform-context';

export function DatabaseGate({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [state, setState] = useState<DatabaseState>(databaseState());
  useEffect(() => {
    const unsubscribe = subscribeDatabaseState(setState);
    void openDatabase(platform.backups);
    return unsubscribe;
  }, [platform]);

  if (state.kind === 'opening') {
    return (
      <p className="gate" role="status">
        Membuka basis data…
      </p>
    );
  }
  if (state.kind === 'backing-up') {
    return (
      <p className="gate" role="status">
        Basis data akan diperbarui ke versi aplikasi ini. Membuat cadangan data lebih dahulu…
      </p>
    );
  }
  if (state.kind === 'backup-failed') {
    return (
      <div className="gate">
        <div className="alert warn" role="alert">
          <h1>Cadangan sebelum pembaruan gagal dibuat</h1>
          <p>{state.message}</p>
          <p>
            Basis data belum diperbarui dan data tidak diubah. Kosongkan ruang penyimpanan lalu coba
            lagi, atau lanjutkan pembaruan tanpa cadangan.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => void openDatabase(platform.backups)}>
              Coba lagi
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void openDatabase(platform.backups, { withoutUpgradeBackup: true })}
            >
              Lanjutkan tanpa cadangan
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="gate">
        <div className="alert danger" role="alert">
          <h1>Data tidak dapat dibuka</h1>
          <p>{state.message}</p>
        </div>
      </div>
    );
  }
  return (
    <>
      {state.kind === 'closed-by-other' && (
        <div className="alert warn banner" role="alert">
          Aplikasi dibuka di jendela lain dengan versi yang lebih baru, sehingga jendela ini
          berhenti menyimpan. Tutup jendela ini atau{' '}
          <button type="button" className="link" onClick={() => window.location.reload()}>
            muat ulang
          </button>
          .
        </div>
      )}
      {state.kind === 'blocked' && (
        <div className="alert warn banner" role="alert">
          Pembaruan basis data menunggu jendela lain ditutup. Tutup jendela Evaluasi SPBE yang lain.
        </div>
      )}
      {children}
    </>
  );
}
