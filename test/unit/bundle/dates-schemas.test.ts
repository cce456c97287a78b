/**
 * The one timestamp and calendar-date rule in every schema that holds one: the assessment model
 * (what bundles, backups and the database carry), the bundle manifest (nothing more than a day
 * after its export), the backup manifest (likewise after the backup was made) and the regional
 * profile's regulation dates. Refusals name the field and say why in Indonesian.
 */
import { describe, expect, it } from 'vitest';
import { evaluationSnapshotSchema } from '../../../shared/assessment';
import { BACKUP_FORMAT, backupManifestSchema } from '../../../shared/backup';
import { bundleManifestSchema } from '../../../shared/bundle';
import { describePath, indonesianErrorMap } from '../../../shared/format/zod-messages';
import { findProfile, parseProfileFile, serializeProfile } from '../../../shared/profiles';
import { corpusFixture, manifestOf } from '../../fixtures/bundles/make-corpus';

const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): string[] => (result.error?.issues ?? []).map((i) => `${describePath(i.path)}: ${i.message}`);

describe('the assessment snapshot', () => {
  it('refuses times no Date holds and days that do not exist, naming the field', () => {
    const s = structuredClone(corpusFixture().snapshot);
    expect(evaluationSnapshotSchema.safeParse(s).success).toBe(true);
    s.audit[2]!.at = 1e300;
    s.members[0]!.createdAt = -1;
    s.evaluation.periodEnd = '2026-04-31';
    s.evidence[0]!.documentDate = '2026-02-30';
    const result = evaluationSnapshotSchema.safeParse(s, { error: indonesianErrorMap });
    expect(problems(result)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^audit\[2\]\.at: waktu tidak sah/),
        expect.stringMatching(/^members\[0\]\.createdAt: waktu tidak sah/),
        'evaluation.periodEnd: tanggal 2026-04-31 tidak ada (bulan itu hanya sampai tanggal 30)',
        'evidence[0].documentDate: tanggal 2026-02-30 tidak ada (bulan itu hanya sampai tanggal 28)',
      ]),
    );
  });
});

describe('the bundle manifest', () => {
  it('accepts a day of clock skew after the export, not more', () => {
    const m = manifestOf(corpusFixture());
    m.snapshot.answers[0]!.updatedAt = m.exportedAt + 24 * 60 * 60 * 1000;
    expect(bundleManifestSchema.safeParse(m).success).toBe(true);
    m.snapshot.answers[0]!.updatedAt += 1;
    m.snapshot.evaluation.updatedAt = m.exportedAt + 2 * 24 * 60 * 60 * 1000;
    expect(problems(bundleManifestSchema.safeParse(m))).toEqual([
      'snapshot.evaluation.updatedAt: waktu lebih dari satu hari sesudah waktu ekspor berkas',
      'snapshot.answers[0].updatedAt: waktu lebih dari satu hari sesudah waktu ekspor berkas',
    ]);
  });
});

describe('the backup manifest', () => {
  const EXPORT = Date.UTC(2026, 10, 22, 8);
  const manifest = (blobAt: number, createdAt = EXPORT) => ({
    format: BACKUP_FORMAT,
    formatVersion: 1,
    app: { name: 'Evaluasi SPBE', version: '1.0.0' },
    createdAt,
    database: { name: 'evaluasi-spbe', version: 1 },
    fingerprint: '0'.repeat(64),
    tables: [],
    blobs: [{ hash: 'a'.repeat(64), size: 1, type: '', createdAt: blobAt, entry: 'blobs/a' }],
    evaluations: [],
  });

  it('refuses a file stored after the backup was made, or at an impossible time', () => {
    expect(problems(backupManifestSchema.safeParse(manifest(EXPORT - 1000)))).toEqual([]);
    expect(problems(backupManifestSchema.safeParse(manifest(EXPORT + 3 * 86_400_000)))).toEqual([
      'blobs[0].createdAt: waktu lebih dari satu hari sesudah waktu ekspor berkas',
    ]);
    expect(problems(backupManifestSchema.safeParse(manifest(EXPORT, 1e300)))[0]).toMatch(
      /^createdAt: waktu tidak sah/,
    );
  });
});

describe('the regional profile', () => {
  it('refuses a regulation set on 31 Februari', () => {
    const profile = structuredClone(findProfile('kota-balikpapan')!);
    profile.regulation.dateSet = '2022-02-31';
    const text = serializeProfile(profile);
    expect(text).toContain('2022-02-31');
    const result = parseProfileFile(text);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/tanggal 2022-02-31 tidak ada/);
  });
});
