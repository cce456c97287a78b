/**
 * Second half of a merge: applies the coordinator's resolutions to an analysis and builds the
 * merged evaluation as a new snapshot (the inputs stay untouched) with its merge record.
 *
 * - Answers: the automatic ones and the settled ones; each keeps the lineage of every copy it
 *   replaces, so a later exchange still sees it as their descendant.
 * - Evidence: the union of all sources, one document per SHA-256, each field of its metadata from
 *   the copy that edited that field last (./unite.ts; the record names the copy kept where
 *   sources edited the same field differently); links are those of the taken side(s), one per
 *   indicator and document (levels united, an empty note filled).
 * - Team: united, one person per member id, NIP (or name when no NIP), references rewritten.
 *   These row rules live in ./unite.ts, shared with the import of a bundle over an evaluation.
 * - Deletions (shared/merge/tombstones.ts): those that apply by themselves and those the
 *   coordinator decided to carry out leave every source before anything is united, so no copy
 *   brings the item back; the result keeps the tombstones so the deletions travel on.
 * - Audit log: united by event id, plus one event for the merge and one per settled conflict.
 */
import { MAX_ANCESTORS, type Answer } from '../assessment/answer';
import type { AuditEvent } from '../assessment/audit';
import {
  newId,
  type EvaluationId,
  type EvidenceId,
  type MemberId,
  type RevisionId,
} from '../assessment/ids';
import type { Evidence } from '../assessment/evidence';
import type { EvaluationSnapshot } from '../assessment/snapshot';
import type { Tombstone } from '../assessment/tombstone';
import { indonesianErrorMap } from '../format/zod-messages';
import { formatValue } from '../instrument/value';
import { checkValues } from '../scoring/score';
import { baseAnswerer, levelNameOf, type IndicatorOutcome, type MergeAnalysis } from './analyze';
import {
  carriedTombstones,
  deletionDecisionSchema,
  withoutDeleted,
  type DeletionCase,
  type DeletionDecision,
} from './tombstones';
import {
  MergeError,
  resolutionSchema,
  type Conflict,
  type MergeRecord,
  type MergeSource,
  type Resolution,
} from './types';
import {
  documentEdits,
  EvidenceUnion,
  LinkUnion,
  evidenceMetadataFields,
  MemberUnion,
  sameEvidenceField,
  type DocumentEdit,
} from './unite';

export interface ApplyMergeOptions {
  /** Defaults to a new random id. */
  mergeId?: string;
  /** The id of the merged evaluation; a new random id by default. */
  evaluationId?: string;
  /** Defaults to now. */
  now?: number;
  /** The coordinator has confirmed the analysis' mismatches (another instansi or year). */
  confirmMismatches?: boolean;
  /** Who ran the merge (the coordinator), for the merge audit event. */
  mergedBy?: { memberId: MemberId | null; name: string };
  /** One decision per deletion conflict (delete or keep, with its reason). */
  deletionDecisions?: readonly DeletionDecision[];
}

export interface MergeResult {
  snapshot: EvaluationSnapshot;
  record: MergeRecord;
  /** The deletions the merged evaluation carries on (for its next exchange). */
  tombstones: Tombstone[];
}

/** Checks the deletion decisions against the analysis; returns them by key. */
function checkDeletionDecisions(
  analysis: MergeAnalysis,
  decisions: readonly unknown[],
): { byKey: Map<string, DeletionDecision>; problems: string[] } {
  const problems: string[] = [];
  const byKey = new Map<string, DeletionDecision>();
  const cases = new Map(analysis.deletions.conflicts.map((c) => [c.key, c]));
  for (const raw of decisions) {
    const parsed = deletionDecisionSchema.safeParse(raw, { error: indonesianErrorMap });
    if (!parsed.success) {
      problems.push(
        `keputusan penghapusan: ${parsed.error.issues.map((i) => i.message).join(', ')}`,
      );
      continue;
    }
    const d = parsed.data;
    const c = cases.get(d.key);
    if (!c) {
      problems.push(`penghapusan "${d.key}" tidak berkonflik, jadi tidak perlu diputuskan`);
      continue;
    }
    if (byKey.has(d.key)) {
      problems.push(`penghapusan ${c.label} diputuskan lebih dari sekali`);
      continue;
    }
    byKey.set(d.key, d);
  }
  const open = analysis.deletions.conflicts.filter((c) => !byKey.has(c.key));
  if (open.length > 0) {
    problems.push(
      `${open.length} konflik penghapusan belum diputuskan (${open.map((c) => c.label).join(', ')})`,
    );
  }
  return { byKey, problems };
}

