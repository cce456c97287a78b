/**
 * The Bukti dukung library with many documents: documents added in one pick (they share one
 * moment of adding) are listed in the natural order of their titles, not by their random ids;
 * "Urutkan" changes the order; a filtered list says how many of all it shows; and after a
 * confirmed "Hapus" the keyboard focus goes to the next document's "Hapus" (it fell to <body>).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { App } from '../../../renderer/src/app/app';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addEvidenceFiles, COMMIT_BATCH } from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import { testPlatform } from '../support/platform';

const actor = { id: null, name: 'Rina Sekretariat' };
let id: EvaluationId;
// In the order picked; fewer than one batch of writes (COMMIT_BATCH), so they share one moment.
const NUMBERS = [20, 3, 100, 1, 11, 2, 10];
const reports = [1, 2, 3, 10, 11, 20, 100].map((n) => `Laporan Nomor ${n} Tahun 2025`);

beforeEach(async () => {
  await resetDatabase();
  id = await createEvaluation(sampleInput(), actor);
  // One pick of reports, written in one transaction (one moment of adding), then a large plan.
  await addEvidenceFiles(
    id,
    NUMBERS.map((n) => pdfFile(`Laporan Nomor ${n} Tahun 2025.pdf`, `laporan ${n}`)),
    actor,
  );
  await addEvidenceFiles(id, [pdfFile('Rencana Induk.pdf', 'x'.repeat(5000))], actor);
  // Added a minute later (two adds may fall in one millisecond on a fast machine).
  const [first] = await db.evidence.toArray();
  await db.evidence
    .filter((e) => e.fileName === 'Rencana Induk.pdf')
    .modify({ addedAt: first!.addedAt + 60_000 });
  window.location.hash = `#/evaluasi/${id}/bukti`;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function titles(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: 'Dokumen bukti dukung' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]!.querySelector('strong')!.textContent ?? '');
}

describe('the evidence library', () => {
  it('lists one pick in the natural order of its titles, and in the order chosen', async () => {
    render(<App platform={testPlatform().platform} />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Dokumen bukti dukung' });
    expect(NUMBERS.length).toBeLessThanOrEqual(COMMIT_BATCH);
    expect(await titles()).toEqual(['Rencana Induk', ...reports]);
    await user.selectOptions(screen.getByLabelText('Urutkan'), 'Judul (A–Z)');
    expect(await titles()).toEqual([...reports, 'Rencana Induk']);
    await user.selectOptions(screen.getByLabelText('Urutkan'), 'Ukuran terbesar');
    expect((await titles())[0]).toBe('Rencana Induk');
    await user.selectOptions(screen.getByLabelText('Urutkan'), 'Judul (A–Z)');
    await user.type(screen.getByLabelText('Cari'), 'laporan nomor 1');
    expect(await titles()).toEqual([
      'Laporan Nomor 1 Tahun 2025',
      'Laporan Nomor 10 Tahun 2025',
      'Laporan Nomor 11 Tahun 2025',
      'Laporan Nomor 100 Tahun 2025',
    ]);
    expect(screen.getByText('Menampilkan 4 dari 8 dokumen.')).toBeVisible();
    // The words typed in any order, as the user remembers them, not only a run of the name.
    await user.clear(screen.getByLabelText('Cari'));
    await user.type(screen.getByLabelText('Cari'), '2025 laporan 100');
    expect(await titles()).toEqual(['Laporan Nomor 100 Tahun 2025']);
    expect(screen.getByText('Menampilkan 1 dari 8 dokumen.')).toBeVisible();
  });

  it('puts the four actions of a document two by two, not one a line', async () => {
    const style = document.createElement('style');
    style.textContent = ['renderer/src/styles.css', 'renderer/src/features/evidence/evidence.css']
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    document.head.append(style);
    try {
      render(<App platform={testPlatform().platform} />);
      const hapus = await screen.findByRole('button', { name: 'Hapus Rencana Induk.pdf' });
      const actions = getComputedStyle(hapus.parentElement!);
      expect(actions.display).toBe('grid');
      expect(actions.gridTemplateColumns).toBe('repeat(2, max-content)');
    } finally {
      style.remove();
    }
  });

  it('says in Indonesian, in the preview and for "Buka", when a stored file cannot be read', async () => {
    const opened: string[] = [];
    const { platform } = testPlatform({
      openDocument: async (f) => {
        opened.push(f.name);
      },
    });
    render(<App platform={platform} />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Dokumen bukti dukung' });
    // The browser's storage refuses the read (a damaged file behind the stored bytes).
    vi.spyOn(db.blobs, 'get').mockRejectedValue(
      new DOMException('The requested file could not be read', 'NotReadableError'),
    );
    await user.click(screen.getByRole('button', { name: 'Pratinjau Rencana Induk.pdf' }));
    const preview = await screen.findByRole('dialog', { name: 'Pratinjau: Rencana Induk' });
    expect(await within(preview).findByRole('alert')).toHaveTextContent(
      /^Isi berkas "Rencana Induk.pdf" tidak dapat dibaca dari penyimpanan aplikasi \(rincian: The requested file could not be read\)\. Dokumen lain dan jawaban tidak berubah\./,
    );
    await user.click(within(preview).getByRole('button', { name: 'Buka dengan aplikasi lain' }));
    expect(
      await screen.findByText(/^Isi berkas "Rencana Induk.pdf" tidak dapat dibaca/, {
        selector: ':not(dialog *)',
      }),
    ).toBeVisible();
    expect(opened).toEqual([]);
  });

  it('names the files a full disk refused in one sentence, the advice said once', async () => {
    const picked = Array.from({ length: 3 * COMMIT_BATCH }, (_, i) =>
      pdfFile(`Notulen ${i + 1}.pdf`, `notulen ${i + 1}`),
    );
    const { platform } = testPlatform({
      pickFiles: async () => picked.map((f) => pickedFromBlob(f, f.name)),
    });
    render(<App platform={platform} />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Dokumen bukti dukung' });
    // The disk fills up during the second batch of writes.
    const add = db.evidence.add.bind(db.evidence);
    let calls = 0;
    vi.spyOn(db.evidence, 'add').mockImplementation(((row: never) => {
      calls += 1;
      return calls > COMMIT_BATCH
        ? Promise.reject(new DOMException('Disk penuh', 'QuotaExceededError'))
        : add(row);
    }) as never);
    await user.click(screen.getByRole('button', { name: 'Tambah berkas…' }));
    const step = await screen.findByRole('dialog', { name: /^Judul dan jenis/ });
    await user.click(within(step).getByRole('button', { name: 'Lewati' }));
    const refused = 2 * COMMIT_BATCH;
    const notice = await screen.findByText(/berkas tidak disimpan/);
    expect(notice).toHaveTextContent(
      `Ruang penyimpanan penuh: ${refused} berkas tidak disimpan ("Notulen ${COMMIT_BATCH + 1}.pdf", "Notulen ${COMMIT_BATCH + 2}.pdf", "Notulen ${COMMIT_BATCH + 3}.pdf", "Notulen ${COMMIT_BATCH + 4}.pdf", "Notulen ${COMMIT_BATCH + 5}.pdf", dan ${refused - 5} berkas lainnya). Data yang sudah ada tidak berubah.`,
    );
    expect(notice.textContent).toMatch(/^Ruang penyimpanan penuh/);
    expect(notice.textContent?.match(/Ruang penyimpanan penuh/g)).toHaveLength(1);
    expect(await screen.findByText(`${COMMIT_BATCH} dokumen ditambahkan.`)).toBeVisible();
  });

  it('says so when the library is empty rather than "nothing matches"', async () => {
    await db.evidence.clear();
    render(<App platform={testPlatform().platform} />);
    expect(await screen.findByText('Belum ada dokumen.')).toBeVisible();
  });

  it('after a confirmed "Hapus" keeps the keyboard on the next document, then the one before', async () => {
    render(<App platform={testPlatform().platform} />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Dokumen bukti dukung' });
    const remove = (n: number) =>
      screen.getByRole('button', { name: `Hapus Laporan Nomor ${n} Tahun 2025.pdf` });
    remove(20).focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Hapus dokumen' }));
    await waitFor(() => expect(remove(100)).toHaveFocus());
    // The last row: the focus goes to the one before.
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Hapus dokumen' }));
    await waitFor(() => expect(remove(11)).toHaveFocus());
    expect(await db.evidence.where('evaluationId').equals(id).count()).toBe(6);
  });
});
