/**
 * A long task's progress: what is being done (announced politely when it changes), a progress
 * bar over bytes when known, and a Cancel button. `useTaskProgress` keeps the reports of a
 * streaming task (one per chunk) from re-rendering the page more than a few times a second.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/format/number';

export interface TaskState {
  label: string;
  done: number;
  total: number;
}

const INTERVAL_MS = 120;

/** The latest report, rendered at most every INTERVAL_MS (and always when the label changes). */
export function useTaskProgress(): {
  progress: TaskState | null;
  report: (state: TaskState) => void;
  reset: () => void;
} {
  const [progress, setProgress] = useState<TaskState | null>(null);
  const latest = useRef<TaskState | null>(null);
  const shown = useRef<{ label: string; at: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    timer.current = null;
    if (!latest.current) return;
    shown.current = { label: latest.current.label, at: Date.now() };
    setProgress(latest.current);
  }, []);
  const report = useCallback(
    (state: TaskState) => {
      latest.current = state;
      const last = shown.current;
      if (!last || last.label !== state.label || Date.now() - last.at >= INTERVAL_MS) {
        if (timer.current) clearTimeout(timer.current);
        flush();
      } else if (!timer.current) {
        timer.current = setTimeout(flush, INTERVAL_MS);
      }
    },
    [flush],
  );
  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current = null;
    shown.current = null;
    setProgress(null);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { progress, report, reset };
}

export function TaskProgress({
  title,
  state,
  onCancel,
  cancelLabel = 'Batal',
}: {
  /** The task, e.g. "Ekspor berkas .spbe": names the progress bar. */
  title: string;
  state: TaskState | null;
  onCancel?: () => void;
  /** The cancel button's words ("Batalkan" where it stops a check). */
  cancelLabel?: string;
}) {
  const labelId = useId();
  const label = state?.label ?? 'Menyiapkan…';
  const known = state !== null && state.total > 0;
  return (
    <div className="task-progress card">
      <p className="task-label" id={labelId} aria-live="polite">
        {label}
      </p>
      <progress
        aria-label={title}
        aria-describedby={labelId}
        max={known ? state.total : undefined}
        value={known ? Math.min(state.done, state.total) : undefined}
      />
      {known && (
        <p className="small muted">
          {formatBytes(state.done)} dari {formatBytes(state.total)}
        </p>
      )}
      {onCancel && (
        <div className="row-actions">
          <button type="button" className="secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      )}
    </div>
  );
}
