/**
 * A CliIo for tests: files given as text live in memory (others are read from disk), output is
 * captured, and writes are kept in a map instead of touching the disk.
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../../electron/cli/io';

export function memoryIo(memory: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const bytesOf = async (p: string): Promise<Uint8Array> => {
    const text = memory[p];
    if (text !== undefined) return new TextEncoder().encode(text);
    return new Uint8Array(await readFile(p));
  };
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: bytesOf,
    writeFile: async (p, data) => {
      written.set(p, typeof data === 'string' ? new TextEncoder().encode(data) : data);
    },
    openFile: async (p) => {
      const bytes = await bytesOf(p);
      return {
        size: bytes.byteLength,
        read: async (offset, length) => bytes.slice(offset, offset + length),
        close: async () => undefined,
      };
    },
    readStream: (p) =>
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(await bytesOf(p));
          controller.close();
        },
      }),
    writeFileAtomic: async (p, write) => {
      const parts: Uint8Array[] = [];
      await write(new WritableStream<Uint8Array>({ write: (c) => void parts.push(c) }));
      written.set(p, new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer()));
    },
  };
  return { io, out, err, written };
}
