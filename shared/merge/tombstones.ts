/**
 * The one rule for deletions that travel (tombstones, shared/assessment/tombstone.ts), used by
 * the merge (analyze/apply) and by the import of a bundle over an evaluation:
 *
 * - A tombstone names a document (by SHA-256), a link (indicator + SHA-256) or a member (NIP, or
 *   name) and keeps the row as it was deleted. A source that still holds the item after its own
 *   tombstone re-created it: that tombstone no longer counts.
 * - Every other copy of the item is either untouched (equal to the deleted row, or to the base's
 *   copy when the merge has the common base; the base's own copy is the ancestor) or edited
 *   concurrently (another title, a link to another indicator, another role, ...).
 * - All copies untouched: the deletion is applied, the item leaves every source and is never
 *   resurrected. Any concurrent edit: a conflict the coordinator decides (delete or keep), with
 *   the deletion and every edited copy shown.
 * - A source without tombstones (a bundle of an older app version) is "blind": its deletions
 *   cannot be seen, and its items merge as before.
 */
import { z } from 'zod';
import type { EvidenceLink } from '../assessment/evidence';
import { memberIdSchema } from '../assessment/ids';
import { normalizeNip } from '../assessment/limits';
import type { EvaluationSnapshot } from '../assessment/snapshot';
import type { Member } from '../assessment/team';
import {
  evidenceKey,
  linkKey,
  memberKey,
  tombstoneKey,
  tombstoneLabel,
  type Tombstone,
  type TombstoneEntity,
} from '../assessment/tombstone';

/** What the rule needs of a source. `tombstones` null: the file carries none (older app). */
export interface TombstoneSource {
  id: string;
  label: string;
  snapshot: EvaluationSnapshot;
  tombstones?: readonly Tombstone[] | null;
}

/** One copy of a deleted item in a source that still holds it. */
export interface KeptCopy {
  sourceId: string;
  sourceLabel: string;
  /** The copy in words, to set beside the deletion. */
  description: string;
}

export interface DeletionCase {
  /** Identity across files (tombstoneKey). */
  key: string;
  entity: TombstoneEntity;
  /** What was deleted, for people. */
  label: string;
  /** The latest tombstone for the key. */
  tombstone: Tombstone;
  /** Sources whose file carries the deletion. */
  deletedIn: string[];
  /** Sources still holding an untouched copy: the copy goes when the deletion applies. */
  untouched: KeptCopy[];
  /** Sources holding a copy edited concurrently (conflict when not empty). */
  edited: KeptCopy[];
  /** The deleted item as the tombstone keeps it, in words. */
  deletedDescription: string;
}

export interface DeletionPlan {
  /** Deletions that apply by themselves (every copy untouched), with the copies they remove. */
  applied: DeletionCase[];
  /** Deletions against a concurrent edit: the coordinator decides. */
  conflicts: DeletionCase[];
  /** Sources without tombstones: their deletions cannot be seen. */
  blind: string[];
}

export const deletionChoices = ['delete', 'keep'] as const;
export type DeletionChoice = (typeof deletionChoices)[number];

export const deletionDecisionSchema = z.strictObject({
  key: z.string().min(1).max(400),
  choice: z.enum(deletionChoices),
  reason: z
    .string()
    .trim()
    .min(1, 'Alasan keputusan wajib diisi')
    .max(5_000, 'Alasan paling banyak 5.000 karakter'),
  decidedBy: z.strictObject({
    memberId: memberIdSchema.nullable(),
    name: z.string().trim().min(1, 'Nama yang memutuskan wajib diisi').max(120),
  }),
  decidedAt: z.number().int().nonnegative(),
});
export type DeletionDecision = z.infer<typeof deletionDecisionSchema>;

const linkState = (l: Pick<EvidenceLink, 'indicator' | 'levels' | 'note' | 'butir'>): string =>
  JSON.stringify([l.indicator, [...l.levels].sort(), l.note.trim(), [...(l.butir ?? [])].sort()]);

const memberState = (m: Member): string =>
  JSON.stringify([
    m.name.trim(),
    normalizeNip(m.nip),
    m.position.trim(),
    m.role,
    [...m.indicators].sort((a, b) => a - b),
  ]);

/** The items of a snapshot by key, with the state that tells an untouched copy from an edit. */
interface Item {
  state: string;
  description: string;
}

function itemsOf(snapshot: EvaluationSnapshot): Map<string, Item> {
  const items = new Map<string, Item>();
  const hashOf = new Map(snapshot.evidence.map((e) => [e.id as string, e.hash as string]));
  const linksByHash = new Map<string, EvidenceLink[]>();
  for (const l of snapshot.links) {
    const hash = hashOf.get(l.evidenceId);
    if (!hash) continue;
    linksByHash.set(hash, [...(linksByHash.get(hash) ?? []), l]);
    items.set(linkKey(l.indicator, hash), {
      state: linkState(l),
      description: describeLink(l),
    });
  }
  for (const e of snapshot.evidence) {
    const links = linksByHash.get(e.hash) ?? [];
    items.set(evidenceKey(e.hash), {
      state: evidenceState(e, links),
      description: describeEvidence(e, links),
    });
  }
  for (const m of snapshot.members) {
    items.set(memberKey(m), { state: memberState(m), description: describeMember(m) });
  }
  return items;
}

type EvidenceMeta = EvaluationSnapshot['evidence'][number];

