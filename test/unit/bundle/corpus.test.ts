/**
 * The bad-input corpus (test/fixtures/bundles): every committed file is refused with its own code
 * and Indonesian message, and a fresh build of the corpus gives the same refusals (so the script
 * stays in step with the format). UPDATE_CORPUS=1 rewrites the committed files.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../../shared/bundle';
import { readBundle } from '../../../shared/bundle/zip';
import { buildCorpus, writeCorpus, type CorpusCase } from '../../fixtures/bundles/make-corpus';
import { repoRoot } from '../helpers';
import { APP_VERSION } from './fixtures';

const dir = path.join(repoRoot, 'test/fixtures/bundles');

interface IndexEntry {
  file: string;
  about: string;
  password: string | null;
  code: string;
  message: string;
}

async function refusal(bytes: Uint8Array, password?: string): Promise<BundleError> {
  const result = await readBundle(new Blob([bytes.slice()]), {
    appVersion: APP_VERSION,
    password,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(result instanceof BundleError)) {
    throw new Error(`expected a BundleError, got ${String(result)}`);
  }
  return result;
}

describe('the bad-input corpus', () => {
  let fresh: CorpusCase[];
  beforeAll(async () => {
    fresh = process.env.UPDATE_CORPUS ? await writeCorpus(dir) : await buildCorpus();
  }, 60_000);

  it('covers every kind of bad input the issue names', async () => {
    const index = JSON.parse(await readFile(path.join(dir, 'corpus.json'), 'utf8')) as IndexEntry[];
    expect(index.map((c) => c.file).sort()).toEqual(fresh.map((c) => c.file).sort());
    expect(new Set(index.map((c) => c.code))).toEqual(
      new Set([
        'empty',
        'notZip',
        'corrupt',
        'hashMismatch',
        'missingEntry',
        'extraEntry',
        'entryName',
        'duplicateEntry',
        'tooLarge',
        'sizeMismatch',
        'zipBomb',
        'formatTooNew',
        'instrumentUnknown',
        'instrumentVersion',
        'content',
        'manifestInvalid',
        'wrongPassword',
        'passwordRequired',
        'unsupported',
      ]),
    );
  });

  it('refuses every committed file with its code and Indonesian message', async () => {
    const index = JSON.parse(await readFile(path.join(dir, 'corpus.json'), 'utf8')) as IndexEntry[];
    for (const c of index) {
      const bytes = new Uint8Array(await readFile(path.join(dir, c.file)));
      const error = await refusal(bytes, c.password ?? undefined);
      expect({ file: c.file, code: error.code }).toEqual({ file: c.file, code: c.code });
      expect(error.message, c.file).toMatch(new RegExp(c.message));
      expect(error.message, c.file).not.toContain('\n');
    }
  }, 60_000);

  it('refuses a freshly built corpus the same way', async () => {
    for (const c of fresh) {
      const error = await refusal(c.bytes, c.password);
      expect({ file: c.file, code: error.code, message: error.message }).toMatchObject({
        file: c.file,
        code: c.expected.code,
        message: expect.stringMatching(c.expected.message),
      });
    }
  }, 60_000);
});
