/**
 * Desktop file streaming, main side: a save as file:write delivers it (8 MiB chunks into an
 * atomic temporary file, synced and renamed) and a read as file:read serves it (4 MiB chunks).
 * Electron's IPC copy is not included (no Electron here); it adds one memory copy per chunk.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_CHUNK_BYTES, READ_CHUNK_BYTES } from '../../shared/ipc/contract';
import { AtomicWriter } from '../../electron/main/files/atomic-writer';
import { FileReaderHandle } from '../../electron/main/files/file-reader';
import { peakRssMb, report, timeMs } from './harness';

const TOTAL = 256 * 1024 * 1024;

export async function benchFiles(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spbe-bench-files-'));
  const chunk = new Uint8Array(MAX_CHUNK_BYTES).fill(42);
  const target = path.join(dir, 'ekspor.spbe');
  try {
    const atomicSave = async () => {
      const writer = await AtomicWriter.create(target);
      for (let offset = 0; offset < TOTAL; offset += chunk.byteLength) {
        await writer.write(offset, chunk);
      }
      await writer.commit();
    };
    // Baseline: the same chunks into the file directly, no temporary file, no sync, no rename.
    const plainWrite = async () => {
      const file = await open(path.join(dir, 'langsung.bin'), 'w');
      for (let offset = 0; offset < TOTAL; offset += chunk.byteLength) {
        await file.write(chunk, 0, chunk.byteLength, offset);
      }
      await file.close();
    };
    const saveMs = await timeMs(atomicSave, 3, 1);
    const plainMs = await timeMs(plainWrite, 3, 1);
    const mb = TOTAL / (1024 * 1024);
    report({
      name: 'files: streamed atomic save, 256 MiB',
      value: mb / (saveMs / 1000),
      unit: 'MiB/s',
      ratio: { value: saveMs / plainMs, baseline: 'plain chunked write (no temp, sync, rename)' },
    });

    const readAll = async () => {
      const reader = await FileReaderHandle.open(target);
      for (let offset = 0; offset < reader.size;) {
        offset += (await reader.read(offset, READ_CHUNK_BYTES)).byteLength;
      }
      await reader.close();
    };
    const readMs = await timeMs(readAll, 3, 1);
    report({ name: 'files: streamed read, 256 MiB', value: mb / (readMs / 1000), unit: 'MiB/s' });

    const before = process.memoryUsage().rss / (1024 * 1024);
    const { peakMb } = await peakRssMb(atomicSave);
    report({
      name: 'files: memory growth during a 256 MiB save',
      value: Math.max(0, peakMb - before),
      unit: 'MiB',
      note: 'bounded by the chunk size, not the file size',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
