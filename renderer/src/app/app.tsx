/** The application: providers and routes. */
import { HashRouter, Route, Routes } from 'react-router';
import type { Platform } from '../platform';
import { AboutPage } from '../features/about/about-page';
import { IndicatorPage } from '../features/instrument/indicator-page';
import { InstrumentPage } from '../features/instrument/instrument-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { PlatformContext } from './platform-context';

export function App({ platform }: { platform: Platform }) {
  return (
    <PlatformContext.Provider value={platform}>
      <HashRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<InstrumentPage />} />
            <Route path="instrumen" element={<InstrumentPage />} />
            <Route
              path="instrumen/:packId/:version/indikator/:number"
              element={<IndicatorPage />}
            />
            <Route path="tentang" element={<AboutPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </HashRouter>
    </PlatformContext.Provider>
  );
}
