/**
 * Atomic file writes: bytes go to a temporary file next to the target (same folder, so the final
 * rename stays on one volume) and the temporary file is renamed over the target only on commit.
 * An aborted, failed or interrupted write leaves the target as it was: the user's earlier file
 * is never half-overwritten (brief: "nothing already stored is lost or half-written").
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../errors';

/** Temporary files start with this prefix and end with TEMP_SUFFIX (hidden on Unix). */
export const TEMP_PREFIX = '.~';
export const TEMP_SUFFIX = '.sementara';

export const isTempName = (name: string): boolean =>
  name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);

/** Leftover temporary files older than this are from a crash (never from a running write). */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** Deletes the temporary files in `dir` that interrupted writes left behind (best effort). */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!isTempName(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now - (await stat(file)).mtimeMs > STALE_TEMP_MS) await unlink(file);
    } catch {
      // Gone already or still in use: try again next time.
    }
  }
}

export interface Committed {
  path: string;
  size: number;
  createdAt: number;
}

export class AtomicWriter {
  private written = 0;
  private state: 'open' | 'committed' | 'aborted' = 'open';
  // Operations run one after another even when IPC calls arrive while one is still running.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly target: string,
    readonly tempPath: string,
    private readonly file: FileHandle,
  ) {}

  /** Opens a new temporary file next to `target` (never an existing one: flag `wx`). */
  static async create(target: string): Promise<AtomicWriter> {
    const tempPath = path.join(
      path.dirname(target),
      `${TEMP_PREFIX}${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
    );
    const file = await open(tempPath, 'wx');
    return new AtomicWriter(target, tempPath, file);
  }

  get bytesWritten(): number {
    return this.written;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /**
   * Appends `data`, which must start at `offset` === bytes written so far: a lost, repeated or
   * reordered chunk is refused instead of silently corrupting the file.
   */
  write(offset: number, data: Uint8Array): Promise<void> {
    return this.run(async () => {
      this.assertOpen();
      if (offset !== this.written) {
        throw new UserFacingError('Data berkas diterima tidak berurutan. Penyimpanan dibatalkan.');
      }
      let done = 0;
      while (done < data.byteLength) {
        const { bytesWritten } = await this.file.write(
          data,
          done,
          data.byteLength - done,
          offset + done,
        );
        done += bytesWritten;
      }
      this.written += data.byteLength;
    });
  }

  /** Flushes to disk and renames the temporary file over the target. */
  commit(): Promise<Committed> {
    return this.run(async () => {
      this.assertOpen();
      try {
        await this.file.sync();
        await this.file.close();
        await rename(this.tempPath, this.target);
      } catch (error) {
        await this.discard();
        throw error;
      }
      this.state = 'committed';
      const info = await stat(this.target);
      return { path: this.target, size: info.size, createdAt: info.mtimeMs };
    });
  }

  /** Drops the temporary file; the target is untouched. Safe to call more than once. */
  abort(): Promise<void> {
    return this.run(async () => {
      if (this.state !== 'open') return;
      await this.discard();
    });
  }

  private async discard(): Promise<void> {
    this.state = 'aborted';
    await this.file.close().catch(() => undefined);
    await unlink(this.tempPath).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  private assertOpen(): void {
    if (this.state !== 'open') {
      throw new UserFacingError('Penyimpanan berkas ini sudah selesai atau dibatalkan.');
    }
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Writes a small file atomically in one go (settings, window state). */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const writer = await AtomicWriter.create(target);
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  try {
    if (bytes.byteLength > 0) await writer.write(0, bytes);
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
