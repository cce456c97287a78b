/** The application: providers and routes. */
import { Route, Routes } from 'react-router';
import { NoticeProvider, NoticeScope } from '../components/notices';
import { AboutPage } from '../features/about/about-page';
import { BackupProvider } from '../features/backups/backup-context';
import { BackupsPage } from '../features/backups/backups-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { EvaluationsPage } from '../features/evaluations/evaluations-page';
import { NewEvaluationPage } from '../features/evaluations/new-evaluation-page';
import { EvidenceLibrary } from '../features/evidence/evidence-library';
import { HelpPage } from '../features/help/help-page';
import { ExchangePage } from '../features/exchange/exchange-page';
import { ImportPage } from '../features/exchange/import-page';
import { OpenFileListener } from '../features/exchange/open-file-listener';
import { HistoryPage } from '../features/history/history-page';
import { IndicatorPage } from '../features/instrument/indicator-page';
import { InstrumentPage } from '../features/instrument/instrument-page';
import { RekapPage } from '../features/rekap/rekap-page';
import { UserPacksGate } from '../features/instrument/user-packs-gate';
import { MergePage } from '../features/merge/merge-page';
import { MinutesPage, MinutesPrintPage } from '../features/merge/minutes-page';
import { ProfilePage } from '../features/profile/profile-page';
import { NewProfilePage, ProfileEditorPage } from '../features/profiles/profile-editor-page';
import { ProfilesPage } from '../features/profiles/profiles-page';
import { ReportPage } from '../features/report/report-page';
import { ReportPrintPage } from '../features/report/report-print-page';
import { ScoringPage } from '../features/scoring/scoring-page';
import { SettingsPage } from '../features/settings/settings-page';
import { TeamPage } from '../features/team/team-page';
import { WorkspaceLayout } from '../features/workspace/workspace-layout';
import type { Platform } from '../platform';
import { DatabaseGate } from './database-gate';
import { DataHashRouter } from './data-hash-router';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { PlatformContext } from './platform-context';
import { ScreenBoundary } from './screen-boundary';

export function App({ platform }: { platform: Platform }) {
  return (
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <DatabaseGate>
          <UserPacksGate>
            <BackupProvider>
              <DataHashRouter>
                <NoticeScope />
                <OpenFileListener />
                <Routes>
                  {/* Printable pages stand outside the app frame (see report-print-page.tsx). */}
                  <Route
                    path="cetak/laporan/:evaluationId"
                    element={
                      <ScreenBoundary>
                        <ReportPrintPage />
                      </ScreenBoundary>
                    }
                  />
                  <Route
                    path="cetak/berita-acara/:mergeId"
                    element={
                      <ScreenBoundary>
                        <MinutesPrintPage />
                      </ScreenBoundary>
                    }
                  />
                  <Route element={<Layout />}>
                    <Route index element={<EvaluationsPage />} />
                    <Route path="evaluasi/baru" element={<NewEvaluationPage />} />
                    <Route path="impor" element={<ImportPage />} />
                    <Route path="gabung" element={<MergePage />} />
                    <Route path="gabungan/:mergeId" element={<MinutesPage />} />
                    <Route path="evaluasi/:evaluationId" element={<WorkspaceLayout />}>
                      <Route index element={<DashboardPage />} />
                      <Route path="indikator" element={<ScoringPage />} />
                      <Route path="indikator/:number" element={<ScoringPage />} />
                      <Route path="bukti" element={<EvidenceLibrary />} />
                      <Route path="tim" element={<TeamPage />} />
                      <Route path="riwayat" element={<HistoryPage />} />
                      <Route path="profil" element={<ProfilePage />} />
                      <Route path="laporan" element={<ReportPage />} />
                      <Route path="pertukaran" element={<ExchangePage />} />
                    </Route>
                    <Route path="profil-daerah" element={<ProfilesPage />} />
                    <Route path="profil-daerah/baru" element={<NewProfilePage />} />
                    <Route path="profil-daerah/:profileId" element={<ProfileEditorPage />} />
                    <Route path="instrumen" element={<InstrumentPage />} />
                    <Route path="rekap" element={<RekapPage />} />
                    <Route
                      path="instrumen/:packId/:version/indikator/:number"
                      element={<IndicatorPage />}
                    />
                    <Route path="pengaturan" element={<SettingsPage />} />
                    <Route path="cadangan" element={<BackupsPage />} />
                    <Route path="bantuan" element={<HelpPage />} />
                    <Route path="tentang" element={<AboutPage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </DataHashRouter>
            </BackupProvider>
          </UserPacksGate>
        </DatabaseGate>
      </NoticeProvider>
    </PlatformContext.Provider>
  );
}
