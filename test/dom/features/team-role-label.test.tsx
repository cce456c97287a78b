/**
 * The team screen names the coordinator's role as the evaluation's pack does: "Koordinator
 * Pemdi" on PermenPANRB 8/2026, "Koordinator SPBE" on 59/2020, in the members table, the role
 * list of the member form and the history note of a member added; the stored role stays
 * 'coordinator'.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
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

async function teamOf(packId: string) {
  const pack = findPack(packId)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    actor,
  );
  await addMember(
    id,
    { name: 'Sri Wahyuni', nip: '', position: '', role: 'coordinator', indicators: [] },
    actor,
  );
  render(
    <WorkspaceProvider id={id}>
      <TeamPage />
    </WorkspaceProvider>,
  );
  const row = (await screen.findByRole('cell', { name: /Sri Wahyuni/ })).closest('tr')!;
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Tambah anggota' }));
  const dialog = screen.getByRole('dialog', { name: 'Tambah anggota tim' });
  const roles = within(within(dialog).getByLabelText('Peran dalam tim'))
    .getAllByRole('option')
    .map((o) => o.textContent);
  const note = (await db.audit.where('evaluationId').equals(id).toArray()).find(
    (e) => e.entity === 'member' && e.action === 'create',
  )?.note;
  const stored = (await db.members.where('evaluationId').equals(id).first())?.role;
  return { row, roles, note, stored };
}

beforeEach(resetDatabase);
afterEach(cleanup);

describe('the coordinator on the team screen', () => {
  it('is the Koordinator Pemdi of a Pemdi evaluation', async () => {
    const { row, roles, note, stored } = await teamOf('permenpanrb-8-2026');
    expect(within(row).getByRole('cell', { name: 'Koordinator Pemdi' })).toBeInTheDocument();
    expect(roles).toEqual([
      'Koordinator Pemdi',
      'Penanggung jawab',
      'Pelaksana entri data',
      'Anggota',
    ]);
    expect(note).toBe('Koordinator Pemdi');
    expect(stored).toBe('coordinator');
  });

  it('is still the Koordinator SPBE of a 59/2020 evaluation', async () => {
    const { row, roles, note } = await teamOf('permenpanrb-59-2020');
    expect(within(row).getByRole('cell', { name: 'Koordinator SPBE' })).toBeInTheDocument();
    expect(roles).toEqual([
      'Koordinator SPBE',
      'Penanggung jawab',
      'Pelaksana entri data',
      'Anggota',
    ]);
    expect(note).toBe('Koordinator SPBE');
  });
});
