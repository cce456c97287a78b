/**
 * The dashboard's compliance panel: each obligation of the evaluation's regional regulation that
 * the evaluation can speak to, whether its answers and evidence show it met (from
 * `checkCompliance`), why, the articles quoted (under the obligation), and the indicators and
 * documents concerned; and the team's decision on each finding (confirmed or overridden with a
 * note), which is what the report prints. A finding without a decision stays in the report's
 * internal annex. A decision chosen but not saved guards the screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  complianceDecisionStatuses,
  type ComplianceDecision,
  type EvaluationSnapshot,
} from '../../../../shared/assessment';
import { routes } from '../../app/routes';
import { errorText } from '../../components/notices';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { ComplianceDecisionError, setComplianceDecision } from '../../db/commands/compliance';
import {
  checkCompliance,
  complianceDecisionLabel,
  complianceStatusLabel,
  complianceSummary,
  keptFinding,
  type ComplianceStatus,
  type Profile,
} from '../../../../shared/profiles';
import { findPack } from '../../../../shared/instrument';
import { documentLabel } from '../evidence/evidence-view';
import { useWorkspace } from '../workspace/workspace-context';
import { ProfileProblem, useEvaluationProfile } from './evaluation-profile';
import { regulationShortName } from './profile-text';
import { TableScroll } from '../../components/table-scroll';

const statusTone: Record<ComplianceStatus, string> = {
  met: 'badge ok',
  notMet: 'badge danger',
  unknown: 'badge warn',
};

export function CompliancePanel() {
  const lookup = useEvaluationProfile();
  if (lookup.state === 'none' || lookup.state === 'loading') return null;
  if (lookup.state !== 'ok') return <ProfileProblem lookup={lookup} />;
  return <ComplianceOf profile={lookup.profile} />;
}

function ComplianceOf({ profile }: { profile: Profile }) {
  const { evaluation, pack, answers, evidence, evidenceById, links, members } = useWorkspace();
  const results = useMemo(() => {
    // The snapshot the rule checks read; the audit log plays no part in compliance.
    const snapshot: EvaluationSnapshot = {
      evaluation,
      answers: [...answers.values()],
      evidence,
      links,
      members,
      audit: [],
    };
    return checkCompliance(profile, snapshot, pack);
  }, [profile, evaluation, answers, evidence, links, members, pack]);
  // A profile's descriptions number indicators on its own instrument ("Diperiksa pada indikator
  // 29–31" of 59/2020); on an evaluation with another instrument (Pemdi has 20) they are said to be.
  const foreignNumbers =
    profile.instrumentId === pack.id
      ? null
      : (findPack(profile.instrumentId)?.shortTitle ?? `instrumen "${profile.instrumentId}"`);
  const summary = complianceSummary(results);
  const name = regulationShortName(profile);
  const reportsTo = profile.evaluation.reportsTo;
  // Obligations whose decision form holds a status or note not saved yet.
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(() => new Set());
  const markUnsaved = useCallback((obligationId: string, dirty: boolean) => {
    setUnsaved((current) => {
      if (current.has(obligationId) === dirty) return current;
      const next = new Set(current);
      if (dirty) next.add(obligationId);
      else next.delete(obligationId);
      return next;
    });
  }, []);
  const leaveGuard = useLeaveGuard(
    unsaved.size > 0,
    'Keputusan tim atas kepatuhan yang belum disimpan akan hilang.',
  );

  return (
    <section className="card compliance" aria-labelledby="judul-kepatuhan">
      {leaveGuard}
      <h3 id="judul-kepatuhan">Kepatuhan terhadap peraturan daerah</h3>
      <p className="small muted">
        Kewajiban dalam {name} yang dapat ditunjukkan oleh jawaban dan bukti dukung evaluasi ini.
        Pemeriksaan hanya membaca data evaluasi; kewajiban yang belum tampak datanya ditandai “
        {complianceStatusLabel.unknown}”.
      </p>
      {reportsTo && (
        <p className="small">
          Hasil pemantauan dan evaluasi dilaporkan kepada <strong>{reportsTo.value}</strong> (
          {reportsTo.articles.map((a) => a.ref).join(', ')}).
        </p>
      )}
      {results.length === 0 ? (
        <p>Profil daerah ini tidak mencatat kewajiban yang dapat diperiksa.</p>
      ) : (
        <>
          <p>
            <span className="badge ok">
              {summary.met} {complianceStatusLabel.met.toLowerCase()}
            </span>{' '}
            <span className="badge danger">
              {summary.notMet} {complianceStatusLabel.notMet.toLowerCase()}
            </span>{' '}
            <span className="badge warn">
              {summary.unknown} {complianceStatusLabel.unknown.toLowerCase()}
            </span>
          </p>
          <TableScroll label="Tabel kewajiban peraturan daerah (dapat digeser ke samping)">
            <table className="compliance-table">
              <caption className="visually-hidden">
                Kewajiban peraturan daerah dan statusnya
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kewajiban</th>
                  <th scope="col">Status</th>
                  <th scope="col">Alasan</th>
                  <th scope="col">Indikator dan bukti dukung</th>
                  <th scope="col">Keputusan tim</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => {
                  const obligation = profile.obligations.find((o) => o.id === r.obligationId);
                  const docs = r.evidenceIds.flatMap((id) => {
                    const doc = evidenceById.get(id);
                    return doc ? [doc] : [];
                  });
                  return (
                    <tr key={r.obligationId}>
                      <th scope="row" className="compliance-title">
                        {r.title}
                        {obligation?.description && (
                          <div className="small muted">
                            {obligation.description}
                            {foreignNumbers && /indikator\s+\d/i.test(obligation.description) && (
                              <> (Nomor indikator pada uraian ini menurut {foreignNumbers}.)</>
                            )}
                          </div>
                        )}
                        {obligation?.articles.map((a, i) => (
                          <div key={`${a.ref}-${i}`} className="small compliance-article">
                            <strong>{a.ref}</strong>: “{a.quote}”
                          </div>
                        ))}
                      </th>
                      <td>
                        <span className={statusTone[r.status]}>
                          {complianceStatusLabel[r.status]}
                        </span>
                      </td>
                      <td className="small">{r.reason}</td>
                      <td className="small">
                        {r.indicators.length > 0 && (
                          <ul className="plain">
                            {r.indicators.map((n) => (
                              <li key={n}>
                                <Link
                                  to={routes.evaluation.indicator({
                                    evaluationId: evaluation.id,
                                    number: n,
                                  })}
                                >
                                  Indikator {n}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        )}
                        {docs.length > 0 && (
                          <ul className="plain">
                            {docs.map((d) => (
                              <li key={d.id}>
                                <Link
                                  to={routes.evaluation.evidence({ evaluationId: evaluation.id })}
                                >
                                  {documentLabel(d)}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        )}
                        {r.indicators.length === 0 && docs.length === 0 && '—'}
                      </td>
                      <td>
                        <DecisionForm
                          obligationId={r.obligationId}
                          title={r.title}
                          finding={r.status}
                          onUnsavedChange={markUnsaved}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/**
 * The team's decision on one finding: a status (the automatic finding preselected) and a note,
 * required when the status differs from the finding. Saved with the evaluation and audited.
 */
