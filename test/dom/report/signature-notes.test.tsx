/**
 * The report screen says, before anything is printed, which signature of the signature page will
 * be a blank line and where to fill it in.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { ReportPage } from '../../../renderer/src/features/report/report-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { resetDatabase, sampleInput } from '../db/helpers';

const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;

beforeEach(resetDatabase);
afterEach(cleanup);

it('names the signatures that will print blank, with where to fill them in', async () => {
  // A new evaluation: no Sekretaris Daerah in its profile and no team yet.
  const id = await createEvaluation(sampleInput(), { id: 'm1' as MemberId, name: 'Siti Aminah' });
  render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <MemoryRouter>
          <WorkspaceProvider id={id}>
            <ReportPage />
          </WorkspaceProvider>
        </MemoryRouter>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
  const note = await screen.findByRole('note', { name: 'Lembar pengesahan' });
  expect(
    within(note)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Nama Koordinator SPBE (Sekretaris Daerah) belum diisi: lembar pengesahan mencetak garis kosong. Isi Nama Sekretaris Daerah di Profil Instansi atau tambahkan anggota tim berperan Koordinator SPBE.',
    'Ketua Tim Asesor Internal belum ditetapkan: lembar pengesahan mencetak garis kosong. Tetapkan anggota tim berperan Penanggung jawab.',
  ]);
});
