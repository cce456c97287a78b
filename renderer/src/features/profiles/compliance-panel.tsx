/**
 * The dashboard's compliance panel: each obligation of the evaluation's regional regulation that
 * the evaluation can speak to, whether its answers and evidence show it met (from
 * `checkCompliance`), why, the article quoted, and the indicators and documents concerned.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { EvaluationSnapshot } from '../../../../shared/assessment';
import {
  checkCompliance,
  complianceStatusLabel,
  complianceSummary,
  type ComplianceStatus,
  type Profile,
} from '../../../../shared/profiles';
import { documentLabel } from '../evidence/evidence-view';
import { useWorkspace } from '../workspace/workspace-context';
import { ProfileProblem, useEvaluationProfile } from './evaluation-profile';
import { regulationShortName } from './profile-text';

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
  const summary = complianceSummary(results);
  const name = regulationShortName(profile);
  const reportsTo = profile.evaluation.reportsTo;

  return (
    <section className="card compliance" aria-labelledby="judul-kepatuhan">
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
          <table className="compliance-table">
            <caption className="visually-hidden">Kewajiban peraturan daerah dan statusnya</caption>
            <thead>
              <tr>
                <th scope="col">Kewajiban</th>
                <th scope="col">Status</th>
                <th scope="col">Alasan</th>
                <th scope="col">Pasal</th>
                <th scope="col">Indikator dan bukti dukung</th>
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
                        <div className="small muted">{obligation.description}</div>
                      )}
                    </th>
                    <td>
                      <span className={statusTone[r.status]}>
                        {complianceStatusLabel[r.status]}
                      </span>
                    </td>
                    <td className="small">{r.reason}</td>
                    <td className="small">
                      {obligation?.articles.map((a, i) => (
                        <div key={`${a.ref}-${i}`}>
                          <strong>{a.ref}</strong>: “{a.quote}”
                        </div>
                      ))}
                    </td>
                    <td className="small">
                      {r.indicators.length > 0 && (
                        <ul className="plain">
                          {r.indicators.map((n) => (
                            <li key={n}>
                              <Link to={`/evaluasi/${evaluation.id}/indikator/${n}`}>
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
                              <Link to={`/evaluasi/${evaluation.id}/bukti`}>
                                {documentLabel(d)}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                      {r.indicators.length === 0 && docs.length === 0 && '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
