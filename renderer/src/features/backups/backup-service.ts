/**
 * The backup schedule and every backup the app writes while it runs: the daily automatic backup
 * (at start-up once the database is open, then checked every few minutes while the app stays
 * open, so a new day gets its backup), backups the user asks for, and restores. They run one at
 * a time (and one at a time across browser tabs, through the Web Locks API where it exists), in
 * the background: nothing waits on them but their own status.
 *
 * The daily backup is skipped when there is nothing to protect (no evaluation: a database that
 * was lost or reset must not rotate the good backups out of the store) and when the data has not
 * changed since the last backup the app wrote (ten identical copies would push older, different
 * states out of the store). Both are said in the status, which the Cadangan screen shows.
 *
 * It also remembers the last copy of a backup the user saved outside the store (to a flashdisk,
 * a network folder, a download): the store lives on this computer, so only such a copy survives
 * a broken or lost laptop, and the Cadangan screen says when the last one was made.
 */
import type { BundleProgress } from '../../../../shared/bundle/progress';
import {
  databaseFingerprint,
  exportDatabase,
  restoreBackup,
  type RestoreOptions,
  type RestoreResult,
} from '../../db/backup';
import { loadStoredPacks } from '../../db/commands/packs';
import { databaseState, subscribeDatabaseState } from '../../db/lifecycle';
import {
  freshBackupFileName,
  isDailyBackupDue,
  parseBackupFileName,
  type BackupReason,
} from '../../platform/backup-names';
import type { BackupEntry, Platform } from '../../platform/types';

/** How often the schedule checks whether today's backup is due while the app stays open. */
export const DAILY_CHECK_INTERVAL_MS = 10 * 60 * 1000;

const LOCK_NAME = 'evaluasi-spbe-cadangan';
const LAST_KEY = 'evaluasi-spbe:cadangan-terakhir';
const LAST_COPY_KEY = 'evaluasi-spbe:salinan-cadangan-terakhir';

export type BackupActivity =
  | { kind: 'idle' }
  | {
      kind: 'running';
      what: 'backup' | 'restore';
      reason?: BackupReason;
      progress: BundleProgress | null;
    };

export type DailyStatus =
  | { kind: 'done'; at: number; name: string }
  | { kind: 'unchanged'; at: number; since: string }
  | { kind: 'empty'; at: number }
  | { kind: 'failed'; at: number; message: string };

/** A copy of a backup saved outside the backup store, by the user. */
export interface OutsideCopy {
  /** When it was saved. */
  at: number;
  /** The backup it copies (its file name in the store). */
  backupName: string;
  /** Where it went on the desktop; absent for a browser download. */
  path?: string;
}

export interface BackupServiceState {
  activity: BackupActivity;
  daily: DailyStatus | null;
  /** The last copy saved outside the store from this computer, if any. */
  lastCopy: OutsideCopy | null;
  /** Changes after every write, restore or removal: lists re-read the store. */
  revision: number;
}

interface Remembered {
  name: string;
  fingerprint: string;
}

