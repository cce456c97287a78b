/**
 * The update of an evaluation by a bundle of the same evaluation, as a pure plan: the merge's
 * row rules (one person per id, NIP or name with indicators united; one link per indicator and
 * document hash with levels united and an empty note filled), ids renamed when another row of the
 * database uses them, deletions applied and never resurrected, deletions against an edit kept,
 * answers taken as the import plan decided.
 */
import { describe, expect, it } from 'vitest';
import type {
  EvaluationSnapshot,
  EvidenceId,
  LinkId,
  MemberId,
  RevisionId,
  Tombstone,
} from '../../../shared/assessment';
import { importPlan } from '../../../shared/bundle';
import { buildManifest } from '../../../shared/bundle/zip';
import { defaultPack } from '../../../shared/instrument';
import {
  analyzeMerge,
  applyMerge,
  deletionNote,
  deletionPreview,
  importUpdate,
  sourceFromBase,
  type ImportUpdate,
  type LocalRows,
  type TakenIds,
} from '../../../shared/merge';
import { makeFixture, seededBytes, sha256, T0 } from '../bundle/fixtures';

const ANI = { id: 'm-ani', name: 'Ani Rahmawati', nip: '198501012010012001', indicators: [1, 2] };
const BUDI = { id: 'm-budi', name: 'Budi Santoso', nip: '', indicators: [3] };

/** The evaluation here: two answers, two documents (linked to 1 and 2), Ani and Budi. */
function here(): EvaluationSnapshot {
  return makeFixture({
    seed: 4,
    evaluationId: 'eval-kota',
    levels: { 1: 3, 2: 2 },
    evidenceSizes: [1500, 900],
    members: [ANI, BUDI],
  }).snapshot;
}

const copy = (s: EvaluationSnapshot): EvaluationSnapshot => structuredClone(s);

const rowsOf = (s: EvaluationSnapshot, tombstones: Tombstone[] = []): LocalRows => ({
  evaluationId: s.evaluation.id,
  members: s.members,
  evidence: s.evidence,
  links: s.links,
  auditIds: new Set(s.audit.map((e) => e.id)),
  tombstones,
});

const NOTHING_TAKEN: TakenIds = { members: new Set(), evidence: new Set(), links: new Set() };

/** The import plan of `bundle` over `local` (answers by revision lineage). */
function planOf(local: EvaluationSnapshot, bundle: EvaluationSnapshot) {
  const manifest = buildManifest(
    bundle,
    { appVersion: 'x', exportedBy: { memberId: null, name: 'Ani' } },
    { evidenceIncluded: false, files: [] },
  );
  return importPlan(manifest, [
    {
      evaluation: local.evaluation,
      answers: local.answers,
      evidenceHashes: new Set(local.evidence.map((e) => e.hash)),
    },
  ]);
}

function update(
  local: EvaluationSnapshot,
  bundle: EvaluationSnapshot,
  options: { localTombstones?: Tombstone[]; bundleTombstones?: Tombstone[]; taken?: TakenIds } = {},
): ImportUpdate {
  return importUpdate(
    rowsOf(local, options.localTombstones),
    { snapshot: bundle, tombstones: options.bundleTombstones ?? [] },
    planOf(local, bundle),
    options.taken ?? NOTHING_TAKEN,
  );
}

/** Deletes the first document (row and links) of `s`; returns its tombstone. */
function deleteFirstDocument(s: EvaluationSnapshot, id = 'tb-1'): Tombstone {
  const doc = s.evidence[0]!;
  const links = s.links.filter((l) => l.evidenceId === doc.id);
  s.evidence = s.evidence.filter((e) => e.id !== doc.id);
  s.links = s.links.filter((l) => l.evidenceId !== doc.id);
  return {
    id,
    evaluationId: s.evaluation.id,
    at: T0 + 5_000,
    by: { memberId: 'm-ani' as MemberId, name: ANI.name },
    entity: 'evidence',
    evidence: doc,
    links,
  };
}

