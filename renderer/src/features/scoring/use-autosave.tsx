/**
 * Autosave of an answer: every change is saved after a short pause in typing, and at once when
 * the form is left, the window hides or closes. No save button to forget; the state is announced
 * ("Semua perubahan tersimpan"). A renderer killed mid-typing loses at most the last pause.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerEdit, EvaluationId } from '../../../../shared/assessment';
import type { Actor } from '../../db/commands/actor';
import { saveAnswer } from '../../db/commands/answers';

export type SaveState =
  { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

export const AUTOSAVE_DELAY_MS = 400;

/**
 * Text that could not be saved (over its limit) when its indicator was left, by
 * "evaluationId:indicator": offered back when the indicator is opened again in this session, so
 * leaving never silently throws away what was typed.
 */
const unsavedDrafts = new Map<string, string>();

export const keepUnsavedDraft = (key: string, text: string): void => {
  unsavedDrafts.set(key, text);
};

/** The kept draft of `key`, removed from the store (the form holds it from now on). */
export const takeUnsavedDraft = (key: string): string | undefined => {
  const text = unsavedDrafts.get(key);
  unsavedDrafts.delete(key);
  return text;
};

export function useAutosave(
  evaluationId: EvaluationId,
  indicator: number,
  actor: Actor,
  onSettled?: (saved: boolean) => void,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef<AnswerEdit | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const actorRef = useRef(actor);
  const settledRef = useRef(onSettled);
  useEffect(() => {
    actorRef.current = actor;
    settledRef.current = onSettled;
  }, [actor, onSettled]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const edit = pending.current;
    if (!edit) return chain.current;
    pending.current = null;
    // Saves run one after another, so an older edit never lands after a newer one.
    chain.current = chain.current.then(async () => {
      setState({ kind: 'saving' });
      try {
        await saveAnswer(evaluationId, indicator, edit, actorRef.current);
        setState(pending.current ? { kind: 'pending' } : { kind: 'saved' });
        settledRef.current?.(true);
      } catch (e) {
        // Keep the edit so the next change or flush retries it.
        pending.current ??= edit;
        setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
        settledRef.current?.(false);
      }
    });
    return chain.current;
  }, [evaluationId, indicator]);

  const schedule = useCallback(
    (edit: AnswerEdit, immediate = false) => {
      pending.current = edit;
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush };
}

/**
 * The save state; `invalid` (a field that does not read cleanly) overrides it, so the user is
 * never told everything is saved while what they typed is not.
 *
 * A screen reader hears only what needs the user: text not saved for its length and a failed
 * save. The routine round ("Perubahan belum tersimpan…", "Menyimpan…", "Semua perubahan
 * tersimpan") came at every pause in typing, three times, over the justification being written;
 * a field that does not read cleanly says why itself (role="alert" at the field).
 */
export function SaveIndicator({
  state,
  invalid,
  unsavedReason,
}: {
  state: SaveState;
  invalid?: string | null;
  /** Why the typed text is not saved, said in the status: "penjelasan melebihi 20.000 karakter". */
  unsavedReason?: string | null;
}) {
  if (unsavedReason) {
    return (
      <p className="save-indicator error" role="status" aria-live="polite">
        Belum tersimpan: {unsavedReason}
      </p>
    );
  }
  if (invalid) {
    return (
      <p className="save-indicator error" role="status" aria-live="off">
        Belum disimpan: perbaiki isian yang salah
      </p>
    );
  }
  const text =
    state.kind === 'saved'
      ? 'Semua perubahan tersimpan'
      : state.kind === 'saving'
        ? 'Menyimpan…'
        : state.kind === 'pending'
          ? 'Perubahan belum tersimpan…'
          : `Gagal menyimpan: ${state.message}`;
  return (
    <p
      className={`save-indicator ${state.kind}`}
      role="status"
      aria-live={state.kind === 'error' ? 'polite' : 'off'}
    >
      {text}
    </p>
  );
}
