/**
 * The member form's indicator field on a 20-indicator instrument (Pemdi): every problem of a
 * typed list is reported at once ("abc" is not a number, 21–25 do not exist), and an indicator
 * already given to another member is said with that member's name without blocking the save.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addMember } from '../../../renderer/src/db/commands/members';
import { db } from '../../../renderer/src/db/db';
import { TeamPage } from '../../../renderer/src/features/team/team-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };

async function openNewMember() {
  const pemdi = findPack('permenpanrb-8-2026')!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pemdi.id, instrumentVersion: pemdi.version }),
    actor,
  );
  await addMember(
    id,
    { name: 'Budi Santoso', nip: '', position: '', role: 'member', indicators: [1, 2, 5, 6, 7] },
    actor,
  );
  render(
    <WorkspaceProvider id={id}>
      <TeamPage />
    </WorkspaceProvider>,
  );
  const user = userEvent.setup();
  await screen.findByRole('cell', { name: /Budi Santoso/ });
  await user.click(screen.getByRole('button', { name: 'Tambah anggota' }));
  const dialog = screen.getByRole('dialog', { name: 'Tambah anggota tim' });
  await user.type(within(dialog).getByLabelText('Nama lengkap'), 'Rizky Pratama');
  return {
    id,
    user,
    dialog,
    field: within(dialog).getByLabelText('Indikator yang menjadi tugasnya'),
  };
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('indicators of a member', () => {
  it('reports every problem of "1-25, abc", not only indicator 21', async () => {
    const { user, dialog, field } = await openNewMember();
    await user.type(field, '1-25, abc');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    const error = await within(dialog).findByRole('alert');
    expect(error).toHaveTextContent('"abc" bukan nomor indikator atau rentang');
    expect(error).toHaveTextContent(
      'Indikator 21–25 tidak ada (instrumen ini memuat indikator 1–20)',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await db.members.count()).toBe(1);
  });

  it('names the other member of an indicator given twice, and saves anyway', async () => {
    const { id, user, dialog, field } = await openNewMember();
    await user.type(field, '4-7');
    expect(field).toHaveAccessibleDescription(
      'Contoh: 1-10, 12, 15-18. Indikator 5–7 juga ditugaskan kepada Budi Santoso.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(async () =>
      expect(
        (await db.members.where('evaluationId').equals(id).toArray()).map((m) => m.indicators),
      ).toEqual(expect.arrayContaining([[4, 5, 6, 7]])),
    );
  });
});
