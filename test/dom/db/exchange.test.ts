/**
 * Exchange through the database: exporting seals the exported revisions (and a cancelled export
 * changes nothing), importing creates, updates or copies in one transaction after the summary's
 * confirmations, every refusal leaves the database byte-for-byte as it was, evidence bytes are
 * stored once per hash, and a merge is stored as a new evaluation with its record.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  EvaluationId,
  EvaluationSnapshot,
  MemberId,
  RevisionId,
} from '../../../shared/assessment';
import { BundleError, type BundleProgress } from '../../../shared/bundle';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import { defaultPack } from '../../../shared/instrument';
import { analyzeMerge, applyMerge, sourceFromBundle } from '../../../shared/merge';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { addEvidenceFile } from '../../../renderer/src/db/commands/evidence';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import {
  commitImport,
  ImportError,
  openBundle,
  previewImport,
  type OpenedImport,
} from '../../../renderer/src/db/commands/import';
import { readMerge, saveMerge } from '../../../renderer/src/db/commands/merge';
import { db } from '../../../renderer/src/db/db';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { runContentWriter } from '../../../renderer/src/platform/content-writer';
import type { Platform } from '../../../renderer/src/platform';
import { exportEvaluation } from '../../../renderer/src/features/exchange/export-bundle';
import { makeFixture, memorySink, T0, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { pdfFile, resetDatabase, sampleInput } from './helpers';

const pack = defaultPack();
const actor = { id: null, name: 'Koordinator Uji' };
const edit = (value: number | null, justification = '') => ({
  value,
  justification,
  agency: '',
  status: 'draft' as const,
  reviewNote: '',
});

/** Every row of every table, blobs as bytes: equal dumps mean an unchanged database. */
async function dump(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (r: Record<string, unknown>) =>
        table.name === 'blobs'
          ? {
              ...r,
              data: Buffer.from(await (r.data as Blob).arrayBuffer()).toString('base64'),
            }
          : r,
      ),
    );
  }
  return JSON.stringify(out);
}

async function bundleOf(
  f: Fixture,
  options: { password?: string; includeEvidence?: boolean; exporter?: string } = {},
): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, writeInput(f, options.exporter ?? 'Ani Rahmawati'), {
    includeEvidence: options.includeEvidence ?? true,
    password: options.password,
  });
  return m.blob();
}

async function open(blob: Blob, name = 'ani.spbe', password?: string): Promise<OpenedImport> {
  return openBundle(blob, name, { password });
}

/** A platform whose save dialog "saves" into memory. */
function memoryPlatform(): {
  platform: Pick<Platform, 'saveFile'>;
  files: Map<string, Blob>;
  aborted: string[];
} {
  const files = new Map<string, Blob>();
  const aborted: string[] = [];
  return {
    files,
    aborted,
    platform: {
      saveFile: (options, content, signal) => {
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        return runContentWriter(
          content,
          {
            write: async (c) => {
              chunks.push(c.slice() as Uint8Array<ArrayBuffer>);
            },
            commit: async () => {
              const blob = new Blob(chunks);
              files.set(options.suggestedName, blob);
              return { name: options.suggestedName, size: blob.size };
            },
            abort: async () => {
              aborted.push(options.suggestedName);
            },
          },
          signal,
        );
      },
    },
  };
}

beforeEach(async () => {
  await resetDatabase();
});

