/**
 * The list of evaluations when it shows none: "Belum ada evaluasi" only when there really is
 * none; when every evaluation is archived it says so and how to show them. And its order: newest
 * year first, then by name as an Indonesian reader looks for it ("salinan 2" before "salinan 10").
 */
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { createEvaluation, setArchived } from '../../../renderer/src/db/commands/evaluations';
import { actor } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';
import { renderEvaluationList } from '../support/evaluation-list';

const renderList = renderEvaluationList;

beforeEach(resetDatabase);
afterEach(cleanup);

describe('Daftar Evaluasi without a visible evaluation', () => {
  it('says "Belum ada evaluasi" when there is none', async () => {
    renderList();
    expect(await screen.findByRole('heading', { name: 'Belum ada evaluasi' })).toBeVisible();
  });

  it('points a new computer to the restore of a backup from the old one', async () => {
    renderList();
    await screen.findByRole('heading', { name: 'Belum ada evaluasi' });
    expect(screen.getByText(/^Komputer baru\? Pulihkan cadangan dari komputer lama/)).toBeVisible();
    await userEvent.click(screen.getByRole('link', { name: 'Buka layar Cadangan' }));
    expect(await screen.findByText('Layar Cadangan')).toBeVisible();
  });

  it('says every evaluation is archived, not that there is none', async () => {
    const id = await createEvaluation(sampleInput({ year: 2026 }), actor);
    await setArchived(id, true, actor);
    renderList();
    expect(await screen.findByRole('heading', { name: 'Semua evaluasi diarsipkan' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Belum ada evaluasi' })).toBeNull();
    await userEvent.click(
      screen.getByRole('checkbox', { name: /Tampilkan evaluasi yang diarsipkan/ }),
    );
    expect(await screen.findByRole('table', { name: 'Daftar evaluasi' })).toBeInTheDocument();
  });
});

describe('the order of Daftar Evaluasi', () => {
  it('lists a year’s evaluations by name with numbers by value and case aside', async () => {
    const named = async (year: number, name: string, label?: string) => {
      const id = await createEvaluation(
        sampleInput({ year, instansi: { ...sampleInput().instansi, name } }),
        actor,
      );
      if (label) await db.evaluations.update(id, { label });
    };
    // The first of the year has no label; the others' labels are set as stored (10 before 2).
    await named(2026, 'Pemerintah Kota Bengkulu');
    await named(2026, 'Pemerintah Kota Bengkulu', 'salinan 10');
    await named(2026, 'Pemerintah Kota Bengkulu', 'salinan 2');
    await named(2026, 'pemerintah Kabupaten Seluma');
    await named(2025, 'Pemerintah Kota Bengkulu');
    renderList();
    await screen.findByRole('table', { name: 'Daftar evaluasi' });
    const names = screen
      .getAllByRole('link')
      .map((l) => l.textContent)
      .filter((t) => t?.startsWith('Pemerintah') || t?.startsWith('pemerintah'));
    expect(names).toEqual([
      'pemerintah Kabupaten Seluma',
      'Pemerintah Kota Bengkulu',
      'Pemerintah Kota Bengkulu (salinan 2)',
      'Pemerintah Kota Bengkulu (salinan 10)',
      'Pemerintah Kota Bengkulu',
    ]);
  });
});
