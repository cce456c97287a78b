/**
 * What each web contents may touch: the files the user granted it (through a native dialog or
 * by opening a file from outside) and the read and write handles it opened. Tokens and handles
 * are random ids bound to one web contents; another window cannot use them. Everything is
 * released when the page navigates or reloads, its renderer dies, or it is destroyed: open
 * files are closed and unfinished writes are aborted (their temporary files deleted).
 */
import { randomUUID } from 'node:crypto';
import { MAX_OPEN_HANDLES, type IpcError } from '../../../shared/ipc/contract';
import { UserFacingError } from '../errors';
import type { AtomicWriter, Committed } from './atomic-writer';
import type { FileReaderHandle } from './file-reader';

/** Why a write was opened: decides what its commit does afterwards. */
export type WritePurpose = 'save' | 'backup' | 'document';

export interface WriteSession {
  writer: AtomicWriter;
  purpose: WritePurpose;
  /** Runs after the rename (e.g. backup rotation). */
  afterCommit?: (committed: Committed) => Promise<void>;
}

export const STALE_GRANT: IpcError = { code: 'staleGrant' };
export const STALE_HANDLE: IpcError = { code: 'staleHandle' };

export class SenderScope {
  private readonly readGrants = new Map<string, string>();
  private readonly writeGrants = new Map<string, string>();
  private readonly readers = new Map<string, FileReaderHandle>();
  private readonly writers = new Map<string, WriteSession>();

  /** A token that lets this sender read `path` (as often as it likes). */
  grantRead(path: string): string {
    const token = randomUUID();
    this.readGrants.set(token, path);
    return token;
  }

  /** A token that lets this sender write `path` once. */
  grantWrite(path: string): string {
    const token = randomUUID();
    this.writeGrants.set(token, path);
    return token;
  }

  readGrant(token: string): string {
    const path = this.readGrants.get(token);
    if (!path) throw new UserFacingError(STALE_GRANT);
    return path;
  }

  takeWriteGrant(token: string): string {
    const path = this.writeGrants.get(token);
    if (!path) throw new UserFacingError(STALE_GRANT);
    this.writeGrants.delete(token);
    return path;
  }

  get openHandles(): number {
    return this.readers.size + this.writers.size;
  }

  /** Checks the handle limit before a file is opened. */
  assertRoom(): void {
    if (this.openHandles >= MAX_OPEN_HANDLES) {
      throw new UserFacingError({ code: 'tooManyHandles' });
    }
  }

  addReader(reader: FileReaderHandle): string {
    const handle = randomUUID();
    this.readers.set(handle, reader);
    return handle;
  }

  reader(handle: string): FileReaderHandle {
    const reader = this.readers.get(handle);
    if (!reader) throw new UserFacingError(STALE_HANDLE);
    return reader;
  }

  async closeReader(handle: string): Promise<void> {
    const reader = this.readers.get(handle);
    this.readers.delete(handle);
    await reader?.close();
  }

  addWriter(session: WriteSession): string {
    const handle = randomUUID();
    this.writers.set(handle, session);
    return handle;
  }

  writer(handle: string): WriteSession {
    const session = this.writers.get(handle);
    if (!session) throw new UserFacingError(STALE_HANDLE);
    return session;
  }

  /** Removes the write session from the scope (before commit or abort). */
  takeWriter(handle: string): WriteSession | undefined {
    const session = this.writers.get(handle);
    this.writers.delete(handle);
    return session;
  }

  /** Closes every file and aborts every unfinished write. */
  async dispose(): Promise<void> {
    const readers = [...this.readers.values()];
    const writers = [...this.writers.values()];
    this.readers.clear();
    this.writers.clear();
    this.readGrants.clear();
    this.writeGrants.clear();
    await Promise.allSettled([
      ...readers.map((r) => r.close()),
      ...writers.map((w) => w.writer.abort()),
    ]);
  }
}

/** The part of Electron's WebContents the registry needs (keeps unit tests simple). */
export interface ScopedSender {
  readonly id: number;
  on(event: 'did-navigate' | 'render-process-gone', listener: () => void): unknown;
  once(event: 'destroyed', listener: () => void): unknown;
}

export class SenderScopes {
  private readonly scopes = new Map<number, SenderScope>();
  private readonly watched = new Set<number>();

  for(sender: ScopedSender): SenderScope {
    let scope = this.scopes.get(sender.id);
    if (!scope) {
      scope = new SenderScope();
      this.scopes.set(sender.id, scope);
    }
    if (!this.watched.has(sender.id)) {
      this.watched.add(sender.id);
      const reset = () => void this.release(sender.id);
      // A reload or navigation starts a new page that knows nothing of the old handles.
      sender.on('did-navigate', reset);
      sender.on('render-process-gone', reset);
      sender.once('destroyed', () => {
        this.watched.delete(sender.id);
        reset();
      });
    }
    return scope;
  }

  /** The scope of a sender if it has one (for tests and diagnostics). */
  peek(senderId: number): SenderScope | undefined {
    return this.scopes.get(senderId);
  }

  async release(senderId: number): Promise<void> {
    const scope = this.scopes.get(senderId);
    this.scopes.delete(senderId);
    await scope?.dispose();
  }

  async disposeAll(): Promise<void> {
    const ids = [...this.scopes.keys()];
    await Promise.allSettled(ids.map((id) => this.release(id)));
  }
}
