/**
 * Everything a screen of one evaluation needs, loaded once per evaluation: the evaluation, its
 * pack, answers, evidence, links, team, the current user and the live score. Scores are derived
 * here from the answers, never stored.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type {
  Answer,
  EvaluationId,
  Evaluation,
  Evidence,
  EvidenceLink,
  Member,
  MemberId,
} from '../../../../shared/assessment';
import { snapshotValues } from '../../../../shared/assessment';
import { findPack, type InstrumentPack } from '../../../../shared/instrument';
import { formatNumber } from '../../../../shared/format/number';
import { checkValues, score, type ScoreResult } from '../../../../shared/scoring';
import type { Actor } from '../../db/commands/actor';
import {
  useAnswers,
  useCurrentMemberId,
  useEvaluation,
  useEvidence,
  useLinks,
  useMembers,
} from '../../db/queries/hooks';
import { packKey, skippedStoredPacks } from '../../db/commands/packs';
import { actorOf } from '../evaluations/use-actor';

export interface Workspace {
  evaluation: Evaluation;
  pack: InstrumentPack;
  answers: Map<number, Answer>;
  evidence: Evidence[];
  evidenceById: Map<string, Evidence>;
  links: EvidenceLink[];
  linksByIndicator: Map<number, EvidenceLink[]>;
  members: Member[];
  currentMemberId: MemberId | null;
  currentMember: Member | null;
  actor: Actor;
  result: ScoreResult;
  /**
   * Shows a value the form has chosen but the database has not confirmed yet, so the index moves
   * the moment a level is clicked; `undefined` clears it (after the save, or when it failed).
   */
  setPendingValue: (indicator: number, value: number | null | undefined) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('Workspace belum dimuat');
  return ws;
}

export function WorkspaceProvider({ id, children }: { id: EvaluationId; children: ReactNode }) {
  const evaluation = useEvaluation(id);
  const answers = useAnswers(id);
  const evidence = useEvidence(id);
  const links = useLinks(id);
  const members = useMembers(id);
  const currentMemberId = useCurrentMemberId(id);

  const pack = evaluation
    ? findPack(evaluation.instrument.id, evaluation.instrument.version)
    : undefined;
  const [pending, setPending] = useState<ReadonlyMap<number, number | null>>(new Map());
  const setPendingValue = useCallback((indicator: number, value: number | null | undefined) => {
    setPending((current) => {
      if (value === undefined ? !current.has(indicator) : current.get(indicator) === value) {
        return current;
      }
      const next = new Map(current);
      if (value === undefined) next.delete(indicator);
      else next.set(indicator, value);
      return next;
    });
  }, []);

  // Stored values the pack refuses (rows no screen writes, e.g. from an older build) are said
  // instead of scored: scoring them would throw and blank every screen of the evaluation.
  const storedProblems = useMemo(() => {
    if (!pack || !answers) return [];
    return checkValues(pack, snapshotValues({ answers }));
  }, [pack, answers]);

  const value = useMemo((): Workspace | null => {
    if (
      storedProblems.length > 0 ||
      !evaluation ||
      !pack ||
      !answers ||
      !evidence ||
      !links ||
      !members ||
      currentMemberId === undefined
    )
      return null;
    const answerMap = new Map(answers.map((a) => [a.indicator, a]));
    const values = snapshotValues({ answers });
    for (const [indicator, value] of pending) values[indicator] = value;
    const linksByIndicator = new Map<number, EvidenceLink[]>();
    for (const l of links)
      linksByIndicator.set(l.indicator, [...(linksByIndicator.get(l.indicator) ?? []), l]);
    const currentMember = members.find((m) => m.id === currentMemberId) ?? null;
    return {
      evaluation,
      pack,
      answers: answerMap,
      evidence,
      evidenceById: new Map(evidence.map((e) => [e.id, e])),
      links,
      linksByIndicator,
      members,
      currentMemberId: currentMember ? currentMemberId : null,
      currentMember,
      actor: actorOf(members, currentMemberId),
      result: score(pack, values),
      setPendingValue,
    };
  }, [
    evaluation,
    pack,
    answers,
    evidence,
    links,
    members,
    currentMemberId,
    pending,
    setPendingValue,
    storedProblems,
  ]);

  if (evaluation === null) {
    return (
      <div className="alert danger" role="alert">
        Evaluasi tidak ditemukan. Mungkin sudah dihapus.
      </div>
    );
  }
  if (evaluation && !pack) {
    const { id, version } = evaluation.instrument;
    // A pack loaded on this computer that a newer check refuses: updating the app is no help.
    const stored = skippedStoredPacks().find((s) => s.key === packKey(id, version));
    return stored ? (
      <div className="alert danger" role="alert">
        <p>
          Evaluasi ini memakai paket instrumen {id} versi {version} yang pernah dimuat di komputer
          ini, tetapi paket itu tidak lolos pemeriksaan aplikasi lagi:{' '}
          {stored.errors.slice(0, 3).join('; ')}
          {stored.errors.length > 3 ? `; dan ${stored.errors.length - 3} masalah lain.` : '.'}
        </p>
        <p>
          Muat berkas paket yang sudah diperbaiki (versi {version}) melalui layar Instrumen untuk
          membukanya. Jawaban dan bukti dukung evaluasi ini tidak diubah.
        </p>
      </div>
    ) : (
      <div className="alert danger" role="alert">
        Evaluasi ini memakai instrumen {id} versi {version} yang tidak dikenal oleh aplikasi ini.
        Perbarui aplikasi untuk membukanya.
      </div>
    );
  }
  if (pack && storedProblems.length > 0) {
    return (
      <div className="alert danger" role="alert">
        <p>
          Evaluasi ini menyimpan jawaban yang tidak sah untuk instrumen {pack.shortTitle}, sehingga
          indeksnya tidak dapat dihitung: {storedProblems.slice(0, 5).join('; ')}
          {storedProblems.length > 5
            ? `; dan ${formatNumber(storedProblems.length - 5, 0)} masalah lain.`
            : '.'}
        </p>
        <p>
          Data yang tersimpan tidak diubah. Pulihkan dari cadangan, atau hapus evaluasi ini melalui
          Daftar Evaluasi.
        </p>
      </div>
    );
  }
  if (!value) return <p role="status">Memuat evaluasi…</p>;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
