/**
 * The per-row rules that unite two copies of an evaluation's team, documents and links, used by
 * the merge (apply.ts) and by the import of a bundle over an evaluation (import-update.ts), so
 * the two never drift apart:
 *
 * - Team: one person per member id, NIP, or name when there is no NIP (`personKey`). Copies of
 *   the same person unite: their indicators are united, the higher role is kept, an empty
 *   position is filled from the other copy.
 * - Documents: one per SHA-256. Each field of the metadata (kind, title, number, date,
 *   description) comes from the copy that edited THAT field last: a copy counts as having edited
 *   a field when its file's history holds 'update' events of that field for it (`documentEdits`;
 *   the latest `at` ranks it) or, in a merge with the common base, when its field differs from
 *   the base copy's (ranked by the field's history, else its file's latest history event, else
 *   its export time); a field like the base's counts as unedited. A copy that did not edit a
 *   field never overrides one that did; a field no copy edited, and a field two copies edited at
 *   the same moment, keeps the first copy's value. A copy pinned by the caller (kept against its
 *   deletion) wins for every field. The union tells which fields two or more copies edited to
 *   different values (`EvidenceUnion.choices`); different fields edited by different copies are
 *   combined and are no clash.
 * - Links: one per indicator and document SHA-256; their levels are united and an empty note is
 *   filled from the other copy.
 *
 * Ids: a row keeps its id unless another row already uses it (in this union, or among the ids
 * the caller says are taken, e.g. by other evaluations in the database): then it gets a new one,
 * and the caller rewrites references with the id `add` returns.
 */
import type { AuditEvent } from '../assessment/audit';
import type { EvidenceLink, Evidence } from '../assessment/evidence';
import {
  newId,
  type EvaluationId,
  type EvidenceId,
  type LinkId,
  type MemberId,
} from '../assessment/ids';
import { evidenceKey, linkKey, personKey } from '../assessment/tombstone';
import type { Member, MemberRole } from '../assessment/team';

const roleRank: Record<MemberRole, number> = { coordinator: 3, lead: 2, dataEntry: 1, member: 0 };

const unitedNumbers = (a: readonly number[], b: readonly number[]): number[] =>
  [...new Set([...a, ...b])].sort((x, y) => x - y);

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/** Unites `other` into `kept` (the same person); true when `kept` changed. */
export function uniteMember(kept: Member, other: Member): boolean {
  let changed = false;
  const indicators = unitedNumbers(kept.indicators, other.indicators);
  if (!sameNumbers(indicators, kept.indicators)) {
    kept.indicators = indicators;
    changed = true;
  }
  if (roleRank[other.role] > roleRank[kept.role]) {
    kept.role = other.role;
    changed = true;
  }
  if (kept.position.trim() === '' && other.position.trim() !== '') {
    kept.position = other.position;
    changed = true;
  }
  return changed;
}

/** Unites `other` into `kept` (the same indicator and document); true when `kept` changed. */
export function uniteLink(
  kept: EvidenceLink,
  other: Pick<EvidenceLink, 'levels' | 'note'>,
): boolean {
  let changed = false;
  const levels = unitedNumbers(kept.levels, other.levels);
  if (!sameNumbers(levels, kept.levels)) {
    kept.levels = levels;
    changed = true;
  }
  if (kept.note.trim() === '' && other.note.trim() !== '') {
    kept.note = other.note;
    changed = true;
  }
  return changed;
}

/** Rows of one table united by identity keys; see the module docblock. */
class RowUnion<T extends { id: string }> {
  /** Every row of the union, held and added, in the order they came. */
  readonly rows: T[] = [];
  /** Rows added (not held), as they are to be stored. */
  readonly added: T[] = [];
  /** Copies that were united into a row already in the union. */
  united = 0;
  private readonly byKey = new Map<string, T>();
  private readonly used: Set<string>;
  private readonly held = new Set<T>();
  private readonly changedHeld = new Set<T>();

  constructor(
    taken: Iterable<string>,
    private readonly unite: (kept: T, other: T) => boolean,
  ) {
    this.used = new Set(taken);
  }

  /** Held rows (already stored) that a united copy changed: to be written again. */
  get changed(): T[] {
    return this.rows.filter((r) => this.changedHeld.has(r));
  }

