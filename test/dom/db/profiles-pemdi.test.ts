/**
 * A new evaluation from a regional profile, on either instrument: the regulation is stored on
 * both, and its automatic links follow the mapping of the chosen pack (the Pemdi mapping is
 * legal basis only, so it links nothing automatically); custom profiles carrying a Pemdi mapping
 * are checked against the Pemdi pack before they are stored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import {
  findProfile,
  mappingOf,
  profileInstansiDefaults,
  type Profile,
} from '../../../shared/profiles';
import { createEvaluation, supportingLinks } from '../../../renderer/src/db/commands/evaluations';
import { loadCustomProfile, saveCustomProfile } from '../../../renderer/src/db/commands/profiles';
import { regulationEvidencePlan } from '../../../shared/profiles';
import { db } from '../../../renderer/src/db/db';
import { resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const pack59 = findPack('permenpanrb-59-2020') as InstrumentPack;
const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
const balikpapan = findProfile('kota-balikpapan') as Profile;
const oldShape = (p: Profile): Profile => {
  const { otherMappings: _dropped, ...rest } = p;
  return rest;
};
const inputFor = (p: Profile, pack: InstrumentPack) =>
  sampleInput({
    profileId: p.id,
    instansi: profileInstansiDefaults(p),
    instrumentId: pack.id,
    instrumentVersion: pack.version,
  });

beforeEach(resetDatabase);

describe.each([
  [pack59, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  [pemdi, []],
] as const)('an evaluation on %s from a profile', (pack, expected) => {
  it('stores the regulation and links it by the mapping of that pack', async () => {
    const id = await createEvaluation(inputFor(balikpapan, pack), actor, null, balikpapan);
    expect((await db.evaluations.get(id))?.instrument.id).toBe(pack.id);
    const docs = await db.evidence.where('evaluationId').equals(id).toArray();
    expect(docs.map((d) => d.kind)).toEqual(['perkada']);
    const links = await db.links.where('evaluationId').equals(id).toArray();
    expect(links.map((l) => l.indicator).sort((a, b) => a - b)).toEqual(expected);
  });

  it('plans links only among the indicators that pack maps', () => {
    const plan = regulationEvidencePlan(balikpapan, pack.id);
    const mapped = new Set((mappingOf(balikpapan, pack.id) ?? []).map((e) => e.indicator));
    expect(plan?.links.length).toBeGreaterThan(0);
    expect(plan?.links.every((l) => mapped.has(l.indicator))).toBe(true);
    expect(supportingLinks(balikpapan, plan!, pack.id).map((l) => l.indicator)).toEqual(expected);
  });
});

describe('a profile without a Pemdi mapping', () => {
  it('still creates a Pemdi evaluation with the regulation, linked to nothing', async () => {
    const p = oldShape(balikpapan);
    const id = await createEvaluation(inputFor(p, pemdi), actor, null, p);
    expect(await db.evidence.where('evaluationId').equals(id).count()).toBe(1);
    expect(await db.links.where('evaluationId').equals(id).count()).toBe(0);
  });
});

describe('custom profiles with a Pemdi mapping', () => {
  const custom = (): Profile => ({ ...balikpapan, id: 'kota-tetangga' });

  it('stores and reads back both mappings', async () => {
    await saveCustomProfile(custom(), 'create');
    const back = await loadCustomProfile('kota-tetangga');
    expect(back?.otherMappings).toEqual(balikpapan.otherMappings);
  });

  it('refuses a Pemdi mapping to an indicator Pemdi does not have', async () => {
    const p = custom();
    const other = p.otherMappings?.[0];
    const first = other?.mapping[0];
    if (!other || !first) throw new Error('no Pemdi mapping');
    const bad: Profile = {
      ...p,
      otherMappings: [{ ...other, mapping: [...other.mapping, { ...first, indicator: 31 }] }],
    };
    await expect(saveCustomProfile(bad, 'create')).rejects.toThrow(
      /Indikator 31 tidak ada pada instrumen/,
    );
    expect(await db.profiles.count()).toBe(0);
  });

  it('refuses a mapping to an instrument the app does not know', async () => {
    const p = custom();
    const other = p.otherMappings?.[0];
    if (!other) throw new Error('no Pemdi mapping');
    await expect(
      saveCustomProfile({ ...p, otherMappings: [{ ...other, instrumentId: 'lain' }] }, 'create'),
    ).rejects.toThrow(/instrumen "lain" tidak dikenal/);
  });
});