describe('the import update plan', () => {
  it('changes nothing when the bundle holds what is here', () => {
    const local = here();
    const u = update(local, copy(local));
    for (const table of [u.members, u.evidence, u.links]) {
      expect(table).toEqual({ add: [], put: [], delete: [] });
    }
    expect(u.answers).toEqual([]);
    expect(u.audit).toEqual([]);
    expect(u.tombstones).toEqual([]);
    expect(u.collectBlobs).toEqual([]);
    expect(deletionNote(u.deletions)).toBe('');
  });

  it('unites a member as the merge does: indicators united, higher role, empty position filled', () => {
    const local = here();
    const budiHere = local.members.find((m) => m.id === 'm-budi')!;
    budiHere.position = '';
    const bundle = copy(local);
    // The bundle knows Ani under another id (same NIP) and Budi under his own id.
    const aniThere = bundle.members.find((m) => m.id === 'm-ani')!;
    aniThere.id = 'm-ani-there' as MemberId;
    aniThere.indicators = [2, 5];
    aniThere.role = 'coordinator';
    bundle.answers.forEach((a) => (a.updatedBy = aniThere.id));
    const budiThere = bundle.members.find((m) => m.id === 'm-budi')!;
    budiThere.position = 'Pranata Komputer';
    budiThere.indicators = [4];
    // A new answer by Ani from the bundle.
    bundle.answers.push({
      ...bundle.answers[0]!,
      indicator: 7,
      value: 2,
      revision: 'rev-there-7' as RevisionId,
    });

    const u = update(local, bundle);
    expect(u.members.add).toEqual([]);
    expect(u.members.put).toEqual([
      expect.objectContaining({ id: 'm-ani', indicators: [1, 2, 5], role: 'coordinator' }),
      expect.objectContaining({ id: 'm-budi', indicators: [3, 4], position: 'Pranata Komputer' }),
    ]);
    // References follow the member kept here.
    expect(u.answers.map((a) => [a.indicator, a.updatedBy])).toEqual([[7, 'm-ani']]);
    // The rows given stay as they were.
    expect(local.members.find((m) => m.id === 'm-ani')!.indicators).toEqual([1, 2]);

    // The merge of the same two copies unites them into the same rows.
    const merged = applyMerge(
      analyzeMerge({
        pack: defaultPack(),
        base: sourceFromBase(local),
        inputs: [
          {
            ...sourceFromBase(bundle),
            id: '1',
            kind: 'bundle',
            label: 'ani.spbe',
          },
        ],
      }),
      [],
    );
    const strip = (m: { evaluationId: string }) => ({ ...m, evaluationId: '' });
    expect(merged.snapshot.members.map(strip)).toEqual(u.members.put.map(strip));
  });

  it('keys a link by indicator and document hash, unites its levels and fills an empty note', () => {
    const local = here();
    const linkHere = local.links[0]!;
    linkHere.levels = [1];
    linkHere.note = '';
    const bundle = copy(local);
    // The bundle holds the same document under another id (uploaded again there).
    const docThere = bundle.evidence[0]!;
    docThere.id = 'ev-there' as EvidenceId;
    const linkThere = bundle.links[0]!;
    linkThere.id = 'ln-there' as LinkId;
    linkThere.evidenceId = docThere.id;
    linkThere.levels = [3];
    linkThere.note = 'Halaman 4';

    const u = update(local, bundle);
    expect(u.evidence.add).toEqual([]);
    expect(u.links.add).toEqual([]);
    expect(u.links.put).toEqual([{ ...linkHere, levels: [1, 3], note: 'Halaman 4' }]);
    expect(u.counts.rowsUnited).toBe(1);
  });

  it('keeps a note written here', () => {
    const local = here();
    const bundle = copy(local);
    bundle.links[0]!.note = 'Catatan di berkas';
    expect(update(local, bundle).links.put).toEqual([]);
  });

  it('adds what the bundle adds, with new ids where another row uses them, references rewritten', () => {
    const local = here();
    const bundle = copy(local);
    const bytes = seededBytes(99, 300);
    bundle.members.push({
      ...bundle.members[0]!,
      id: 'm-citra' as MemberId,
      name: 'Citra Lestari',
      nip: '199001012015022001',
      role: 'member',
      indicators: [9],
    });
    bundle.evidence.push({
      ...bundle.evidence[0]!,
      id: 'ev-new' as EvidenceId,
      hash: sha256(bytes),
      size: 300,
      fileName: 'Perwal SPBE.pdf',
      addedBy: 'm-citra' as MemberId,
    });
    bundle.links.push({
      ...bundle.links[0]!,
      id: 'ln-new' as LinkId,
      evidenceId: 'ev-new' as EvidenceId,
      indicator: 9,
      addedBy: 'm-citra' as MemberId,
    });
    bundle.audit.push({ ...bundle.audit[0]!, id: 'au-new', actor: 'm-citra' as MemberId, seq: 8 });

    const free = update(local, bundle);
    expect(free.members.add.map((m) => m.id)).toEqual(['m-citra']);
    expect(free.evidence.add.map((e) => e.id)).toEqual(['ev-new']);
    expect(free.links.add.map((l) => l.id)).toEqual(['ln-new']);
    expect(free.audit).toEqual([
      expect.not.objectContaining({ seq: expect.anything() as unknown }),
    ]);
    expect(free.counts).toMatchObject({ documentsAdded: 1, linksAdded: 1, membersAdded: 1 });

    // Another evaluation in the database uses the same ids (the same bundle imported as a copy).
    const taken = update(local, bundle, {
      taken: {
        members: new Set(['m-citra', 'm-ani']),
        evidence: new Set(['ev-new']),
        links: new Set(['ln-new']),
      },
    });
    const citra = taken.members.add[0]!;
    const doc = taken.evidence.add[0]!;
    const link = taken.links.add[0]!;
    expect(citra.id).not.toBe('m-citra');
    expect(doc.id).not.toBe('ev-new');
    expect(link.id).not.toBe('ln-new');
    expect(doc).toMatchObject({ evaluationId: 'eval-kota', addedBy: citra.id });
    expect(link).toMatchObject({ evidenceId: doc.id, addedBy: citra.id, indicator: 9 });
    expect(taken.audit[0]!.actor).toBe(citra.id);
    // A member held here keeps its id even though the database holds it (it is this one).
    expect(taken.members.put).toEqual([]);
  });

  it('takes the answers added or newer in the bundle, revisions closed, and keeps those newer here', () => {
    const local = here();
    const bundle = copy(local);
    const newer = bundle.answers.find((a) => a.indicator === 1)!;
    newer.ancestors = [newer.revision];
    newer.revision = 'rev-there-1' as RevisionId;
    newer.value = 4;
    newer.revisionOpen = true;
    const olderThere = local.answers.find((a) => a.indicator === 2)!;
    olderThere.ancestors = [olderThere.revision];
    olderThere.revision = 'rev-here-2' as RevisionId;
    olderThere.value = 5;

    const u = update(local, bundle);
    expect(u.answers).toEqual([
      expect.objectContaining({ indicator: 1, value: 4, revisionOpen: false }),
    ]);
  });

  it('applies the bundle’s deletion here, keeps its tombstone and collects the bytes', () => {
    const local = here();
    const bundle = copy(local);
    const doc = local.evidence[0]!;
    const tomb = deleteFirstDocument(bundle);

    const u = update(local, bundle, { bundleTombstones: [tomb] });
    expect(u.evidence.delete).toEqual([doc.id]);
    expect(u.links.delete).toEqual(
      local.links.filter((l) => l.evidenceId === doc.id).map((l) => l.id),
    );
    expect(u.collectBlobs).toEqual([doc.hash]);
    expect(u.tombstones).toEqual([
      expect.objectContaining({ entity: 'evidence', evaluationId: 'eval-kota' }),
    ]);
    expect(u.tombstones[0]!.id).not.toBe('tb-1');
    expect(deletionPreview(u.deletions)).toEqual({
      applied: ['Dokumen 1.pdf (SK Tim SPBE 1)'],
      notRestored: [],
      conflicts: [],
      unseen: false,
    });
    expect(deletionNote(u.deletions)).toBe(
      'Penghapusan diterapkan: Dokumen 1.pdf (SK Tim SPBE 1).',
    );
  });

  it('does not bring back what was deleted here from the bundle’s untouched copy', () => {
    const local = here();
    const bundle = copy(local);
    const tomb = deleteFirstDocument(local);

    const u = update(local, bundle, { localTombstones: [tomb] });
    expect(u.evidence.add).toEqual([]);
    expect(u.links.add).toEqual([]);
    expect(u.evidence.delete).toEqual([]);
    expect(u.tombstones).toEqual([]);
    expect(deletionPreview(u.deletions).notRestored).toEqual(['Dokumen 1.pdf (SK Tim SPBE 1)']);
  });

  it('keeps an item edited here against the bundle’s deletion, and says so', () => {
    const local = here();
    const bundle = copy(local);
    const tomb = deleteFirstDocument(bundle);
    local.evidence[0]!.title = 'SK Tim SPBE 1 (perubahan)';

    const u = update(local, bundle, { bundleTombstones: [tomb] });
    expect(u.evidence.delete).toEqual([]);
    expect(u.links.delete).toEqual([]);
    expect(u.tombstones).toEqual([]);
    expect(u.collectBlobs).toEqual([]);
    expect(deletionPreview(u.deletions).conflicts).toEqual(['Dokumen 1.pdf (SK Tim SPBE 1)']);
    expect(deletionNote(u.deletions)).toMatch(
      /^Penghapusan tidak diterapkan karena diubah di pihak lain/,
    );
  });

  it('removes a member the bundle deleted and says when the bundle carries no deletions', () => {
    const local = here();
    const bundle = copy(local);
    const budi = bundle.members.find((m) => m.id === 'm-budi')!;
    bundle.members = bundle.members.filter((m) => m !== budi);
    const tomb: Tombstone = {
      id: 'tb-budi',
      evaluationId: bundle.evaluation.id,
      at: T0 + 5_000,
      by: { memberId: 'm-ani' as MemberId, name: ANI.name },
      entity: 'member',
      member: budi,
    };
    expect(update(local, bundle, { bundleTombstones: [tomb] }).members.delete).toEqual(['m-budi']);

    const blind = importUpdate(
      rowsOf(local),
      { snapshot: bundle },
      planOf(local, bundle),
      NOTHING_TAKEN,
    );
    expect(blind.members.delete).toEqual([]);
    expect(deletionPreview(blind.deletions).unseen).toBe(true);
    expect(deletionNote(blind.deletions)).toMatch(/tidak dapat diketahui/);
  });
});
