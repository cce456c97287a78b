/**
 * The bundle manifest names the evaluation's pack (title and short title) beside its id and
 * version: written on export for both packs, optional when read (older bundles have none), and
 * used to say which pack is needed when no version of it, or another version only, is here.
 */
import { describe, expect, it } from 'vitest';
import { BundleError, bundleManifestSchema } from '../../../shared/bundle';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import { findPack, indicatorEntries, type InstrumentPack } from '../../../shared/instrument';
import { rawZip } from './zip-bytes';
import { evidenceEntries, manifestOf } from '../../fixtures/bundles/make-corpus';
import { APP_VERSION, makeFixture, memorySink, writeInput, type Fixture } from './fixtures';

const packs = [findPack('permenpanrb-59-2020')!, findPack('permenpanrb-8-2026')!];

function fixtureOn(pack: InstrumentPack): Fixture {
  const count = indicatorEntries(pack).length;
  const f = makeFixture({
    levels: Object.fromEntries(Array.from({ length: count }, (_, i) => [i + 1, 2] as const)),
  });
  f.snapshot.evaluation.instrument = { id: pack.id, version: pack.version };
  return f;
}

async function exported(pack: InstrumentPack): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, { ...writeInput(fixtureOn(pack)), pack }, { includeEvidence: true });
  return m.blob();
}

async function refusal(
  bytes: Blob,
  find: (id: string, version?: string) => InstrumentPack | undefined,
): Promise<BundleError> {
  const e = await readBundle(bytes, { appVersion: APP_VERSION, findPack: find }).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof BundleError)) throw new Error(`expected a BundleError, got ${String(e)}`);
  return e;
}

describe.each(packs)('a bundle of an evaluation on $id', (pack) => {
  it('names the pack in its manifest', async () => {
    const opened = await readBundle(await exported(pack), { appVersion: APP_VERSION });
    expect(opened.manifest.instrument).toEqual({ id: pack.id, version: pack.version });
    expect(opened.manifest.instrumentTitle).toEqual({
      title: pack.title,
      shortTitle: pack.shortTitle,
    });
  });

  it('says which pack is needed, by its names, where no version of it is present', async () => {
    const e = await refusal(await exported(pack), () => undefined);
    expect(e.code).toBe('instrumentUnknown');
    expect(e.message).toContain(
      `Paket instrumen ${pack.id} versi ${pack.version} (${pack.shortTitle} tentang ${pack.title}) diperlukan`,
    );
  });

  it('names the needed version by the names the file carries, beside the installed version', async () => {
    const installed = { ...pack, version: '9.0.0', shortTitle: 'Nama lain', title: 'Lain' };
    const e = await refusal(await exported(pack), (id, version) =>
      id === pack.id && version === undefined ? installed : undefined,
    );
    expect(e.code).toBe('instrumentVersion');
    expect(e.message).toContain(
      `sedangkan aplikasi ini memasang versi 9.0.0. Paket instrumen ${pack.id} versi ${pack.version} (${pack.shortTitle} tentang ${pack.title}) diperlukan`,
    );
  });
});

describe('a bundle of an older app version, without the pack names', () => {
  const f = fixtureOn(packs[0]!);
  const older = () => {
    const { instrumentTitle: _names, ...m } = manifestOf(f);
    return m;
  };

  it('is still valid and opens', async () => {
    const m = older();
    expect('instrumentTitle' in m).toBe(false);
    expect(bundleManifestSchema.safeParse(m).success).toBe(true);
    const bytes = await rawZip([
      ...evidenceEntries(f),
      { name: 'manifest.json', data: new TextEncoder().encode(JSON.stringify(m)) },
    ]);
    const opened = await readBundle(new Blob([bytes.slice()]), { appVersion: APP_VERSION });
    expect(opened.manifest.instrumentTitle).toBeUndefined();

    // Without the pack: the id and version only, as before; beside another version, its name.
    const unknown = await refusal(new Blob([bytes.slice()]), () => undefined);
    expect(unknown.message).toContain(
      `Paket instrumen ${packs[0]!.id} versi ${packs[0]!.version} diperlukan`,
    );
    const other = await refusal(new Blob([bytes.slice()]), (_id, version) =>
      version === undefined ? { ...packs[0]!, version: '9.0.0' } : undefined,
    );
    expect(other.message).toContain(`versi ${packs[0]!.version} (PermenPANRB 59/2020) diperlukan`);
  });

  it('is refused with a malformed name (empty, or a field of another shape)', () => {
    for (const instrumentTitle of [
      { title: ' ', shortTitle: 'PermenPANRB 8/2026' },
      { title: 'Evaluasi', shortTitle: 'X', version: '1.0.0' },
      'PermenPANRB 8/2026',
    ]) {
      expect(bundleManifestSchema.safeParse({ ...older(), instrumentTitle }).success).toBe(false);
    }
  });
});
