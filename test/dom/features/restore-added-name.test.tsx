/**
 * The restore preview of one evaluation that is not here beside another of the same instansi and
 * year says the name it will be added under ("… (salinan 2)"), the name the restore gives it.
 */
import { cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvaluation, deleteEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob } from '../db/backup-helpers';
import { openRestorePreview } from '../support/restore-preview';
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

    const dialog = await openRestorePreview(file);
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
