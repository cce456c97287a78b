/**
 * The error boundary of one screen: a render error shows the screen's title, a plain Indonesian
 * message, "Muat ulang" (mounts the screen afresh) and the error text to copy for a report. It
 * never touches the database; the navigation around it keeps working, and moving to another
 * screen clears the error.
 */
import { Component, useId, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { routeOf } from './routes';

/** The title of the screen at a path, as the navigation and the screens name it. */
export function screenTitle(pathname: string): string {
  return routeOf(pathname)?.title ?? 'Layar';
}

/** The error as text for a report: name, message, the stack and the component stack. */
export function errorReport(error: unknown, componentStack?: string | null): string {
  const head =
    error instanceof Error ? `${error.name}: ${error.message}` : `Galat: ${String(error)}`;
  const stack = error instanceof Error && error.stack ? error.stack : '';
  return [head, stack.startsWith(head) ? stack.slice(head.length).trim() : stack, componentStack]
    .filter((part) => part && part.trim())
    .join('\n\n');
}

function ScreenError({
  title,
  report,
  onReload,
}: {
  title: string;
  report: string;
  onReload: () => void;
}) {
  const headingId = useId();
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report);
      setCopied('Teks galat disalin. Tempelkan ke laporan Anda kepada pengelola aplikasi.');
    } catch {
      field.current?.select();
      setCopied('Teks galat tidak dapat disalin otomatis: teks sudah dipilih, tekan Ctrl+C.');
    }
  };
  return (
    <section aria-labelledby={headingId} className="screen-error">
      <h1 id={headingId}>{title}</h1>
      <div className="alert danger" role="alert">
        <p>
          Layar ini tidak dapat ditampilkan karena terjadi galat pada aplikasi. Data yang sudah
          tersimpan tidak diubah.
        </p>
        <p className="small">
          Pilih “Muat ulang” untuk mencoba lagi, atau buka layar lain melalui navigasi. Bila galat
          berulang, salin teks galat di bawah dan kirimkan kepada pengelola aplikasi.
        </p>
      </div>
      <div className="form-actions start">
        <button type="button" onClick={onReload}>
          Muat ulang
        </button>
      </div>
      <div className="field">
        <label htmlFor={fieldId}>Teks galat</label>
        <textarea id={fieldId} ref={field} readOnly rows={8} value={report} className="mono" />
      </div>
      <div className="form-actions start">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Salin teks galat
        </button>
        <span role="status" className="small">
          {copied}
        </span>
      </div>
    </section>
  );
}

interface BoundaryProps {
  title: string;
  /** A change (another screen) clears a shown error. */
  resetKey: string;
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
  componentStack: string | null;
  /** Bumped by "Muat ulang": the screen is mounted afresh. */
  mount: number;
}

export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false, componentStack: null, mount: 0 };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? null });
    console.error('Galat pada layar', this.props.title, error);
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.reload();
  }

  reload = (): void =>
    this.setState((s) => ({
      error: null,
      failed: false,
      componentStack: null,
      mount: s.mount + 1,
    }));

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <ScreenError
          title={this.props.title}
          report={errorReport(this.state.error, this.state.componentStack)}
          onReload={this.reload}
        />
      );
    }
    return <ScreenMount key={this.state.mount}>{this.props.children}</ScreenMount>;
  }
}

/** Only a key holder: a new key mounts the screen afresh. */
function ScreenMount({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** The boundary for the screen at the current address. */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary title={screenTitle(pathname)} resetKey={pathname}>
      {children}
    </ErrorBoundary>
  );
}
