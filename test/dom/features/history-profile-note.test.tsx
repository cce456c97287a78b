/**
 * Riwayat's "Dibuat" line of an evaluation made from a regional profile names the profile as a
 * user knows it. Entries written before the note used the name carry the profile's id; they are
 * shown with the name where the id is a profile on this computer (the stored entry is unchanged),
 * and as stored otherwise.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProfile, type Profile } from '../../../shared/profiles';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ANONYMOUS } from '../../../renderer/src/db/commands/actor';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { saveCustomProfile } from '../../../renderer/src/db/commands/profiles';
import { db } from '../../../renderer/src/db/db';
import { HistoryPage } from '../../../renderer/src/features/history/history-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

beforeEach(resetDatabase);
afterEach(cleanup);

const bengkulu = findProfile('kota-bengkulu') as Profile;

describe('the profile in Riwayat\'s "Dibuat" note', () => {
  it('shows a stored profile id by the profile name when the profile is known', async () => {
    await saveCustomProfile(
      {
        ...bengkulu,
        id: 'kota-bengkulu-salinan',
        instansi: { ...bengkulu.instansi, name: 'Kota Bengkulu (uji)' },
      },
      'create',
    );
    const id = await createEvaluation(sampleInput(), ANONYMOUS);
    const notes = {
      'lama-bawaan':
        'Evaluasi Pemerintah Kota Bengkulu tahun 2025 dari profil daerah "kota-bengkulu"',
      'lama-sendiri':
        'Evaluasi Pemerintah Kota Bengkulu tahun 2024 dari profil daerah "kota-bengkulu-salinan"',
      'lama-asing':
        'Evaluasi Pemerintah Kota Bengkulu tahun 2023 dari profil daerah "profil-tetangga"',
    };
    for (const [i, [key, note]] of Object.entries(notes).entries()) {
      await db.audit.add({
        id: key,
        evaluationId: id,
        at: Date.UTC(2026, 10, 22, 7, i),
        actor: null,
        actorName: 'Ani',
        entity: 'evaluation',
        action: 'create',
        indicator: null,
        field: null,
        oldValue: null,
        newValue: null,
        note,
      });
    }
    render(
      <MemoryRouter>
        <NoticeProvider>
          <WorkspaceProvider id={id}>
            <HistoryPage />
          </WorkspaceProvider>
        </NoticeProvider>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Riwayat perubahan' });
    expect(
      await within(table).findByText(
        'Evaluasi Pemerintah Kota Bengkulu tahun 2025 dari profil daerah "Pemerintah Kota Bengkulu"',
      ),
    ).toBeVisible();
    expect(
      await within(table).findByText(
        'Evaluasi Pemerintah Kota Bengkulu tahun 2024 dari profil daerah "Kota Bengkulu (uji)"',
      ),
    ).toBeVisible();
    expect(within(table).getByText(notes['lama-asing'])).toBeVisible();
    // The stored entries themselves are not rewritten.
    const stored = await db.audit.where('evaluationId').equals(id).toArray();
    expect(stored.find((e) => e.id === 'lama-bawaan')?.note).toBe(notes['lama-bawaan']);
  });
});
