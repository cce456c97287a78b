/**
 * "Penjelasan" over its limit, with both packs: the status never says "tersimpan", the stored
 * text stays, and leaving the indicator keeps the typed text as a draft offered back on return.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { ScoringForm } from '../../../renderer/src/features/scoring/scoring-form';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';
import { saveStatus } from '../support/save-status';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };
const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;

function view(id: EvaluationId, indicator: number) {
  return (
    <PlatformContext.Provider value={platform}>
      <WorkspaceProvider id={id}>
        <ScoringForm key={`${id}:${indicator}`} number={indicator} />
      </WorkspaceProvider>
    </PlatformContext.Provider>
  );
}

beforeEach(resetDatabase);
afterEach(cleanup);

// The field is named for the pack's value: a level chosen (59/2020) or a value given (Pemdi).
describe.each([
  ['permenpanrb-59-2020', 'Penjelasan (alasan pemilihan tingkat)'],
  ['permenpanrb-8-2026', 'Penjelasan (alasan pemilihan nilai)'],
])('Penjelasan over the limit (%s)', (packId, label) => {
  it('says "Belum tersimpan", keeps the stored text and offers the draft back', async () => {
    const pack = findPack(packId)!;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
      actor,
    );
    const { rerender } = render(view(id, 1));
    const field = await screen.findByLabelText(label);
    fireEvent.change(field, { target: { value: 'Sudah ada Perwal SPBE.' } });
    await waitFor(async () =>
      expect((await db.answers.get([id, 1]))?.justification).toBe('Sudah ada Perwal SPBE.'),
    );

    const long = 'a'.repeat(25_000);
    fireEvent.change(field, { target: { value: long } });
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent(
        'Belum tersimpan: penjelasan melebihi 20.000 karakter',
      ),
    );
    expect(await screen.findByText(/Penjelasan paling banyak 20\.000 karakter/)).toBeVisible();
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveValue(long);
    expect((await db.answers.get([id, 1]))?.justification).toBe('Sudah ada Perwal SPBE.');

    // Leave the indicator and come back: the typed text is there, still unsaved.
    rerender(view(id, 2));
    await screen.findByRole('heading', { name: /^Indikator 2\./ });
    rerender(view(id, 1));
    await screen.findByRole('heading', { name: /^Indikator 1\./ });
    const again = screen.getByLabelText(label);
    expect(again).toHaveValue(long);
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent('Belum tersimpan: penjelasan melebihi'),
    );
    expect(screen.getByText(/dari kunjungan sebelumnya dipulihkan/)).toBeVisible();

    // Shortened, it is saved.
    fireEvent.change(again, { target: { value: 'a'.repeat(20_000) } });
    await waitFor(async () =>
      expect((await db.answers.get([id, 1]))?.justification).toHaveLength(20_000),
    );
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Semua perubahan tersimpan'));
  });
});

describe('a Pemdi value that does not read cleanly', () => {
  it('comes back into its field when the indicator is opened again, never saved', async () => {
    const pack = findPack('permenpanrb-8-2026')!;
    const id = await createEvaluation(
      sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
      actor,
    );
    const { rerender } = render(view(id, 1));
    const field = await screen.findByRole('textbox', { name: /^Nilai indikator/ });
    fireEvent.change(field, { target: { value: '3,25' } });
    await waitFor(async () => expect((await db.answers.get([id, 1]))?.value).toBe(3.25));

    fireEvent.change(field, { target: { value: '7' } });
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent('Belum disimpan: perbaiki isian yang salah'),
    );

    // Leave the indicator and come back: "7" is there with its message, the stored 3,25 stays.
    rerender(view(id, 2));
    await screen.findByRole('heading', { name: /^Indikator 2\./ });
    rerender(view(id, 1));
    await screen.findByRole('heading', { name: /^Indikator 1\./ });
    const again = screen.getByRole('textbox', { name: /^Nilai indikator/ });
    expect(again).toHaveValue('7');
    expect(again).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'Isian nilai yang belum tersimpan dari kunjungan sebelumnya dipulihkan; nilai yang tersimpan tetap 3,25.',
      ),
    ).toBeVisible();
    expect(saveStatus()).toHaveTextContent('Belum disimpan: perbaiki isian yang salah');
    expect((await db.answers.get([id, 1]))?.value).toBe(3.25);

    // Corrected, it is saved and the draft is gone.
    fireEvent.change(again, { target: { value: '4,5' } });
    await waitFor(async () => expect((await db.answers.get([id, 1]))?.value).toBe(4.5));
    rerender(view(id, 2));
    await screen.findByRole('heading', { name: /^Indikator 2\./ });
    rerender(view(id, 1));
    await screen.findByRole('heading', { name: /^Indikator 1\./ });
    expect(screen.getByRole('textbox', { name: /^Nilai indikator/ })).toHaveValue('4,50');
  });
});
