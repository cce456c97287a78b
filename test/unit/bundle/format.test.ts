/**
 * Format versions: a newer major is refused with "update the app", a newer minor is read (its
 * extra fields dropped), an older major is carried forward by explicit migrations (tested with a
 * test chain, since 1.0 is the first released format), and a gap in the chain is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT,
  BUNDLE_MIGRATIONS,
  BundleError,
  FORMAT_VERSION,
  upgradeManifest,
  type FormatMigration,
} from '../../../shared/bundle';
import { readBundle } from '../../../shared/bundle/zip';
import { corpusFixture, evidenceEntries, manifestOf } from '../../fixtures/bundles/make-corpus';
import { APP_VERSION } from './fixtures';
import { rawZip } from './zip-bytes';

const enc = new TextEncoder();

/** A test chain: "0.x" called the exporter `exporter` and the evidence flag `withEvidence`. */
const testMigrations: FormatMigration[] = [
  {
    from: 0,
    description: 'exporter -> exportedBy, withEvidence -> evidenceIncluded',
    migrate: ({ exporter, withEvidence, ...rest }) => ({
      ...rest,
      exportedBy: exporter,
      evidenceIncluded: withEvidence,
    }),
  },
];

describe('format versions', () => {
  it('ships format 1.0 with no migrations yet', () => {
    expect(FORMAT_VERSION).toBe('1.0');
    expect(BUNDLE_MIGRATIONS).toEqual([]);
  });

  it('refuses a newer major version with a message to update the app', () => {
    const e = (() => {
      try {
        upgradeManifest({ format: BUNDLE_FORMAT, formatVersion: '2.3' }, '0.1.0');
      } catch (error) {
        return error as BundleError;
      }
      throw new Error('not refused');
    })();
    expect(e.code).toBe('formatTooNew');
    expect(e.message).toMatch(/format versi 2\.3.*aplikasi ini \(versi 0\.1\.0, format 1\.x\)/);
    expect(e.message).toMatch(/Perbarui aplikasi Evaluasi SPBE/);
  });

  it.each([
    [{ formatVersion: '1.0' }, 'manifestInvalid', /bukan berkas pertukaran Evaluasi SPBE/],
    [{ format: BUNDLE_FORMAT, formatVersion: 'satu' }, 'formatUnknown', /tidak terbaca/],
    [{ format: BUNDLE_FORMAT }, 'formatUnknown', /tidak terbaca/],
    [
      { format: BUNDLE_FORMAT, formatVersion: '0.4' },
      'formatUnknown',
      /tidak ada migrasi dari versi 0\.x/,
    ],
  ])('refuses %j', (raw, code, message) => {
    expect(() => upgradeManifest(raw, '0.1.0')).toThrow(BundleError);
    try {
      upgradeManifest(raw, '0.1.0');
    } catch (e) {
      expect((e as BundleError).code).toBe(code);
      expect((e as BundleError).message).toMatch(message);
    }
  });

  it('migrates an older major version step by step', () => {
    const chain: FormatMigration[] = [
      { from: 0, description: 'a', migrate: (m) => ({ ...m, steps: ['0->1'] }) },
      {
        from: 1,
        description: 'b',
        migrate: (m) => ({ ...m, steps: [...(m.steps as string[]), '1->2'] }),
      },
    ];
    const { manifest, original } = upgradeManifest(
      { format: BUNDLE_FORMAT, formatVersion: '0.2' },
      '0.1.0',
      chain,
      { major: 2, minor: 0 },
    );
    expect(original).toEqual({ major: 0, minor: 2 });
    expect(manifest).toEqual({
      format: BUNDLE_FORMAT,
      formatVersion: '2.0',
      steps: ['0->1', '1->2'],
    });
  });

  it('reads an older bundle through the migrations, end to end', async () => {
    const f = corpusFixture();
    const { exportedBy, evidenceIncluded, ...rest } = manifestOf(f);
    const old = {
      ...rest,
      formatVersion: '0.9',
      exporter: exportedBy,
      withEvidence: evidenceIncluded,
    };
    const bytes = await rawZip([
      ...evidenceEntries(f),
      { name: 'manifest.json', data: enc.encode(JSON.stringify(old)) },
    ]);
    const opened = await readBundle(new Blob([bytes.slice()]), {
      appVersion: APP_VERSION,
      migrations: testMigrations,
    });
    expect(opened.originalVersion).toEqual({ major: 0, minor: 9 });
    expect(opened.manifest.formatVersion).toBe('1.0');
    expect(opened.manifest.exportedBy.name).toBe('Ani Rahmawati');
    expect(opened.manifest.snapshot).toEqual(f.snapshot);
    // Without the migration the same file is refused.
    await expect(
      readBundle(new Blob([bytes.slice()]), { appVersion: APP_VERSION }),
    ).rejects.toMatchObject({ code: 'formatUnknown' });
  });

  it('reads a newer minor version and drops the fields it does not know', async () => {
    const f = corpusFixture();
    const newer = { ...manifestOf(f), formatVersion: '1.7', signature: { by: 'x' } };
    const bytes = await rawZip([
      ...evidenceEntries(f),
      { name: 'manifest.json', data: enc.encode(JSON.stringify(newer)) },
    ]);
    const opened = await readBundle(new Blob([bytes.slice()]), { appVersion: APP_VERSION });
    expect(opened.originalVersion).toEqual({ major: 1, minor: 7 });
    expect(opened.manifest).not.toHaveProperty('signature');
    expect(opened.manifest.snapshot).toEqual(f.snapshot);
  });
});