  /**
   * A row already stored: kept as it is, with its id; copies added later unite into it. Rows held
   * are not united with each other (what is stored stays as it was stored).
   */
  protected holdRow(keys: readonly string[], row: T): T {
    this.used.add(row.id);
    this.held.add(row);
    this.rows.push(row);
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, row);
    return row;
  }

  /** Unites `row` with the row holding one of `keys`, or adds `make(id)` with a free id. */
  protected addRow(keys: readonly string[], row: T, make: (id: T['id']) => T): T {
    const kept = this.find(keys);
    if (kept) {
      this.uniteInto(kept, row, keys);
      return kept;
    }
    const id = this.used.has(row.id) ? newId<T['id']>() : row.id;
    this.used.add(id);
    const copy = make(id);
    this.rows.push(copy);
    this.added.push(copy);
    for (const k of keys) this.byKey.set(k, copy);
    return copy;
  }

  private find(keys: readonly string[]): T | undefined {
    for (const k of keys) {
      const found = this.byKey.get(k);
      if (found) return found;
    }
    return undefined;
  }

  /** Unites `other` into `kept`; true when `kept` changed. */
  protected uniteRows(kept: T, other: T): boolean {
    return this.unite(kept, other);
  }

  private uniteInto(kept: T, row: T, keys: readonly string[]): void {
    this.united += 1;
    if (this.uniteRows(kept, row) && this.held.has(kept)) this.changedHeld.add(kept);
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, kept);
  }
}

const memberKeys = (m: Member): string[] => [`id:${m.id}`, personKey(m)];

/** The team: one person per member id, NIP or name. */
export class MemberUnion extends RowUnion<Member> {
  constructor(
    private readonly evaluationId: EvaluationId,
    taken: Iterable<string> = [],
  ) {
    super(taken, uniteMember);
  }

  /** A stored member of the evaluation (kept as it is until a copy unites into it). */
  hold(m: Member): MemberId {
    return this.holdRow(memberKeys(m), { ...m, indicators: [...m.indicators] }).id;
  }

  /** Another copy's member; returns the id its references map to. */
  add(m: Member): MemberId {
    return this.addRow(memberKeys(m), m, (id) => ({
      ...m,
      id,
      evaluationId: this.evaluationId,
      indicators: [...m.indicators],
    })).id;
  }
}

/** The metadata of a document its users edit (each change is one audit 'update' event). */
export const evidenceMetadataFields = [
  'kind',
  'title',
  'number',
  'documentDate',
  'description',
] as const satisfies readonly (keyof Evidence)[];
export type EvidenceMetadataField = (typeof evidenceMetadataFields)[number];
type EvidenceMetadata = Pick<Evidence, EvidenceMetadataField>;

/** One field of the metadata the same (text compared trimmed, as the deletion rule does). */
export const sameEvidenceField = (a: Evidence, b: Evidence, f: EvidenceMetadataField): boolean => {
  const x = a[f];
  const y = b[f];
  return typeof x === 'string' && typeof y === 'string' ? x.trim() === y.trim() : x === y;
};

/** The same metadata (text compared trimmed, as the deletion rule compares documents). */
export const sameEvidenceMetadata = (a: Evidence, b: Evidence): boolean =>
  evidenceMetadataFields.every((f) => sameEvidenceField(a, b, f));

const metadataFieldSet = new Set<string>(evidenceMetadataFields);

/** When a copy's metadata was edited, per field (absent: never) and as a whole (the latest). */
export interface DocumentEditTimes {
  /** The latest edit of any field; null: never edited. */
  editedAt: number | null;
  /** The latest edit of each field. */
  fields: Partial<Record<EvidenceMetadataField, number>>;
}

/**
 * When each document of a snapshot had its metadata last edited, by the snapshot's history: per
 * field, the latest `at` of the 'update' events naming that field, and the latest of them all
 * (null when none). An event names its document by file name (its `note`,
 * renderer/src/db/commands/evidence.ts); where two documents of the snapshot share a file name,
 * an event counts for the one whose field holds the value the event wrote.
 */
