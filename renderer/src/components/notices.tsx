/** Transient and inline messages: an aria-live region so screen readers hear results. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  tone: 'ok' | 'warn' | 'danger' | 'info';
  text: string;
}

interface NoticeApi {
  notify: (tone: Notice['tone'], text: string) => void;
}

const NoticeContext = createContext<NoticeApi>({ notify: () => undefined });

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );
  const notify = useCallback(
    (tone: Notice['tone'], text: string) => {
      const id = Date.now() + Math.random();
      setNotices((list) => [...list.slice(-4), { id, tone, text }]);
      if (tone === 'ok' || tone === 'info') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`alert ${n.tone} notice`}>
            <span>{n.text}</span>
            <button
              type="button"
              className="link"
              onClick={() => dismiss(n.id)}
              aria-label="Tutup pesan"
            >
              Tutup
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export const useNotify = (): NoticeApi['notify'] => useContext(NoticeContext).notify;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
