/**
 * A document whose file was replaced ("Ganti berkas", renderer/src/db/commands/evidence.ts) in
 * one copy: the copy holds the same document row with the new file's SHA-256 and a tombstone
 * of the old version. Merged with a teammate's untouched copy of the old version (with or without
 * the common base, both packs), the result holds one document: the new file, its title and its
 * links; the old version is not brought back. A teammate's copy edited meanwhile is a deletion
 * conflict for the coordinator, not a silent loss.
 */
import { describe, expect, it } from 'vitest';
import type {
  EvaluationSnapshot,
  EvidenceHash,
  MemberId,
  Tombstone,
} from '../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { analyzeMerge, applyMerge, sourceFromBase, type MergeSource } from '../../../shared/merge';
import { makeFixture, T0 } from '../bundle/fixtures';

const pack59 = findPack('permenpanrb-59-2020')!;
const pemdi = findPack('permenpanrb-8-2026')!;
const SIGNED = 'a'.repeat(64) as EvidenceHash;

function baseSnapshot(pack: InstrumentPack): EvaluationSnapshot {
  const s = makeFixture({
    seed: 5,
    evaluationId: 'eval-kab',
    levels: { 1: 3, 2: 2 },
    evidenceSizes: [1500, 900],
  }).snapshot;
  s.evaluation.instrument = { id: pack.id, version: pack.version };
  return s;
}

/** What replaceEvidenceFile leaves in a copy: the row with the new file, the old as a tombstone. */
function replaceFirstFile(s: EvaluationSnapshot): Tombstone {
  const old = s.evidence[0]!;
  const links = s.links.filter((l) => l.evidenceId === old.id);
  s.evidence[0] = { ...old, hash: SIGNED, fileName: 'SK ditandatangani.pdf', size: 2048 };
  return {
    id: 'tb-ganti',
    evaluationId: s.evaluation.id,
    at: T0 + 5_000,
    by: { memberId: 'm-hendra' as MemberId, name: 'Hendra' },
    entity: 'evidence',
    evidence: old,
    links,
  };
}

const source = (
  id: string,
  snapshot: EvaluationSnapshot,
  tombstones: Tombstone[],
): MergeSource => ({
  id,
  kind: 'bundle',
  label: `${id}.spbe`,
  snapshot,
  exportedBy: { memberId: null, name: id, nip: '' },
  exportedAt: T0 + 10_000,
  manifestHash: id.padEnd(64, '0').slice(0, 64),
  fileHash: null,
  scope: { kind: 'all' },
  tombstones,
});

describe.each([
  ['permenpanrb-59-2020', pack59],
  ['permenpanrb-8-2026', pemdi],
])('a replaced file in a merge (%s)', (_id, pack) => {
  it.each([
    ['with the common base', true],
    ['without the base', false],
  ])('carries the new file with the title and links, not the old one (%s)', (_n, withBase) => {
    const base = baseSnapshot(pack);
    const hendra = structuredClone(base);
    const budi = structuredClone(base);
    const old = base.evidence[0]!;
    const oldIndicators = base.links
      .filter((l) => l.evidenceId === old.id)
      .map((l) => l.indicator)
      .sort();
    expect(oldIndicators.length).toBeGreaterThan(0);
    const tomb = replaceFirstFile(hendra);
    const analysis = analyzeMerge({
      pack,
      base: withBase ? sourceFromBase(base) : null,
      inputs: [source('hendra', hendra, [tomb]), source('budi', budi, [])],
    });
    expect(analysis.deletions.conflicts).toEqual([]);
    const result = applyMerge(analysis, [], { now: T0 + 30_000 });
    const hashes = result.snapshot.evidence.map((e) => e.hash);
    expect(hashes).not.toContain(old.hash);
    expect(hashes).toContain(SIGNED);
    expect(result.snapshot.evidence).toHaveLength(base.evidence.length);
    const signed = result.snapshot.evidence.find((e) => e.hash === SIGNED)!;
    expect(signed.title).toBe(old.title);
    expect(
      result.snapshot.links
        .filter((l) => l.evidenceId === signed.id)
        .map((l) => l.indicator)
        .sort(),
    ).toEqual(oldIndicators);
  });

  it('asks the coordinator when the teammate edited the old version meanwhile', () => {
    const base = baseSnapshot(pack);
    const hendra = structuredClone(base);
    const budi = structuredClone(base);
    const tomb = replaceFirstFile(hendra);
    budi.evidence[0]!.description = 'Ditambah keterangan oleh Budi';
    const analysis = analyzeMerge({
      pack,
      base: sourceFromBase(base),
      inputs: [source('hendra', hendra, [tomb]), source('budi', budi, [])],
    });
    expect(analysis.deletions.conflicts.map((c) => c.edited.map((e) => e.sourceLabel))).toEqual([
      ['budi.spbe'],
    ]);
  });
});
