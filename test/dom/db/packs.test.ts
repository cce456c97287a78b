/**
 * Packs loaded from files, stored in the settings table: a sound file is stored and found again
 * after the registry is reloaded from the database (as at start-up); a broken one is refused with
 * every reason and nothing stored; a stored pack that no longer validates is skipped, not fatal;
 * a loaded pack is removed only while no evaluation uses it. Both instruments.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { BundleError } from '../../../shared/bundle';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import {
  findPack,
  indicatorEntries,
  registerUserPacks,
  type InstrumentPack,
} from '../../../shared/instrument';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import {
  installPack,
  installPackFile,
  loadStoredPacks,
  MAX_PACK_FILE_BYTES,
  packFile,
  packKey,
  removePack,
  type PackFileResult,
  skippedStoredPacks,
} from '../../../renderer/src/db/commands/packs';
import { db } from '../../../renderer/src/db/db';
import { restoreBackup } from '../../../renderer/src/db/backup';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { backupBlob } from './backup-helpers';
import { makeFixture, memorySink, writeInput } from '../../unit/bundle/fixtures';
import { resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const OLD = 'permenpanrb-59-2020';
const PEMDI = 'permenpanrb-8-2026';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations reach into arbitrary JSON

const json = (id: string, mutate: (p: Mutable) => void = () => undefined): Mutable => {
  const copy = JSON.parse(JSON.stringify(findPack(id))) as Mutable;
  mutate(copy);
  return copy;
};
const file = (name: string, content: unknown): File =>
  new File([typeof content === 'string' ? content : JSON.stringify(content)], name, {
    type: 'application/json',
  });
const storedPacks = () => db.settings.where('key').startsWith('pack:').toArray();

beforeEach(async () => {
  registerUserPacks([]);
  await resetDatabase();
});
afterEach(() => {
  registerUserPacks([]);
});

describe('loading a pack file', () => {
  it.each([OLD, PEMDI])(
    'stores a sound copy of %s under a new id; findPack finds it after a reload from the database',
    async (id) => {
      const newId = `${id}-resmi`;
      const result = await installPackFile(
        file(
          'paket.json',
          json(id, (p) => (p.id = newId)),
        ),
      );
      expect(result).toMatchObject({ ok: true, added: true, pack: { id: newId } });
      const version = findPack(id)!.version;
      expect((await storedPacks()).map((r) => r.key)).toEqual([packKey(newId, version)]);

      // As at the next start: an empty registry, read back from the database.
      registerUserPacks([]);
      expect(findPack(newId)).toBeUndefined();
      const { loaded, skipped } = await loadStoredPacks();
      expect(skipped).toEqual([]);
      expect(loaded.map((p) => p.id)).toEqual([newId]);
      const found = findPack(newId, version)!;
      expect(found.indexLabel).toBe(findPack(id)!.indexLabel);
      expect(found.valueScale).toEqual(findPack(id)!.valueScale);
    },
  );

  it.each([OLD, PEMDI])(
    'refuses a broken %s pack with both reasons (unknown field, weights) and stores nothing',
    async (id) => {
      const broken = json(id, (p) => {
        p.id = `${id}-rusak`;
        p.penerbit = 'tidak dikenal';
        p.groups[0].weight += 7;
      });
      const result = await installPackFile(file('rusak.json', broken));
      if (result.ok) throw new Error('accepted');
      expect(result.errors).toContain('(akar): kolom tidak dikenal: penerbit');
      expect(result.errors.some((e) => /bobot/i.test(e))).toBe(true);
      expect(await storedPacks()).toEqual([]);
      expect(findPack(`${id}-rusak`)).toBeUndefined();
    },
  );

  it('refuses a file that is not JSON, and one over 20 MB before reading it', async () => {
    expect(await installPackFile(file('x.json', '{ bukan json'))).toEqual({
      ok: false,
      errors: ['Berkas "x.json" bukan JSON yang sah.'],
    });
    const text = vi.fn(async () => '{}');
    const big = await installPackFile({ name: 'besar.json', size: MAX_PACK_FILE_BYTES + 1, text });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.errors[0]).toMatch(/^Berkas "besar.json" terlalu besar/);
    expect(text).not.toHaveBeenCalled();
    expect(await storedPacks()).toEqual([]);
  });

  it.each([OLD, PEMDI])(
    'refuses %s changed under its own id and version; the built-in pack stays',
    async (id) => {
      const builtIn = findPack(id)!;
      const result = await installPackFile(
        file(
          'x.json',
          json(id, (p) => (p.title += ' X')),
        ),
      );
      expect(result).toEqual({
        ok: false,
        errors: [
          `Paket ${id} versi ${builtIn.version} sudah ada dengan isi berbeda; naikkan nomor versinya.`,
        ],
      });
      expect(findPack(id)).toBe(builtIn);
      expect(await storedPacks()).toEqual([]);
    },
  );

  it('treats the same pack loaded again as a no-op (the exported file of a built-in too)', async () => {
    const builtIn = findPack(PEMDI)!;
    expect(await installPackFile(file('p.json', packFile(builtIn).text))).toMatchObject({
      ok: true,
      added: false,
    });
    const copy = json(PEMDI, (p) => (p.id = 'pemdi-resmi'));
    expect(await installPackFile(file('a.json', copy))).toMatchObject({ ok: true, added: true });
    expect(await installPackFile(file('b.json', copy))).toMatchObject({ ok: true, added: false });
    expect(await storedPacks()).toHaveLength(1);
  });
});

describe('stored packs at start-up', () => {
  it('skips a stored pack that no longer validates, with its reasons, and loads the others', async () => {
    const good = json(OLD, (p) => (p.id = 'lama-resmi'));
    const bad = json(PEMDI, (p) => {
      p.id = 'pemdi-rusak';
      p.targets.index = 9;
    });
    await db.settings.bulkPut([
      { key: packKey('lama-resmi', good.version as string), value: good },
      { key: packKey('pemdi-rusak', bad.version as string), value: bad },
    ]);
    const { loaded, skipped } = await loadStoredPacks();
    expect(loaded.map((p: InstrumentPack) => p.id)).toEqual(['lama-resmi']);
    expect(skipped).toEqual([
      {
        key: packKey('pemdi-rusak', bad.version as string),
        errors: [expect.stringMatching(/Target indeks 9 di luar skala/)],
      },
    ]);
    expect(skippedStoredPacks()).toEqual(skipped);
    expect(findPack('pemdi-rusak')).toBeUndefined();
  });
});

describe('removing a loaded pack', () => {
  it.each([OLD, PEMDI])(
    'is refused for the built-in %s and while an evaluation uses the loaded one',
    async (id) => {
      const builtIn = findPack(id)!;
      expect(await removePack(id, builtIn.version)).toMatchObject({ ok: false });

      const newId = `${id}-resmi`;
      await installPackFile(
        file(
          'p.json',
          json(id, (p) => (p.id = newId)),
        ),
      );
      const evaluationId = await createEvaluation(
        sampleInput({ instrumentId: newId, instrumentVersion: builtIn.version }),
        actor,
      );
      const refused = await removePack(newId, builtIn.version);
      expect(refused).toEqual({
        ok: false,
        message: expect.stringContaining(
          'masih dipakai 1 evaluasi (Pemerintah Kota Balikpapan tahun 2026)',
        ),
      });
      expect(findPack(newId)).toBeDefined();

      await db.evaluations.delete(evaluationId);
      expect(await removePack(newId, builtIn.version)).toEqual({ ok: true });
      expect(findPack(newId)).toBeUndefined();
      expect(await storedPacks()).toEqual([]);
    },
  );
});

describe('a bundle made with a loaded pack', () => {
  it.each([OLD, PEMDI])(
    'is refused naming the pack needed and where to load it, then opens once a copy of %s is loaded',
    async (id) => {
      const newId = `${id}-resmi`;
      const raw = json(id, (p) => (p.id = newId));
      const pack = (await installPack(raw)) as Extract<PackFileResult, { ok: true }>;
      const f = makeFixture();
      f.snapshot.evaluation.instrument = { id: newId, version: pack.pack.version };
      // Only the indicators the pack has (Pemdi: 20).
      const count = indicatorEntries(pack.pack).length;
      f.snapshot.answers = f.snapshot.answers.filter((a) => a.indicator <= count);
      f.snapshot.links = f.snapshot.links.filter((l) => l.indicator <= count);
      const m = memorySink();
      await writeBundle(m.sink, { ...writeInput(f), pack: pack.pack }, { includeEvidence: true });
      const bytes = m.blob();

      // Another computer: the pack is not there.
      await removePack(newId, pack.pack.version);
      const refused = await readBundle(bytes, { appVersion: '1.0.0' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(BundleError);
      expect((refused as BundleError).code).toBe('instrumentUnknown');
      expect((refused as BundleError).message).toBe(
        `Berkas memakai instrumen "${newId}" versi ${pack.pack.version} yang tidak dikenal aplikasi ini. Paket instrumen ${newId} versi ${pack.pack.version} (${pack.pack.shortTitle} tentang ${pack.pack.title}) diperlukan: minta berkas paketnya (.json) kepada pengirim, muat paket di layar Instrumen (Muat paket dari berkas…), lalu buka berkas ini lagi.`,
      );

      await installPackFile(file('paket.json', raw));
      const opened = await readBundle(bytes, { appVersion: '1.0.0' });
      expect(opened.pack.id).toBe(newId);
      expect(opened.manifest.instrument).toEqual({ id: newId, version: pack.pack.version });
    },
  );

  it('names the pack when only another version of the instrument is installed', async () => {
    const f = makeFixture();
    f.snapshot.evaluation.instrument = { id: OLD, version: '2.0.0' };
    const newer = json(OLD, (p) => (p.version = '2.0.0'));
    const installed = await installPack(newer);
    if (!installed.ok) throw new Error(installed.errors.join('; '));
    const m = memorySink();
    await writeBundle(
      m.sink,
      { ...writeInput(f), pack: installed.pack },
      { includeEvidence: true },
    );
    await removePack(OLD, '2.0.0');
    const refused = await readBundle(m.blob(), { appVersion: '1.0.0' }).catch((e: unknown) => e);
    expect((refused as BundleError).code).toBe('instrumentVersion');
    expect((refused as BundleError).message).toMatch(
      /versi 2\.0\.0, sedangkan aplikasi ini memasang versi 1\.0\.0\. Paket instrumen permenpanrb-59-2020 versi 2\.0\.0 \(PermenPANRB 59\/2020 tentang Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik\) diperlukan: .*muat paket di layar Instrumen/,
    );
  });
});

describe('a backup made with a loaded pack', () => {
  it.each([OLD, PEMDI])(
    'carries the loaded copy of %s, so its evaluation opens on another computer',
    async (id) => {
      const newId = `${id}-resmi`;
      const installed = await installPack(json(id, (p) => (p.id = newId)));
      if (!installed.ok) throw new Error(installed.errors.join('; '));
      const evaluation = await createEvaluation(
        sampleInput({ year: 2026, instrumentId: newId, instrumentVersion: installed.pack.version }),
        actor,
      );
      const backup = await backupBlob();

      // Another computer: an empty database, only the built-in packs.
      await resetDatabase();
      registerUserPacks([]);
      expect(findPack(newId)).toBeUndefined();
      await restoreBackup(backup, { selection: { mode: 'all' }, store: webBackupStore });
      expect((await storedPacks()).map((r) => r.key)).toEqual([
        packKey(newId, installed.pack.version),
      ]);
      await loadStoredPacks();
      expect(findPack(newId, installed.pack.version)).toBeDefined();
      expect((await db.evaluations.get(evaluation))?.instrument.id).toBe(newId);
    },
  );

  it('keeps the copy already on this computer', async () => {
    const installed = await installPack(json(PEMDI, (p) => (p.id = `${PEMDI}-resmi`)));
    if (!installed.ok) throw new Error(installed.errors.join('; '));
    const backup = await backupBlob();
    const before = await storedPacks();
    await restoreBackup(backup, { selection: { mode: 'all' }, store: webBackupStore });
    expect(await storedPacks()).toEqual(before);
  });
});
