/** The application: providers and routes. */
import { HashRouter, Route, Routes } from 'react-router';
import { NoticeProvider } from '../components/notices';
import { AboutPage } from '../features/about/about-page';
import { BackupProvider } from '../features/backups/backup-context';
import { BackupsPage } from '../features/backups/backups-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { EvaluationsPage } from '../features/evaluations/evaluations-page';
import { NewEvaluationPage } from '../features/evaluations/new-evaluation-page';
import { EvidenceLibrary } from '../features/evidence/evidence-library';
import { HistoryPage } from '../features/history/history-page';
import { IndicatorPage } from '../features/instrument/indicator-page';
import { InstrumentPage } from '../features/instrument/instrument-page';
import { ProfilePage } from '../features/profile/profile-page';
import { ScoringPage } from '../features/scoring/scoring-page';
import { SettingsPage } from '../features/settings/settings-page';
import { TeamPage } from '../features/team/team-page';
import { WorkspaceLayout } from '../features/workspace/workspace-layout';
import type { Platform } from '../platform';
import { DatabaseGate } from './database-gate';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { PlatformContext } from './platform-context';

export function App({ platform }: { platform: Platform }) {
  return (
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <DatabaseGate>
          <BackupProvider>
            <HashRouter>
              <Routes>
                <Route element={<Layout />}>
                  <Route index element={<EvaluationsPage />} />
                  <Route path="evaluasi/baru" element={<NewEvaluationPage />} />
                  <Route path="evaluasi/:evaluationId" element={<WorkspaceLayout />}>
                    <Route index element={<DashboardPage />} />
                    <Route path="indikator" element={<ScoringPage />} />
                    <Route path="indikator/:number" element={<ScoringPage />} />
                    <Route path="bukti" element={<EvidenceLibrary />} />
                    <Route path="tim" element={<TeamPage />} />
                    <Route path="riwayat" element={<HistoryPage />} />
                    <Route path="profil" element={<ProfilePage />} />
                  </Route>
                  <Route path="instrumen" element={<InstrumentPage />} />
                  <Route
                    path="instrumen/:packId/:version/indikator/:number"
                    element={<IndicatorPage />}
                  />
                  <Route path="pengaturan" element={<SettingsPage />} />
                  <Route path="cadangan" element={<BackupsPage />} />
                  <Route path="tentang" element={<AboutPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </HashRouter>
          </BackupProvider>
        </DatabaseGate>
      </NoticeProvider>
    </PlatformContext.Provider>
  );
}
