/**
 * The CLI's files on a real disk. Bundles are read by byte range through a file handle (never
 * whole), streamed from a file handle as a web stream (fileReadStream), and written through a temporary
 * file in the same folder that is synced and renamed into place only when the writer finished.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import * as zlib from 'node:zlib';
import type { HashFactory } from '../../shared/bundle';
import { jsCrc32, type Crc32Factory } from '../../shared/bundle/zip/crc32';
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

type NativeCrc32 = (data: Uint8Array, value?: number) => number;
/** zlib.crc32 exists from Node 20.15; older Node 20 releases (allowed by engines) lack it. */
const nativeCrc32 = (zlib as { crc32?: NativeCrc32 }).crc32;

/**
 * Node's native CRC-32 (zlib.crc32) for the bundle reader and writer, or the JavaScript one on a
 * Node that has none.
 */
export const nodeCrc32: Crc32Factory = nativeCrc32
  ? () => {
      let value = 0;
      return {
        update: (chunk) => {
          value = nativeCrc32(chunk, value);
        },
        digest: () => value >>> 0,
      };
    }
  : jsCrc32;

/** Bytes read ahead per file stream: a few chunks, whatever the file's size. */
const READ_CHUNK = 1024 * 1024;

/**
 * A file as a web stream of 1 MB chunks read straight into fresh buffers (two read ahead).
 * Readable.toWeb(createReadStream()) copies every chunk once more in JavaScript to detach it from
 * Node's buffer pool; at a few hundred MB/s that copy and its garbage cost as much as the SHA-256.
 */
export function fileReadStream(file: string): ReadableStream<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  const closeHandle = async (): Promise<void> => {
    const h = handle;
    handle = undefined;
    await h?.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async start() {
        handle = await open(file, 'r');
      },
      async pull(controller) {
        if (!handle) return;
        const buffer = Buffer.allocUnsafeSlow(READ_CHUNK);
        let bytesRead: number;
        try {
          ({ bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null));
        } catch (e) {
          await closeHandle().catch(() => undefined);
          throw e;
        }
        if (bytesRead === 0) {
          await closeHandle();
          controller.close();
          return;
        }
        const chunk = new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
        controller.enqueue(chunk);
      },
      cancel: closeHandle,
    },
    { highWaterMark: 2 },
  );
}

export async function openRandomAccess(file: string): Promise<CliFile> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      // Not zero-filled: every byte returned is read from the file first (a bundle's evidence is
      // read in slices of megabytes, and zeroing each would cost a pass of its own).
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
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
    readStream: fileReadStream,
    writeFileAtomic: writeAtomic,
    listDir: async (p) => {
      const info = await stat(p).catch(() => null);
      return info?.isDirectory() ? await readdir(p) : null;
    },
    hash: nodeSha256,
    crc32: nodeCrc32,
  };
}
