/**
 * Daftar Evaluasi alone (no app shell), with notices, the backup service and the test platform;
 * backups go to the web backup store (an evaluation is backed up before it is deleted), unless
 * the test hands in its own.
 */
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { routes } from '../../../renderer/src/app/routes';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { EvaluationsPage } from '../../../renderer/src/features/evaluations/evaluations-page';
import type { BackupStore } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { testPlatform } from './platform';

export function renderEvaluationList(backups: BackupStore = webBackupStore): void {
  const router = createMemoryRouter([
    { path: '/', element: <EvaluationsPage /> },
    // Where the list leads a new computer: a stand-in for the Cadangan screen.
    { path: routes.backups(), element: <p>Layar Cadangan</p> },
  ]);
  render(
    <PlatformContext.Provider value={testPlatform({ backups }).platform}>
      <NoticeProvider>
        <BackupProvider>
          <RouterProvider router={router} />
        </BackupProvider>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}