const evidenceState = (e: EvidenceMeta, links: readonly EvidenceLink[]): string =>
  JSON.stringify([
    e.fileName,
    e.kind,
    e.title.trim(),
    e.number.trim(),
    e.documentDate,
    e.description.trim(),
    links.map(linkState).sort(),
  ]);

const describeLink = (l: Pick<EvidenceLink, 'indicator' | 'levels' | 'note'>): string =>
  `indikator ${l.indicator}${l.levels.length > 0 ? ` tingkat ${l.levels.join(', ')}` : ''}${l.note.trim() !== '' ? ` (${l.note.trim()})` : ''}`;

function describeEvidence(e: EvidenceMeta, links: readonly EvidenceLink[]): string {
  const parts = [`judul "${e.title.trim() || e.fileName}"`];
  if (e.number.trim() !== '') parts.push(`nomor ${e.number.trim()}`);
  parts.push(
    links.length > 0
      ? `ditautkan ke ${links.map(describeLink).join('; ')}`
      : 'tidak ditautkan ke indikator',
  );
  return parts.join(', ');
}

const describeMember = (m: Member): string =>
  `${m.name}${m.nip.trim() !== '' ? ` (NIP ${m.nip.trim()})` : ''}, peran ${m.role}${m.indicators.length > 0 ? `, indikator ${m.indicators.join(', ')}` : ''}`;

/** The state the tombstone keeps, as the items of a snapshot would show it. */
function deletedItem(t: Tombstone): Item {
  switch (t.entity) {
    case 'evidence':
      return {
        state: evidenceState(t.evidence, t.links),
        description: describeEvidence(t.evidence, t.links),
      };
    case 'link':
      return { state: linkState(t.link), description: describeLink(t.link) };
    case 'member':
      return { state: memberState(t.member), description: describeMember(t.member) };
  }
}

/**
 * Reads every source's tombstones against every source's items. `baseId` names the common base
 * when the merge has one.
 */
export function planDeletions(
  sources: readonly TombstoneSource[],
  baseId: string | null = null,
): DeletionPlan {
  const items = new Map(sources.map((s) => [s.id, itemsOf(s.snapshot)]));
  const blind = sources.filter((s) => s.tombstones == null && s.id !== baseId).map((s) => s.id);

  // The latest counting tombstone per key, and the sources whose file carries it.
  const byKey = new Map<string, { tombstone: Tombstone; deletedIn: string[] }>();
  for (const s of sources) {
    for (const t of s.tombstones ?? []) {
      const key = tombstoneKey(t);
      // Re-created in the same file after its deletion: the deletion no longer counts there.
      if (items.get(s.id)!.has(key)) continue;
      const found = byKey.get(key);
      if (!found) byKey.set(key, { tombstone: t, deletedIn: [s.id] });
      else {
        if (!found.deletedIn.includes(s.id)) found.deletedIn.push(s.id);
        if (t.at > found.tombstone.at) found.tombstone = t;
      }
    }
  }

  const applied: DeletionCase[] = [];
  const conflicts: DeletionCase[] = [];
  const baseItems = baseId ? items.get(baseId) : undefined;
  for (const [key, { tombstone, deletedIn }] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const deleted = deletedItem(tombstone);
    const untouched: KeptCopy[] = [];
    const edited: KeptCopy[] = [];
    for (const s of sources) {
      const copy = items.get(s.id)!.get(key);
      if (!copy) continue;
      const kept = { sourceId: s.id, sourceLabel: s.label, description: copy.description };
      const same =
        s.id === baseId ||
        copy.state === deleted.state ||
        copy.state === baseItems?.get(key)?.state;
      (same ? untouched : edited).push(kept);
    }
    const c: DeletionCase = {
      key,
      entity: tombstone.entity,
      label: tombstoneLabel(tombstone),
      tombstone,
      deletedIn,
      untouched,
      edited,
      deletedDescription: deleted.description,
    };
    if (edited.length > 0) conflicts.push(c);
    else applied.push(c);
  }
  return { applied, conflicts, blind };
}

/**
 * Removes the items named by `keys` from a snapshot: a document with all its links, a link, a
 * member. Answers stay (a removed member's past edits keep their id, as after a local removal).
 */
export function withoutDeleted(
  snapshot: EvaluationSnapshot,
  keys: ReadonlySet<string>,
): EvaluationSnapshot {
  if (keys.size === 0) return snapshot;
  const evidence = snapshot.evidence.filter((e) => !keys.has(evidenceKey(e.hash)));
  const hashOf = new Map(evidence.map((e) => [e.id as string, e.hash as string]));
  const links = snapshot.links.filter((l) => {
    const hash = hashOf.get(l.evidenceId);
    return hash !== undefined && !keys.has(linkKey(l.indicator, hash));
  });
  const members = snapshot.members.filter((m) => !keys.has(memberKey(m)));
  return { ...snapshot, evidence, links, members };
}

/**
 * The tombstones a merge result keeps so the deletions travel on: the latest per key, except for
 * items the result still holds (kept by the coordinator, or re-created), rewritten to the result.
 */
export function carriedTombstones(
  sources: readonly TombstoneSource[],
  result: EvaluationSnapshot,
): Tombstone[] {
  const present = itemsOf(result);
  const byKey = new Map<string, Tombstone>();
  for (const s of sources) {
    for (const t of s.tombstones ?? []) {
      const key = tombstoneKey(t);
      if (present.has(key)) continue;
      const found = byKey.get(key);
      if (!found || t.at > found.at) byKey.set(key, t);
    }
  }
  return [...byKey.values()].map((t) => ({ ...t, evaluationId: result.evaluation.id }));
}
