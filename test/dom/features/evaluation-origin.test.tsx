/**
 * Two evaluations of one instansi and year (the one sent out to the assessors and the result of
 * merging their files) are told apart wherever the coordinator picks one: each says how it came
 * to be and when it last changed, in the list of evaluations, in the merge screen's choice of a
 * base, and in a backup's restore preview.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId } from '../../../shared/assessment';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { db } from '../../../renderer/src/db/db';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { RestoreDialog } from '../../../renderer/src/features/backups/restore-dialog';
import { EvaluationsPage } from '../../../renderer/src/features/evaluations/evaluations-page';
import { MergePage } from '../../../renderer/src/features/merge/merge-page';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const { platform } = testPlatform({ backups: webBackupStore });

const SENT = 'dibuat 1 Desember 2026 · diubah terakhir 6 Desember 2026 pukul 15.30';
const MERGED = 'hasil penggabungan 7 Desember 2026 · diubah terakhir 7 Desember 2026 pukul 10.15';

/** The evaluation sent out (created, later updated from Ani's file) and the merged one. */
async function twoOfOneYear(): Promise<void> {
  const id = await createEvaluation(sampleInput({ year: 2026 }), actor);
  const sent = (await db.evaluations.get(id))!;
  await db.evaluations.put({
    ...sent,
    createdAt: new Date(2026, 11, 1, 9, 0).getTime(),
    updatedAt: new Date(2026, 11, 6, 15, 30).getTime(),
  });
  await db.evaluations.put({
    ...sent,
    id: 'eval-gabungan' as EvaluationId,
    origin: { kind: 'merged', mergeId: 'g-1' },
    createdAt: new Date(2026, 11, 7, 10, 0).getTime(),
    updatedAt: new Date(2026, 11, 7, 10, 15).getTime(),
  });
}

function renderAt(path: string, element: React.ReactNode) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [path] });
  render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <BackupProvider>
          <RouterProvider router={router} />
        </BackupProvider>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
  await twoOfOneYear();
});
afterEach(cleanup);

describe('two evaluations of one instansi and year', () => {
  it('say how each came to be and when it last changed in the list', async () => {
    renderAt('/', <EvaluationsPage />);
    const table = await screen.findByRole('table', { name: 'Daftar evaluasi' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      // The line is two phrases (a narrow column breaks it between them): read it whole.
      rows.map(
        (r) =>
          within(r).queryByText(
            (_, el) =>
              el?.tagName === 'DIV' && /^(dibuat|hasil penggabungan) /.test(el.textContent ?? ''),
          )?.textContent,
      ),
    ).toEqual(expect.arrayContaining([SENT, MERGED]));
  });

  it('say it in the choice of a merge base', async () => {
    renderAt('/', <MergePage />);
    const select = await screen.findByLabelText('Evaluasi dasar di komputer ini (opsional)');
    // The evaluations arrive from a live query after the select is drawn: wait on the state.
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(
        expect.arrayContaining([
          `Pemerintah Kota Balikpapan 2026 — ${SENT}`,
          `Pemerintah Kota Balikpapan 2026 — ${MERGED}`,
        ]),
      ),
    );
    // The closed list is cut to its column: the choice is said in full under it.
    const merged = within(select).getByRole('option', { name: new RegExp(MERGED) });
    await userEvent.setup().selectOptions(select, merged);
    expect(select).toHaveAccessibleDescription(
      expect.stringContaining(`Dipilih: Pemerintah Kota Balikpapan 2026 — ${MERGED}`),
    );
  });

  it('say it in the restore preview of a backup', async () => {
    const file = await backupBlob();
    renderAt(
      '/',
      <RestoreDialog
        source={{ id: 1, name: 'cadangan-uji.spbe', load: async () => file }}
        onClose={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Pratinjau cadangan cadangan-uji.spbe',
    });
    const table = await within(dialog).findByRole('table', { name: 'Evaluasi di dalam cadangan' });
    expect(within(table).getByText('dibuat 1 Desember 2026')).toBeInTheDocument();
    expect(within(table).getByText('hasil penggabungan 7 Desember 2026')).toBeInTheDocument();
    // What will happen to each is said of each by name.
    expect(
      within(dialog).getByText(
        'Pemerintah Kota Balikpapan 2026, PermenPANRB 59/2020 (hasil penggabungan 7 Desember 2026)',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Pemerintah Kota Balikpapan 2026, PermenPANRB 59/2020 (dibuat 1 Desember 2026)',
      ),
    ).toBeInTheDocument();
  });
});
