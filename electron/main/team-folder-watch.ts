/**
 * Watching the team folder: fs.watch on the folder (recursive where the platform supports it
 * natively, Windows and macOS; elsewhere one watcher for the folder and one per sub-folder,
 * which is as deep as team files go), debounced into one "may have changed" call. When the
 * folder disappears (an unplugged share) the watchers are closed, listeners are told once, and
 * the folder is looked for again every few seconds; when it is back, watching restarts and
 * listeners are told again. Watching is best effort: the renderer also polls the listing.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FolderWatcherOptions {
  /** Quiet time before listeners are called (ms). */
  debounceMs: number;
  /** How often a vanished folder is looked for again (ms). */
  retryMs: number;
  /** One recursive watcher instead of one per sub-folder. */
  recursive: boolean;
  log: (message: string) => void;
}

/** Sub-folders watched at most (each costs an OS watch handle). */
const MAX_WATCHED_SUBFOLDERS = 500;

const defaults = (): FolderWatcherOptions => ({
  debounceMs: 500,
  retryMs: 5000,
  recursive: process.platform === 'win32' || process.platform === 'darwin',
  log: console.warn,
});

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

export class FolderWatcher {
  private readonly options: FolderWatcherOptions;
  private dir: string | undefined;
  private readonly listeners = new Set<() => void>();
  private root: FSWatcher | undefined;
  private readonly children = new Map<string, FSWatcher>();
  private debounce: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  /** Bumped on every stop, so late results of an earlier start are ignored. */
  private generation = 0;
  private starting: Promise<void> = Promise.resolve();

  constructor(options: Partial<FolderWatcherOptions> = {}) {
    this.options = { ...defaults(), ...options };
  }

  /** Whether the folder is being watched right now (false while it is missing). */
  get active(): boolean {
    return this.root !== undefined;
  }

  /** Resolves once the latest (re)start has its watchers in place, or found the folder gone. */
  ready(): Promise<void> {
    return this.starting;
  }

  setDir(dir: string | undefined): void {
    if (dir === this.dir) return;
    this.dir = dir;
    this.restart();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.restart();
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.stop();
    };
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private restart(): void {
    this.stop();
    if (this.dir && this.listeners.size > 0) this.starting = this.start(this.generation, this.dir);
  }

  private stop(): void {
    this.generation += 1;
    this.closeWatchers();
    clearTimeout(this.debounce);
    clearInterval(this.retry);
    this.debounce = undefined;
    this.retry = undefined;
  }

  private closeWatchers(): void {
    this.root?.close();
    this.root = undefined;
    for (const child of this.children.values()) child.close();
    this.children.clear();
  }

  private async start(generation: number, dir: string): Promise<void> {
    if (!(await isDirectory(dir))) {
      if (generation === this.generation) this.lost(generation, dir);
      return;
    }
    if (generation !== this.generation) return;
    try {
      const root = watch(dir, { recursive: this.options.recursive, persistent: false }, () =>
        this.schedule(generation, dir),
      );
      root.on('error', () => this.lost(generation, dir, true));
      this.root = root;
      if (!this.options.recursive) await this.syncChildren(generation, dir);
    } catch (error) {
      this.options.log(`Folder tim tidak dapat dipantau: ${dir}: ${String(error)}`);
      this.lost(generation, dir);
    }
  }

  /** Watches each sub-folder (non-recursive platforms): new ones added, removed ones closed. */
  private async syncChildren(generation: number, dir: string): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .slice(0, MAX_WATCHED_SUBFOLDERS);
    } catch {
      return; // the next event or the check in flush() finds out what happened
    }
    if (generation !== this.generation) return;
    const wanted = new Set(names);
    for (const [name, child] of this.children) {
      if (!wanted.has(name)) {
        child.close();
        this.children.delete(name);
      }
    }
    for (const name of names) {
      if (this.children.has(name)) continue;
      try {
        const child = watch(path.join(dir, name), { persistent: false }, () =>
          this.schedule(generation, dir),
        );
        child.on('error', () => {
          child.close();
          if (this.children.get(name) === child) this.children.delete(name);
          this.schedule(generation, dir);
        });
        this.children.set(name, child);
      } catch {
        // Removed between the listing and now, or not readable: nothing to watch there.
      }
    }
  }

  private schedule(generation: number, dir: string): void {
    if (generation !== this.generation) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.flush(generation, dir), this.options.debounceMs);
    this.debounce.unref?.();
  }

  private async flush(generation: number, dir: string): Promise<void> {
    if (generation !== this.generation) return;
    if (!(await isDirectory(dir))) {
      this.lost(generation, dir, true);
      return;
    }
    if (!this.options.recursive) await this.syncChildren(generation, dir);
    if (generation === this.generation) this.emit();
  }

  /** The folder is gone: stop watching, tell listeners (once), and look for it again. */
  private lost(generation: number, dir: string, tell = false): void {
    if (generation !== this.generation || this.retry) return;
    this.closeWatchers();
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.options.log(`Folder tim tidak terjangkau, dicoba lagi berkala: ${dir}`);
    this.retry = setInterval(() => {
      void isDirectory(dir).then((back) => {
        if (!back || generation !== this.generation) return;
        this.stop();
        this.starting = this.start(this.generation, dir).then(() => this.emit());
      });
    }, this.options.retryMs);
    this.retry.unref?.();
    if (tell) this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.options.log(`Pendengar folder tim gagal: ${String(error)}`);
      }
    }
  }
}
