/** The database commands: every write is whole or absent, evidence is stored once, history is kept. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { db } from '../../../renderer/src/db/db';
import { saveAnswer, confirmCarriedOver } from '../../../renderer/src/db/commands/answers';
import {
  addEvidenceFile,
  addEvidenceFiles,
  COMMIT_BATCH,
  deleteEvidence,
  HASH_CONCURRENCY,
  linkEvidence,
  unlinkEvidence,
} from '../../../renderer/src/db/commands/evidence';
import { Sha256Reader } from '../../../renderer/src/db/commands/hash';
import {
  createEvaluation,
  deleteEvaluation,
  duplicateEvaluation,
  setArchived,
} from '../../../renderer/src/db/commands/evaluations';
import { addMember } from '../../../renderer/src/db/commands/members';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const edit = (value: number | null, justification = '') => ({
  value,
  justification,
  agency: '',
  status: 'draft' as const,
  reviewNote: '',
});

let id: EvaluationId;
beforeEach(async () => {
  await resetDatabase();
  id = await createEvaluation(sampleInput(), actor);
});

describe('answers', () => {
  it('saves an answer with one audit event per changed field', async () => {
    await saveAnswer(id, 12, edit(3, 'Peta rencana ditetapkan dengan Perwal'), actor);
    await saveAnswer(id, 12, edit(4, 'Peta rencana ditetapkan dengan Perwal'), actor);
    const answer = await db.answers.get([id, 12]);
    expect(answer).toMatchObject({
      value: 4,
      justification: 'Peta rencana ditetapkan dengan Perwal',
      updatedBy: 'm1',
    });
    const log = await db.audit.where('[evaluationId+indicator]').equals([id, 12]).toArray();
    expect(log.map((e) => [e.field, e.oldValue, e.newValue, e.actorName])).toEqual([
      ['value', null, '3', 'Siti Aminah'],
      ['justification', null, 'Peta rencana ditetapkan dengan Perwal', 'Siti Aminah'],
      ['value', '3', '4', 'Siti Aminah'],
    ]);
  });

  it('writes nothing when nothing changed', async () => {
    await saveAnswer(id, 1, edit(2), actor);
    const before = await db.audit.count();
    const result = await saveAnswer(id, 1, edit(2), actor);
    expect(result.changed).toBe(false);
    expect(await db.audit.count()).toBe(before);
  });

  it('keeps one open revision while editing and opens a new one after an exchange', async () => {
    const first = (await saveAnswer(id, 5, edit(2), actor)).answer;
    const second = (await saveAnswer(id, 5, edit(3), actor)).answer;
    expect(second.revision).toBe(first.revision);
    await db.answers.update([id, 5], { revisionOpen: false }); // as an export does
    const third = (await saveAnswer(id, 5, edit(4), actor)).answer;
    expect(third.revision).not.toBe(first.revision);
    expect(third.ancestors).toEqual([first.revision]);
  });
});

describe('evidence vault', () => {
  it('stores the same file once and links it twice', async () => {
    const a = await addEvidenceFile(id, pdfFile('perwal-15-2022.pdf'), actor, {
      linkTo: { indicator: 1, levels: [2] },
    });
    const b = await addEvidenceFile(id, pdfFile('salinan-perwal.pdf'), actor, {
      linkTo: { indicator: 2, levels: [2, 3] },
    });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.duplicate).toBe(true);
    expect(b.evidence.id).toBe(a.evidence.id);
    expect(await db.blobs.count()).toBe(1);
    expect(await db.evidence.count()).toBe(1);
    const links = await db.links.where('evidenceId').equals(a.evidence.id).toArray();
    expect(
      links.sort((x, y) => x.indicator - y.indicator).map((l) => [l.indicator, l.levels]),
    ).toEqual([
      [1, [2]],
      [2, [2, 3]],
    ]);
    expect(a.evidence.kind).toBe('perkada');
    const stored = await db.blobs.get(a.evidence.hash);
    expect(await stored!.data.text()).toContain('isi dokumen');
  });

  it('refuses empty, oversized, disguised and unaccepted files with a message, storing nothing', async () => {
    await saveAnswer(id, 1, edit(3, 'Penjelasan'), actor);
    const before = {
      blobs: await db.blobs.count(),
      evidence: await db.evidence.count(),
      answer: await db.answers.get([id, 1]),
    };
    const results = await addEvidenceFiles(
      id,
      [
        new File([], 'kosong.pdf', { type: 'application/pdf' }),
        pdfFile('besar.pdf', 'x'.repeat(2048)),
        new File(['MZ\x90\x00 bukan pdf'], 'perwal.pdf', { type: 'application/pdf' }),
        new File(['MZ'], 'program.exe', { type: 'application/x-msdownload' }),
      ],
      actor,
      { maxBytes: 1024 },
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'Berkas "kosong.pdf" kosong (0 bita) dan tidak disimpan.',
      expect.stringMatching(/^Berkas "besar.pdf" berukuran .* melebihi batas 1,0 KB per berkas\.$/),
      expect.stringMatching(/^Isi berkas "perwal.pdf" tidak sesuai dengan jenisnya \(\.pdf\)/),
      expect.stringMatching(/^Jenis berkas "program.exe" tidak diterima/),
    ]);
    expect(await db.blobs.count()).toBe(before.blobs);
    expect(await db.evidence.count()).toBe(before.evidence);
    expect(await db.answers.get([id, 1])).toEqual(before.answer);
  });

  it('adds many files in order, at most HASH_CONCURRENCY read at once, in batches', async () => {
    let reading = 0;
    let most = 0;
    const hash = Sha256Reader.prototype.hash;
    const spy = vi.spyOn(Sha256Reader.prototype, 'hash').mockImplementation(async function (
      this: Sha256Reader,
      blob: Blob,
    ) {
      reading += 1;
      most = Math.max(most, reading);
      try {
        // Let the other reads start (or not) before this one ends.
        await new Promise<void>((resolve) => queueMicrotask(resolve));
        return await hash.call(this, blob);
      } finally {
        reading -= 1;
      }
    });
    try {
      const files = Array.from({ length: 2 * COMMIT_BATCH + 3 }, (_, i) =>
        i % 5 === 4
          ? new File([], `kosong-${i}.pdf`, { type: 'application/pdf' })
          : pdfFile(`dokumen-${i}.pdf`, `isi ${i}`),
      );
      const progress: number[] = [];
      const results = await addEvidenceFiles(id, files, actor, {}, (done) => progress.push(done));
      expect(results.map((r) => (r.ok ? r.evidence.fileName : r.fileName))).toEqual(
        files.map((f) => f.name),
      );
      expect(results.map((r) => r.ok)).toEqual(files.map((_, i) => i % 5 !== 4));
      expect(most).toBe(HASH_CONCURRENCY);
      expect(progress).toEqual([COMMIT_BATCH, 2 * COMMIT_BATCH, files.length]);
      expect(await db.evidence.count()).toBe(results.filter((r) => r.ok).length);
    } finally {
      spy.mockRestore();
    }
  });

  it('a document received without its file is completed by the same file added later', async () => {
    const received = await addEvidenceFile(id, pdfFile('sk-tim.pdf'), actor, {
      linkTo: { indicator: 10, levels: [2] },
    });
    if (!received.ok) throw new Error(received.message);
    // What an import of a bundle without evidence leaves: the document row, no bytes.
    await db.blobs.delete(received.evidence.hash);
    const added = await addEvidenceFile(id, pdfFile('SK Tim SPBE (asli).pdf'), actor, {
      linkTo: { indicator: 19, levels: [3] },
    });
    expect(added).toMatchObject({ ok: true, duplicate: true, filled: true });
    expect(added.ok && added.evidence.id).toBe(received.evidence.id);
    expect(await db.evidence.count()).toBe(1);
    const stored = await db.blobs.get(received.evidence.hash);
    expect(await stored!.data.text()).toContain('isi dokumen');
    expect(stored!.type).toBe('application/pdf');
    // A second copy of a complete document is a plain duplicate.
    const again = await addEvidenceFile(id, pdfFile('salinan.pdf'), actor);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(again.ok && again.filled).toBeFalsy();
  });

  it('unlinking never deletes the document; deleting it drops its links and unused bytes', async () => {
    const added = await addEvidenceFile(id, pdfFile('sk-tim.pdf'), actor);
    if (!added.ok) throw new Error(added.message);
    const l1 = await linkEvidence(id, added.evidence.id, 10, [2], 'Diktum kesatu', actor);
    await linkEvidence(id, added.evidence.id, 19, [2], '', actor);
    await unlinkEvidence(l1.id, actor);
    expect(await db.evidence.get(added.evidence.id)).toBeDefined();
    expect(await db.links.count()).toBe(1);
    await deleteEvidence(added.evidence.id, actor);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });
});

describe('evaluations', () => {
  it('duplicates last year with answers marked for review, evidence shared, team copied', async () => {
    const m = await addMember(
      id,
      { name: 'Budi', nip: '', position: 'Kabid', role: 'lead', indicators: [1, 2] },
      actor,
    );
    await saveAnswer(id, 1, edit(3, 'Ada Perwal'), { id: m.id, name: m.name });
    const added = await addEvidenceFile(id, pdfFile('perwal.pdf'), actor, {
      linkTo: { indicator: 1, levels: [2, 3] },
    });
    if (!added.ok) throw new Error(added.message);
    const next = await duplicateEvaluation(id, 2027, actor);
    const copy = await readSnapshot(next);
    expect(copy?.evaluation).toMatchObject({
      year: 2027,
      origin: { kind: 'duplicated', fromYear: 2026 },
    });
    expect(copy?.answers).toHaveLength(1);
    expect(copy?.answers[0]).toMatchObject({
      value: 3,
      justification: 'Ada Perwal',
      carriedOver: true,
      status: 'draft',
    });
    expect(copy?.answers[0]?.updatedBy).toBe(copy?.members[0]?.id);
    expect(copy?.evidence[0]?.hash).toBe(added.evidence.hash);
    expect(copy?.links[0]).toMatchObject({
      indicator: 1,
      levels: [2, 3],
      evidenceId: copy?.evidence[0]?.id,
    });
    expect(await db.blobs.count()).toBe(1);
    await confirmCarriedOver(next, 1, actor);
    expect((await db.answers.get([next, 1]))?.carriedOver).toBe(false);
    // Deleting last year keeps the bytes the new year still uses.
    await deleteEvaluation(id);
    expect(await db.blobs.count()).toBe(1);
    expect(await db.evaluations.count()).toBe(1);
    await deleteEvaluation(next);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('archives and restores', async () => {
    await setArchived(id, true, actor);
    expect((await db.evaluations.get(id))?.status).toBe('archived');
    await setArchived(id, false, actor);
    expect((await db.evaluations.get(id))?.status).toBe('active');
  });
});
