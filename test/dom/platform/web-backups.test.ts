/** The browser's backup store: newest first, keeps only the newest N, N is a setting. */
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { collectToBlob, webBackupStore } from '../../../renderer/src/platform/web-backups';

const text = (value: string) => async (sink: WritableStream<Uint8Array>) => {
  const writer = sink.getWriter();
  await writer.write(new TextEncoder().encode(value));
  await writer.close();
};

const names = async () => (await webBackupStore.list()).map((e) => e.name);

/** Stored parts, read from the store's database directly. */
async function partCount(): Promise<number> {
  const raw = new Dexie('evaluasi-spbe-cadangan');
  await raw.open();
  try {
    return await raw.table('parts').count();
  } finally {
    raw.close();
  }
}

const MiB = 1024 * 1024;
const pattern = (i: number): Buffer => {
  const out = Buffer.alloc(MiB);
  for (let j = 0; j < MiB; j += 1) out[j] = (i * 7 + j) % 251;
  return out;
};

const chunks = (count: number, failAfter?: number) => async (sink: WritableStream<Uint8Array>) => {
  const writer = sink.getWriter();
  for (let i = 0; i < count; i += 1) {
    if (i === failAfter) throw new Error('disk penuh');
    await writer.write(pattern(i));
  }
  await writer.close();
};

beforeEach(async () => {
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
  await webBackupStore.setKeep(10);
});

describe('browser backup store', () => {
  it('keeps the newest N after each write', async () => {
    await webBackupStore.setKeep(2);
    for (const day of [20, 21, 22]) {
      await webBackupStore.write(`cadangan-2026-11-${day}-080000-harian.spbe`, text(`hari ${day}`));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await names()).toEqual([
      'cadangan-2026-11-22-080000-harian.spbe',
      'cadangan-2026-11-21-080000-harian.spbe',
    ]);
    const file = await webBackupStore.read('cadangan-2026-11-22-080000-harian.spbe');
    expect(await (await file.blob()).text()).toBe('hari 22');
  });

  it('removes the surplus at once when N is lowered, and refuses a nonsensical N', async () => {
    for (const day of [20, 21, 22]) {
      await webBackupStore.write(`cadangan-2026-11-${day}-080000-harian.spbe`, text('x'));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await webBackupStore.setKeep(1)).toBe(1);
    expect(await webBackupStore.keep()).toBe(1);
    expect(await names()).toEqual(['cadangan-2026-11-22-080000-harian.spbe']);
    await expect(webBackupStore.setKeep(0)).rejects.toThrow(/antara 1 dan 1\.000/);
    expect(await webBackupStore.keep()).toBe(1);
  });

  it('stores a large backup in parts as it streams and reads it back whole', async () => {
    const entry = await webBackupStore.write('cadangan-2026-11-22-080000-manual.spbe', chunks(20));
    expect(entry.size).toBe(20 * MiB);
    expect(await partCount()).toBeGreaterThan(1);
    const blob = await (await webBackupStore.read(entry.name)).blob();
    expect(blob.size).toBe(20 * MiB);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    for (const i of [0, 7, 19]) {
      expect(Buffer.from(bytes.subarray(i * MiB, (i + 1) * MiB)).equals(pattern(i))).toBe(true);
    }
  });

  it('leaves no part behind when a write fails half-way, or a backup is removed or rotated', async () => {
    await expect(
      webBackupStore.write('cadangan-2026-11-22-080000-manual.spbe', chunks(20, 12)),
    ).rejects.toThrow('disk penuh');
    expect(await names()).toEqual([]);
    expect(await partCount()).toBe(0);

    await webBackupStore.write('cadangan-2026-11-22-080000-manual.spbe', chunks(10));
    await webBackupStore.remove('cadangan-2026-11-22-080000-manual.spbe');
    expect(await partCount()).toBe(0);

    await webBackupStore.setKeep(1);
    await webBackupStore.write('cadangan-2026-11-21-080000-harian.spbe', chunks(10));
    await new Promise((r) => setTimeout(r, 2));
    await webBackupStore.write('cadangan-2026-11-22-080000-harian.spbe', chunks(9));
    expect(await names()).toEqual(['cadangan-2026-11-22-080000-harian.spbe']);
    const left = await partCount();
    // Only the parts of the kept backup: rewriting it under the same name replaces them.
    await webBackupStore.write('cadangan-2026-11-22-080000-harian.spbe', chunks(9));
    expect(await partCount()).toBe(left);
  });

  it('stores nothing when the writer fails', async () => {
    await expect(
      webBackupStore.write('cadangan-2026-11-22-080000-manual.spbe', async () => {
        throw new Error('gagal menulis');
      }),
    ).rejects.toThrow('gagal menulis');
    expect(await names()).toEqual([]);
  });

  it('says in Indonesian that the storage is full, and stores nothing', async () => {
    const full = new DOMException(
      'The current transaction exceeded its quota limitations.',
      'QuotaExceededError',
    );
    await expect(
      webBackupStore.write('cadangan-2026-11-22-080000-manual.spbe', async () => {
        throw new Dexie.AbortError('Transaction aborted', full);
      }),
    ).rejects.toThrow(/^Ruang penyimpanan penuh: cadangan tidak disimpan\. Data yang sudah ada/);
    expect(await names()).toEqual([]);
    expect(await partCount()).toBe(0);
  });

  it('collects many chunks into one Blob in order', async () => {
    const chunk = new Uint8Array(3 * 1024 * 1024);
    const blob = await collectToBlob(async (sink) => {
      const writer = sink.getWriter();
      for (let i = 0; i < 5; i += 1) await writer.write(chunk.map(() => i));
      await writer.close();
    }, 'application/x-spbe');
    expect(blob.size).toBe(5 * chunk.length);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([0, 1, 2, 3, 4].map((i) => bytes[i * chunk.length])).toEqual([0, 1, 2, 3, 4]);
    expect(blob.type).toBe('application/x-spbe');
  });
});
