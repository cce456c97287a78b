/**
 * A keyboard user keeps their place in Daftar Evaluasi: archiving a row (archived rows hidden) or
 * deleting one takes the row away, and the focus goes to the same action on the next row, the
 * one before, then "Tampilkan evaluasi yang diarsipkan" or "Buat evaluasi baru". Before, it fell
 * to <body> and the next Tab started at the top of the window.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { actor } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';
import { renderEvaluationList } from '../support/evaluation-list';

const renderList = renderEvaluationList;

const NAME = 'Pemerintah Kota Balikpapan';
const archive = (year: number) =>
  screen.getByRole('button', { name: `Arsipkan evaluasi ${NAME} ${year}` });
const remove = (year: number) =>
  screen.getByRole('button', { name: `Hapus evaluasi ${NAME} ${year}` });

beforeEach(async () => {
  await resetDatabase();
  // Listed newest first: 2026, 2025, 2024.
  for (const year of [2024, 2025, 2026]) await createEvaluation(sampleInput({ year }), actor);
});
afterEach(cleanup);

describe('the keyboard focus in Daftar Evaluasi', () => {
  it('after "Arsipkan" goes to the next row’s, the one before, then the archive switch', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('table', { name: 'Daftar evaluasi' });
    archive(2025).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(archive(2024)).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(archive(2026)).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Tampilkan evaluasi yang diarsipkan (3)' }),
      ).toHaveFocus(),
    );
    expect(await db.evaluations.filter((e) => e.status === 'archived').count()).toBe(3);
  });

  it('after a confirmed "Hapus" goes to the next row’s, then to "Buat evaluasi baru"', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('table', { name: 'Daftar evaluasi' });
    for (const [year, next] of [
      [2026, () => remove(2025)],
      [2025, () => remove(2024)],
      [2024, () => screen.getByRole('link', { name: 'Buat evaluasi baru' })],
    ] as const) {
      remove(year).focus();
      await user.keyboard('{Enter}');
      await user.click(await screen.findByRole('button', { name: 'Hapus permanen' }));
      await waitFor(() => expect(next()).toHaveFocus());
    }
    expect(await db.evaluations.count()).toBe(0);
  });
});