function DecisionForm({
  obligationId,
  title,
  finding,
  onUnsavedChange,
}: {
  obligationId: string;
  title: string;
  /** The automatic finding: its words name the choices, and keeping it is preselected. */
  finding: ComplianceStatus;
  /** Told whether the form holds a status or note that differs from what is stored. */
  onUnsavedChange: (obligationId: string, unsaved: boolean) => void;
}) {
  const { evaluation, actor } = useWorkspace();
  const automatic = keptFinding(finding);
  const saved = evaluation.complianceDecisions?.[obligationId];
  const [status, setStatus] = useState<ComplianceDecision['status']>(saved?.status ?? automatic);
  const [note, setNote] = useState(saved?.note ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // Without a stored decision, the automatic finding preselected and no note is nothing typed.
  const unsaved = status !== (saved?.status ?? automatic) || note.trim() !== (saved?.note ?? '');
  useEffect(() => {
    onUnsavedChange(obligationId, unsaved);
  }, [onUnsavedChange, obligationId, unsaved]);
  useEffect(() => () => onUnsavedChange(obligationId, false), [onUnsavedChange, obligationId]);
  const save = async (withdraw: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      await setComplianceDecision(
        evaluation.id,
        obligationId,
        withdraw ? null : { status, note },
        actor,
        automatic,
      );
      if (withdraw) {
        setStatus(automatic);
        setNote('');
      }
    } catch (e) {
      setError(
        e instanceof ComplianceDecisionError
          ? e.message
          : `Keputusan tidak dapat disimpan: ${errorText(e)}`,
      );
    } finally {
      setBusy(false);
    }
  };
  const statusId = `keputusan-${obligationId}`;
  const noteId = `catatan-${obligationId}`;
  const errorId = `galat-${obligationId}`;
  return (
    <div className="compliance-decision small">
      <p className="muted">
        {saved
          ? `Dikonfirmasi oleh ${saved.by}: ${complianceDecisionLabel(saved.status, finding)}`
          : 'Belum dikonfirmasi (masuk lampiran internal)'}
      </p>
      {/* Short visible labels; the names say which obligation (the row's title). */}
      <label htmlFor={statusId}>Status</label>
      <select
        id={statusId}
        aria-label={`Status untuk ${title}`}
        value={status}
        onChange={(e) => setStatus(e.target.value as ComplianceDecision['status'])}
      >
        {complianceDecisionStatuses.map((s) => (
          <option key={s} value={s}>
            {complianceDecisionLabel(s, finding)}
          </option>
        ))}
      </select>
      <label htmlFor={noteId}>Catatan tim</label>
      <textarea
        id={noteId}
        aria-label={`Catatan tim untuk ${title}`}
        rows={2}
        value={note}
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {error && (
        <p id={errorId} role="alert" className="alert danger small">
          {error}
        </p>
      )}
      {unsaved && <span className="badge warn">Belum disimpan</span>}
      {/* One of these per obligation: the names say which, as the fields' do. */}
      <button
        type="button"
        disabled={busy}
        onClick={() => void save(false)}
        aria-label={`Simpan keputusan untuk ${title}`}
      >
        Simpan keputusan
      </button>
      {saved && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void save(true)}
          aria-label={`Batalkan keputusan untuk ${title}`}
        >
          Batalkan keputusan
        </button>
      )}
    </div>
  );
}
