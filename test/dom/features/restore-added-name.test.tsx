/**
 * The restore preview of one evaluation that is not here beside another of the same instansi and
 * year says the name it will be added under ("… (salinan 2)"), the name the restore gives it.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { createEvaluation, deleteEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { RestoreDialog } from '../../../renderer/src/features/backups/restore-dialog';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});
afterEach(cleanup);

describe('the restore preview of an evaluation added beside one of its instansi and year', () => {
  it('names it as it will be added', async () => {
    const gone = await createEvaluation(sampleInput({ year: 2026 }), actor);
    const file = await backupBlob();
    await deleteEvaluation(gone);
    await createEvaluation(sampleInput({ year: 2026 }), actor);
    const name = sampleInput().instansi.name;

    const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <NoticeProvider>
          <BackupProvider>
            <RestoreDialog
              source={{ id: 1, name: 'cadangan-uji.spbe', load: async () => file }}
              onClose={() => undefined}
            />
          </BackupProvider>
        </NoticeProvider>
      </PlatformContext.Provider>,
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Pratinjau cadangan cadangan-uji.spbe',
    });
    const user = userEvent.setup();
    await user.click(
      await within(dialog).findByRole('radio', { name: /^Pulihkan evaluasi yang dipilih saja/ }),
    );
    await user.click(
      within(dialog).getByRole('checkbox', { name: new RegExp(`^Pulihkan ${name}`) }),
    );
    const plan = within(dialog).getByRole('region', {
      name: 'Yang akan terjadi pada data di komputer ini',
    });
    expect(
      within(plan).getByText(
        (_, el) =>
          el?.tagName === 'LI' &&
          el.textContent?.includes(
            `ditambahkan sebagai “${name} (salinan 2)” karena sudah ada evaluasi ${name} tahun 2026 dengan nama yang sama.`,
          ) === true,
      ),
    ).toBeVisible();
  });
});
