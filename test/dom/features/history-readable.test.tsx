/**
 * Riwayat for an inspector: every change the app records reads in Indonesian — the profile's and
 * the period's fields by the names their forms give them, dates as "22 November 2026", an
 * archived evaluation, a member's role and indicators, a document's kind and date, a compliance
 * decision — never a stored key ("periodStart", "instansi.headOfRegionName"), an English code
 * ("archived", "lead") or a raw ISO date. Only an answer's autosaves are shown as one change:
 * archiving and restoring within minutes are two lines.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPack, type InstrumentPack } from '../../../shared/instrument';
import { db } from '../../../renderer/src/db/db';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { setComplianceDecision } from '../../../renderer/src/db/commands/compliance';
import {
  createEvaluation,
  setArchived,
  updateEvaluation,
} from '../../../renderer/src/db/commands/evaluations';
import {
  addEvidenceFromBlob,
  updateEvidenceMetadata,
} from '../../../renderer/src/db/commands/evidence';
import { addMember, updateMember } from '../../../renderer/src/db/commands/members';
import { setReportDate } from '../../../renderer/src/db/commands/report-date';
import { HistoryPage } from '../../../renderer/src/features/history/history-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

beforeEach(resetDatabase);

/** The cells of the row whose "Perubahan" cell starts with `change`. */
function rowOf(table: HTMLElement, change: string): string[] {
  const cell = within(table)
    .getAllByRole('cell')
    .find((c) => c.textContent?.startsWith(change));
  if (!cell) throw new Error(`no row "${change}" in ${table.textContent}`);
  return within(cell.closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('Riwayat reads every recorded change in Indonesian', () => {
  it('names fields as the forms do and writes values as a user reads them', async () => {
    const input = sampleInput();
    const id = await createEvaluation(input, ANONYMOUS);
    const period = { year: 2026, periodStart: '2026-09-15', periodEnd: '2026-11-20' };
    await updateEvaluation(id, { ...period, instansi: input.instansi }, ANONYMOUS);
    // Saved again: a second change of the same field, not an autosave of the first.
    await updateEvaluation(
      id,
      {
        year: 2026,
        periodStart: '2026-09-01',
        periodEnd: '2026-11-20',
        instansi: { ...input.instansi, headOfRegionName: 'Dedy Wahyudi', kind: 'kabupaten' },
      },
      ANONYMOUS,
    );
    await setReportDate(id, '2026-11-22', ANONYMOUS, new Date(Date.UTC(2026, 10, 23)));
    await setArchived(id, true, ANONYMOUS);
    await setArchived(id, false, ANONYMOUS);
    const member = await addMember(
      id,
      { name: 'Dedi Saputra', nip: '', position: 'Analis', role: 'member', indicators: [1, 2] },
      ANONYMOUS,
    );
    await updateMember(
      member.id,
      { name: 'Dedi Saputra', nip: '', position: 'Analis', role: 'lead', indicators: [1, 2, 3] },
      ANONYMOUS,
    );
    const doc = await addEvidenceFromBlob(
      id,
      new Blob(['%PDF-1.4\nisi\n%%EOF'], { type: 'application/pdf' }),
      'perwal-spbe.pdf',
      ANONYMOUS,
      { kind: 'lainnya' },
    );
    await updateEvidenceMetadata(
      doc.id,
      {
        kind: 'perkada',
        title: doc.title,
        number: doc.number,
        documentDate: '2025-03-14',
        description: doc.description,
      },
      ANONYMOUS,
    );
    await setComplianceDecision(
      id,
      'arsitektur-keputusan',
      { status: 'notApplicable', note: 'Belum diwajibkan' },
      ANONYMOUS,
    );
    expect(await db.audit.where('evaluationId').equals(id).count()).toBeGreaterThan(10);

    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={id}>
            <HistoryPage />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Riwayat perubahan' });

    expect(rowOf(table, 'Diubah: Awal periode penilaian mandiri').slice(-2)).toEqual([
      '15 September 2026',
      '1 September 2026',
    ]);
    expect(rowOf(table, 'Diubah: Nama kepala daerah').slice(-2)).toEqual(['—', 'Dedy Wahyudi']);
    expect(rowOf(table, 'Diubah: Jenis pemerintah daerah').slice(-2)).toEqual([
      'Pemerintah Kota',
      'Pemerintah Kabupaten',
    ]);
    expect(rowOf(table, 'Diubah: Tanggal laporan').slice(-2)).toEqual(['—', '22 November 2026']);
    const archive = within(table)
      .getAllByRole('cell')
      .filter((c) => c.textContent === 'Diubah: Status evaluasi')
      .map((c) => (c.closest('tr') as HTMLElement).lastElementChild?.textContent);
    expect(archive.sort()).toEqual(['Aktif', 'Diarsipkan']);
    expect(rowOf(table, 'Diubah: Peran').slice(-2)).toEqual(['Anggota', 'Penanggung jawab']);
    expect(rowOf(table, 'Diubah: Indikator tugas').slice(-2)).toEqual(['1–2', '1–3']);
    expect(rowOf(table, 'Diubah: Jenis dokumen').slice(-2)).toEqual([
      'Lainnya',
      'Peraturan Kepala Daerah (Perwal/Perbup/Pergub)',
    ]);
    expect(rowOf(table, 'Diubah: Tanggal dokumen').slice(-2)).toEqual(['—', '14 Maret 2025']);
    expect(rowOf(table, 'Diubah: Keputusan kepatuhan').slice(-2)).toEqual([
      '—',
      'Tidak berlaku: Belum diwajibkan',
    ]);
    // Nothing stored reads raw.
    expect(table.textContent).not.toMatch(
      /periodStart|instansi\.|reportDate|complianceDecisions|archived|active|\d{4}-\d{2}-\d{2}|\blead\b|\[1/,
    );
  });
});

describe('Riwayat with a nameless entry (from an imported file)', () => {
  it('names nobody as "Tanpa identitas", in the table and in the "Oleh" filter', async () => {
    const id = await createEvaluation(sampleInput(), ANONYMOUS);
    await db.audit.add({
      id: 'tanpa-nama',
      evaluationId: id,
      at: Date.UTC(2026, 10, 22, 7, 5),
      actor: null,
      actorName: '  ',
      entity: 'evaluation',
      action: 'merge',
      indicator: null,
      field: null,
      oldValue: null,
      newValue: null,
      note: 'Gabungan dari ani.spbe, budi.spbe (penggabungan 3e789df8-5b1c-4f0e-9a7d-2c6b1e0f4a11)',
    });
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={id}>
            <HistoryPage />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Riwayat perubahan' });
    expect(rowOf(table, 'Digabung')[1]).toBe('Tanpa identitas');
    // The merge's record id is the program's, not a reader's.
    expect(rowOf(table, 'Digabung')[3]).toBe('DigabungGabungan dari ani.spbe, budi.spbe');
    const options = within(screen.getByLabelText('Oleh'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Semua', 'Tanpa identitas']);
    await userEvent.selectOptions(screen.getByLabelText('Oleh'), 'Tanpa identitas');
    expect(rowOf(table, 'Digabung')[1]).toBe('Tanpa identitas');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });
});

describe('Riwayat of a Pemdi source index', () => {
  it('shows a changed note of the source index, not the same text on both sides', async () => {
    const pemdi = findPack('permenpanrb-8-2026') as InstrumentPack;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pemdi.id, instrumentVersion: pemdi.version }),
      ANONYMOUS,
    );
    const answer = (note: string) => ({
      value: 2.5,
      justification: '',
      agency: '',
      status: 'draft' as const,
      reviewNote: '',
      external: { input: 68.75, year: 2025, note },
    });
    await saveAnswer(id, 5, answer(''), ANONYMOUS);
    await saveAnswer(id, 5, answer('Laporan Evaluasi SDI 2025, halaman 12'), ANONYMOUS);
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={id}>
            <HistoryPage />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Riwayat perubahan' });
    const [before, after] = rowOf(table, 'Diubah: Indeks sumber').slice(-2);
    expect(before).not.toBe(after);
    expect(after).toContain('Laporan Evaluasi SDI 2025, halaman 12');
  });
});
