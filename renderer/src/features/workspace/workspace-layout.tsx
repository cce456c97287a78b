/** The frame of one evaluation: its title, the live index, who is working, and its sections. */
import { NavLink, Outlet, useParams } from 'react-router';
import type { EvaluationId, MemberId } from '../../../../shared/assessment';
import { evaluationName, memberRoleLabel } from '../../../../shared/assessment';
import { routes } from '../../app/routes';
import { RatingBadge } from '../../components/rating-badge';
import { errorText, useNotify } from '../../components/notices';
import { setCurrentMember } from '../../db/commands/members';
import { RegionLine } from '../profiles/region-line';
import { useWorkspace, WorkspaceProvider } from './workspace-context';

function IdentityPicker() {
  const { evaluation, members, currentMemberId, pack } = useWorkspace();
  const notify = useNotify();
  return (
    <div className="identity">
      <label htmlFor="identitas">Saya</label>
      <select
        id="identitas"
        value={currentMemberId ?? ''}
        onChange={async (e) => {
          try {
            await setCurrentMember(evaluation.id, (e.target.value || null) as MemberId | null);
          } catch (err) {
            notify('danger', errorText(err));
          }
        }}
      >
        <option value="">— pilih nama Anda —</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({memberRoleLabel(pack, m.role)})
          </option>
        ))}
      </select>
    </div>
  );
}

function Header() {
  const { evaluation, result, pack, members, currentMember } = useWorkspace();
  return (
    <div className="workspace-header">
      <div>
        <h1 className="workspace-title">
          {evaluationName(evaluation)} · {evaluation.year}
        </h1>
        <p className="muted small">
          {pack.shortTitle} · {result.answered} dari {result.total} indikator terjawab ·{' '}
          {pack.indexLabel} <RatingBadge overall={result.overall} />
        </p>
        <RegionLine />
      </div>
      <IdentityPicker />
      {members.length > 0 && !currentMember && (
        <p className="alert warn small identity-hint">
          Pilih nama Anda agar setiap perubahan tercatat atas nama Anda.
        </p>
      )}
    </div>
  );
}

/** The workspace's tabs, named by their screens' titles. */
const sections = [
  routes.evaluation.dashboard,
  routes.evaluation.indicators,
  routes.evaluation.evidence,
  routes.evaluation.team,
  routes.evaluation.history,
  routes.evaluation.instansiProfile,
  routes.evaluation.report,
  routes.evaluation.exchange,
];

export function WorkspaceLayout() {
  const { evaluationId } = useParams();
  const id = evaluationId as EvaluationId;
  return (
    <WorkspaceProvider id={id}>
      <Header />
      <nav className="tabs" aria-label="Bagian evaluasi">
        <ul>
          {sections.map((section) => (
            <li key={section.pattern}>
              <NavLink
                end={section === routes.evaluation.dashboard}
                to={section({ evaluationId: id })}
              >
                {section.title}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </WorkspaceProvider>
  );
}
