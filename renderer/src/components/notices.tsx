/**
 * Transient messages (toasts) in an aria-live region so screen readers hear results.
 * At most three are shown (the newest, on top); success and information close by themselves after a few
 * seconds, warnings and errors only after a longer time while the pointer or focus is not on
 * them. A message belongs to the screen that raised it: leaving that screen closes it, unless it
 * was raised with `{ global: true }` or together with the navigation itself (a "saved" notice
 * followed by opening the saved thing: raised less than NAVIGATION_GRACE ms before it; the router
 * commits a navigation in a transition, after the notice). NoticeScope, inside the router,
 * reports the screen.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLocation } from 'react-router';

export interface Notice {
  id: number;
  tone: 'ok' | 'warn' | 'danger' | 'info';
  text: string;
  /** Survives leaving the screen that raised it. */
  global?: boolean;
  /** The screen (pathname) it belongs to; null before the router reported one. */
  screen: string | null;
  raisedAt: number;
}

export interface NotifyOptions {
  global?: boolean;
}

/** How many messages are shown at once; older ones make room. */
export const MAX_VISIBLE_NOTICES = 3;

/** A message raised this shortly (ms) before a navigation goes along to the new screen. */
export const NAVIGATION_GRACE = 1_000;

/** How long a message stays (ms) while the pointer and the focus are elsewhere. */
export const NOTICE_LIFETIME: Record<Notice['tone'], number> = {
  ok: 6_000,
  info: 6_000,
  warn: 20_000,
  danger: 30_000,
};

interface NoticeApi {
  notify: (tone: Notice['tone'], text: string, options?: NotifyOptions) => void;
}

interface ScreenApi {
  /** Called by NoticeScope whenever the screen (pathname) changes. */
  screenChanged: (screen: string) => void;
}

const NoticeContext = createContext<NoticeApi>({ notify: () => undefined });
const ScreenContext = createContext<ScreenApi>({ screenChanged: () => undefined });

function Toast({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(notice.id), NOTICE_LIFETIME[notice.tone]);
    return () => clearTimeout(timer);
  }, [held, notice.id, notice.tone, onDismiss]);
  return (
    <div
      className={`alert ${notice.tone} notice`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <span>{notice.text}</span>
      <button
        type="button"
        className="link"
        onClick={() => onDismiss(notice.id)}
        aria-label="Tutup pesan"
      >
        Tutup
      </button>
    </div>
  );
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const screen = useRef<string | null>(null);

  const dismiss = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );
  const notify = useCallback((tone: Notice['tone'], text: string, options?: NotifyOptions) => {
    const id = nextId.current++;
    setNotices((list) => [
      ...list.slice(-(MAX_VISIBLE_NOTICES - 1)),
      { id, tone, text, global: options?.global, screen: screen.current, raisedAt: Date.now() },
    ]);
  }, []);
  const screenChanged = useCallback((next: string) => {
    const previous = screen.current;
    screen.current = next;
    if (previous === next) return;
    const now = Date.now();
    setNotices((list) =>
      list
        .filter((n) => n.global || n.screen === next || now - n.raisedAt < NAVIGATION_GRACE)
        .map((n) => ({ ...n, screen: next })),
    );
  }, []);

  const api = useMemo(() => ({ notify }), [notify]);
  const screenApi = useMemo(() => ({ screenChanged }), [screenChanged]);
  return (
    <NoticeContext.Provider value={api}>
      <ScreenContext.Provider value={screenApi}>
        {children}
        <div className="notices" role="status" aria-live="polite">
          {notices
            .slice()
            .reverse()
            .map((n) => (
              <Toast key={n.id} notice={n} onDismiss={dismiss} />
            ))}
        </div>
      </ScreenContext.Provider>
    </NoticeContext.Provider>
  );
}

/** Placed inside the router: closes the messages of a screen when the user leaves it. */
export function NoticeScope() {
  const { pathname } = useLocation();
  const { screenChanged } = useContext(ScreenContext);
  useEffect(() => screenChanged(pathname), [pathname, screenChanged]);
  return null;
}

export const useNotify = (): NoticeApi['notify'] => useContext(NoticeContext).notify;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
