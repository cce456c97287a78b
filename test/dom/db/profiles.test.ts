/**
 * Regional profiles in the database: an evaluation created from a profile carries its regulation
 * as evidence linked to the indicators it supports (all in one transaction), and custom profiles
 * are validated before they are stored, exported and imported back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import {
  blankProfile,
  findProfile,
  profileInstansiDefaults,
  regulationEvidencePlan,
  serializeProfile,
  type Profile,
} from '../../../shared/profiles';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { evidenceBlob } from '../../../renderer/src/db/commands/evidence';
import {
  deleteCustomProfile,
  duplicateAsCustomProfile,
  InvalidProfileInputError,
  loadCustomProfile,
  readProfileImport,
  saveCustomProfile,
} from '../../../renderer/src/db/commands/profiles';
import { db } from '../../../renderer/src/db/db';
import { resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const profile = (id: string): Profile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};
const inputFor = (p: Profile) =>
  sampleInput({ profileId: p.id, instansi: profileInstansiDefaults(p) });

beforeEach(resetDatabase);

describe('an evaluation created from a profile', () => {
  it('stores the regulation as a Perkada document linked to indicators 1–10, citing articles', async () => {
    const p = profile('kota-balikpapan');
    const plan = regulationEvidencePlan(p);
    const id = await createEvaluation(inputFor(p), actor, null, p);

    const evaluation = await db.evaluations.get(id);
    expect(evaluation?.profileId).toBe('kota-balikpapan');
    expect(evaluation?.instansi.headOfRegionTitle).toBe('Wali Kota');
    expect(evaluation?.instansi.ictAgencyName).toBe(
      'Dinas Komunikasi dan Informatika Kota Balikpapan',
    );

    const docs = await db.evidence.where('evaluationId').equals(id).toArray();
    expect(docs).toHaveLength(1);
    const doc = docs[0];
    expect(doc).toMatchObject({
      kind: 'perkada',
      title:
        'Peraturan Wali Kota Balikpapan tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Daerah',
      number: '14 Tahun 2022',
      documentDate: '2022-08-22',
      fileName: 'perwal-balikpapan-14-2022-salinan-teks.txt',
      mimeType: 'text/plain',
      addedBy: 'm1',
    });
    const blob = doc ? await evidenceBlob(doc.hash) : null;
    expect(await blob?.text()).toBe(plan?.text);
    expect(doc?.size).toBe(new TextEncoder().encode(plan?.text ?? '').byteLength);

    const links = (await db.links.where('evaluationId').equals(id).toArray()).sort(
      (a, b) => a.indicator - b.indicator,
    );
    expect(links.map((l) => l.indicator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const link of links) {
      const planned = plan?.links.find((l) => l.indicator === link.indicator);
      expect(link.evidenceId).toBe(doc?.id);
      expect(link.note).toBe(planned?.note);
      expect(link.note).toMatch(/^Pasal \d+/);
      expect(link.levels).toEqual(planned?.levels);
      expect(link.levels.length).toBeGreaterThan(0);
    }
    // Indicator 10 (Tim Koordinasi) cites Pasal 51 of the Perwal.
    expect(links.find((l) => l.indicator === 10)?.note).toContain('Pasal 51');

    const audit = await db.audit.where('evaluationId').equals(id).toArray();
    expect(audit[0]?.note).toContain('dari profil daerah "Pemerintah Kota Balikpapan"');
    expect(audit[0]?.note).not.toContain('kota-balikpapan');
    expect(audit.filter((e) => e.entity === 'link')).toHaveLength(10);
  });

  it('does not link the mandate articles (11–31) automatically', async () => {
    const p = profile('kota-balikpapan');
    expect(regulationEvidencePlan(p)?.links.some((l) => l.indicator > 10)).toBe(true);
    const id = await createEvaluation(inputFor(p), actor, null, p);
    const links = await db.links.where('evaluationId').equals(id).toArray();
    expect(links.every((l) => l.indicator <= 10 && l.levels.length > 0)).toBe(true);
  });

  it('keeps the Bupati title and leaves unknown dates empty for Kabupaten Mojokerto', async () => {
    const p = profile('kabupaten-mojokerto');
    const id = await createEvaluation(inputFor(p), actor, null, p);
    expect((await db.evaluations.get(id))?.instansi.headOfRegionTitle).toBe('Bupati');
    const [doc] = await db.evidence.where('evaluationId').equals(id).toArray();
    expect(doc).toMatchObject({ kind: 'perkada', number: '15 Tahun 2021', documentDate: null });
    expect(doc?.description).toContain('tanggal penetapan');
    expect(await db.links.where('evaluationId').equals(id).count()).toBe(10);
  });

  it('writes everything in one transaction: a failure leaves nothing behind', async () => {
    const p = profile('kota-bengkulu');
    const spy = vi.spyOn(db, 'transaction');
    let seen = 0;
    const fail = function () {
      seen += 1;
      if (seen === 7) throw new Error('disk rusak');
    };
    db.links.hook('creating', fail);
    try {
      await expect(createEvaluation(inputFor(p), actor, null, p)).rejects.toThrow(/disk rusak/);
    } finally {
      db.links.hook('creating').unsubscribe(fail);
    }
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(await db.evaluations.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a profile that is not the one the input names, writing nothing', async () => {
    const p = profile('kota-bengkulu');
    await expect(
      createEvaluation(sampleInput({ profileId: 'kota-balikpapan' }), actor, null, p),
    ).rejects.toThrow(/bukan "kota-bengkulu"/);
    expect(await db.evaluations.count()).toBe(0);
  });

  it('adds no document for a profile without regulation text', async () => {
    const p = blankProfile({
      id: 'kota-contoh',
      name: 'Pemerintah Kota Contoh',
      kind: 'kota',
      regionName: 'Contoh',
      headOfRegionTitle: 'Wali Kota',
    });
    const id = await createEvaluation(inputFor(p), actor, null, p);
    expect(await db.evidence.where('evaluationId').equals(id).count()).toBe(0);
    expect((await db.evaluations.get(id))?.profileId).toBe('kota-contoh');
  });
});

describe('custom profiles', () => {
  const custom = (overrides: Partial<Profile> = {}): Profile => ({
    ...profile('kota-balikpapan'),
    id: 'kota-tetangga',
    ...overrides,
  });

  it('stores a valid profile and reads it back', async () => {
    const result = await saveCustomProfile(custom(), 'create');
    expect(result.warnings).toEqual([]);
    const row = await db.profiles.get('kota-tetangga');
    expect(row?.updatedAt).toBeGreaterThan(0);
    expect(await loadCustomProfile('kota-tetangga')).toEqual(custom());
  });

  it('refuses an invalid profile with Indonesian messages and stores nothing', async () => {
    const bad = custom({ instansi: { ...custom().instansi, name: '  ', headOfRegionTitle: '' } });
    const error = await saveCustomProfile(bad, 'create').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidProfileInputError);
    expect((error as InvalidProfileInputError).errors).toEqual(
      expect.arrayContaining(['Nama instansi wajib diisi', 'Sebutan kepala daerah wajib diisi']),
    );
    expect(await db.profiles.count()).toBe(0);
  });

  it('refuses indicator numbers the instrument does not have', async () => {
    const p = custom();
    const bad = { ...p, mapping: [...p.mapping.slice(1), { ...p.mapping[0], indicator: 99 }] };
    await expect(saveCustomProfile(bad, 'create')).rejects.toThrow(/Indikator 99 tidak ada/);
  });

  it('never takes the id of a built-in profile, nor silently replaces another', async () => {
    await expect(saveCustomProfile(custom({ id: 'kota-balikpapan' }), 'create')).rejects.toThrow(
      /id profil bawaan/,
    );
    await saveCustomProfile(custom(), 'create');
    await expect(saveCustomProfile(custom(), 'create')).rejects.toThrow(/sudah dipakai/);
    await expect(saveCustomProfile(custom({ id: 'belum-ada' }), 'update')).rejects.toThrow(
      /tidak ditemukan/,
    );
    await saveCustomProfile(custom({ notes: ['diubah'] }), 'update');
    expect((await loadCustomProfile('kota-tetangga'))?.notes).toEqual(['diubah']);
  });

  it('warns (but stores) when a quote is not in the regulation text', async () => {
    const p = custom();
    const entry = p.mapping[0];
    if (!entry) throw new Error('no mapping');
    const changed = {
      ...p,
      mapping: [
        { ...entry, articles: [{ ref: 'Pasal 5', quote: 'kalimat yang tidak ada' }] },
        ...p.mapping.slice(1),
      ],
    };
    const result = await saveCustomProfile(changed, 'create');
    expect(result.warnings).toEqual([
      'Pemetaan indikator 1: Kutipan "kalimat yang tidak ada" tidak terdapat pada Pasal 5',
    ]);
    expect(await db.profiles.count()).toBe(1);
  });

  it('duplicates a built-in profile under a free id', async () => {
    const first = await duplicateAsCustomProfile(profile('kota-balikpapan'));
    const second = await duplicateAsCustomProfile(profile('kota-balikpapan'));
    expect([first.id, second.id]).toEqual(['kota-balikpapan-salinan', 'kota-balikpapan-salinan-2']);
    expect((await loadCustomProfile(first.id))?.regulation.number).toBe('14');
  });

  it('round-trips through the profile file, refusing built-in ids and flagging existing ones', async () => {
    const file = serializeProfile(custom());
    const fresh = await readProfileImport(file);
    expect(fresh).toMatchObject({ ok: true, exists: false, warnings: [] });
    if (!fresh.ok) throw new Error('refused');
    await saveCustomProfile(fresh.profile, 'create');
    expect(await loadCustomProfile('kota-tetangga')).toEqual(custom());

    expect(await readProfileImport(file)).toMatchObject({ ok: true, exists: true });
    const builtIn = await readProfileImport(serializeProfile(profile('kabupaten-mojokerto')));
    expect(builtIn.ok).toBe(false);
    expect(!builtIn.ok && builtIn.errors[0]).toMatch(/milik profil bawaan/);
    const broken = await readProfileImport('{"format":"spbe-profile"');
    expect(broken).toEqual({
      ok: false,
      errors: ['Berkas profil rusak: isinya bukan JSON yang sah.'],
    });

    await deleteCustomProfile('kota-tetangga');
    expect(await db.profiles.count()).toBe(0);
  });

  it('reads a stored row that is no longer valid as refused, not as a profile', async () => {
    await db.profiles.put({ id: 'rusak', updatedAt: 1, profile: { formatVersion: 1 } });
    expect(await loadCustomProfile('rusak')).toBeNull();
  });
});