export function documentEdits(
  snapshot: Readonly<{ evidence: readonly Evidence[]; audit: readonly AuditEvent[] }>,
): (e: Evidence) => DocumentEditTimes {
  const byName = new Map<string, AuditEvent[]>();
  for (const a of snapshot.audit) {
    if (a.entity !== 'evidence' || a.action !== 'update') continue;
    if (a.field === null || !metadataFieldSet.has(a.field)) continue;
    const list = byName.get(a.note);
    if (list) list.push(a);
    else byName.set(a.note, [a]);
  }
  const names = new Map<string, number>();
  for (const e of snapshot.evidence) names.set(e.fileName, (names.get(e.fileName) ?? 0) + 1);
  return (e) => {
    const shared = (names.get(e.fileName) ?? 0) > 1;
    const times: DocumentEditTimes = { editedAt: null, fields: {} };
    for (const a of byName.get(e.fileName) ?? []) {
      const f = a.field as EvidenceMetadataField;
      if (shared && a.newValue !== e[f]) continue;
      if (times.editedAt === null || a.at > times.editedAt) times.editedAt = a.at;
      if ((times.fields[f] ?? Number.NEGATIVE_INFINITY) < a.at) times.fields[f] = a.at;
    }
    return times;
  };
}

/** How a copy of a document ranks when copies unite; see the module docblock. */
export interface DocumentEdit {
  /** When the copy's metadata was last edited (any field); null: never (an unedited copy). */
  editedAt: number | null;
  /**
   * When each field was last edited (absent: that field never was); without it, every field
   * counts as edited at `editedAt`.
   */
  fields?: Partial<Record<EvidenceMetadataField, number>>;
  /** Wins over every other copy, for every field (a document kept against its deletion). */
  pinned?: boolean;
  /** Who brought the copy (a merge source id), for `choices`. */
  from?: string;
}

/**
 * Fields of a document two or more copies edited to different values, all kept from one copy:
 * that copy and the others (one document can have several, one per copy a field was kept from).
 */
export interface DocumentChoice {
  /** The united row (its metadata the kept copies'). */
  row: Evidence;
  /** The fields the copies clashed on, kept from `kept`. */
  fields: EvidenceMetadataField[];
  /**
   * The row's metadata combines the edits of two or more copies (then a sentence must name
   * `fields`, not the document's details as a whole).
   */
  combined: boolean;
  /** The copy kept and its latest edit of `fields`. */
  kept: { from: string | undefined; editedAt: number };
  /** The other copies that edited `fields` to other values, with their latest edit of them. */
  others: { from: string | undefined; editedAt: number }[];
}

interface Edited extends DocumentEdit {
  copy: Evidence;
}

/** When a copy edited field `f`; null: never. */
const fieldEditedAt = (d: DocumentEdit, f: EvidenceMetadataField): number | null =>
  d.fields ? (d.fields[f] ?? null) : d.editedAt;

const rankOf = (d: DocumentEdit, f: EvidenceMetadataField): number =>
  d.pinned ? Number.POSITIVE_INFINITY : (fieldEditedAt(d, f) ?? Number.NEGATIVE_INFINITY);

const unedited: DocumentEdit = { editedAt: null };

/** The documents: one per SHA-256, each field of its metadata from the copy that edited it last. */
export class EvidenceUnion extends RowUnion<Evidence> {
  /** Per united row and field: the copy whose value it holds. */
  private readonly holders = new Map<Evidence, Map<EvidenceMetadataField, DocumentEdit>>();
  /** Per united row: every edited copy (for `choices`). */
  private readonly edits = new Map<Evidence, Edited[]>();
  /** The rank of the copy being added. */
  private readonly incoming = new Map<Evidence, DocumentEdit>();

  constructor(
    private readonly evaluationId: EvaluationId,
    taken: Iterable<string> = [],
  ) {
    super(taken, () => false);
  }

  /** A stored document, edited as `edit` says (by default never). */
  hold(e: Evidence, edit: DocumentEdit = unedited): EvidenceId {
    const row = this.holdRow([evidenceKey(e.hash)], { ...e });
    this.note(row, e, edit);
    return row.id;
  }

