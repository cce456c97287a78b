/** The one SHA-256 helper (shared/hash/sha256.ts): every input shape gives Node's digest. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isSha256Hex,
  nobleSha256,
  sha256Hex,
  sha256HexSchema,
  sha256HexSync,
  type HashFactory,
} from '../../../shared/hash/sha256';
import { evidenceHashSchema } from '../../../shared/assessment';

const bytes = (n: number, seed: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) out[i] = (i * 7 + seed) & 0xff;
  return out;
};
const node = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('sha256Hex', () => {
  const data = bytes(200_000, 3);
  const expected = node(data);

  it('hashes bytes, a Blob, a byte stream and an async iterable alike', async () => {
    expect(await sha256Hex(data)).toBe(expected);
    expect(await sha256Hex(new Blob([data]))).toBe(expected);
    expect(await sha256Hex(new Blob([data]).stream())).toBe(expected);
    async function* chunks() {
      for (let at = 0; at < data.length; at += 65_536) yield data.subarray(at, at + 65_536);
    }
    expect(await sha256Hex(chunks())).toBe(expected);
    expect(sha256HexSync(data)).toBe(expected);
    expect(await sha256Hex(new Uint8Array(0))).toBe(node(new Uint8Array(0)));
  });

  it("uses the factory given (a runtime's native hash), sync or not", async () => {
    const seen: number[] = [];
    const counting: HashFactory = () => {
      const inner = nobleSha256();
      return {
        update: (chunk) => {
          seen.push(chunk.byteLength);
          inner.update(chunk);
        },
        digestHex: () => Promise.resolve(inner.digestHex()),
      };
    };
    expect(await sha256Hex(data, counting)).toBe(expected);
    expect(seen.reduce((s, n) => s + n, 0)).toBe(data.byteLength);
  });

  it('brands lowercase 64-digit hex only, the same type as an evidence hash', () => {
    expect(isSha256Hex(expected)).toBe(true);
    expect(isSha256Hex(expected.toUpperCase())).toBe(false);
    expect(isSha256Hex(expected.slice(1))).toBe(false);
    expect(isSha256Hex(42)).toBe(false);
    expect(sha256HexSchema.safeParse('abc').success).toBe(false);
    expect(evidenceHashSchema).toBe(sha256HexSchema);
    expect(evidenceHashSchema.safeParse('abc').error?.issues[0]?.message).toBe(
      'hash SHA-256 harus 64 karakter heksadesimal',
    );
  });
});
