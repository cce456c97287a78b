/**
 * The regional profile of the open evaluation, for the panels that show its regulation (scoring
 * form, dashboard, header), and the notice when it cannot be shown.
 */
import { Link } from 'react-router';
import { routes } from '../../app/routes';
import { useWorkspace } from '../workspace/workspace-context';
import { useProfileLookup, type ProfileLookup } from './use-profiles';

export function useEvaluationProfile(): ProfileLookup {
  const { evaluation } = useWorkspace();
  return useProfileLookup(evaluation.profileId);
}

/** Why the evaluation's profile is not shown; nothing for "none", "loading" and "ok". */
export function ProfileProblem({ lookup }: { lookup: ProfileLookup }) {
  if (lookup.state === 'missing') {
    return (
      <p className="alert warn small">
        Evaluasi ini dibuat dari profil daerah “{lookup.id}” yang tidak ada di komputer ini. Impor
        berkas profilnya pada halaman <Link to={routes.regionalProfiles()}>Profil Daerah</Link>{' '}
        untuk melihat pasal peraturan daerah dan pemeriksaan kepatuhan.
      </p>
    );
  }
  if (lookup.state === 'invalid') {
    return (
      <p className="alert warn small">
        Profil daerah “{lookup.id}” tersimpan tetapi tidak sah lagi ({lookup.errors[0]}). Perbaiki
        pada halaman <Link to={routes.regionalProfiles()}>Profil Daerah</Link>.
      </p>
    );
  }
  return null;
}
