/**
 * The coordinator's merge screen as the app routes to it, for the DOM tests: a web platform that
 * picks and saves nothing, a screen to leave to ("/lain") and the saved Berita Acara's route.
 */
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { MergePage } from '../../../renderer/src/features/merge/merge-page';
import type { Platform } from '../../../renderer/src/platform/types';
import { testPlatform } from '../support/platform';

/**
 * Renders the merge screen at /gabung; the router lets a test navigate away. `pickFiles` stands
 * for the file chooser of "Tambah berkas .spbe…" (default: cancelled).
 */
export function renderMergePage(pickFiles?: Platform['pickFiles']) {
  const router = createMemoryRouter(
    [
      { path: '/gabung', element: <MergePage /> },
      { path: '/lain', element: <h1>Layar lain</h1> },
      { path: '/gabungan/:mergeId', element: <p>Berita acara tersimpan</p> },
    ],
    { initialEntries: ['/gabung'] },
  );
  const view = render(
    <PlatformContext.Provider value={testPlatform(pickFiles ? { pickFiles } : {}).platform}>
      <NoticeProvider>
        <RouterProvider router={router} />
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
  return { ...view, router };
}