/** A minimal key-value store (localStorage in the app; tests pass a Map). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface BackupServiceDeps {
  now?: () => Date;
  storage?: KeyValue | null;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class BackupService {
  private state: BackupServiceState;
  private readonly listeners = new Set<(state: BackupServiceState) => void>();
  private chain: Promise<unknown> = Promise.resolve();
  private lastProgressAt = 0;
  private readonly now: () => Date;
  private readonly storage: KeyValue | null;

  constructor(
    private readonly platform: Platform,
    deps: BackupServiceDeps = {},
  ) {
    this.now = deps.now ?? (() => new Date());
    this.storage =
      deps.storage !== undefined
        ? deps.storage
        : typeof localStorage === 'undefined'
          ? null
          : localStorage;
    this.state = {
      activity: { kind: 'idle' },
      daily: null,
      lastCopy: this.rememberedCopy(),
      revision: 0,
    };
  }

  getState = (): BackupServiceState => this.state;

  subscribe = (listener: (state: BackupServiceState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<BackupServiceState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Tells lists to re-read the store (after a removal made elsewhere, for instance). */
  changed(): void {
    this.set({ revision: this.state.revision + 1 });
  }

  /** Progress at most ten times a second, and always at a phase change. */
  private progress(p: BundleProgress): void {
    const activity = this.state.activity;
    if (activity.kind !== 'running') return;
    const at = Date.now();
    if (p.phase === activity.progress?.phase && at - this.lastProgressAt < 100) return;
    this.lastProgressAt = at;
    this.set({ activity: { ...activity, progress: p } });
  }

  /** Runs `task` when no other backup or restore runs (in this tab or another). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    const run = (): Promise<T> => (locks ? (locks.request(LOCK_NAME, task) as Promise<T>) : task());
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private remembered(): Remembered | null {
    try {
      const raw = this.storage?.getItem(LAST_KEY);
      const value = raw ? (JSON.parse(raw) as Partial<Remembered>) : null;
      return value && typeof value.name === 'string' && typeof value.fingerprint === 'string'
        ? { name: value.name, fingerprint: value.fingerprint }
        : null;
    } catch {
      return null;
    }
  }

  private rememberedCopy(): OutsideCopy | null {
    try {
      const raw = this.storage?.getItem(LAST_COPY_KEY);
      const value = raw ? (JSON.parse(raw) as Partial<OutsideCopy>) : null;
      if (!value || typeof value.at !== 'number' || !Number.isFinite(value.at)) return null;
      if (typeof value.backupName !== 'string') return null;
      return {
        at: value.at,
        backupName: value.backupName,
        ...(typeof value.path === 'string' ? { path: value.path } : {}),
      };
    } catch {
      return null;
    }
  }

  /** Notes a copy of `backupName` the user just saved outside the store (at `path`, desktop). */
  copySaved(backupName: string, path?: string): void {
    const copy: OutsideCopy = {
      at: this.now().getTime(),
      backupName,
      ...(path !== undefined ? { path } : {}),
    };
    try {
      this.storage?.setItem(LAST_COPY_KEY, JSON.stringify(copy));
    } catch {
      // Without the note the screen says nothing of this copy after a restart; the copy is made.
    }
    this.set({ lastCopy: copy });
  }

  private remember(value: Remembered): void {
    try {
      this.storage?.setItem(LAST_KEY, JSON.stringify(value));
    } catch {
      // Without the note the next daily backup is simply not skipped.
    }
  }

  private async write(reason: BackupReason, signal?: AbortSignal): Promise<BackupEntry> {
    this.set({ activity: { kind: 'running', what: 'backup', reason, progress: null } });
    try {
      let fingerprint = '';
      const entry = await this.platform.backups.write(
        await freshBackupFileName(this.platform.backups, reason, this.now()),
        async (sink, s) => {
          const result = await exportDatabase(sink, s, (p) => this.progress(p));
          fingerprint = result.manifest.fingerprint;
        },
        signal,
      );
      this.remember({ name: entry.name, fingerprint });
      return entry;
    } finally {
      this.set({ activity: { kind: 'idle' }, revision: this.state.revision + 1 });
    }
  }

  /**
   * The backup before an evaluation is deleted ("sebelum-penghapusan"), so that a mistaken delete
   * loses nothing: restoring that one evaluation from it brings it back. None is written when the
   * data has not changed since the last backup the app wrote and that backup is still kept (it
   * holds the evaluation already); its name is returned then.
   */
  backupBeforeDelete(signal?: AbortSignal): Promise<string> {
    return this.exclusive(async () => {
      const last = this.remembered();
      if (last) {
        const { fingerprint } = await databaseFingerprint();
        const kept = await this.platform.backups.list();
        if (last.fingerprint === fingerprint && kept.some((e) => e.name === last.name)) {
          return last.name;
        }
      }
      return (await this.write('sebelum-penghapusan', signal)).name;
    });
  }

  /** A backup the user asked for ("manual"). */
  takeBackup(signal?: AbortSignal): Promise<BackupEntry> {
    return this.exclusive(() => this.write('manual', signal));
  }

  /** Takes today's backup if it is due and there is something new to protect. */
  runDailyIfDue(): Promise<void> {
    if (databaseState().kind !== 'ready') return Promise.resolve();
    return this.exclusive(async () => {
      const at = this.now();
      try {
        const entries = await this.platform.backups.list();
        if (!isDailyBackupDue(entries, at)) {
          if (this.state.daily?.kind !== 'done') {
            const today = entries.find((e) => parseBackupFileName(e.name)?.reason === 'harian');
            if (today) this.set({ daily: { kind: 'done', at: today.createdAt, name: today.name } });
          }
          return;
        }
        const { fingerprint, evaluations } = await databaseFingerprint();
        if (evaluations === 0) {
          this.set({ daily: { kind: 'empty', at: at.getTime() } });
          return;
        }
        const last = this.remembered();
        if (last?.fingerprint === fingerprint && entries.some((e) => e.name === last.name)) {
          this.set({ daily: { kind: 'unchanged', at: at.getTime(), since: last.name } });
          return;
        }
        const entry = await this.write('harian');
        this.set({ daily: { kind: 'done', at: entry.createdAt, name: entry.name } });
      } catch (e) {
        this.set({ daily: { kind: 'failed', at: at.getTime(), message: messageOf(e) } });
      }
    });
  }

  /** Restores a backup (db/backup.ts restoreBackup) when no backup is being written. */
  restore(
    source: Blob,
    options: Omit<RestoreOptions, 'store' | 'onProgress'>,
  ): Promise<RestoreResult> {
    return this.exclusive(async () => {
      this.set({ activity: { kind: 'running', what: 'restore', progress: null } });
      try {
        const result = await restoreBackup(source, {
          ...options,
          store: this.platform.backups,
          onProgress: (p) => this.progress(p),
        });
        // The restored data may hold packs loaded from files (or no longer hold some).
        await loadStoredPacks();
        return result;
      } finally {
        this.set({ activity: { kind: 'idle' }, revision: this.state.revision + 1 });
      }
    });
  }

  /**
   * Starts the schedule: a check as soon as the database is open, then every few minutes.
   * Returns the function that stops it.
   */
  start(interval: number = DAILY_CHECK_INTERVAL_MS): () => void {
    const check = (): void => void this.runDailyIfDue();
    const unsubscribe = subscribeDatabaseState((s) => {
      if (s.kind === 'ready') check();
    });
    check();
    const timer = setInterval(check, interval);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }
}
