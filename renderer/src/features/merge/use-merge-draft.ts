/**
 * The merge screen's draft: the stored unfinished merge read once when the screen opens (to be
 * offered back), and the screen's work kept in IndexedDB as it changes. Writes are chained, never
 * concurrent: while one runs, later changes wait and only the newest is written after it. The
 * evidence bytes are written again only when the set of loaded files changed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../../components/notices';
import {
  discardMergeDraft,
  readMergeDraft,
  saveMergeDraft,
  type MergeDraft,
  type StoredMergeDraft,
} from '../../db/commands/merge';

export interface MergeDraftState {
  /** The stored draft to offer back; undefined while reading, null when there is none (or answered). */
  offer: StoredMergeDraft | null | undefined;
  /** When the screen's work was last kept (null: not kept yet). */
  savedAt: number | null;
  /** Why the last write failed (Indonesian), or null. */
  error: string | null;
  /** True while the screen holds work that is not kept yet. */
  unsaved: boolean;
  /** The coordinator answered the offer: "Lanjutkan" (the caller restores it) or "Buang". */
  answer: (keep: boolean) => Promise<void>;
  /** Saving the merge began: stop writing (saving the merge removes the draft). */
  stop: () => void;
  /** Saving the merge failed: keep the work as a draft again. */
  resume: () => void;
}

/**
 * `work` is the screen's current work (a new object whenever it changes), or null when there is
 * nothing to keep (no file loaded). Nothing is written while the stored draft is still offered.
 */
export function useMergeDraft(work: MergeDraft | null): MergeDraftState {
  const [offer, setOffer] = useState<StoredMergeDraft | null | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [savedWork, setSavedWork] = useState<MergeDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(work);
  const running = useRef(false);
  const pending = useRef(false);
  const stopped = useRef(false);
  const filesWritten = useRef<unknown>(null);
  const hadDraft = useRef(false);
  // A write still running when the screen closes finishes (the work is kept), but tells no one:
  // the screen's state is gone (and in tests, with it the window).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    void readMergeDraft().then(
      (stored) => {
        if (live) setOffer(stored);
      },
      () => {
        if (live) setOffer(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const flush = useCallback(async () => {
    if (running.current) {
      pending.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        pending.current = false;
        if (stopped.current) return;
        const current = latest.current;
        if (current === null) {
          if (hadDraft.current) await discardMergeDraft();
          hadDraft.current = false;
          filesWritten.current = null;
          if (mounted.current) {
            setSavedAt(null);
            setSavedWork(null);
          }
        } else {
          const files = filesWritten.current !== current.inputs;
          const at = await saveMergeDraft(current, { files });
          hadDraft.current = true;
          filesWritten.current = current.inputs;
          if (mounted.current) {
            setSavedAt(at);
            setSavedWork(current);
          }
        }
        if (mounted.current) setError(null);
      } while (pending.current);
    } catch (e) {
      if (mounted.current) setError(errorText(e));
    } finally {
      running.current = false;
    }
  }, []);

  const offering = offer === undefined || offer !== null;
  useEffect(() => {
    latest.current = work;
    if (offering || stopped.current) return;
    void flush();
  }, [work, offering, flush]);

  const answer = useCallback(async (keep: boolean) => {
    if (keep) {
      // The caller restores the draft's own `inputs` array: its files are already stored.
      setOffer((stored) => {
        if (stored?.ok) filesWritten.current = stored.draft.inputs;
        return null;
      });
      hadDraft.current = true;
      return;
    }
    try {
      await discardMergeDraft();
    } finally {
      if (mounted.current) setOffer(null);
    }
  }, []);

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);
  const resume = useCallback(() => {
    stopped.current = false;
    void flush();
  }, [flush]);

  return {
    offer,
    savedAt,
    error,
    unsaved: work !== null && (offering || savedWork !== work),
    answer,
    stop,
    resume,
  };
}