/** Checks the resolutions against the analysis; returns them by indicator. */
function checkResolutions(
  analysis: MergeAnalysis,
  resolutions: readonly unknown[],
): Map<number, Resolution> {
  const problems: string[] = [];
  const byIndicator = new Map<number, Resolution>();
  const conflicts = new Map(analysis.conflicts.map((c) => [c.indicator, c]));
  for (const raw of resolutions) {
    const parsed = resolutionSchema.safeParse(raw, { error: indonesianErrorMap });
    if (!parsed.success) {
      const indicator = (raw as { indicator?: unknown })?.indicator;
      problems.push(
        `keputusan${typeof indicator === 'number' ? ` indikator ${indicator}` : ''}: ${parsed.error.issues.map((i) => i.message).join(', ')}`,
      );
      continue;
    }
    const r = parsed.data;
    const conflict = conflicts.get(r.indicator);
    if (!conflict) {
      problems.push(`indikator ${r.indicator} tidak berkonflik, jadi tidak perlu diputuskan`);
      continue;
    }
    if (byIndicator.has(r.indicator)) {
      problems.push(`indikator ${r.indicator} diputuskan lebih dari sekali`);
      continue;
    }
    if (r.choice.kind === 'side') {
      const sourceId = r.choice.sourceId;
      if (!conflict.sides.some((s) => s.sourceIds.includes(sourceId))) {
        problems.push(`indikator ${r.indicator}: pilihan "${sourceId}" bukan salah satu pihak`);
        continue;
      }
    } else {
      for (const p of checkValues(analysis.pack, { [r.indicator]: r.choice.value })) {
        problems.push(`keputusan ${p}`);
      }
    }
    byIndicator.set(r.indicator, r);
  }
  const open = analysis.conflicts.filter((c) => !byIndicator.has(c.indicator));
  if (open.length > 0) {
    problems.push(
      `${open.length} konflik belum diputuskan (indikator ${open.map((c) => c.indicator).join(', ')})`,
    );
  }
  if (problems.length > 0) {
    throw new MergeError(
      `Penggabungan belum dapat diselesaikan: ${problems.join('; ')}.`,
      problems,
    );
  }
  return byIndicator;
}

