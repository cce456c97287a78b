/**
 * Files stored as is are verified but not copied when the caller asks so (`spoolStored: false`):
 * their bytes are a slice of the source (`storedRange`) holding exactly the verified content;
 * encrypted files have no such range and are spooled.
 */
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../shared/bundle/zip';
import { corpusFixture, validBundle } from '../../fixtures/bundles/make-corpus';
import { APP_VERSION, sha256 } from './fixtures';

describe('stored ranges', () => {
  it('are slices of the file with the verified bytes, and those files are not spooled', async () => {
    const bytes = await validBundle(corpusFixture());
    const spooled: string[] = [];
    const bundle = await readBundle(new Blob([bytes.slice()]), {
      appVersion: APP_VERSION,
      spoolStored: false,
      spool: (f) => {
        spooled.push(f.hash);
        return new WritableStream<Uint8Array>();
      },
    });
    expect(spooled).toEqual([]);
    expect(bundle.files.length).toBeGreaterThan(0);
    for (const f of bundle.files) {
      const range = bundle.storedRange(f.hash);
      expect(range, f.entry).not.toBeNull();
      expect(sha256(bytes.slice(range!.start, range!.end))).toBe(f.hash);
    }
  });

  it('do not exist for encrypted files, which are spooled', async () => {
    const bytes = await validBundle(corpusFixture(), 'sandi-yang-benar');
    const spooled: string[] = [];
    const bundle = await readBundle(new Blob([bytes.slice()]), {
      appVersion: APP_VERSION,
      password: 'sandi-yang-benar',
      spoolStored: false,
      spool: (f) => {
        spooled.push(f.hash);
        return new WritableStream<Uint8Array>();
      },
    });
    expect(spooled.sort()).toEqual(bundle.files.map((f) => f.hash).sort());
    for (const f of bundle.files) expect(bundle.storedRange(f.hash)).toBeNull();
  });
});
