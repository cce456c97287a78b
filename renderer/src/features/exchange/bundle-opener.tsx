/**
 * Opening one .spbe file for the import or merge screen: reads and validates it completely with
 * a progress bar and a Cancel button, asks for the password when the file is encrypted (a wrong
 * one is named as such, and the user can try again), and shows a refusal's Indonesian message.
 * Nothing is written to the database here.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { isBundleError } from '../../../../shared/bundle';
import { usePlatform } from '../../app/platform-context';
import { errorText } from '../../components/notices';
import { TaskProgress, useTaskProgress, type TaskState } from '../../components/task-progress';
import { openBundle, type OpenedImport } from '../../db/commands/import';
import type { PickedFile } from '../../platform/types';

type Phase = 'reading' | 'password' | 'error';

type Outcome =
  | { kind: 'opened'; opened: OpenedImport }
  | { kind: 'password'; message: string }
  | { kind: 'error'; message: string };

/**
 * The file as a Blob (a zip is read from its end, so the reader needs random access). A browser
 * File already is one; a desktop file is streamed in from main first, with its own progress.
 */
async function asBlob(
  file: PickedFile,
  streamed: boolean,
  signal: AbortSignal,
  report: (state: TaskState) => void,
): Promise<Blob> {
  if (!streamed) return file.blob();
  let done = 0;
  const label = `Membaca berkas ${file.name}`;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      done += chunk.byteLength;
      report({ label, done, total: file.size });
      controller.enqueue(chunk);
    },
  });
  return new Response(file.stream().pipeThrough(counter, { signal })).blob();
}

async function readFile(
  file: PickedFile,
  streamed: boolean,
  password: string | undefined,
  signal: AbortSignal,
  report: (state: TaskState) => void,
): Promise<Outcome> {
  try {
    const blob = await asBlob(file, streamed, signal, report);
    signal.throwIfAborted();
    const opened = await openBundle(blob, file.name, {
      password,
      signal,
      onProgress: (p) => report({ label: p.label, done: p.bytesDone, total: p.bytesTotal }),
    });
    return { kind: 'opened', opened };
  } catch (e) {
    if (isBundleError(e) && (e.code === 'passwordRequired' || e.code === 'wrongPassword')) {
      return { kind: 'password', message: e.message };
    }
    return { kind: 'error', message: errorText(e) };
  }
}

export function BundleOpener({
  file,
  onOpened,
  onClose,
}: {
  file: PickedFile;
  onOpened: (opened: OpenedImport) => void;
  /** The user cancelled, or closed the refusal message. */
  onClose: () => void;
}) {
  const [phase, setPhase] = useState<Phase>('reading');
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const { progress, report, reset } = useTaskProgress();
  // Desktop files live in main and are streamed in; browser files are Blobs already.
  const streamed = usePlatform().kind === 'desktop';
  const controller = useRef<AbortController | null>(null);
  const cancelled = useRef(false);
  const passwordId = useId();
  const callbacks = useRef({ onOpened, onClose });
  useEffect(() => {
    callbacks.current = { onOpened, onClose };
  });

  /** Reads the file; the outcome is applied when the read settles. */
  const start = useCallback(
    (pass?: string) => {
      const c = new AbortController();
      controller.current = c;
      cancelled.current = false;
      void readFile(file, streamed, pass, c.signal, report).then((outcome) => {
        if (c.signal.aborted) {
          // Unmounted (nothing to tell) or cancelled by the user.
          if (cancelled.current) callbacks.current.onClose();
          return;
        }
        if (outcome.kind === 'opened') callbacks.current.onOpened(outcome.opened);
        else if (outcome.kind === 'password') {
          setPasswordError(pass ? outcome.message : null);
          setPhase('password');
        } else {
          setError(outcome.message);
          setPhase('error');
        }
      });
    },
    [file, report, streamed],
  );

  useEffect(() => {
    start();
    return () => controller.current?.abort();
  }, [start]);

  const cancel = () => {
    cancelled.current = true;
    controller.current?.abort();
  };

  return (
    <section className="bundle-opener" aria-label={`Membuka berkas ${file.name}`}>
      {phase === 'reading' && (
        <TaskProgress
          title={`Memeriksa berkas ${file.name}`}
          state={progress ?? { label: `Membaca berkas ${file.name}`, done: 0, total: 0 }}
          onCancel={cancel}
          cancelLabel="Batalkan"
        />
      )}
      {phase === 'password' && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (password === '') {
              setPasswordError('Masukkan kata sandi berkas.');
              return;
            }
            setPhase('reading');
            reset();
            start(password);
          }}
        >
          <p>
            Berkas <strong>{file.name}</strong> dilindungi kata sandi. Minta kata sandinya kepada
            pengirim berkas.
          </p>
          <div className="field">
            <label htmlFor={passwordId}>Kata sandi berkas</label>
            <input
              id={passwordId}
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? `${passwordId}-galat` : undefined}
              // The field is the one thing to do now.
              autoFocus
            />
            {passwordError && (
              <span className="error" id={`${passwordId}-galat`} role="alert">
                {passwordError}
              </span>
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={onClose}>
              Batal
            </button>
            <button type="submit">Buka berkas</button>
          </div>
        </form>
      )}
      {phase === 'error' && (
        <div className="alert danger" role="alert">
          <p>
            <strong>Berkas {file.name} tidak dapat dibuka.</strong>
          </p>
          <p>{error}</p>
          <p className="small">Tidak ada data yang diubah.</p>
          <div className="row-actions">
            <button type="button" className="secondary" onClick={onClose}>
              Tutup pesan
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
