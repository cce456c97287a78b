/**
 * The archive cases of the corpus (test/fixtures/bundles/corpus-archive.ts): the plain bundle they
 * start from opens, so each refusal comes from its one defect; every case is refused with its
 * code and message; the backup reader refuses the same archive defects.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../shared/bundle';
import {
  DEFAULT_BUNDLE_LIMITS,
  inflationBudget,
  inflationCounter,
} from '../../../shared/bundle/limits';
import { readBundle } from '../../../shared/bundle/zip';
import { archiveCorpus, plainBundle } from '../../fixtures/bundles/corpus-archive';
import { corpusFixture } from '../../fixtures/bundles/make-corpus';
import { APP_VERSION } from './fixtures';

describe('archive cases of the corpus', () => {
  it('start from a plain bundle that opens', async () => {
    const opened = await readBundle(new Blob([plainBundle(corpusFixture()).slice()]), {
      appVersion: APP_VERSION,
    });
    expect(opened.files.length).toBeGreaterThan(0);
  });

  it('are at least 25, each refused with its code and message', async () => {
    const cases = await archiveCorpus(corpusFixture());
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const seen: { file: string; code: string; message: string }[] = [];
    for (const c of cases) {
      expect(c.bytes.byteLength, c.file).toBeLessThan(200_000);
      const error = await readBundle(new Blob([c.bytes.slice()]), {
        appVersion: APP_VERSION,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, c.file).toBeInstanceOf(BundleError);
      const e = error as BundleError;
      seen.push({ file: c.file, code: e.code, message: e.message });
    }
    expect(seen).toEqual(
      cases.map((c) => ({
        file: c.file,
        code: c.expected.code,
        message: expect.stringMatching(c.expected.message),
      })),
    );
  });

  it('count inflated bytes against a budget tied to the file size, and stop at the first excess', () => {
    const limits = { ...DEFAULT_BUNDLE_LIMITS, minInflationBudget: 1000 };
    expect(inflationBudget(50, limits)).toBe(5000);
    expect(inflationBudget(10 ** 12, limits)).toBe(DEFAULT_BUNDLE_LIMITS.maxTotalBytes);
    const count = inflationCounter(50, limits);
    count(4000);
    count(1000);
    let error: unknown = null;
    try {
      count(1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('zipBomb');
    expect((error as BundleError).message).toMatch(
      /^Isi berkas menghasilkan lebih dari batas .* setelah dibuka untuk berkas berukuran 50 B \(paling banyak 100 kali ukuran berkas dan tidak lebih dari 64 GB\); pembacaan dihentikan\.$/,
    );
  });
});