/** Applies resolutions (one per conflict, each with its reason) and builds the merged evaluation. */
export function applyMerge(
  analysis: MergeAnalysis,
  resolutions: readonly Resolution[],
  options: ApplyMergeOptions = {},
): MergeResult {
  if (analysis.mismatches.length > 0 && !options.confirmMismatches) {
    throw new MergeError(
      `Berkas yang digabung tidak sejenis dan perlu konfirmasi: ${analysis.mismatches.join('; ')}.`,
      analysis.mismatches,
    );
  }
  const decisions = checkResolutions(analysis, resolutions);
  const deletionCheck = checkDeletionDecisions(analysis, options.deletionDecisions ?? []);
  if (deletionCheck.problems.length > 0) {
    throw new MergeError(
      `Penggabungan belum dapat diselesaikan: ${deletionCheck.problems.join('; ')}.`,
      deletionCheck.problems,
    );
  }
  const now = options.now ?? Date.now();
  const mergeId = options.mergeId ?? newId<string>();
  const evaluationId = (options.evaluationId ?? newId<string>()) as EvaluationId;
  // Every deletion carried out leaves every source first: no copy can bring the item back.
  const deleted = new Set([
    ...analysis.deletions.applied.map((c) => c.key),
    ...[...deletionCheck.byKey.values()].filter((d) => d.choice === 'delete').map((d) => d.key),
  ]);
  const sources = analysis.sources.map((s) => ({
    ...s,
    snapshot: withoutDeleted(s.snapshot, deleted),
  }));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const lead = sources[0]!;

  // Team, documents and links united by the rules the import shares (./unite.ts); every
  // source's ids mapped to the kept ones.
  const team = new MemberUnion(evaluationId);
  const memberMap = new Map<string, MemberId>();
  for (const s of sources) {
    for (const m of s.snapshot.members) memberMap.set(`${s.id}:${m.id}`, team.add(m));
  }
  const mapMember = (s: MergeSource, id: MemberId | null): MemberId | null =>
    id === null ? null : (memberMap.get(`${s.id}:${id}`) ?? id);

  // Documents: one per hash, each metadata field from the copy that edited it last (./unite.ts):
  // edited by its file's history, or against the base's copy when the merge has the base. A
  // document the coordinator kept against its deletion keeps the edited copy ("Pertahankan
  // versi yang diubah"): its copy is pinned and goes first (its id kept).
  const keptEdited = new Map<string, string>();
  for (const c of analysis.deletions.conflicts) {
    const edited = c.edited[0];
    if (c.tombstone.entity !== 'evidence' || !edited) continue;
    if (deletionCheck.byKey.get(c.key)?.choice === 'keep') {
      keptEdited.set(c.tombstone.evidence.hash, edited.sourceId);
    }
  }
  const base = sources.find((s) => s.kind === 'base');
  const baseCopies = new Map(base?.snapshot.evidence.map((e) => [e.hash as string, e]));
  const editsOf = new Map(sources.map((s) => [s.id, documentEdits(s.snapshot)]));
  // When each file was last changed: its latest history event, else its export.
  const changedAt = new Map(
    sources.map((s) => [s.id, latestEventAt(s.snapshot) ?? s.exportedAt ?? 0]),
  );
  const documentEdit = (s: (typeof sources)[number], e: Evidence): DocumentEdit => {
    const pinned = keptEdited.get(e.hash) === s.id;
    const times = editsOf.get(s.id)!(e);
    const baseCopy = s === base ? undefined : baseCopies.get(e.hash);
    if (!baseCopy) return { ...times, pinned, from: s.id };
    // With the base: a field like the base's is unedited; one unlike it is edited, at its
    // history's time, else when its file was last changed (its latest event) or exported.
    const fields: DocumentEdit['fields'] = {};
    let editedAt: number | null = null;
    for (const f of evidenceMetadataFields) {
      if (sameEvidenceField(baseCopy, e, f)) continue;
      const at = times.fields[f] ?? changedAt.get(s.id)!;
      fields[f] = at;
      editedAt = Math.max(editedAt ?? at, at);
    }
    return { editedAt, fields, pinned, from: s.id };
  };
  const documents = new EvidenceUnion(evaluationId);
  const evidenceMap = new Map<string, EvidenceId>();
  const addDocument = (s: (typeof sources)[number], e: Evidence) =>
    evidenceMap.set(
      `${s.id}:${e.id}`,
      documents.add(e, mapMember(s, e.addedBy), documentEdit(s, e)),
    );
  for (const s of sources) {
    for (const e of s.snapshot.evidence) if (keptEdited.get(e.hash) === s.id) addDocument(s, e);
  }
  for (const s of sources) {
    for (const e of s.snapshot.evidence) if (keptEdited.get(e.hash) !== s.id) addDocument(s, e);
  }

  // Answers, links and provenance per indicator.
  const answers: Answer[] = [];
  const linkUnion = new LinkUnion(evaluationId);
  const addLinks = (indicator: number, sourceIds: readonly string[], onlyHashes?: Set<string>) => {
    for (const sid of sourceIds) {
      const s = sourceById.get(sid)!;
      const byId = new Map(s.snapshot.evidence.map((e) => [e.id as string, e]));
      for (const l of s.snapshot.links) {
        if (l.indicator !== indicator) continue;
        const ev = byId.get(l.evidenceId);
        if (!ev) continue;
        if (onlyHashes && !onlyHashes.has(ev.hash)) continue;
        linkUnion.add(
          l,
          ev.hash,
          evidenceMap.get(`${sid}:${l.evidenceId}`)!,
          mapMember(s, l.addedBy),
        );
      }
    }
  };
  const lineage = (taken: Answer, copies: IndicatorOutcome['copies']): RevisionId[] => {
    const all: RevisionId[] = [];
    for (const c of copies) all.push(...c.answer.ancestors, c.answer.revision);
    const unique = [...new Set(all)].filter((r) => r !== taken.revision);
    return unique.slice(Math.max(0, unique.length - MAX_ANCESTORS));
  };

  // The author of the base's copy, when the taken answer is (also) the base's: the Berita Acara
  // credits an answer imported into the coordinator's evaluation to the assessor who gave it.
  const answeredBy = (
    from: readonly string[],
    copies: IndicatorOutcome['copies'],
  ): { answeredBy?: string } => {
    const base = sources.find((s) => s.kind === 'base' && from.includes(s.id));
    const copy = base && copies.find((c) => c.sourceId === base.id);
    const name = base && copy ? baseAnswerer(base, copy.answer) : null;
    return name ? { answeredBy: name } : {};
  };
  const provenance: MergeRecord['provenance'] = [];
  const recordConflicts: MergeRecord['conflicts'] = [];
  const resolveEvents: AuditEvent[] = [];
  for (const outcome of analysis.outcomes) {
    const { indicator } = outcome;
    if (outcome.kind === 'auto') {
      const s = sourceById.get(outcome.sourceId)!;
      answers.push({
        ...outcome.answer,
        evaluationId,
        updatedBy: mapMember(s, outcome.answer.updatedBy),
        ancestors: lineage(outcome.answer, outcome.copies),
        revisionOpen: false,
      });
      addLinks(indicator, outcome.from);
      provenance.push({
        indicator,
        how: outcome.how,
        from: outcome.from,
        superseded: outcome.superseded,
        ...answeredBy(outcome.from, outcome.copies),
      });
      continue;
    }
    const decision = decisions.get(indicator)!;
    const conflict = outcome.conflict;
    let answer: Answer;
    let from: string[];
    let decisionLabel: string;
    if (decision.choice.kind === 'side') {
      const sourceId = decision.choice.sourceId;
      const side = conflict.sides.find((x) => x.sourceIds.includes(sourceId))!;
      const s = sourceById.get(side.sourceId)!;
      answer = {
        ...side.answer,
        evaluationId,
        updatedBy: mapMember(s, side.answer.updatedBy),
        ancestors: lineage(side.answer, outcome.copies),
        revisionOpen: false,
      };
      from = side.sourceIds;
      addLinks(indicator, side.sourceIds);
      decisionLabel = `Versi ${side.assessor?.name ?? side.sourceLabels.join(', ')} (${side.sourceLabels.join(', ')})`;
    } else {
      const w = decision.choice;
      const template = conflict.sides[0]!.answer;
      // The source index and butir statuses: the written ones, else the most recently changed
      // version's (where the conflict screen starts a written answer), recorded either way.
      const latest = conflict.sides.reduce((a, b) =>
        b.answer.updatedAt > a.answer.updatedAt ? b : a,
      );
      const revision = newId<RevisionId>();
      answer = {
        ...withoutPemdiDetails(template),
        ...pemdiDetails({
          external: w.external !== undefined ? w.external : latest.answer.external,
          butir: w.butir ?? latest.answer.butir,
        }),
        evaluationId,
        value: w.value,
        justification: w.justification,
        agency: w.agency,
        status: 'submitted',
        updatedAt: decision.decidedAt,
        updatedBy: decision.decidedBy.memberId,
        revision,
        ancestors: lineage({ ...template, revision }, outcome.copies),
        revisionOpen: false,
      };
      from = conflict.sides.flatMap((x) => x.sourceIds);
      addLinks(indicator, from, w.evidenceHashes ? new Set(w.evidenceHashes) : undefined);
      decisionLabel = 'Jawaban ditetapkan koordinator';
    }
    answers.push(answer);
    provenance.push({
      indicator,
      how: 'resolved',
      from,
      superseded: [],
      ...(decision.choice.kind === 'side' ? answeredBy(from, outcome.copies) : {}),
    });
    recordConflicts.push({
      indicator,
      indicatorName: conflict.indicatorName,
      sides: conflict.sides.map((side) => recordSide(side)),
      decision: decision.choice,
      decisionLabel,
      value: answer.value,
      levelName: levelNameOf(analysis.pack, indicator, answer.value),
      ...pemdiDetails(answer),
      reason: decision.reason,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt,
    });
    resolveEvents.push({
      id: newId<string>(),
      evaluationId,
      at: decision.decidedAt,
      actor: decision.decidedBy.memberId,
      actorName: decision.decidedBy.name,
      entity: 'answer',
      action: 'resolve',
      indicator,
      field: 'value',
      oldValue: conflict.sides
        // Each side's value as its pack writes it ("2,75"): the history shows this text as is.
        .map(
          (x) =>
            `${x.assessor?.name ?? x.sourceLabels.join(', ')}: ${x.answer.value === null ? '-' : formatValue(analysis.pack, x.answer.value)}`,
        )
        .join('; ')
        .slice(0, 20_000),
      newValue: answer.value === null ? null : String(answer.value),
      note: decision.reason,
    });
  }
  // Links of indicators nobody answered still come along (documents attached ahead of time).
  const answered = new Set(answers.map((a) => a.indicator));
  const linkOnly = new Set<number>();
  for (const s of sources)
    for (const l of s.snapshot.links) if (!answered.has(l.indicator)) linkOnly.add(l.indicator);
  for (const indicator of linkOnly)
    addLinks(
      indicator,
      sources.map((s) => s.id),
    );

  // Audit: united by id, references rewritten, then the merge's own events.
  const audit: AuditEvent[] = [];
  const auditIds = new Set<string>();
  for (const s of sources) {
    for (const e of s.snapshot.audit) {
      if (auditIds.has(e.id)) continue;
      auditIds.add(e.id);
      const { seq: _seq, ...rest } = e;
      audit.push({ ...rest, evaluationId, actor: mapMember(s, e.actor) });
    }
  }
  audit.push({
    id: newId<string>(),
    evaluationId,
    at: now,
    actor: options.mergedBy?.memberId ?? null,
    actorName: options.mergedBy?.name ?? '',
    entity: 'evaluation',
    action: 'merge',
    indicator: null,
    field: null,
    oldValue: null,
    newValue: null,
    note: `Gabungan dari ${sources.map((s) => s.label).join(', ')} (penggabungan ${mergeId})`.slice(
      0,
      5_000,
    ),
  });
  audit.push(...resolveEvents);
  audit.sort((a, b) => a.at - b.at);

  const leadEval = lead.snapshot.evaluation;
  const logoHash =
    leadEval.instansi.logoHash ??
    sources.map((s) => s.snapshot.evaluation.instansi.logoHash).find((h) => h !== null) ??
    null;
  // The team's compliance decisions: per obligation the coordinator's, or where the sources
  // differ, the later decision (a decision carries its moment).
  const complianceDecisions: NonNullable<typeof leadEval.complianceDecisions> = {};
  for (const s of sources) {
    for (const [key, d] of Object.entries(s.snapshot.evaluation.complianceDecisions ?? {})) {
      const held = complianceDecisions[key];
      if (!held || d.at > held.at) complianceDecisions[key] = d;
    }
  }
  const snapshot: EvaluationSnapshot = {
    evaluation: {
      ...leadEval,
      ...(Object.keys(complianceDecisions).length > 0 ? { complianceDecisions } : {}),
      id: evaluationId,
      instansi: { ...leadEval.instansi, logoHash },
      status: 'active',
      origin: { kind: 'merged', mergeId },
      createdAt: now,
      updatedAt: now,
    },
    answers: answers.sort((a, b) => a.indicator - b.indicator),
    evidence: documents.rows,
    links: linkUnion.rows,
    members: team.rows,
    audit,
  };

  const labelOf = (id: string | undefined): string =>
    (id === undefined ? undefined : sourceById.get(id)?.label) ?? id ?? '—';
  const record: MergeRecord = {
    id: mergeId,
    mergedAt: now,
    evaluationId,
    instrument: { ...leadEval.instrument },
    instansi: leadEval.instansi.name,
    year: leadEval.year,
    inputs: analysis.sources.map((s) => ({
      sourceId: s.id,
      kind: s.kind,
      label: s.label,
      exportedBy: s.exportedBy?.name ?? null,
      exportedAt: s.exportedAt,
      manifestHash: s.manifestHash,
      fileHash: s.fileHash,
      scope: s.scope,
      answers: s.snapshot.answers.length,
      evidence: s.snapshot.evidence.length,
    })),
    provenance,
    conflicts: recordConflicts,
    deletions: [
      ...analysis.deletions.applied.map((c) => recordDeletion(c, sourceById, null)),
      ...analysis.deletions.conflicts.map((c) =>
        recordDeletion(c, sourceById, deletionCheck.byKey.get(c.key)!),
      ),
    ],
    blindInputs: analysis.deletions.blind.map((id) => sourceById.get(id)!.label),
    documentChoices: documents.choices.map((c) => ({
      hash: c.row.hash,
      fileName: c.row.fileName,
      title: c.row.title,
      ...(c.combined ? { fields: c.fields } : {}),
      kept: { sourceLabel: labelOf(c.kept.from), editedAt: c.kept.editedAt },
      others: c.others.map((o) => ({ sourceLabel: labelOf(o.from), editedAt: o.editedAt })),
    })),
    totals: {
      answers: answers.length,
      evidence: documents.rows.length,
      evidenceDuplicates: documents.united,
      links: linkUnion.rows.length,
      members: team.rows.length,
      membersMerged: team.united,
      auditEvents: audit.length,
    },
  };
  return { snapshot, record, tombstones: carriedTombstones(analysis.sources, snapshot) };
}

