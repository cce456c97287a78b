/**
 * Deletions on the coordinator's merge screen: a deletion that applies by itself is listed (and
 * the merged evaluation lacks the document); a deletion against a concurrent edit is a card with
 * both sides, the merge cannot be saved until the coordinator decides (keep or delete, with a
 * reason), and the decision is carried out; a file of an older version gets its sentence.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, MemberId, Tombstone } from '../../../shared/assessment';
import { writeBundle } from '../../../shared/bundle/zip';
import { openBundle } from '../../../renderer/src/db/commands/import';
import { db } from '../../../renderer/src/db/db';
import { handOverForMerge } from '../../../renderer/src/features/exchange/hand-over';
import { MergeSummary } from '../../../renderer/src/features/merge/merge-summary';
import { analyzeMerge, applyMerge, type MergeSource } from '../../../shared/merge';
import { defaultPack } from '../../../shared/instrument';
import { MemoryRouter } from 'react-router';
import { makeFixture, memorySink, T0, writeInput, type Fixture } from '../../unit/bundle/fixtures';
import { resetDatabase } from '../db/helpers';
import { renderMergePage } from './render-merge';

const base = (): Fixture =>
  makeFixture({
    seed: 81,
    evaluationId: 'eval-hapus',
    levels: { 1: 3, 2: 2 },
    evidenceSizes: [64, 80],
    members: [{ id: 'm-ani', name: 'Ani Rahmawati', indicators: [1, 2] }],
  });

function aniDeletes(): { ani: Fixture; tomb: Tombstone } {
  const ani = base();
  const doc = ani.snapshot.evidence[0]!;
  const links = ani.snapshot.links.filter((l) => l.evidenceId === doc.id);
  ani.snapshot.evidence = ani.snapshot.evidence.filter((e) => e.id !== doc.id);
  ani.snapshot.links = ani.snapshot.links.filter((l) => l.evidenceId !== doc.id);
  return {
    ani,
    tomb: {
      id: 'tb-1',
      evaluationId: ani.snapshot.evaluation.id,
      at: T0 + 60_000,
      by: { memberId: 'm-ani' as MemberId, name: 'Ani Rahmawati' },
      entity: 'evidence',
      evidence: doc,
      links,
    },
  };
}

async function blobOf(f: Fixture, exporter: string, tombstones?: Tombstone[]): Promise<Blob> {
  const m = memorySink();
  await writeBundle(m.sink, { ...writeInput(f, exporter), tombstones }, { includeEvidence: true });
  return m.blob();
}

async function hand(a: Blob, b: Blob) {
  handOverForMerge(null as EvaluationId | null, [
    await openBundle(a, 'ani.spbe'),
    await openBundle(b, 'budi.spbe'),
  ]);
}

beforeEach(resetDatabase);
afterEach(() => cleanup());

describe('deletions on the merge screen', () => {
  it('lists a deletion that applies by itself, and the merged evaluation lacks the document', async () => {
    const { ani, tomb } = aniDeletes();
    await hand(
      await blobOf(ani, 'Ani Rahmawati', [tomb]),
      await blobOf(base(), 'Budi Santoso', []),
    );
    const user = userEvent.setup();
    renderMergePage();
    const panel = await screen.findByRole('region', { name: 'Penghapusan' });
    expect(panel).toHaveTextContent('1 penghapusan diterapkan.');
    expect(panel).toHaveTextContent(
      /Dokumen bukti dukung Dokumen 1\.pdf \(SK Tim SPBE 1\) dihapus oleh Ani Rahmawati pada .* \(berkas ani\.spbe\); salinannya tidak diambil dari budi\.spbe\./,
    );
    await user.type(screen.getByLabelText('Nama koordinator'), 'Sri Wahyuni');
    await user.click(screen.getByRole('button', { name: 'Simpan hasil penggabungan' }));
    expect(await screen.findByText('Berita acara tersimpan')).toBeInTheDocument();
    const merged = (await db.evaluations.toArray()).find((e) => e.origin.kind === 'merged')!;
    const docs = await db.evidence.where('evaluationId').equals(merged.id).toArray();
    expect(docs.map((d) => d.hash)).toEqual([base().snapshot.evidence[1]!.hash]);
    expect(
      (await db.tombstones.where('evaluationId').equals(merged.id).toArray()).map((t) => t.entity),
    ).toEqual(['evidence']);
  });

  it('asks the coordinator to decide a deletion against a concurrent edit, with both sides', async () => {
    const { ani, tomb } = aniDeletes();
    const budi = base();
    budi.snapshot.evidence[0]!.title = 'SK Tim SPBE 1 (revisi)';
    await hand(await blobOf(ani, 'Ani Rahmawati', [tomb]), await blobOf(budi, 'Budi Santoso', []));
    const user = userEvent.setup();
    renderMergePage();
    const card = await screen.findByRole('article', {
      name: 'Penghapusan dokumen bukti dukung Dokumen 1.pdf (SK Tim SPBE 1)',
    });
    expect(
      within(card).getByRole('region', { name: 'Penghapusan oleh Ani Rahmawati' }),
    ).toHaveTextContent('judul "SK Tim SPBE 1"');
    expect(
      within(card).getByRole('region', { name: 'Perubahan pada budi.spbe' }),
    ).toHaveTextContent('judul "SK Tim SPBE 1 (revisi)"');
    await user.type(screen.getByLabelText('Nama koordinator'), 'Sri Wahyuni');
    const save = screen.getByRole('button', { name: 'Simpan hasil penggabungan' });
    expect(save).toBeDisabled();
    expect(screen.getByText('1 perbedaan belum diputuskan.')).toBeInTheDocument();
    await user.click(within(card).getByRole('radio', { name: /^Pertahankan versi yang diubah: / }));
    expect(save).toBeDisabled();
    await user.type(
      within(card).getByLabelText('Alasan keputusan (Dokumen 1.pdf (SK Tim SPBE 1))'),
      'Budi memakai revisi SK yang masih berlaku.',
    );
    expect(save).toBeEnabled();
    await user.click(save);
    expect(await screen.findByText('Berita acara tersimpan')).toBeInTheDocument();
    const merged = (await db.evaluations.toArray()).find((e) => e.origin.kind === 'merged')!;
    const titles = (await db.evidence.where('evaluationId').equals(merged.id).toArray()).map(
      (d) => d.title,
    );
    expect(titles).toContain('SK Tim SPBE 1 (revisi)');
    const record = (await db.merges.toArray())[0]!.record as {
      deletions: { decision: { choice: string; reason: string } | null }[];
    };
    expect(record.deletions[0]!.decision).toMatchObject({
      choice: 'keep',
      reason: 'Budi memakai revisi SK yang masih berlaku.',
    });
  });

  it('keeps a deletion decision and its reason in the draft, offered back on return', async () => {
    const { ani, tomb } = aniDeletes();
    const budi = base();
    budi.snapshot.evidence[0]!.title = 'SK Tim SPBE 1 (revisi)';
    await hand(await blobOf(ani, 'Ani Rahmawati', [tomb]), await blobOf(budi, 'Budi Santoso', []));
    const user = userEvent.setup();
    const first = renderMergePage();
    const name = 'Penghapusan dokumen bukti dukung Dokumen 1.pdf (SK Tim SPBE 1)';
    const reason = 'Alasan keputusan (Dokumen 1.pdf (SK Tim SPBE 1))';
    const card = await screen.findByRole('article', { name });
    await user.click(within(card).getByRole('radio', { name: /^Pertahankan versi yang diubah: / }));
    await user.type(within(card).getByLabelText(reason), 'SK masih berlaku.');
    await user.type(screen.getByLabelText('Nama koordinator'), 'Sri Wahyuni');
    expect(await screen.findByText(/^Draf penggabungan tersimpan /)).toBeInTheDocument();
    first.unmount();

    renderMergePage();
    const offer = await screen.findByRole('region', { name: 'Penggabungan yang belum selesai' });
    await user.click(within(offer).getByRole('button', { name: 'Lanjutkan' }));
    const again = await screen.findByRole('article', { name });
    expect(
      within(again).getByRole('radio', { name: /^Pertahankan versi yang diubah: / }),
    ).toBeChecked();
    expect(within(again).getByLabelText(reason)).toHaveValue('SK masih berlaku.');
    expect(screen.getByRole('button', { name: 'Simpan hasil penggabungan' })).toBeEnabled();
  });

  it('says when a file cannot show its deletions (older version)', async () => {
    const { ani } = aniDeletes();
    await hand(await blobOf(ani, 'Ani Rahmawati'), await blobOf(base(), 'Budi Santoso', []));
    renderMergePage();
    const panel = await screen.findByRole('region', { name: 'Penghapusan' });
    expect(panel).toHaveTextContent(
      'Penghapusan dokumen, tautan, atau anggota tim pada berkas "ani.spbe" tidak dapat diketahui',
    );
  });

  it('the merged evaluation’s summary lists the deletions and the files that could not show theirs', () => {
    const { ani, tomb } = aniDeletes();
    const source = (id: string, label: string, f: Fixture, t: Tombstone[] | null): MergeSource => ({
      id,
      kind: 'bundle',
      label,
      snapshot: f.snapshot,
      exportedBy: null,
      exportedAt: null,
      manifestHash: null,
      fileHash: null,
      scope: { kind: 'all' },
      tombstones: t,
    });
    const pack = defaultPack();
    const result = applyMerge(
      analyzeMerge({
        pack,
        inputs: [
          source('1', 'ani.spbe', ani, [tomb]),
          source('2', 'budi.spbe', base(), []),
          source('3', 'lama.spbe', base(), null),
        ],
      }),
      [],
    );
    render(
      <MemoryRouter>
        <MergeSummary
          pack={pack}
          merge={{
            id: result.record.id,
            record: result.record,
            coordinator: { name: 'Sri Wahyuni', nip: '' },
            answers: result.snapshot.answers,
            evaluation: result.snapshot.evaluation,
            members: result.snapshot.members,
          }}
        />
      </MemoryRouter>,
    );
    expect(
      screen.getByText(
        /Penghapusan yang diterapkan: Dokumen 1\.pdf \(SK Tim SPBE 1\) \(oleh Ani Rahmawati\)\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/pada berkas "lama\.spbe" tidak dapat diketahui/)).toBeInTheDocument();
  });
});
