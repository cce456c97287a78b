/**
 * spbe-eval merge with deletions that travel: a document one file deleted is not in the merged
 * bundle (which carries the tombstone on), stdout names it; a deletion against a concurrent edit
 * is listed in the conflicts file and nothing is written (exit 3).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MemberId, Tombstone } from '../../../shared/assessment';
import { readBundle, writeBundle } from '../../../shared/bundle/zip';
import { nodeIo, nodeSha256, openRandomAccess, writeAtomic } from '../../../electron/cli/node-io';
import { run } from '../../../electron/cli/run';
import type { CliIo } from '../../../electron/cli/io';
import { makeFixture, T0, writeInput, type Fixture } from '../bundle/fixtures';

const VERSION = '0.1.0';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spbe-merge-hapus-'));
});
const p = (name: string): string => path.join(dir, name);

function capturingIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { ...nodeIo(), out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

const base = (): Fixture =>
  makeFixture({
    seed: 31,
    evaluationId: 'eval-kota',
    levels: { 1: 3, 2: 2 },
    evidenceSizes: [800, 900],
  });

async function exportTo(file: string, f: Fixture, tombstones?: Tombstone[]): Promise<string> {
  await writeAtomic(file, async (sink) => {
    await writeBundle(sink, { ...writeInput(f), tombstones }, { includeEvidence: true });
  });
  return file;
}

/** Ani's copy without the first document, and its tombstone. */
function aniDeletes(): { ani: Fixture; tomb: Extract<Tombstone, { entity: 'evidence' }> } {
  const ani = base();
  const doc = ani.snapshot.evidence[0]!;
  const links = ani.snapshot.links.filter((l) => l.evidenceId === doc.id);
  ani.snapshot.evidence = ani.snapshot.evidence.filter((e) => e.id !== doc.id);
  ani.snapshot.links = ani.snapshot.links.filter((l) => l.evidenceId !== doc.id);
  const tomb: Extract<Tombstone, { entity: 'evidence' }> = {
    id: 'tb-1',
    evaluationId: ani.snapshot.evaluation.id,
    at: T0 + 60_000,
    by: { memberId: 'm-ani' as MemberId, name: 'Ani Rahmawati' },
    entity: 'evidence',
    evidence: doc,
    links,
  };
  return { ani, tomb };
}

describe('spbe-eval merge with deletions', () => {
  it('applies a deletion and carries the tombstone into the merged bundle', async () => {
    const { ani, tomb } = aniDeletes();
    const a = await exportTo(p('ani.spbe'), ani, [tomb]);
    const b = await exportTo(p('budi.spbe'), base(), []);
    const { io, out, err } = capturingIo();
    expect(await run(['merge', a, b, '-o', p('gabungan.spbe'), '--by', 'Sri'], io, VERSION)).toBe(
      0,
    );
    expect(err).toEqual([]);
    expect(out.join('\n')).toContain(
      'Penghapusan diterapkan: Dokumen 1.pdf (SK Tim SPBE 1) (oleh Ani Rahmawati)',
    );
    const handle = await openRandomAccess(p('gabungan.spbe'));
    const opened = await readBundle(handle, { appVersion: VERSION, hash: nodeSha256 });
    await handle.close();
    expect(opened.manifest.snapshot.evidence.map((e) => e.hash)).not.toContain(tomb.evidence.hash);
    expect(opened.manifest.snapshot.evidence).toHaveLength(1);
    expect(opened.manifest.tombstones?.map((t) => t.entity)).toEqual(['evidence']);
  });

  it('lists a deletion against a concurrent edit and writes no bundle (exit 3)', async () => {
    const { ani, tomb } = aniDeletes();
    const budi = base();
    budi.snapshot.evidence[0]!.title = 'SK Tim SPBE 1 (revisi)';
    const a = await exportTo(p('ani-k.spbe'), ani, [tomb]);
    const b = await exportTo(p('budi-k.spbe'), budi, []);
    const { io, err } = capturingIo();
    expect(await run(['merge', a, b, '-o', p('hasil.spbe')], io, VERSION)).toBe(3);
    expect(err.join('\n')).toContain('1 penghapusan berbenturan dengan perubahan');
    const list = JSON.parse(await readFile(p('hasil.conflicts.json'), 'utf8')) as {
      deletionConflicts: { entity: string; edited: { sourceLabel: string }[] }[];
    };
    expect(list.deletionConflicts).toHaveLength(1);
    expect(list.deletionConflicts[0]!.entity).toBe('evidence');
    await expect(readFile(p('hasil.spbe'))).rejects.toThrow();
  });

  it('says deletions could not be seen in a file of an older version', async () => {
    const { ani } = aniDeletes();
    const a = await exportTo(p('ani-lama.spbe'), ani);
    const b = await exportTo(p('budi-baru.spbe'), base(), []);
    const { io, out } = capturingIo();
    expect(await run(['merge', a, b, '-o', p('lama.spbe'), '--by', 'Sri'], io, VERSION)).toBe(0);
    expect(out.join('\n')).toMatch(
      /Penghapusan .* pada berkas ".*ani-lama\.spbe" tidak dapat diketahui/,
    );
  });
});
