/**
 * The restore preview names each evaluation's instrument: a 2026 evaluation on PermenPANRB 8/2026
 * and one on PermenPANRB 59/2020 of the same instansi read alike otherwise (same name and year,
 * both made today), in the table, in the plan and in the names of the choice boxes.
 */
import { cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { actor, backupBlob } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';
import { openRestorePreview } from '../support/restore-preview';

beforeEach(async () => {
  await resetDatabase();
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
});
afterEach(cleanup);

describe('the restore preview of two evaluations of one instansi and year', () => {
  it('tells them apart by their instrument', async () => {
    await createEvaluation(
      sampleInput({ instrumentId: 'permenpanrb-8-2026', instrumentVersion: '1.0.0' }),
      actor,
    );
    await createEvaluation(sampleInput(), actor);
    const file = await backupBlob();

    const dialog = await openRestorePreview(file);
    const table = await within(dialog).findByRole('table', { name: 'Evaluasi di dalam cadangan' });
    expect(within(table).getByRole('columnheader', { name: 'Instrumen' })).toBeVisible();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent).sort()).toEqual([
      'PermenPANRB 59/2020',
      'PermenPANRB 8/2026',
    ]);

    const plan = within(dialog).getByRole('region', {
      name: 'Yang akan terjadi pada data di komputer ini',
    });
    const lines = within(plan)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines.filter((l) => l.includes('2026, PermenPANRB 8/2026'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('2026, PermenPANRB 59/2020'))).toHaveLength(1);

    const user = userEvent.setup();
    await user.click(
      within(dialog).getByRole('radio', { name: /^Pulihkan evaluasi yang dipilih saja/ }),
    );
    await user.click(
      within(dialog).getByRole('checkbox', {
        name: /^Pulihkan Pemerintah Kota Balikpapan 2026, PermenPANRB 8\/2026 \(/,
      }),
    );
    expect(
      within(dialog).getByRole('checkbox', {
        name: /^Pulihkan Pemerintah Kota Balikpapan \(salinan 2\) 2026, PermenPANRB 59\/2020 \(/,
      }),
    ).not.toBeChecked();
  });
});
