/**
 * What a report is built from, read from the database: earlier years of the same instansi, the
 * regional profile (built-in, or custom in db.profiles, with a clean fallback), and the logo.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  evaluationSnapshotSchema,
  type EvaluationId,
  type EvaluationSnapshot,
} from '../../../shared/assessment';
import { blankProfile } from '../../../shared/profiles';
import { db } from '../../../renderer/src/db/db';
import {
  loadReportSources,
  lookupProfile,
  ReportSourceError,
} from '../../../renderer/src/features/report/report-sources';
import { resetDatabase } from '../db/helpers';

const fixture = (name: string): EvaluationSnapshot =>
  evaluationSnapshotSchema.parse(
    JSON.parse(
      readFileSync(path.join(__dirname, '../../fixtures/evaluations', `${name}.json`), 'utf8'),
    ),
  );

async function store(...snapshots: EvaluationSnapshot[]): Promise<void> {
  for (const s of snapshots) {
    await db.evaluations.put(s.evaluation);
    await db.answers.bulkPut(s.answers);
    await db.evidence.bulkPut(s.evidence);
    await db.links.bulkPut(s.links);
    await db.members.bulkPut(s.members);
  }
}

const custom = blankProfile({
  id: 'kota-contoh',
  name: 'Pemerintah Kota Contoh',
  kind: 'kota',
  regionName: 'Contoh',
  headOfRegionTitle: 'Wali Kota',
});

beforeEach(async () => {
  await resetDatabase();
});

describe('loadReportSources', () => {
  it('reads the evaluation with the earlier year of the same instansi only', async () => {
    const current = fixture('balikpapan-2026');
    current.evaluation.profileId = 'kota-balikpapan';
    await store(fixture('balikpapan-2025'), current, fixture('mojokerto-2026-partial'));
    const sources = await loadReportSources('bpp-2026' as EvaluationId);
    expect(sources.snapshot.answers).toHaveLength(47);
    expect(sources.previous.map((p) => [p.year, p.overall?.display])).toEqual([[2025, '2,37']]);
    expect(sources.profile?.regulation?.number).toBe('14');
    expect(sources.logo).toBeNull();
  });

  it('gives the logo from the blob store', async () => {
    const current = fixture('balikpapan-2026');
    const hash = 'a'.repeat(64);
    current.evaluation.instansi.logoHash = hash as never;
    await store(current);
    await db.blobs.put({
      hash: hash as never,
      data: new Blob(['<svg/>'], { type: 'image/svg+xml' }),
      size: 6,
      type: 'image/svg+xml',
      createdAt: 1,
    });
    const { logo } = await loadReportSources('bpp-2026' as EvaluationId);
    expect(logo?.type).toBe('image/svg+xml');
    expect(logo?.size).toBe(6);
  });

  it('says in Indonesian when the evaluation is gone', async () => {
    await expect(loadReportSources('hilang' as EvaluationId)).rejects.toThrow(ReportSourceError);
    await expect(loadReportSources('hilang' as EvaluationId)).rejects.toThrow(
      'Evaluasi tidak ditemukan',
    );
  });
});

describe('lookupProfile', () => {
  it('finds a built-in profile, then a valid custom one stored in db.profiles', async () => {
    expect((await lookupProfile('kabupaten-mojokerto'))?.instansi.regionName).toBe('Mojokerto');
    await db.profiles.put({ id: custom.id, updatedAt: 1, profile: custom });
    expect((await lookupProfile('kota-contoh'))?.instansi.name).toBe('Pemerintah Kota Contoh');
  });

  it('falls back to no profile for none, an unknown id or a damaged stored profile', async () => {
    expect(await lookupProfile(null)).toBeNull();
    expect(await lookupProfile('kota-tidak-ada')).toBeNull();
    await db.profiles.put({ id: 'kota-rusak', updatedAt: 1, profile: { formatVersion: 99 } });
    expect(await lookupProfile('kota-rusak')).toBeNull();
  });
});
