/**
 * The CLI's files on a real disk. Bundles are read by byte range through a file handle (never
 * whole), streamed with fs.createReadStream as a web stream, and written through a temporary
 * file in the same folder that is synced and renamed into place only when the writer finished.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { HashFactory } from '../../shared/bundle';
import type { CliFile, CliIo } from './io';

export const nodeSha256: HashFactory = () => {
  const h = createHash('sha256');
  return {
    update: (chunk) => {
      h.update(chunk);
    },
    digestHex: () => h.digest('hex'),
  };
};

export async function openRandomAccess(file: string): Promise<CliFile> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.byteLength) {
        const { bytesRead } = await handle.read(
          buffer,
          done,
          buffer.byteLength - done,
          offset + done,
        );
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buffer.byteLength ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

export async function writeAtomic(
  target: string,
  write: (sink: WritableStream<Uint8Array>) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  let closed = false;
  const closeOnce = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const sink = new WritableStream<Uint8Array>({
    async write(chunk) {
      let done = 0;
      while (done < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.byteLength - done);
        done += bytesWritten;
      }
    },
    async close() {
      await handle.sync();
      await closeOnce();
    },
    async abort() {
      await closeOnce();
    },
  });
  try {
    await write(sink);
    await closeOnce();
    await rename(temp, target);
  } catch (e) {
    await closeOnce().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: async (p) => new Uint8Array(await readFile(p)),
    // Through a temporary file and a rename: a full disk never leaves a half-written output.
    writeFile: (p, data) =>
      writeAtomic(p, async (sink) => {
        const writer = sink.getWriter();
        await writer.write(typeof data === 'string' ? new TextEncoder().encode(data) : data);
        await writer.close();
      }),
    openFile: openRandomAccess,
    readStream: (p) =>
      Readable.toWeb(
        createReadStream(p, { highWaterMark: 1024 * 1024 }),
      ) as ReadableStream<Uint8Array>,
    writeFileAtomic: writeAtomic,
    listDir: async (p) => {
      const info = await stat(p).catch(() => null);
      return info?.isDirectory() ? await readdir(p) : null;
    },
    hash: nodeSha256,
  };
}
