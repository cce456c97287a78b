/**
 * What the merge screen shows of its inputs before merging: each loaded file's index and
 * predikat (score() on that file's answers, with the file's own pack), and who signs by default:
 * the user who merges ("Saya" of the evaluation on this computer), else the team's Koordinator
 * SPBE or the Sekda, and never one of the disputing parties (an exporter or an assessor whose
 * version is in conflict). A name typed over the default takes the NIP of the person it names.
 */
import type { EvaluationSnapshot, Member } from '../../../../shared/assessment';
import { snapshotValues } from '../../../../shared/assessment';
import { findPack } from '../../../../shared/instrument';
import type { Conflict } from '../../../../shared/merge';
import { score } from '../../../../shared/scoring';

export interface FileIndex {
  /** "2,95", or null when nothing is answered or the file's pack is not on this computer. */
  index: string | null;
  rating: string | null;
  /** The exact index where "2,50" would hide its predikat's side (shared/scoring exactWhereHidden). */
  exactDisplay: string | null;
  answered: number;
  total: number;
  provisional: boolean;
}

/** The index and predikat of one file's answers (as the file was exported). */
export function fileIndex(snapshot: EvaluationSnapshot): FileIndex {
  const { id, version } = snapshot.evaluation.instrument;
  const pack = findPack(id, version);
  const none: FileIndex = {
    index: null,
    rating: null,
    exactDisplay: null,
    answered: 0,
    total: 0,
    provisional: true,
  };
  if (!pack) return none;
  try {
    const result = score(pack, snapshotValues(snapshot));
    return {
      index: result.overall?.display ?? null,
      rating: result.overall?.rating ?? null,
      exactDisplay: result.overall?.exactDisplay ?? null,
      answered: result.answered,
      total: result.total,
      provisional: result.overall?.provisional ?? true,
    };
  } catch {
    return none;
  }
}

export interface Signer {
  name: string;
  nip: string;
}

const norm = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/** Names of everyone with a stake in the differences: exporters and the conflicting assessors. */
export function disputingParties(
  exporters: readonly string[],
  conflicts: readonly Conflict[],
): Set<string> {
  const names = new Set(exporters.map(norm));
  for (const c of conflicts) {
    for (const side of c.sides) {
      if (side.assessor?.name) names.add(norm(side.assessor.name));
      for (const e of side.exporters) names.add(norm(e));
    }
  }
  names.delete('');
  return names;
}

/**
 * The default signer: `me` (the merging user's own member record) when known; otherwise the
 * team's Koordinator SPBE, then the Sekda, skipping anyone in `parties`; empty when none is left
 * (the coordinator then types the name).
 */
export function defaultSigner(
  me: Member | null,
  snapshot: EvaluationSnapshot | null,
  parties: ReadonlySet<string>,
): Signer {
  if (me) return { name: me.name, nip: me.nip };
  if (!snapshot) return { name: '', nip: '' };
  const candidates: Signer[] = [
    ...snapshot.members.filter((m) => m.role === 'coordinator'),
    { name: snapshot.evaluation.instansi.sekdaName, nip: snapshot.evaluation.instansi.sekdaNip },
  ];
  return (
    candidates.find((c) => c.name.trim() !== '' && !parties.has(norm(c.name))) ?? {
      name: '',
      nip: '',
    }
  );
}

/** Everyone the evaluation knows by name and NIP: the team, then the Sekda of the instansi. */
function knownSigners(snapshot: EvaluationSnapshot | null, me: Member | null): Signer[] {
  const people: Signer[] = [
    ...(me ? [me] : []),
    ...(snapshot?.members ?? []),
    ...(snapshot
      ? [
          {
            name: snapshot.evaluation.instansi.sekdaName,
            nip: snapshot.evaluation.instansi.sekdaNip,
          },
        ]
      : []),
  ];
  return people.filter((p) => p.name.trim() !== '').map((p) => ({ name: p.name, nip: p.nip }));
}

/**
 * The signer once the coordinator's name is typed: a name the evaluation knows (a team member,
 * the Sekda) brings that person's NIP; another name keeps a NIP typed by hand but drops one that
 * belongs to someone else, so that the Sekda never signs the Berita Acara with the NIP of the
 * data-entry officer whose name was the default.
 */
export function signerWithName(
  current: Signer,
  name: string,
  snapshot: EvaluationSnapshot | null,
  me: Member | null,
): Signer {
  const known = knownSigners(snapshot, me);
  const named = known.find((p) => norm(p.name) === norm(name) && p.nip.trim() !== '');
  if (named) return { name, nip: named.nip };
  const nip = current.nip.trim();
  const someoneElses = nip !== '' && known.some((p) => p.nip.trim() === nip);
  return { name, nip: someoneElses ? '' : current.nip };
}