/** The latest event of a source's history; null when it has none. */
function latestEventAt(snapshot: EvaluationSnapshot): number | null {
  let latest: number | null = null;
  for (const e of snapshot.audit) if (latest === null || e.at > latest) latest = e.at;
  return latest;
}

function recordDeletion(
  c: DeletionCase,
  sourceById: ReadonlyMap<string, MergeSource>,
  decision: DeletionDecision | null,
): NonNullable<MergeRecord['deletions']>[number] {
  const label = (id: string): string => sourceById.get(id)?.label ?? id;
  return {
    key: c.key,
    entity: c.entity,
    label: c.label,
    deletedBy: c.tombstone.by.name,
    deletedAt: c.tombstone.at,
    deletedIn: c.deletedIn.map(label),
    removedFrom: [...c.untouched, ...c.edited].map((k) => k.sourceLabel),
    edited: c.edited.map((k) => ({ sourceLabel: k.sourceLabel, description: k.description })),
    deletedDescription: c.deletedDescription,
    decision: decision
      ? {
          choice: decision.choice,
          reason: decision.reason,
          decidedBy: decision.decidedBy,
          decidedAt: decision.decidedAt,
        }
      : null,
  };
}

function recordSide(
  side: Conflict['sides'][number],
): MergeRecord['conflicts'][number]['sides'][number] {
  return {
    sourceIds: side.sourceIds,
    sourceLabels: side.sourceLabels,
    exporters: side.exporters,
    assessor: side.assessor?.name ?? null,
    value: side.answer.value,
    levelName: side.levelName,
    justification: side.answer.justification,
    agency: side.answer.agency,
    updatedAt: side.answer.updatedAt,
    evidence: side.evidence.map((e) => ({
      hash: e.hash,
      fileName: e.fileName,
      title: e.title,
    })),
    ...pemdiDetails(side.answer),
  };
}

/**
 * An answer's Pemdi details (entered source index, butir statuses), only those it holds: an
 * answer or record of an instrument without them stays exactly as before.
 */
function pemdiDetails(
  answer: Pick<Answer, 'external' | 'butir'>,
): Pick<Answer, 'external' | 'butir'> {
  return {
    ...(answer.external !== undefined ? { external: answer.external } : {}),
    ...(answer.butir !== undefined ? { butir: answer.butir } : {}),
  };
}

function withoutPemdiDetails(answer: Answer): Omit<Answer, 'external' | 'butir'> {
  const { external: _external, butir: _butir, ...rest } = answer;
  return rest;
}
