/** The browser's backup store: newest first, keeps only the newest N, N is a setting. */
import { beforeEach, describe, expect, it } from 'vitest';
import { collectToBlob, webBackupStore } from '../../../renderer/src/platform/web-backups';

const text = (value: string) => async (sink: WritableStream<Uint8Array>) => {
  const writer = sink.getWriter();
  await writer.write(new TextEncoder().encode(value));
  await writer.close();
};

const names = async () => (await webBackupStore.list()).map((e) => e.name);

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

  it('stores nothing when the writer fails', async () => {
    await expect(
      webBackupStore.write('cadangan-2026-11-22-080000-manual.spbe', async () => {
        throw new Error('gagal menulis');
      }),
    ).rejects.toThrow('gagal menulis');
    expect(await names()).toEqual([]);
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
