/** Daftar Evaluasi alone (no app shell), with notices and the test platform. */
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { EvaluationsPage } from '../../../renderer/src/features/evaluations/evaluations-page';
import { testPlatform } from './platform';

export function renderEvaluationList(): void {
  const router = createMemoryRouter([{ path: '/', element: <EvaluationsPage /> }]);
  render(
    <PlatformContext.Provider value={testPlatform().platform}>
      <NoticeProvider>
        <RouterProvider router={router} />
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
}
