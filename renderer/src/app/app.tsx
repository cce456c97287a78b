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
import { InstansiProfilePage } from '../features/instansi-profile/instansi-profile-page';
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
import { routes } from './routes';
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
                    path={routes.print.report.pattern}
                    element={
                      <ScreenBoundary>
                        <ReportPrintPage />
                      </ScreenBoundary>
                    }
                  />
                  <Route
                    path={routes.print.minutes.pattern}
                    element={
                      <ScreenBoundary>
                        <MinutesPrintPage />
                      </ScreenBoundary>
                    }
                  />
                  <Route element={<Layout />}>
                    <Route index element={<EvaluationsPage />} />
                    <Route path={routes.newEvaluation.pattern} element={<NewEvaluationPage />} />
                    <Route path={routes.import.pattern} element={<ImportPage />} />
                    <Route path={routes.merge.pattern} element={<MergePage />} />
                    <Route path={routes.minutes.pattern} element={<MinutesPage />} />
                    <Route path={routes.evaluation.dashboard.pattern} element={<WorkspaceLayout />}>
                      <Route index element={<DashboardPage />} />
                      <Route
                        path={routes.evaluation.indicators.pattern}
                        element={<ScoringPage />}
                      />
                      <Route path={routes.evaluation.indicator.pattern} element={<ScoringPage />} />
                      <Route
                        path={routes.evaluation.evidence.pattern}
                        element={<EvidenceLibrary />}
                      />
                      <Route path={routes.evaluation.team.pattern} element={<TeamPage />} />
                      <Route path={routes.evaluation.history.pattern} element={<HistoryPage />} />
                      <Route
                        path={routes.evaluation.instansiProfile.pattern}
                        element={<InstansiProfilePage />}
                      />
                      <Route path={routes.evaluation.report.pattern} element={<ReportPage />} />
                      <Route path={routes.evaluation.exchange.pattern} element={<ExchangePage />} />
                    </Route>
                    <Route path={routes.regionalProfiles.pattern} element={<ProfilesPage />} />
                    <Route path={routes.newRegionalProfile.pattern} element={<NewProfilePage />} />
                    <Route path={routes.regionalProfile.pattern} element={<ProfileEditorPage />} />
                    <Route path={routes.instrument.pattern} element={<InstrumentPage />} />
                    <Route path={routes.rekap.pattern} element={<RekapPage />} />
                    <Route path={routes.instrumentIndicator.pattern} element={<IndicatorPage />} />
                    <Route path={routes.settings.pattern} element={<SettingsPage />} />
                    <Route path={routes.backups.pattern} element={<BackupsPage />} />
                    <Route path={routes.help.pattern} element={<HelpPage />} />
                    <Route path={routes.about.pattern} element={<AboutPage />} />
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