describe('export', () => {
  let id: EvaluationId;
  beforeEach(async () => {
    id = await createEvaluation(sampleInput(), actor);
    await saveAnswer(id, 1, edit(3, 'Perwal 14/2022'), actor);
    await saveAnswer(id, 2, edit(2, 'SK Tim'), actor);
    await addEvidenceFile(id, pdfFile('perwal.pdf'), actor, {
      linkTo: { indicator: 1, levels: [1, 2, 3] },
    });
  });

  it('writes the file, then closes the exported revisions and records the export', async () => {
    const { platform, files } = memoryPlatform();
    const before = await db.answers.where('evaluationId').equals(id).toArray();
    expect(before.every((a) => a.revisionOpen)).toBe(true);
    const outcome = await exportEvaluation(platform, {
      evaluationId: id,
      pack,
      includeEvidence: true,
      exporter: { memberId: null, name: 'Ani', nip: '' },
      actor,
      suggestedName: 'ani.spbe',
    });
    expect(outcome?.seal).toEqual({ sealed: 2, movedOn: 0 });
    const after = await db.answers.where('evaluationId').equals(id).toArray();
    expect(after.map((a) => [a.indicator, a.revisionOpen, a.revision])).toEqual(
      before.map((a) => [a.indicator, false, a.revision]),
    );
    const events = await db.audit.where('evaluationId').equals(id).toArray();
    expect(events.at(-1)).toMatchObject({
      entity: 'evaluation',
      action: 'export',
      newValue: 'ani.spbe',
    });
    expect(events.at(-1)?.note).toContain('semua indikator, 2 jawaban, dengan isi bukti dukung');

    // The file holds the evaluation and the bytes, with closed revisions.
    const read = await readBundle(files.get('ani.spbe')!, { appVersion: 'uji' });
    expect(read.manifest.snapshot.answers.map((a) => [a.indicator, a.revisionOpen])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(read.files).toHaveLength(1);

    // The next edit opens a new revision grown from the exported one.
    const next = (await saveAnswer(id, 1, edit(4, 'Perwal 14/2022'), actor)).answer;
    expect(next.revision).not.toBe(before[0]!.revision);
    expect(next.ancestors).toEqual([before[0]!.revision]);
    expect(next.revisionOpen).toBe(true);
  });

  it('exports only the member’s indicators when asked, sealing only those', async () => {
    const { platform, files } = memoryPlatform();
    await exportEvaluation(platform, {
      evaluationId: id,
      pack,
      indicators: [2],
      includeEvidence: false,
      password: 'rahasia-123',
      exporter: { memberId: null, name: 'Budi', nip: '' },
      actor,
      suggestedName: 'budi.spbe',
    });
    const answers = await db.answers.where('evaluationId').equals(id).sortBy('indicator');
    expect(answers.map((a) => a.revisionOpen)).toEqual([true, false]);
    const read = await readBundle(files.get('budi.spbe')!, {
      appVersion: 'uji',
      password: 'rahasia-123',
    });
    expect(read.encrypted).toBe(true);
    expect(read.manifest.scope).toEqual({ kind: 'indicators', indicators: [2] });
    expect(read.manifest.snapshot.answers.map((a) => a.indicator)).toEqual([2]);
    expect(read.manifest.evidenceIncluded).toBe(false);
  });

  it('a cancelled export leaves no file and the database as it was', async () => {
    const { platform, files, aborted } = memoryPlatform();
    const before = await dump();
    const controller = new AbortController();
    const error = await exportEvaluation(
      platform,
      {
        evaluationId: id,
        pack,
        includeEvidence: true,
        exporter: { memberId: null, name: 'Ani', nip: '' },
        actor,
        suggestedName: 'batal.spbe',
      },
      {
        signal: controller.signal,
        onProgress: (p: BundleProgress) => {
          if (p.phase === 'evidence' && p.filesDone === 0) controller.abort();
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('aborted');
    expect(files.size).toBe(0);
    expect(aborted).toEqual(['batal.spbe']);
    expect(await dump()).toBe(before);
  });

  it('an answer edited while the file was written moves on to a new revision', async () => {
    const { platform } = memoryPlatform();
    const first = (await db.answers.get([id, 1]))!;
    let edited = false;
    const outcome = await exportEvaluation(
      platform,
      {
        evaluationId: id,
        pack,
        includeEvidence: true,
        exporter: { memberId: null, name: 'Ani', nip: '' },
        actor,
        suggestedName: 'ani.spbe',
      },
      {
        onProgress: (p) => {
          if (!edited && p.phase === 'manifest') {
            edited = true;
            // Autosave during the export: not part of the file.
            void db.answers.update([id, 1], { justification: 'diubah', updatedAt: Date.now() + 5 });
          }
        },
      },
    );
    expect(outcome?.seal.movedOn).toBe(1);
    const now = (await db.answers.get([id, 1]))!;
    expect(now.revision).not.toBe(first.revision);
    expect(now.ancestors).toEqual([first.revision]);
    expect(now.revisionOpen).toBe(true);
  });
});

describe('import', () => {
  it('creates the evaluation with everything in one go, revisions closed', async () => {
    const f = makeFixture({ seed: 21, logo: true });
    const opened = await open(await bundleOf(f));
    expect(opened.blobs.size).toBe(4);
    const preview = await previewImport(opened);
    expect(preview.plan.action).toBe('create');
    expect(preview.plan.confirmations).toEqual([]);
    expect(preview.filesToStore).toBe(4);
    expect(preview.documentsWithoutBytes).toBe(0);

    const result = await commitImport(opened, { mode: 'create', confirmed: false, actor });
    expect(result.evaluationId).toBe(f.snapshot.evaluation.id);
    const stored = (await readSnapshot(result.evaluationId))!;
    expect(stored.evaluation.origin).toEqual({
      kind: 'imported',
      fileName: 'ani.spbe',
      exportedBy: 'Ani Rahmawati',
      exportedAt: T0 + 3_600_000,
    });
    expect(stored.answers).toHaveLength(47);
    expect(stored.answers.every((a) => !a.revisionOpen)).toBe(true);
    expect(stored.answers.map((a) => [a.indicator, a.value, a.revision])).toEqual(
      f.snapshot.answers.map((a) => [a.indicator, a.value, a.revision]),
    );
    expect(stored.evidence.map((e) => e.id)).toEqual(f.snapshot.evidence.map((e) => e.id));
    expect(stored.links).toHaveLength(3);
    expect(stored.members.map((m) => m.name)).toEqual(['Ani Rahmawati', 'Budi Santoso']);
    expect(stored.audit.map((e) => e.id).slice(0, 3)).toEqual(f.snapshot.audit.map((e) => e.id));
    expect(stored.audit.at(-1)).toMatchObject({ action: 'import', newValue: 'ani.spbe' });
    expect(await db.blobs.count()).toBe(4);
    for (const [hash, bytes] of f.blobs) {
      const row = (await db.blobs.get(hash as never))!;
      expect(new Uint8Array(await row.data.arrayBuffer())).toEqual(bytes);
    }
    const logo = await db.blobs.get(stored.evaluation.instansi.logoHash!);
    expect(logo?.type).toBe('application/octet-stream');
  });

  it('asks before importing another instansi or year, and writes nothing without the yes', async () => {
    await createEvaluation(sampleInput(), actor);
    const other = await open(
      await bundleOf(makeFixture({ seed: 22, instansiName: 'Pemerintah Kabupaten Mojokerto' })),
    );
    const preview = await previewImport(other);
    expect(preview.plan.confirmations).toEqual([
      {
        kind: 'otherInstansi',
        bundleInstansi: 'Pemerintah Kabupaten Mojokerto',
        existingInstansi: ['Pemerintah Kota Balikpapan'],
      },
    ]);
    const before = await dump();
    const refused = await commitImport(other, { mode: 'create', confirmed: false, actor }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).kind).toBe('confirmation');
    expect(await dump()).toBe(before);
    await commitImport(other, { mode: 'create', confirmed: true, actor });
    expect(await db.evaluations.count()).toBe(2);

    const lastYear = await open(await bundleOf(makeFixture({ seed: 23, year: 2025 })));
    expect((await previewImport(lastYear)).plan.confirmations).toEqual([
      {
        kind: 'otherYear',
        instansi: 'Pemerintah Kota Balikpapan',
        bundleYear: 2025,
        existingYears: [2026],
      },
    ]);
  });

  it('stores each file once: a second copy of the same bundle adds rows, not bytes', async () => {
    const f = makeFixture({ seed: 24 });
    const blob = await bundleOf(f);
    await commitImport(await open(blob), { mode: 'create', confirmed: false, actor });
    const again = await open(blob);
    expect(again.blobs.size).toBe(0);
    const preview = await previewImport(again);
    expect(preview.plan.action).toBe('update');
    expect(preview.plan.changes.answersUnchanged).toHaveLength(47);
    expect(preview.filesToStore).toBe(0);
    const refused = await commitImport(again, { mode: 'create', confirmed: false, actor }).catch(
      (e: unknown) => e,
    );
    expect((refused as ImportError).kind).toBe('exists');

    const copy = await commitImport(again, { mode: 'copy', confirmed: false, actor });
    expect(copy.evaluationId).not.toBe(f.snapshot.evaluation.id);
    expect(await db.blobs.count()).toBe(3);
    expect(await db.evidence.count()).toBe(6);
    const copied = (await readSnapshot(copy.evaluationId))!;
    // New ids for the copy's rows, every reference following them.
    expect(copied.evidence.some((e) => f.snapshot.evidence.some((x) => x.id === e.id))).toBe(false);
    expect(copied.links.every((l) => copied.evidence.some((e) => e.id === l.evidenceId))).toBe(
      true,
    );
  });

  it('updates an evaluation with newer answers and keeps the ones newer here', async () => {
    const base = makeFixture({ seed: 25, levels: { 1: 2, 2: 2, 3: 2 }, evidenceSizes: [100] });
    await commitImport(await open(await bundleOf(base)), {
      mode: 'create',
      confirmed: false,
      actor,
    });
    const id = base.snapshot.evaluation.id;
    // Here: indicator 1 edited since the exchange (a new revision).
    await saveAnswer(id, 1, edit(4, 'Diubah di komputer koordinator'), actor);
    // The assessor: indicator 2 edited since the exchange, and a new document.
    const assessor = structuredClone(base.snapshot) as EvaluationSnapshot;
    const a2 = assessor.answers.find((a) => a.indicator === 2)!;
    Object.assign(a2, {
      value: 3,
      justification: 'Naik setelah SK baru',
      revision: 'rev-asesor-2' as RevisionId,
      ancestors: [a2.revision],
      updatedAt: T0 + 50_000,
    });
    const newer = makeFixture({ seed: 26, evidenceSizes: [100, 200] });
    const bundle = await bundleOf({
      snapshot: {
        ...assessor,
        evidence: [...assessor.evidence, { ...newer.snapshot.evidence[1]!, evaluationId: id }],
        links: [...assessor.links, { ...newer.snapshot.links[1]!, evaluationId: id, indicator: 2 }],
      },
      blobs: new Map([...base.blobs, ...newer.blobs]),
      source: (h) => new Blob([(base.blobs.get(h) ?? newer.blobs.get(h))!.slice()]),
    });
    const opened = await open(bundle, 'ani-2.spbe');
    const preview = await previewImport(opened);
    expect(preview.plan.changes).toMatchObject({
      answersChanged: [2],
      answersKeptLocal: [1],
      answersUnchanged: [3],
      answersInConflict: [],
    });
    const result = await commitImport(opened, { mode: 'update', confirmed: false, actor });
    expect(result).toMatchObject({ evaluationId: id, answersTaken: 1, answersKeptLocal: 1 });
    const stored = (await readSnapshot(id))!;
    const byIndicator = new Map(stored.answers.map((a) => [a.indicator, a]));
    expect(byIndicator.get(1)).toMatchObject({ value: 4, revisionOpen: true });
    expect(byIndicator.get(2)).toMatchObject({
      value: 3,
      revision: 'rev-asesor-2',
      revisionOpen: false,
    });
    expect(stored.evidence).toHaveLength(2);
    expect(stored.links.filter((l) => l.indicator === 2)).toHaveLength(1);
    expect(stored.audit.at(-1)?.note).toContain('1 diperbarui, 1 versi lokal yang lebih baru');
  });

  it('refuses to update over answers changed on both sides, and leaves the database as it was', async () => {
    const base = makeFixture({ seed: 27, levels: { 1: 2, 2: 2 }, evidenceSizes: [] });
    await commitImport(await open(await bundleOf(base)), {
      mode: 'create',
      confirmed: false,
      actor,
    });
    const id = base.snapshot.evaluation.id;
    await saveAnswer(id, 1, edit(4, 'Koordinator'), actor);
    const assessor = structuredClone(base.snapshot) as EvaluationSnapshot;
    const a1 = assessor.answers.find((a) => a.indicator === 1)!;
    Object.assign(a1, {
      value: 3,
      revision: 'rev-asesor-1' as RevisionId,
      ancestors: [a1.revision],
      updatedAt: T0 + 9_000,
    });
    const opened = await open(await bundleOf({ ...base, snapshot: assessor }));
    const preview = await previewImport(opened);
    expect(preview.plan.changes.answersInConflict).toEqual([1]);
    const before = await dump();
    const refused = await commitImport(opened, { mode: 'update', confirmed: false, actor }).catch(
      (e: unknown) => e,
    );
    expect((refused as ImportError).kind).toBe('conflict');
    expect((refused as Error).message).toMatch(/^Jawaban indikator 1 diubah di komputer ini/);
    expect(await dump()).toBe(before);
  });

  it('a cancelled write leaves the database as it was', async () => {
    await createEvaluation(sampleInput(), actor);
    const opened = await open(await bundleOf(makeFixture({ seed: 28, logo: true })));
    const before = await dump();
    const controller = new AbortController();
    const error = await commitImport(opened, {
      mode: 'create',
      confirmed: true,
      actor,
      signal: controller.signal,
      onStep: (label) => {
        if (label === 'Mencatat riwayat impor') controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((error as BundleError).code).toBe('aborted');
    expect(await dump()).toBe(before);
  });

  it('a bundle without evidence bytes imports its documents as metadata', async () => {
    const opened = await open(
      await bundleOf(makeFixture({ seed: 29 }), { includeEvidence: false }),
    );
    const preview = await previewImport(opened);
    expect(preview.documentsWithoutBytes).toBe(3);
    await commitImport(opened, { mode: 'create', confirmed: false, actor });
    expect(await db.evidence.count()).toBe(3);
    expect(await db.blobs.count()).toBe(0);
  });

  describe('bad input of every kind is refused with its message and changes nothing', () => {
    interface CorpusEntry {
      file: string;
      password: string | null;
      code: string;
      message: string;
    }
    const dir = path.resolve(__dirname, '../../fixtures/bundles');

    it.each(
      (
        JSON.parse(
          // Read at collection time: the list decides the test cases.
          readFileSync(path.join(dir, 'corpus.json'), 'utf8'),
        ) as CorpusEntry[]
      ).map((c) => [c.file, c] as const),
    )('%s', async (_name, entry) => {
      await createEvaluation(sampleInput(), actor);
      await commitImport(await open(await bundleOf(makeFixture({ seed: 30 }))), {
        mode: 'create',
        confirmed: false,
        actor,
      });
      const before = await dump();
      const bytes = await readFile(path.join(dir, entry.file));
      const error = await open(new Blob([bytes]), entry.file, entry.password ?? undefined).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BundleError);
      expect((error as BundleError).code).toBe(entry.code);
      expect((error as BundleError).message).toMatch(new RegExp(entry.message));
      expect(await dump()).toBe(before);
    });

    it('a wrong password says so, and the right one opens the file', async () => {
      const blob = await bundleOf(makeFixture({ seed: 31 }), { password: 'sandi-benar' });
      const before = await dump();
      const none = (await open(blob).catch((e: unknown) => e)) as BundleError;
      expect(none.code).toBe('passwordRequired');
      const wrong = (await open(blob, 'a.spbe', 'salah').catch((e: unknown) => e)) as BundleError;
      expect(wrong.message).toBe(
        'Kata sandi salah. Periksa kata sandi dari pengirim berkas lalu coba lagi.',
      );
      expect(await dump()).toBe(before);
      expect((await open(blob, 'a.spbe', 'sandi-benar')).bundle.encrypted).toBe(true);
    });
  });
});

describe('merge', () => {
  it('stores the result as a new evaluation with its record; inputs stay as they were', async () => {
    const ani = makeFixture({
      seed: 40,
      evaluationId: 'eval-kota',
      levels: { 1: 3, 2: 2 },
      evidenceSizes: [300],
      members: [{ id: 'm-ani', name: 'Ani Rahmawati', indicators: [1, 2] }],
    });
    const budi = makeFixture({
      seed: 41,
      evaluationId: 'eval-kota',
      levels: { 2: 4, 3: 1 },
      evidenceSizes: [300, 500],
      members: [{ id: 'm-budi', name: 'Budi Santoso', indicators: [2, 3] }],
    });
    const aniFile = await open(await bundleOf(ani), 'ani.spbe');
    const budiFile = await open(await bundleOf(budi, { exporter: 'Budi Santoso' }), 'budi.spbe');
    // The coordinator imported Ani's file before: the merge must not collide with its ids.
    await commitImport(aniFile, { mode: 'create', confirmed: false, actor });
    const before = await readSnapshot('eval-kota' as EvaluationId);

    const analysis = analyzeMerge({
      pack,
      inputs: [
        sourceFromBundle('1', 'ani.spbe', aniFile.bundle),
        sourceFromBundle('2', 'budi.spbe', budiFile.bundle),
      ],
    });
    expect(analysis.conflicts.map((c) => c.indicator)).toEqual([2]);
    const result = applyMerge(analysis, [
      {
        indicator: 2,
        choice: { kind: 'side', sourceId: '2' },
        reason: 'SK tim ditetapkan Maret 2026.',
        decidedBy: { memberId: null, name: 'Sri Wahyuni' },
        decidedAt: T0 + 10_000,
      },
    ]);
    const blobs = new Map([...aniFile.blobs, ...budiFile.blobs]);
    const id = await saveMerge(result, blobs, {
      coordinator: { name: 'Sri Wahyuni', nip: '197001012000032001' },
    });
    expect(id).toBe(result.snapshot.evaluation.id);
    const merged = (await readSnapshot(id))!;
    expect(merged.evaluation.origin).toEqual({ kind: 'merged', mergeId: result.record.id });
    expect(merged.answers.map((a) => [a.indicator, a.value, a.revisionOpen])).toEqual([
      [1, 3, false],
      [2, 4, false],
      [3, 1, false],
    ]);
    // Evidence united; Ani's document id is taken by the imported copy, so it got a new one.
    expect(merged.evidence).toHaveLength(3);
    expect(merged.evidence.map((e) => e.id)).not.toContain('ev-40-0');
    expect(await db.evidence.count()).toBe(1 + 3);
    expect(await db.blobs.count()).toBe(3);
    expect(merged.links.every((l) => merged.evidence.some((e) => e.id === l.evidenceId))).toBe(
      true,
    );
    expect(await readSnapshot('eval-kota' as EvaluationId)).toEqual(before);

    const stored = (await readMerge(result.record.id))!;
    expect(stored.record).toEqual(result.record);
    expect(stored.coordinator).toEqual({ name: 'Sri Wahyuni', nip: '197001012000032001' });
    expect(stored.answers.map((a) => a.value)).toEqual([3, 4, 1]);
    expect(stored.evaluation?.id).toBe(id);
  });

  it('a member id used by another evaluation gets a new id in the merged one', async () => {
    const f = makeFixture({ seed: 42, levels: { 1: 1 }, evidenceSizes: [] });
    await commitImport(await open(await bundleOf(f)), { mode: 'create', confirmed: false, actor });
    const other = makeFixture({ seed: 43, levels: { 2: 2 }, evidenceSizes: [] });
    const a = await open(await bundleOf(f));
    const b = await open(await bundleOf(other), 'b.spbe');
    const result = applyMerge(
      analyzeMerge({
        pack,
        inputs: [
          sourceFromBundle('1', 'a.spbe', a.bundle),
          sourceFromBundle('2', 'b.spbe', b.bundle),
        ],
      }),
      [],
    );
    const id = await saveMerge(result, new Map(), { coordinator: { name: 'Sri', nip: '' } });
    const merged = (await readSnapshot(id))!;
    const original = new Set(f.snapshot.members.map((m) => m.id as string));
    expect(merged.members.some((m) => original.has(m.id))).toBe(false);
    // Answers point at the renamed members.
    const ids = new Set(merged.members.map((m) => m.id as string));
    expect(merged.answers.every((x) => x.updatedBy === null || ids.has(x.updatedBy))).toBe(true);
    expect((await db.members.toArray()).map((m) => m.id as MemberId)).toHaveLength(
      f.snapshot.members.length + merged.members.length,
    );
  });
});
