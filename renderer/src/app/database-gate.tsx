/**
 * Opens the database before anything reads it, and keeps its state visible: a failure to open,
 * another window holding an older connection, or this window closed by a newer one.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  databaseState,
  openDatabase,
  subscribeDatabaseState,
  type DatabaseState,
} from '../db/lifecycle';

export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DatabaseState>(databaseState());
  useEffect(() => {
    const unsubscribe = subscribeDatabaseState(setState);
    void openDatabase();
    return unsubscribe;
  }, []);

  if (state.kind === 'opening') {
    return (
      <p className="gate" role="status">
        Membuka basis data…
      </p>
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
