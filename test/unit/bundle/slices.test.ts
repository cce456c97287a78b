/** Reading a range slice by slice into reused buffers (shared/bundle/zip/slices.ts). */
import { describe, expect, it } from 'vitest';
import { forEachSlice } from '../../../shared/bundle/zip/slices';
import type { RandomAccessSource } from '../../../shared/bundle/zip';

const bytes = (n: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) out[i] = (i * 7 + (i >> 8)) & 0xff;
  return out;
};

/** Every slice copied out (the reader refills its buffers), with the sizes seen. */
async function collect(
  source: Blob | RandomAccessSource,
  start: number,
  size: number,
  sliceBytes: number,
): Promise<{ data: Uint8Array; sizes: number[] }> {
  const parts: Uint8Array[] = [];
  await forEachSlice(source, start, size, sliceBytes, (chunk) => {
    parts.push(chunk.slice());
  });
  const data = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.byteLength;
  }
  return { data, sizes: parts.map((p) => p.byteLength) };
}

describe('forEachSlice', () => {
  const whole = bytes(10_000);

  it('gives every byte of a Blob range in order, in slices of the asked size', async () => {
    for (const [start, size, slice] of [
      [0, 10_000, 1024],
      [0, 10_000, 10_000],
      [0, 10_000, 64_000],
      [123, 5_000, 999],
      [9_999, 1, 4],
      [30, 2048, 1024],
    ] as const) {
      const { data, sizes } = await collect(new Blob([whole]), start, size, slice);
      expect(data).toEqual(whole.subarray(start, start + size));
      expect(sizes.slice(0, -1).every((n) => n === slice)).toBe(true);
      expect(sizes.length).toBe(Math.ceil(size / slice));
    }
  });

  it('reads the same from a random-access source, and nothing for an empty range', async () => {
    let reads = 0;
    const source: RandomAccessSource = {
      size: whole.byteLength,
      read: async (offset, length) => {
        reads += 1;
        return whole.slice(offset, offset + length);
      },
    };
    const { data } = await collect(source, 500, 7_000, 3_000);
    expect(data).toEqual(whole.subarray(500, 7_500));
    expect(reads).toBe(3);
    expect((await collect(source, 0, 0, 3_000)).sizes).toEqual([]);
  });

  it('stops where the source ends before the range does', async () => {
    const { data } = await collect(new Blob([whole.subarray(0, 2_500)]), 0, 10_000, 1_000);
    expect(data).toEqual(whole.subarray(0, 2_500));
  });

  it('rejects with what the consumer throws and reads no further', async () => {
    let calls = 0;
    await expect(
      forEachSlice(new Blob([whole]), 0, 10_000, 1_000, () => {
        calls += 1;
        if (calls === 3) throw new Error('berhenti');
      }),
    ).rejects.toThrow('berhenti');
    expect(calls).toBe(3);
  });
});
