/**
 * Export -> import gives back the same snapshot and the same bytes: with and without evidence,
 * with and without a password, the whole evaluation and "only mine". Also the writer's own
 * refusals (invalid snapshot, corrupt evidence store) and cancellation.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../shared/bundle';
import { readBundle, writeBundle, bundleStream } from '../../../shared/bundle/zip';
import {
  APP_VERSION,
  makeFixture,
  memorySink,
  seededBytes,
  sha256,
  streamBytes,
  writeInput,
  type Fixture,
} from './fixtures';

async function exportToBlob(
  f: Fixture,
  options: Parameters<typeof writeBundle>[2],
): Promise<{ blob: Blob; result: Awaited<ReturnType<typeof writeBundle>> }> {
  const { sink, blob } = memorySink();
  const result = await writeBundle(sink, writeInput(f), options);
  return { blob: blob(), result };
}

describe('bundle round trip', () => {
  it.each([
    ['with evidence, no password', true, undefined],
    ['with evidence, with password', true, 'kata-sandi-rahasia'],
    ['without evidence, no password', false, undefined],
    ['without evidence, with password', false, 'kata-sandi-rahasia'],
  ])('%s: the same snapshot and the same bytes', async (_n, includeEvidence, password) => {
    const f = makeFixture({ logo: true });
    const { blob, result } = await exportToBlob(f, { includeEvidence, password });
    expect(result.bytesWritten).toBe(blob.size);

    const opened = await readBundle(blob, { appVersion: APP_VERSION, password });
    expect(opened.manifest.snapshot).toEqual(f.snapshot);
    expect(opened.manifest.evidenceIncluded).toBe(includeEvidence);
    expect(opened.manifest.scope).toEqual({ kind: 'all' });
    expect(opened.manifest.exportedBy).toEqual({
      memberId: 'm-ani',
      name: 'Ani Rahmawati',
      nip: '',
    });
    expect(opened.encrypted).toBe(password !== undefined);
    expect(opened.manifestHash).toBe(result.manifestHash);
    expect(opened.manifestHash).toMatch(/^[0-9a-f]{64}$/);
    if (includeEvidence) {
      expect(opened.files.map((x) => x.hash).sort()).toEqual([...f.blobs.keys()].sort());
      for (const [hash, bytes] of f.blobs) {
        const back = await streamBytes(opened.openEvidence(hash));
        expect(sha256(back)).toBe(hash);
        expect(back).toEqual(bytes);
        const asBlob = await opened.evidenceBlob(hash);
        expect(new Uint8Array(await asBlob.arrayBuffer())).toEqual(bytes);
      }
    } else {
      expect(opened.files).toEqual([]);
      // Metadata and hashes always travel.
      expect(opened.manifest.snapshot.evidence.map((e) => e.hash)).toEqual(
        f.snapshot.evidence.map((e) => e.hash),
      );
    }
  });

  it('"only mine" carries the chosen indicators, their links and only the evidence they use', async () => {
    const f = makeFixture({ evidenceSizes: [100, 200, 300, 400, 500] });
    // Evidence i is linked to answered indicator i (1..5).
    const { blob } = await exportToBlob(f, { includeEvidence: true, indicators: [2, 4] });
    const opened = await readBundle(blob, { appVersion: APP_VERSION });
    const s = opened.manifest.snapshot;
    expect(opened.manifest.scope).toEqual({ kind: 'indicators', indicators: [2, 4] });
    expect(s.answers.map((a) => a.indicator)).toEqual([2, 4]);
    expect(s.links.map((l) => l.indicator)).toEqual([2, 4]);
    expect(s.evidence.map((e) => e.size)).toEqual([200, 400]);
    expect(opened.files.map((x) => x.size).sort()).toEqual([200, 400]);
    expect(s.members).toEqual(f.snapshot.members);
    expect(s.audit.every((e) => e.indicator === null || [2, 4].includes(e.indicator))).toBe(true);
    for (const file of opened.files) {
      expect(await streamBytes(opened.openEvidence(file.hash))).toEqual(f.blobs.get(file.hash));
    }
  });

  it('streams through bundleStream() and reports progress up to the total', async () => {
    const f = makeFixture({ evidenceSizes: [300_000, 700_000] });
    const events: { phase: string; bytesDone: number; bytesTotal: number }[] = [];
    const { stream, done } = bundleStream(writeInput(f), {
      includeEvidence: true,
      onProgress: (p) => events.push(p),
    });
    const bytes = await streamBytes(stream);
    const result = await done;
    expect(result.bytesWritten).toBe(bytes.byteLength);
    expect(events.at(-1)).toMatchObject({
      phase: 'done',
      bytesDone: 1_000_000,
      bytesTotal: 1_000_000,
    });
    const reads: number[] = [];
    const opened = await readBundle(new Blob([bytes.slice()]), {
      appVersion: APP_VERSION,
      onProgress: (p) => reads.push(p.bytesDone),
    });
    expect(opened.files).toHaveLength(2);
    expect(Math.max(...reads)).toBe(1_000_000);
  });

  it('reads from a random-access source as well as a Blob', async () => {
    const f = makeFixture();
    const { blob } = await exportToBlob(f, { includeEvidence: true });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const reads: number[] = [];
    const source = {
      size: bytes.byteLength,
      read: async (offset: number, length: number) => {
        reads.push(length);
        return bytes.slice(offset, offset + length);
      },
    };
    const opened = await readBundle(source, { appVersion: APP_VERSION });
    expect(opened.manifest.snapshot).toEqual(f.snapshot);
    expect(reads.length).toBeGreaterThan(2);
  });
});

describe('the writer refuses', () => {
  it('a snapshot with a level out of range, before writing a byte', async () => {
    const f = makeFixture();
    f.snapshot.answers[0]!.value = 9;
    let written = 0;
    const sink = new WritableStream<Uint8Array>({
      write(c) {
        written += c.byteLength;
      },
    });
    const error = await writeBundle(sink, writeInput(f), { includeEvidence: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('content');
    expect((error as BundleError).message).toMatch(/nilai indikator 1 \(9\) di luar rentang 1–5/);
    expect(written).toBe(0);
  });

  it('what its own reader would refuse: an empty "only mine" list, a blank exporter', async () => {
    const f = makeFixture();
    const empty = await writeBundle(memorySink().sink, writeInput(f), {
      includeEvidence: false,
      indicators: [],
    }).catch((e: unknown) => e as BundleError);
    expect(empty).toMatchObject({ code: 'content' });
    expect((empty as BundleError).message).toMatch(/scope\.indicators: terlalu sedikit/);
    const blank = await writeBundle(memorySink().sink, writeInput(f, '  '), {
      includeEvidence: false,
    }).catch((e: unknown) => e as BundleError);
    expect((blank as BundleError).message).toMatch(/exportedBy\.name: nama pengekspor wajib diisi/);
  });

  it('evidence whose stored bytes do not match their hash, and aborts the sink', async () => {
    const f = makeFixture();
    const bad = f.snapshot.evidence[1]!;
    f.blobs.set(bad.hash, seededBytes(99, bad.size));
    let aborted: unknown;
    const sink = new WritableStream<Uint8Array>({
      abort(reason) {
        aborted = reason;
      },
    });
    const error = await writeBundle(sink, writeInput(f), { includeEvidence: true }).catch(
      (e: unknown) => e as BundleError,
    );
    expect(error).toMatchObject({ code: 'sourceInvalid', entry: `evidence/${bad.hash}` });
    expect((error as BundleError).message).toContain('Dokumen 2.pdf');
    expect(aborted).toBe(error);
  });

  it.each([
    ['a stream sink', false, undefined],
    ['a sink taking Blob parts', true, undefined],
    ['a password', false, 'rahasia-123'],
  ] as const)(
    'an empty stored logo (no size recorded), through %s',
    async (_, blobParts, password) => {
      const f = makeFixture();
      const empty = new Uint8Array(0);
      const hash = sha256(empty);
      f.blobs.set(hash, empty);
      f.snapshot.evaluation.instansi.logoHash = hash;
      const { sink } = memorySink();
      const target = blobParts ? { blobParts: sink as WritableStream<Uint8Array | Blob> } : sink;
      const error = await writeBundle(target, writeInput(f), {
        includeEvidence: true,
        password,
      }).catch((e: unknown) => e as BundleError);
      expect(error).toMatchObject({ code: 'sourceInvalid', entry: `evidence/${hash}` });
      expect((error as BundleError).message).toBe('Isi "logo instansi" di penyimpanan kosong.');
    },
  );

  it('is cancelled by its AbortSignal and aborts the sink', async () => {
    const f = makeFixture({ evidenceSizes: [2_000_000, 2_000_000] });
    const controller = new AbortController();
    let aborted = false;
    const sink = new WritableStream<Uint8Array>({
      abort() {
        aborted = true;
      },
    });
    const error = await writeBundle(sink, writeInput(f), {
      includeEvidence: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytesDone > 500_000) controller.abort();
      },
    }).catch((e: unknown) => e as BundleError);
    expect(error).toMatchObject({ code: 'aborted', message: 'Proses dibatalkan oleh pengguna.' });
    expect(aborted).toBe(true);
  });
});

describe('the reader', () => {
  it('spools every verified file during the single validating pass', async () => {
    const f = makeFixture({ evidenceSizes: [700_000, 30, 5_000] });
    const { blob } = await exportToBlob(f, { includeEvidence: true });
    const spooled = new Map<string, Uint8Array[]>();
    const closed: string[] = [];
    const opened = await readBundle(blob, {
      appVersion: APP_VERSION,
      spool: (file) => {
        const parts: Uint8Array[] = [];
        spooled.set(file.hash, parts);
        return new WritableStream<Uint8Array>({
          write: (c) => {
            parts.push(c.slice());
          },
          close: () => {
            closed.push(file.hash);
          },
        });
      },
    });
    expect(closed.sort()).toEqual(opened.files.map((x) => x.hash).sort());
    for (const [hash, parts] of spooled) {
      expect(await streamBytes(new Blob(parts as Uint8Array<ArrayBuffer>[]).stream())).toEqual(
        f.blobs.get(hash),
      );
    }
  });

  it('aborts the spool of a file that fails its check, and rejects', async () => {
    const f = makeFixture({ evidenceSizes: [50_000] });
    const { blob } = await exportToBlob(f, { includeEvidence: true });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // Byte 600 lies inside the stored evidence: it is the first entry, after a ~150-byte header.
    const at = 600;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const aborted: unknown[] = [];
    const error = await readBundle(new Blob([bytes]), {
      appVersion: APP_VERSION,
      spool: () =>
        new WritableStream<Uint8Array>({
          abort: (reason) => {
            aborted.push(reason);
          },
        }),
    }).catch((e: unknown) => e as BundleError);
    expect(error).toMatchObject({ code: 'hashMismatch' });
    expect(aborted).toHaveLength(1);
  });

  it('is cancelled by its AbortSignal', async () => {
    const f = makeFixture({ evidenceSizes: [3_000_000] });
    const { blob } = await exportToBlob(f, { includeEvidence: true });
    const controller = new AbortController();
    const error = await readBundle(blob, {
      appVersion: APP_VERSION,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytesDone > 0) controller.abort();
      },
    }).catch((e: unknown) => e as BundleError);
    expect(error).toMatchObject({ code: 'aborted' });
  });
});
