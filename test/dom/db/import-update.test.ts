/**
 * Updating an evaluation with a bundle of it, through the database: the rows the pure plan
 * (shared/merge/import-update.ts) names are written in the import's one transaction. A member
 * and a link held on both sides are united as the merge unites them; rows whose ids another
 * evaluation uses get new ids with every reference following; the audit note tells what happened.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { commitImport, openBundle } from '../../../renderer/src/db/commands/import';
import { db } from '../../../renderer/src/db/db';
import { makeFixture, memorySink, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from './helpers';

const actor = { id: null, name: 'Sri Wahyuni' };

beforeEach(resetDatabase);

async function bundleOf(f: Fixture): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, { ...writeInput(f), tombstones: [] }, { includeEvidence: true });
  return m.blob();
}

const kota = (): Fixture =>
  makeFixture({ seed: 4, evaluationId: 'eval-kota', levels: { 1: 3, 2: 2 } });

async function importAs(f: Fixture, name: string, mode: 'create' | 'update') {
  return commitImport(await openBundle(await bundleOf(f), name), {
    mode,
    confirmed: true,
    actor,
  });
}

describe('updating an evaluation with a bundle', () => {
  it('unites members and links as the merge does', async () => {
    const base = kota();
    base.snapshot.links[0]!.note = '';
    base.snapshot.links[0]!.levels = [1];
    await importAs(base, 'dasar.spbe', 'create');

    const ani = kota();
    const budi = ani.snapshot.members.find((m) => m.id === 'm-budi')!;
    budi.role = 'dataEntry';
    budi.indicators = [4, 5, 6];
    ani.snapshot.links[0]!.levels = [2, 3];
    const result = await importAs(ani, 'ani.spbe', 'update');
    expect(result.mode).toBe('update');

    const members = await db.members.where('evaluationId').equals('eval-kota').sortBy('name');
    expect(members.map((m) => [m.id, m.role, m.indicators])).toEqual([
      ['m-ani', 'lead', [1, 2, 3]],
      ['m-budi', 'dataEntry', [4, 5, 6]],
    ]);
    const link = (await db.links.get(base.snapshot.links[0]!.id))!;
    expect(link).toMatchObject({ levels: [1, 2, 3], note: 'Pasal 2' });
    expect(await db.links.where('evaluationId').equals('eval-kota').count()).toBe(
      base.snapshot.links.length,
    );
  });

  it('gives rows new ids where another evaluation uses them, references following', async () => {
    await importAs(kota(), 'dasar.spbe', 'create');
    // Another evaluation here already uses Citra's member id and the new document's ids.
    const other = makeFixture({
      seed: 9,
      evaluationId: 'eval-lain',
      levels: { 1: 2 },
      evidenceSizes: [300],
      members: [{ id: 'm-citra', name: 'Citra Lestari', nip: '199001012015022001' }],
      instansiName: 'Pemerintah Kabupaten Paser',
    });
    await importAs(other, 'lain.spbe', 'create');

    const ani = kota();
    ani.snapshot.members.push({
      ...ani.snapshot.members[1]!,
      id: 'm-citra' as MemberId,
      name: 'Citra Lestari',
      nip: '199001012015022002',
    });
    const extra = makeFixture({
      seed: 9,
      evaluationId: 'eval-kota',
      levels: { 1: 2 },
      evidenceSizes: [300],
      members: [{ id: 'm-citra', name: 'Citra Lestari' }],
    });
    // The other evaluation's document (same ids, same bytes), linked to indicator 2 here.
    ani.snapshot.evidence.push(extra.snapshot.evidence[0]!);
    ani.snapshot.links.push({ ...extra.snapshot.links[0]!, indicator: 2 });
    for (const [hash, bytes] of extra.blobs) ani.blobs.set(hash, bytes);
    const result = await importAs(ani, 'ani.spbe', 'update');
    expect(result.documentsAdded).toBe(1);

    const citra = (await db.members.where('evaluationId').equals('eval-kota').toArray()).find(
      (m) => m.name === 'Citra Lestari',
    )!;
    expect(citra.id).not.toBe('m-citra');
    expect((await db.members.get('m-citra' as MemberId))?.evaluationId).toBe('eval-lain');
    const doc = (await db.evidence
      .where('hash')
      .equals(extra.snapshot.evidence[0]!.hash)
      .filter((e) => e.evaluationId === 'eval-kota')
      .first())!;
    expect(doc.id).not.toBe(extra.snapshot.evidence[0]!.id);
    expect(doc.addedBy).toBe(citra.id);
    const links = await db.links.where('evidenceId').equals(doc.id).toArray();
    expect(links.map((l) => [l.indicator, l.evaluationId, l.addedBy])).toEqual([
      [2, 'eval-kota', citra.id],
    ]);
    expect(links[0]!.id).not.toBe(extra.snapshot.links[0]!.id);
    // The other evaluation is untouched.
    expect(await db.links.get(extra.snapshot.links[0]!.id)).toMatchObject({
      evaluationId: 'eval-lain',
    });
    const note = (await db.audit.where('evaluationId').equals('eval-kota').toArray()).at(-1)!.note;
    expect(note).toMatch(/^Diimpor dari berkas ani\.spbe.*1 dokumen ditambahkan\.$/);
  });
});
