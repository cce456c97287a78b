/** The report screen of an evaluation as the app shows it, for the DOM tests. */
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { EvaluationId } from '../../../shared/assessment';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { ReportPage } from '../../../renderer/src/features/report/report-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import type { Platform } from '../../../renderer/src/platform/types';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';

const platform = { kind: 'web', backups: webBackupStore } as unknown as Platform;

export function renderReportPage(id: EvaluationId) {
  return render(
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
}
