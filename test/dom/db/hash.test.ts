/** The renderer's bundle hash: native at the end for ordinary files, streaming past its limit. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nativeThenStreaming, webSha256 } from '../../../renderer/src/db/commands/hash';

const bytes = (n: number, seed: number): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) out[i] = (i * 31 + seed) & 0xff;
  return out;
};
const expected = (parts: Uint8Array[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

describe('webSha256', () => {
  it('gives the SHA-256 of the chunks, even when the stream reuses its buffer', async () => {
    const parts = [bytes(1000, 1), bytes(70_000, 2), bytes(3, 3)];
    const h = webSha256();
    const reused = new Uint8Array(70_000);
    for (const p of parts) {
      const view = reused.subarray(0, p.byteLength);
      view.set(p);
      h.update(view);
      view.fill(0);
    }
    expect(await h.digestHex()).toBe(expected(parts));
    const empty = webSha256();
    expect(await empty.digestHex()).toBe(expected([]));
  });

  it('reuses its buffer between files without mixing them, even while a digest is pending', async () => {
    const first = [bytes(700_000, 7), bytes(900_000, 8)];
    const second = [bytes(1_500_000, 9)];
    const a = webSha256();
    for (const p of first) a.update(p);
    const digestA = a.digestHex();
    // The next file takes the buffer the first one returned and overwrites it at once.
    const b = webSha256();
    for (const p of second) b.update(p);
    const digestB = b.digestHex();
    expect(await digestA).toBe(expected(first));
    expect(await digestB).toBe(expected(second));
    const c = webSha256();
    c.update(bytes(10, 1));
    expect(await c.digestHex()).toBe(expected([bytes(10, 1)]));
  });

  it('streams through the JS hash once the file passes its limit', async () => {
    const parts = [bytes(600, 4), bytes(600, 5), bytes(600, 6)];
    const h = nativeThenStreaming(1000);
    for (const p of parts) h.update(p);
    expect(await h.digestHex()).toBe(expected(parts));
    const large = [bytes(1500, 7), bytes(10, 8)];
    const first = nativeThenStreaming(1000);
    for (const p of large) first.update(p);
    expect(await first.digestHex()).toBe(expected(large));
  });
});