  /**
   * Another copy's document (`addedBy` already mapped), edited as `edit` says; returns the id
   * links map to.
   */
  add(e: Evidence, addedBy: MemberId | null, edit: DocumentEdit = unedited): EvidenceId {
    this.incoming.set(e, edit);
    try {
      const row = this.addRow([evidenceKey(e.hash)], e, (id) => ({
        ...e,
        id,
        evaluationId: this.evaluationId,
        addedBy,
      }));
      if (!this.holders.has(row)) this.note(row, e, edit);
      return row.id;
    } finally {
      this.incoming.delete(e);
    }
  }

  /**
   * Per document, the fields two or more copies edited to different values, grouped by the copy
   * kept (pinned copies and copies without `from` count too). Fields edited by one copy only, or
   * to the same value, are no clash.
   */
  get choices(): DocumentChoice[] {
    const out: DocumentChoice[] = [];
    for (const row of this.rows) {
      const holders = this.holders.get(row);
      if (!holders) continue;
      const edited = this.edits.get(row) ?? [];
      const keptFrom = new Set<DocumentEdit>();
      const groups = new Map<DocumentEdit, DocumentChoice>();
      for (const f of evidenceMetadataFields) {
        const held = holders.get(f)!;
        const keptAt = fieldEditedAt(held, f);
        if (keptAt === null) continue;
        keptFrom.add(held);
        for (const c of edited) {
          const at = fieldEditedAt(c, f);
          if (at === null || c.from === held.from || sameEvidenceField(c.copy, row, f)) continue;
          let group = groups.get(held);
          if (!group) {
            const kept = { from: held.from, editedAt: keptAt };
            group = { row, fields: [], combined: false, kept, others: [] };
            groups.set(held, group);
          }
          if (!group.fields.includes(f)) {
            group.fields.push(f);
            group.kept.editedAt = Math.max(group.kept.editedAt, keptAt);
          }
          const other = group.others.find((o) => o.from === c.from);
          if (other) other.editedAt = Math.max(other.editedAt, at);
          else group.others.push({ from: c.from, editedAt: at });
        }
      }
      for (const group of groups.values()) out.push({ ...group, combined: keptFrom.size > 1 });
    }
    return out;
  }

  protected override uniteRows(kept: Evidence, other: Evidence): boolean {
    const edit = this.incoming.get(other) ?? unedited;
    this.record(kept, other, edit);
    const holders = this.holders.get(kept);
    if (!holders) return false;
    let changed = false;
    const taken: Partial<EvidenceMetadata> = {};
    for (const f of evidenceMetadataFields) {
      const rank = rankOf(edit, f);
      if (rank === Number.NEGATIVE_INFINITY || rank <= rankOf(holders.get(f)!, f)) continue;
      holders.set(f, edit);
      if (kept[f] !== other[f]) changed = true;
      Object.assign(taken, { [f]: other[f] });
    }
    Object.assign(kept, taken);
    return changed;
  }

  private note(row: Evidence, copy: Evidence, edit: DocumentEdit): void {
    this.holders.set(row, new Map(evidenceMetadataFields.map((f) => [f, edit])));
    this.record(row, copy, edit);
  }

  private record(row: Evidence, copy: Evidence, edit: DocumentEdit): void {
    if (edit.editedAt === null && !edit.fields) return;
    const list = this.edits.get(row) ?? [];
    list.push({ ...edit, copy });
    this.edits.set(row, list);
  }
}

/** The links: one per indicator and document SHA-256. */
export class LinkUnion extends RowUnion<EvidenceLink> {
  constructor(
    private readonly evaluationId: EvaluationId,
    taken: Iterable<string> = [],
  ) {
    super(taken, uniteLink);
  }

  /** A stored link whose document has SHA-256 `hash`. */
  hold(l: EvidenceLink, hash: string): LinkId {
    return this.holdRow([linkKey(l.indicator, hash)], { ...l, levels: [...l.levels] }).id;
  }

  /**
   * Another copy's link to the document with SHA-256 `hash`, stored here as `evidenceId`
   * (`addedBy` already mapped).
   */
  add(l: EvidenceLink, hash: string, evidenceId: EvidenceId, addedBy: MemberId | null): LinkId {
    return this.addRow([linkKey(l.indicator, hash)], l, (id) => ({
      ...l,
      id,
      evaluationId: this.evaluationId,
      evidenceId,
      levels: [...l.levels],
      addedBy,
    })).id;
  }
}
