/**
 * A backup is a zip too: the reader refuses the same archive tricks as a bundle (a fake end
 * record in the comment, a ZIP64 locator pointing outside the file, bytes before the end record)
 * with the bundle's codes and Indonesian messages; the valid backup the cases start from opens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../../../shared/backup';
import { readBackup } from '../../../renderer/src/db/backup';
import { backupBlob, populate } from './backup-helpers';
import { resetDatabase } from './helpers';

/** The bytes of `valid` with its end record (no comment) rebuilt by `tail`. */
function withTail(valid: Uint8Array, tail: (eocd: Uint8Array, body: Uint8Array) => Uint8Array[]) {
  const at = valid.byteLength - 22;
  const eocd = valid.slice(at);
  expect(new DataView(eocd.buffer).getUint32(0, true)).toBe(0x06054b50);
  const parts = tail(eocd, valid.subarray(0, at));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return new Blob([out]);
}

async function refusal(blob: Blob): Promise<BackupError> {
  const e = await readBackup(blob).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

describe('backup archives', () => {
  let valid: Uint8Array;
  beforeAll(async () => {
    await resetDatabase();
    await populate();
    valid = new Uint8Array(await (await backupBlob()).arrayBuffer());
  });

  it('open when sound', async () => {
    const preview = await readBackup(new Blob([valid.slice()]));
    expect(preview.evaluations.length).toBeGreaterThan(0);
  });

  it('are refused with a fake end record in the comment', async () => {
    const e = await refusal(
      withTail(valid, (eocd, body) => {
        const fake = eocd.slice();
        new DataView(fake.buffer).setUint16(20, 3, true);
        const real = eocd.slice();
        new DataView(real.buffer).setUint16(20, 22 + 5, true);
        return [body, real, fake, new TextEncoder().encode('abcde')];
      }),
    );
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/komentar arsip memuat tanda catatan zip palsu/);
  });

  it('are refused with a ZIP64 locator pointing outside the file', async () => {
    const e = await refusal(
      withTail(valid, (eocd, body) => {
        const locator = new Uint8Array(20);
        const v = new DataView(locator.buffer);
        v.setUint32(0, 0x07064b50, true);
        v.setBigUint64(8, 10_000_000_000n, true);
        v.setUint32(16, 1, true);
        return [body, locator, eocd];
      }),
    );
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/penunjuk ZIP64 menunjuk ke luar berkas/);
  });

  it('are refused with bytes between the directory and the end record', async () => {
    const e = await refusal(
      withTail(valid, (eocd, body) => [body, new TextEncoder().encode('sisipan'), eocd]),
    );
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/dapat dibaca lebih dari satu cara/);
  });
});
