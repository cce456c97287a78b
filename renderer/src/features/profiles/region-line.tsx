/**
 * One line under the evaluation's title: the head of region exactly as the instansi (and its
 * regulation) writes the title, and the regional regulation the evaluation starts from.
 */
import { useWorkspace } from '../workspace/workspace-context';
import { useEvaluationProfile } from './evaluation-profile';
import { regulationShortName } from './profile-text';

export function RegionLine() {
  const { evaluation } = useWorkspace();
  const lookup = useEvaluationProfile();
  const { headOfRegionTitle, regionName, headOfRegionName } = evaluation.instansi;
  return (
    <p className="muted small region-line" data-testid="kepala-daerah">
      Kepala daerah: {headOfRegionTitle} {regionName}
      {headOfRegionName && <> ({headOfRegionName})</>}
      {lookup.state === 'ok' && <> · Profil daerah: {regulationShortName(lookup.profile)}</>}
    </p>
  );
}
