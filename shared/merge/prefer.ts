/**
 * Settling conflicts toward one assessor (`spbe-eval merge --prefer <name or member id>`): every
 * conflict where exactly one side is that assessor's (by the member who last edited the answer,
 * or the person who exported the file) is resolved to that side, with the reason recorded.
 * Conflicts where the assessor is on no side, or on several, stay open.
 */
import type { MergeAnalysis } from './analyze';
import type { Conflict, ConflictSide, Resolution } from './types';

const norm = (s: string): string => s.trim().toLocaleLowerCase('id-ID').replace(/\s+/g, ' ');

function sideMatches(side: ConflictSide, analysis: MergeAnalysis, who: string): boolean {
  const wanted = norm(who);
  if (side.assessor && (side.assessor.memberId === who || norm(side.assessor.name) === wanted)) {
    return true;
  }
  return side.sourceIds.some((id) => {
    const s = analysis.sources.find((x) => x.id === id);
    return (
      s?.exportedBy !== null &&
      s?.exportedBy !== undefined &&
      (s.exportedBy.memberId === who || norm(s.exportedBy.name) === wanted)
    );
  });
}

export function resolveByPreference(
  analysis: MergeAnalysis,
  who: string,
  decidedBy: Resolution['decidedBy'],
  decidedAt: number,
): { resolutions: Resolution[]; unresolved: Conflict[] } {
  const resolutions: Resolution[] = [];
  const unresolved: Conflict[] = [];
  for (const conflict of analysis.conflicts) {
    const matching = conflict.sides.filter((side) => sideMatches(side, analysis, who));
    const side = matching[0];
    if (matching.length !== 1 || !side) {
      unresolved.push(conflict);
      continue;
    }
    resolutions.push({
      indicator: conflict.indicator,
      choice: { kind: 'side', sourceId: side.sourceId },
      reason: `Diselesaikan otomatis dengan mengutamakan jawaban ${who} (spbe-eval merge --prefer).`,
      decidedBy,
      decidedAt,
    });
  }
  return { resolutions, unresolved };
}
