/**
 * The Tim Asesor Internal page as a team lead sets it up: a NIP already held by another member is
 * refused with that member's name (spaces between the NIP's groups do not hide it), a name past
 * the limit says the limit, and removing a member who has answers says, before it happens, which
 * indicators are left without an assessor and that the answers stay (on both packs).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, MemberId } from '../../../shared/assessment';
import { findPack } from '../../../shared/instrument';
import { saveAnswer } from '../../../renderer/src/db/commands/answers';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { addMember, setCurrentMember } from '../../../renderer/src/db/commands/members';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { db } from '../../../renderer/src/db/db';
import { TeamPage } from '../../../renderer/src/features/team/team-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { edit } from '../db/backup-helpers';
import { resetDatabase, sampleInput } from '../db/helpers';

const lead = { id: 'm0' as MemberId, name: 'Drs. Ahmad Fauzi, M.Si.' };

async function teamOf(packId: string): Promise<EvaluationId> {
  const pack = findPack(packId)!;
  const id = await createEvaluation(
    sampleInput({ instrumentId: pack.id, instrumentVersion: pack.version }),
    lead,
  );
  return id;
}

function renderTeam(id: EvaluationId) {
  render(
    <NoticeProvider>
      <WorkspaceProvider id={id}>
        <TeamPage />
      </WorkspaceProvider>
    </NoticeProvider>,
  );
  return userEvent.setup();
}

const rina = {
  name: 'Rina Marlina, S.Kom.',
  nip: '198503142010012015',
  position: 'Kepala Bidang Aplikasi Informatika, Diskominfo',
  role: 'member' as const,
  indicators: [1, 2, 3, 4, 5, 6, 7],
};

beforeEach(resetDatabase);
afterEach(cleanup);

describe('adding a member', () => {
  it('refuses a NIP another member holds, naming that member, and stores nothing', async () => {
    const id = await teamOf('permenpanrb-8-2026');
    await addMember(id, rina, lead);
    const user = renderTeam(id);
    await screen.findByRole('cell', { name: /Rina Marlina/ });
    await user.click(screen.getByRole('button', { name: 'Tambah anggota' }));
    const dialog = screen.getByRole('dialog', { name: 'Tambah anggota tim' });
    // The team has no separate unit field: the position field asks for the unit with it.
    expect(within(dialog).getByLabelText('Jabatan')).toHaveAccessibleDescription(
      'Beserta unit kerjanya, misalnya: Kepala Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika',
    );
    await user.type(within(dialog).getByLabelText('Nama lengkap'), 'Yusuf Hidayat, S.T.');
    // The same NIP as Rina's, typed in its groups.
    await user.type(within(dialog).getByLabelText('NIP'), '19850314 201001 2 015');
    const indicators = within(dialog).getByLabelText('Indikator yang menjadi tugasnya');
    await user.type(indicators, '5-14');
    // Rina's degree ends the sentence: no second full stop.
    expect(indicators).toHaveAccessibleDescription(
      'Contoh: 1-10, 12, 15-18. Indikator 5–7 juga ditugaskan kepada Rina Marlina, S.Kom.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    const nip = within(dialog).getByLabelText('NIP');
    await waitFor(() => expect(nip).toHaveAttribute('aria-invalid', 'true'));
    expect(nip).toHaveAccessibleDescription(
      expect.stringContaining(
        'NIP 198503142010012015 sudah tercatat untuk Rina Marlina, S.Kom. (satu NIP hanya untuk satu orang); periksa kembali angkanya.',
      ),
    );
    expect(await db.members.where('evaluationId').equals(id).count()).toBe(1);

    // Corrected, it saves.
    await user.clear(nip);
    await user.type(nip, '199001012015031001');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(async () =>
      expect(await db.members.where('evaluationId').equals(id).count()).toBe(2),
    );
  });

  it('lets a member keep their own NIP when their data is edited', async () => {
    const id = await teamOf('permenpanrb-59-2020');
    await addMember(id, rina, lead);
    const user = renderTeam(id);
    await user.click(await screen.findByRole('button', { name: 'Ubah Rina Marlina, S.Kom.' }));
    const dialog = screen.getByRole('dialog', { name: 'Ubah anggota: Rina Marlina, S.Kom.' });
    const indicators = within(dialog).getByLabelText('Indikator yang menjadi tugasnya');
    await user.clear(indicators);
    await user.type(indicators, '1-10, 40-47');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(async () =>
      expect((await db.members.toArray())[0]?.indicators).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 40, 41, 42, 43, 44, 45, 46, 47,
      ]),
    );
  });

  it('says the limit of a name that is too long', async () => {
    const id = await teamOf('permenpanrb-8-2026');
    const user = renderTeam(id);
    await user.click(await screen.findByRole('button', { name: 'Tambah anggota' }));
    const dialog = screen.getByRole('dialog', { name: 'Tambah anggota tim' });
    const name = within(dialog).getByLabelText('Nama lengkap');
    await user.click(name);
    await user.paste('Siti Nurhaliza Wahyuningsih Kusumawardhani '.repeat(3));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription('Nama paling banyak 120 karakter'),
    );
    expect(await db.members.count()).toBe(0);
  });
});

describe('removing a member who has answers', () => {
  for (const packId of ['permenpanrb-8-2026', 'permenpanrb-59-2020']) {
    it(`says what is left unassigned and what is kept (${packId})`, async () => {
      const id = await teamOf(packId);
      const member = await addMember(id, rina, lead);
      await addMember(
        id,
        { ...rina, name: 'Yusuf Hidayat, S.T.', nip: '', indicators: [6, 7, 8] },
        lead,
      );
      await setCurrentMember(id, member.id);
      const decimal = packId === 'permenpanrb-8-2026';
      await saveAnswer(id, 2, edit(decimal ? 2.75 : 3), { id: member.id, name: member.name });
      const user = renderTeam(id);
      await user.click(
        await screen.findByRole('button', { name: 'Keluarkan Rina Marlina, S.Kom. dari tim' }),
      );
      const dialog = screen.getByRole('dialog', { name: 'Keluarkan anggota?' });
      expect(dialog).toHaveTextContent(
        'Indikator 1–5 yang ditugaskan kepadanya menjadi belum ditugaskan kepada siapa pun',
      );
      expect(dialog).toHaveTextContent(
        'Jawaban indikator 2 yang terakhir diubahnya tetap tersimpan.',
      );
      expect(dialog).toHaveTextContent('Nama ini dipilih sebagai “Saya” di komputer ini');
      await user.click(within(dialog).getByRole('button', { name: 'Keluarkan' }));
      await screen.findByText(
        'Rina Marlina, S.Kom. dikeluarkan dari tim. Indikator 1–5 belum ditugaskan kepada anggota lain.',
      );
      expect((await db.answers.get([id, 2]))?.value).toBe(decimal ? 2.75 : 3);
    });
  }
});
